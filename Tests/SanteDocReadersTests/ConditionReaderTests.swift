import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// Targets and tiers as contracts write them, read into tests the review evaluates.
final class ConditionReaderTests: XCTestCase {
    func test(_ text: String, tier: Bool = false, initial: String? = nil) -> Condition.Test? {
        ConditionReader.condition(text, tier: tier, initial: initial).test
    }

    func testComparisonsRangesAndYesNo() {
        XCTAssertEqual(test("≤ 50 patients"), .atMost(50))
        XCTAssertEqual(ConditionReader.condition("≤ 50 patients", tier: true).unit, "patients")
        XCTAssertEqual(test("<= 50"), .atMost(50))
        XCTAssertEqual(test("au plus 1 000 patients"), .atMost(1_000), "thousands with a space")
        XCTAssertEqual(test("au moins 35,5 %"), .atLeast(35.5))
        XCTAssertEqual(test("moins de 10"), .lessThan(10))
        XCTAssertEqual(test("plus de 10 médecins"), .moreThan(10))
        XCTAssertEqual(test("51 à 100 patients", tier: true), .between(51, 100))
        XCTAssertEqual(test("entre 51 et 100", tier: true), .between(51, 100))
        XCTAssertEqual(test("de 51 à 100 patients", tier: true), .between(51, 100))
        XCTAssertEqual(test("oui"), .done)
        XCTAssertEqual(test("Publié"), .done)
        XCTAssertEqual(test("mis en place"), .done)
    }

    func testABareNumberIsATargetInTheDirectionTheIndicatorMoves() {
        XCTAssertEqual(test("100", initial: "219"), .atMost(100), "down from 219")
        XCTAssertEqual(test("35 %", initial: "28 %"), .atLeast(35), "up from 28 %")
        XCTAssertEqual(test("10 médecins"), .atLeast(10), "no starting value: at least")
        XCTAssertTrue(ConditionReader.condition("100", tier: false).isInferred)
        XCTAssertNil(test("100", tier: true), "a tier must say which way")
    }

    func testFreeTextStaysTextAndIsNotComputable() {
        for text in ["publié avant fin 2024", "10 médecins en 2024", "≤ 50 ou 60", "100 à 50", "beaucoup"] {
            XCTAssertNil(test(text, tier: true), text)
            XCTAssertEqual(ConditionReader.condition(text, tier: true).text, text, "kept as written")
        }
    }

    func testResults() {
        XCTAssertEqual(ConditionReader.measure("87 patients"), .number(87, unit: "patients"))
        XCTAssertEqual(ConditionReader.measure("32,5 %"), .number(32.5, unit: "%"))
        XCTAssertEqual(ConditionReader.measure("1 200"), .number(1_200, unit: nil))
        XCTAssertEqual(ConditionReader.measure("oui"), .yes)
        XCTAssertEqual(ConditionReader.measure("Non"), .no)
        XCTAssertEqual(ConditionReader.measure("en cours"), .text)
    }

    func testEvaluationComparesUnitsWithoutCaseOrPlural() {
        let tier = ConditionReader.condition("51 à 100 patients", tier: true)
        XCTAssertEqual(tier.evaluate(.number(87, unit: "Patient")), .met)
        XCTAssertEqual(tier.evaluate(.number(101, unit: "patients")), .unmet)
        XCTAssertEqual(tier.evaluate(.number(100, unit: nil)), .met, "bounds included")
        guard case .notComputable = tier.evaluate(.number(87, unit: "%")) else { return XCTFail("units differ") }
        guard case .notComputable = tier.evaluate(.yes) else { return XCTFail("a number is expected") }
        XCTAssertEqual(ConditionReader.condition("oui", tier: false).evaluate(.no), .unmet)
        XCTAssertEqual(ConditionReader.condition("≤ 50", tier: false).reading, "au plus 50")
    }
}
