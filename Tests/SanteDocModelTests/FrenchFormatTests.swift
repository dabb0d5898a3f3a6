import XCTest

@testable import SanteDocModel

final class FrenchFormatTests: XCTestCase {
    let nbsp = "\u{00A0}"

    func testIntegersAreGroupedByThousands() {
        XCTAssertEqual(FrenchFormat.integer(64455), "64\(nbsp)455")
        XCTAssertEqual(FrenchFormat.integer(370000), "370\(nbsp)000")
        XCTAssertEqual(FrenchFormat.integer(999), "999")
        XCTAssertEqual(FrenchFormat.integer(-1_234_567), "\u{2212}1\(nbsp)234\(nbsp)567")
    }

    func testDecimalsUseACommaAndRoundHalfAwayFromZero() {
        XCTAssertEqual(FrenchFormat.decimal(14.649, places: 2), "14,65")
        XCTAssertEqual(FrenchFormat.decimal(0.125, places: 2), "0,13")
        XCTAssertEqual(FrenchFormat.decimal(111.3, places: 1), "111,3")
        XCTAssertEqual(FrenchFormat.decimal(-1.1, places: 2), "\u{2212}1,10")
        XCTAssertEqual(
            FrenchFormat.decimal(1e30, places: 2),
            "1\(nbsp)000\(nbsp)000\(nbsp)000\(nbsp)000\(nbsp)000\(nbsp)019\(nbsp)884\(nbsp)624\(nbsp)838\(nbsp)656",
            "never traps")
        XCTAssertEqual(FrenchFormat.decimal(Double(Int.max), places: 0).isEmpty, false)
        XCTAssertEqual(FrenchFormat.decimal(1234.5, places: 0), "1\(nbsp)235")
    }

    func testCountsAgreeInNumber() {
        XCTAssertEqual(FrenchFormat.count(1, "étape", "étapes"), "1 étape")
        XCTAssertEqual(FrenchFormat.count(0, "étape", "étapes"), "0 étape")
        XCTAssertEqual(FrenchFormat.count(2, "étape", "étapes"), "2 étapes")
    }

    func testSlugsAreAsciiAndHyphenated() {
        XCTAssertEqual(FrenchFormat.slug("Médecins généralistes"), "medecins-generalistes")
        XCTAssertEqual(FrenchFormat.slug("Infirmier(e)s"), "infirmier-e-s")
        XCTAssertEqual(FrenchFormat.slug("Chirurgiens-dentistes"), "chirurgiens-dentistes")
        XCTAssertEqual(FrenchFormat.slug(" --ŒUVRE À l’ÉTÉ 2025 ! "), "uvre-a-l-ete-2025")
        XCTAssertEqual(FrenchFormat.slug("«  »"), "x")
        XCTAssertEqual(FrenchFormat.slug(""), "x")
    }

    /// The slug folds only the characters that are not ASCII; it must give what folding the
    /// whole text gave (ids in the documents stay the same).
    func testSlugsFoldAsTheWholeTextWouldBeFolded() {
        func wholeText(_ text: String) -> String {
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            var slug = ""
            for scalar in folded.unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    slug.unicodeScalars.append(scalar)
                } else if !slug.isEmpty, !slug.hasSuffix("-") {
                    slug += "-"
                }
            }
            while slug.hasSuffix("-") { slug.removeLast() }
            return slug.isEmpty ? "x" : slug
        }
        let alphabet = Array("aZ09 -_.é É è ç Ç œ Œ ß ﬁ ñ Å ø ΣΑΣ ς 漢 e\u{301} \r\n\t’«»😀")
        var texts = ["Médecins généralistes", "Soins non programmés", "2. État de santé", "Ça va", "ÉLÉ"]
        // Every pair and triple of characters: what the slug does at each boundary.
        for a in alphabet {
            for b in alphabet {
                texts.append(String([a, b]))
                for c in alphabet.prefix(12) { texts.append(String([c, a, b])) }
            }
        }
        for text in texts { XCTAssertEqual(FrenchFormat.slug(text), wholeText(text), text.debugDescription) }
    }

    func testMonthArithmeticClampsToTheEndOfShorterMonths() {
        let date = CalendarDate(year: 2023, month: 8, day: 31)!
        XCTAssertEqual(date.adding(months: 6).iso, "2024-02-29")
        XCTAssertEqual(date.adding(months: 18).iso, "2025-02-28")
        XCTAssertEqual(CalendarDate(iso: "2020-06-17")?.adding(months: 12).iso, "2021-06-17")
        XCTAssertNil(CalendarDate(iso: "2020-02-30"))
        XCTAssertNil(CalendarDate(iso: "17/06/2020"))
    }
}
