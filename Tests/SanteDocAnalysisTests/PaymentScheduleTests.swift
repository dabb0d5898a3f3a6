import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

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
        // Year 1 runs from 17 June 2021 to 16 June 2022: 365 days. Exact amounts:
        // Fonctionnement 75 000, in full at the signature.
        // Parcours (fixe 45 000) starts 1 Oct 2021: 259 days to the anniversary.
        //   advance 75 % × 45 000 × 259/365 = 23 948,630… ; balance 25 % × 45 000 × 259/365 = 7 982,876…
        // Prévention (fixe 17 500) starts 1 Mar 2022: 108 days.
        //   advance 75 % × 17 500 × 108/365 = 3 883,561… ; balance 25 % × 17 500 × 108/365 = 1 294,520…
        // Rounded on the running total, advances first, so that every subtotal is its exact sum rounded once:
        //   75 000 → 75 000 ; 98 948,63 → 98 949 (23 949) ; 102 832,19 → 102 832 (3 883) ;
        //   then the balances: 110 815,07 → 110 815 (7 983) ; 112 109,59 → 112 110 (1 295).
        // Advances 102 832 = round(102 832,19); the year 112 110 = round(112 109,59); the balances 9 278.
        // Variable parts, at most, after the review.
        XCTAssertEqual(
            try schedule(1),
            [
                "2021-06-17 Fonctionneme 75000",
                "2021-10-01 Organiser de 23949",
                "2022-03-01 Développer d 3883",
                "2022-06-17 Organiser de 7983",
                "2022-06-17 Organiser de ≤45000",
                "2022-06-17 Développer d 1295",
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

    func testSubtotalsAreTheirExactSumsRoundedOnce() throws {
        let (figures, _) = TestSupport.figures(yaml)
        let project = TestSupport.readData(yaml).0
        let schedule = try XCTUnwrap(FigureCalculator.paymentSchedule(year: 1, project: project, figures: figures))
        XCTAssertEqual(PaymentSchedule.total(schedule.advances), 102_832)
        XCTAssertEqual(PaymentSchedule.total(schedule.afterReview), 9_278)
        XCTAssertEqual(PaymentSchedule.total(schedule.payments), 112_110, "75 000 + 31 931,51 + 5 178,08 rounded once")
        XCTAssertEqual(schedule.variableMaximum, 62_500)
        for payment in schedule.advances {
            XCTAssertTrue(
                payment.date.map { $0 >= schedule.period.start && $0 <= schedule.period.end } ?? true,
                "\(payment.line): an advance falls within the year it is listed in")
        }
        XCTAssertTrue(schedule.afterReview.allSatisfy { $0.date == schedule.reviewDate })
    }

    func testRoundingAddsUpExactly() {
        // Three thirds of 100 €: 33,33… each. Rounded alone: 33 + 33 + 33 = 99 ≠ 100.
        let third = ExactAmount(100, over: 3)
        XCTAssertEqual(ExactAmount.roundedAddingUp([third, third, third]), [33, 34, 33])
        XCTAssertEqual(ExactAmount(5, over: 2).rounded, 3, "halves up")
        XCTAssertEqual((ExactAmount(1, over: 3) + ExactAmount(1, over: 6)).value, 0.5)
    }

    func testTargetsHoldUntilALaterYearChangesThem() {
        func target(_ text: String) -> Located<Condition> {
            Located(Condition(text: text, test: nil), at: SourceLocation(file: "p"))
        }
        let renegotiated = Renegotiable(signed: target("≤ 200"), byYear: [2: target("≤ 150"), 4: target("≤ 100")])
        XCTAssertEqual(renegotiated.value(in: nil)?.text, "≤ 200")
        XCTAssertEqual(renegotiated.value(in: 1)?.text, "≤ 200")
        XCTAssertEqual(renegotiated.value(in: 3)?.text, "≤ 150", "carried forward from year 2")
        XCTAssertEqual(renegotiated.inForce(3).setIn, 2)
        XCTAssertEqual(renegotiated.value(in: 5)?.text, "≤ 100")
        XCTAssertNil(renegotiated.inForce(1).setIn, "as signed")
    }
}
