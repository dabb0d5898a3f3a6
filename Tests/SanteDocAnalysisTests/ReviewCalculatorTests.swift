import Foundation
import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// The annual review of years 1 and 2 on the complete fixture (taille 3, ACI 2019 amended by
/// avenant 2, signed 15 March 2023), computed by hand: results for every indicator, some
/// reached, some on a tier, one missing.
final class ReviewCalculatorTests: XCTestCase {
    /// The complete fixture with amounts on the parcours and prévention indicators and the
    /// results of two years (`Tests/Fixtures/bilan/projet.yaml`).
    static func yaml() throws -> String {
        try String(contentsOf: TestSupport.fixtures.appendingPathComponent("bilan/projet.yaml"), encoding: .utf8)
    }

    func review(_ year: Int) throws -> AnnualReview {
        let yaml = try Self.yaml()
        let (figures, diagnostics) = TestSupport.figures(yaml)
        XCTAssertFalse(diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let project = TestSupport.readData(yaml).0
        return try XCTUnwrap(ReviewCalculator.review(year: year, project: project, figures: figures))
    }

    func earned(_ review: AnnualReview) -> [String: Int?] {
        Dictionary(
            uniqueKeysWithValues: review.missions.flatMap(\.indicators).map { ($0.indicator.label, $0.earned) })
    }

    func testYearOne() throws {
        let review = try review(1)
        // Year 1: 15 March 2023 – 14 March 2024, 366 days (29 February 2024).
        // Accès aux soins (contract: 90 000 fixed, 35 000 variable):
        //   ALD, tiers 27 000 (≤ 50) / 18 000 (51 à 100) / 9 000 (101 à 219): 87 patients → 18 000;
        //   annuaire « publié », 5 000: « oui » → 5 000; SAS « 10 médecins » (at least), 3 000: 7 → 0.
        // Parcours (ACI: 45 000 / 45 000): tiers 45 000 (≥ 100) / 22 500 (50 à 99): 60 patients → 22 500.
        // Prévention starts in year 2 (latest start 15 March 2024); the crisis plan has no variable part.
        XCTAssertEqual(
            earned(review),
            [
                "Patients en ALD sans médecin traitant": 18_000, "Annuaire de l’offre locale publié": 5_000,
                "Participation au SAS": 0, "Patients inclus": 22_500,
                "Plan de crise rédigé et mis à jour chaque année": nil,
            ])
        let access = try XCTUnwrap(review.missions.first { $0.id == "acces-soins" })
        XCTAssertEqual(access.indicators[0].outcome, .tier(1), "« 51 à 100 patients »")
        XCTAssertEqual(access.indicators[2].outcome, .missed)
        XCTAssertEqual([access.earned, access.variableMaximum], [23_000, 35_000])
        XCTAssertEqual(review.missions.map(\.id), ["acces-soins", "parcours", "crises-sanitaires"])
        XCTAssertEqual(review.notStarted.map(\.startYear), [2])
        XCTAssertEqual(review.earned, 45_500, "23 000 + 22 500")
        XCTAssertEqual(review.pending, 0)
        // Fixed parts, pro rata of the days from the mission's start to the anniversary:
        //   accès from 1 June 2023, 288 days: 90 000 × 288/366 = 70 819,67 (advance 53 114,75, balance 17 704,92);
        //   parcours from 15 January 2024, 60 days: 45 000 × 60/366 = 7 377,05 (5 532,79 + 1 844,26);
        //   crise, first year 45 000, from 15 September 2023, 182 days: 22 377,05 (16 782,79 + 5 594,26);
        //   fonctionnement 75 000 at the signature.
        // Rounded on the running total, advances first (75 000; 128 114,75 → 128 115; 144 897,54 → 144 898;
        // 150 430,33 → 150 430), then balances (168 135,25 → 168 135; 169 979,51 → 169 980; 175 573,77 → 175 574):
        //   advances 75 000 + 53 115 + 16 783 + 5 532 = 150 430; balances 17 705 + 1 845 + 5 594 = 25 144.
        XCTAssertEqual(
            review.lines.map { "\($0.id) \($0.part.rawValue) \($0.due ?? -1) \($0.advanced ?? -1)" },
            [
                "fonctionnement operating 75000 75000", "acces-soins fixed 70820 53115",
                "acces-soins variable 23000 0", "parcours fixed 7377 5532", "parcours variable 22500 0",
                "crises-sanitaires fixed 22377 16783",
            ])
        // Due 175 574 + 45 500 = 221 074; advanced 150 430; balance 25 144 + 45 500 = 70 644.
        XCTAssertEqual([review.due, review.advanced, review.balance], [221_074, 150_430, 70_644])
    }

    func testYearTwo() throws {
        let review = try review(2)
        // Year 2: 15 March 2024 – 14 March 2025. The ALD target is « ≤ 50 » from year 2 on.
        //   ALD 48 patients → tier « ≤ 50 patients » 27 000; annuaire 5 000; SAS: no result → 3 000 pending.
        //   Parcours 120 patients → 45 000. Prévention 31 % for « 35 % » (up from 28 %: at least 35 %) → 0.
        XCTAssertEqual(
            earned(review),
            [
                "Patients en ALD sans médecin traitant": 27_000, "Annuaire de l’offre locale publié": 5_000,
                "Participation au SAS": nil, "Patients inclus": 45_000, "Taux de dépistage colorectal": 0,
                "Plan de crise rédigé et mis à jour chaque année": nil,
            ])
        let access = try XCTUnwrap(review.missions.first { $0.id == "acces-soins" })
        XCTAssertEqual(access.indicators[0].target?.text, "≤ 50")
        XCTAssertEqual(access.indicators[0].targetSetIn, 2)
        XCTAssertEqual(access.indicators[0].targetOutcome, .met)
        XCTAssertEqual(access.indicators[2].outcome, .notEntered, "never counted as reached or missed")
        XCTAssertEqual([access.earned, access.pending], [32_000, 3_000])
        let prevention = try XCTUnwrap(review.missions.first { $0.id == "prevention" })
        XCTAssertEqual(prevention.indicators[0].target?.reading, "au moins 35 %")
        XCTAssertEqual([review.earned, review.pending], [77_000, 3_000], "32 000 + 45 000 + 0")
        // Fixed parts in a later year: 75 % at the anniversary, 25 % after the review — fonctionnement
        // 56 250 + 18 750, accès 67 500 + 22 500, parcours 33 750 + 11 250, crise (update year) 16 875 + 5 625;
        // prévention starts on the anniversary, its first year is whole: 13 125 + 4 375.
        // Due 75 000 + 90 000 + 45 000 + 17 500 + 22 500 = 250 000, plus 77 000 earned: 327 000.
        // Advanced 56 250 + 67 500 + 33 750 + 13 125 + 16 875 = 187 500. Balance 62 500 + 77 000 = 139 500.
        XCTAssertEqual([review.due, review.advanced, review.balance], [327_000, 187_500, 139_500])
        XCTAssertEqual(
            review.history,
            [
                .init(year: 1, earned: 45_500, maximum: 80_000, pending: 0),
                .init(year: 2, earned: 77_000, maximum: 97_500, pending: 3_000),
            ])
    }

    func testFreeTextIsNeverCountedAsReachedOrMissed() {
        var indicator = MissionIndicator(label: "x", kind: .result, location: SourceLocation(file: "p"))
        indicator.target.signed = Located(
            ConditionReader.condition("publié avant fin 2024", tier: false), at: SourceLocation(file: "p"))
        indicator.pay.signed = Located(.amount(4_000), at: SourceLocation(file: "p"))
        indicator.results[1] = IndicatorResult(
            value: Located("oui", at: SourceLocation(file: "p")), measure: .yes, location: SourceLocation(file: "p"))
        let review = ReviewCalculator.review(indicator, year: 1)
        guard case .notComputable = review.outcome else { return XCTFail("\(review.outcome)") }
        XCTAssertNil(review.earned)
        XCTAssertEqual(review.pending, 4_000)
    }
}
