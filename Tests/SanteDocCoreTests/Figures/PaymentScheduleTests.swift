import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocCore
@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocReaders
@testable import SanteDocWriters

/// The payments of years 1 and 2 on the seed-002 territory (taille 3, ACI 2019), computed by
/// hand from the rules of ACI art. 9 as `Templates/aci/aci-2019.yaml` states them. Reads the
/// shipped ACI 2019 (taille 3 cells confirmed by two sources) and its `versements`.
final class PaymentScheduleTests: XCTestCase {
    let yaml = """
        territoire: {nom: "Territoire du document 002", population: 104500}
        missions:
          - mission: parcours
            demarrage: 2021-10-01
          - mission: prevention
            demarrage: 2022-03-01
        contrat: {version_aci: aci-2019, date_signature: 2021-06-17}
        """

    func schedule(_ year: Int) throws -> [String] {
        let (figures, diagnostics) = TestSupport.figures(yaml)
        XCTAssertFalse(diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let project = TestSupport.readData(yaml).0
        let schedule = try XCTUnwrap(FigureCalculator.paymentSchedule(year: year, project: project, figures: figures))
        return schedule.payments.map { payment in
            "\(payment.date?.iso ?? "?") \(payment.line.prefix(12)) \(payment.isMaximum ? "≤" : "")\(payment.amount.map(String.init) ?? "?")"
        }
    }

    func testYearOneFromTheSignatureToTheFirstAnniversary() throws {
        // Year 1 runs from 17 June 2021 to 16 June 2022: 365 days.
        // Parcours (fixe 45 000) starts 1 Oct 2021: 259 days to the anniversary.
        //   75 % × 45 000 × 259/365 = 23 948,63 → 23 949 ; the year's share 45 000 × 259/365 = 31 931,51 → 31 932,
        //   so the balance at the anniversary is 31 932 − 23 949 = 7 983.
        // Prévention (fixe 17 500) starts 1 Mar 2022: 108 days.
        //   75 % × 17 500 × 108/365 = 3 883,56 → 3 884 ; 17 500 × 108/365 = 5 178,08 → 5 178 ; balance 1 294.
        // Fonctionnement 75 000, in full at the signature; variable parts, at most, after the review.
        XCTAssertEqual(
            try schedule(1),
            [
                "2021-06-17 Fonctionneme 75000",
                "2021-10-01 Organiser de 23949",
                "2022-03-01 Développer d 3884",
                "2022-06-17 Organiser de 7983",
                "2022-06-17 Organiser de ≤45000",
                "2022-06-17 Développer d 1294",
                "2022-06-17 Développer d ≤17500",
            ])
    }

    func testYearTwoAdvancesAtTheAnniversaryAndBalancesAfterTheReview() throws {
        // Year 2 runs from 17 June 2022 to 16 June 2023. Fonctionnement: 75 % of 75 000 = 56 250, then 18 750;
        // parcours 33 750 then 11 250; prévention 13 125 then 4 375; variable parts after the review.
        XCTAssertEqual(
            try schedule(2),
            [
                "2022-06-17 Fonctionneme 56250",
                "2022-06-17 Organiser de 33750",
                "2022-06-17 Développer d 13125",
                "2023-06-17 Fonctionneme 18750",
                "2023-06-17 Organiser de 11250",
                "2023-06-17 Organiser de ≤45000",
                "2023-06-17 Développer d 4375",
                "2023-06-17 Développer d ≤17500",
            ])
    }

    func testContractYearsAndCalendarYearsMap() {
        let calendar = ContractCalendar(signature: CalendarDate(year: 2023, month: 3, day: 15)!, years: 5)
        XCTAssertEqual(calendar.period(2).start.iso, "2024-03-15")
        XCTAssertEqual(calendar.period(2).end.iso, "2025-03-14")
        XCTAssertEqual(calendar.year(startingIn: 2025), 3)
        XCTAssertNil(calendar.year(startingIn: 2028))
        XCTAssertEqual(calendar.year(containing: CalendarDate(year: 2025, month: 3, day: 14)!), 2)
        XCTAssertNil(calendar.year(containing: CalendarDate(year: 2023, month: 3, day: 14)!))
    }

    func testTargetsHoldUntilALaterYearChangesThem() {
        var indicator = MissionIndicator(
            label: "x", kind: .result, target: "≤ 200", location: SourceLocation(file: "p"))
        indicator.targetsByYear = [2: "≤ 150", 4: "≤ 100"]
        XCTAssertEqual(indicator.target(inForce: nil).target, "≤ 200")
        XCTAssertEqual(indicator.target(inForce: 1).target, "≤ 200")
        XCTAssertEqual(indicator.target(inForce: 3).target, "≤ 150", "carried forward from year 2")
        XCTAssertEqual(indicator.target(inForce: 3).setIn, 2)
        XCTAssertEqual(indicator.target(inForce: 5).target, "≤ 100")
    }
}
