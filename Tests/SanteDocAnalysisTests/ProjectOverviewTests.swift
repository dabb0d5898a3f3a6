import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// A project as the synthesis lists it: the figures `figures` gives, the completeness
/// `check` gives, the next deadline from a given day.
final class ProjectOverviewTests: XCTestCase {
    func overview(on day: CalendarDate) -> ProjectOverview { TestSupport.completeOverview(on: day) }

    func testTheCompleteFixtureAsTheSynthesisShowsIt() throws {
        let project = overview(on: CalendarDate(year: 2024, month: 1, day: 1)!)
        XCTAssertEqual(project.name, "CPTS du Val d’Exemple (fictive)")
        XCTAssertEqual(project.department, "Département fictif (99)")
        XCTAssertEqual(project.population, 104_500)
        XCTAssertEqual(project.sizeClass, 3)
        XCTAssertEqual(project.signature, CalendarDate(year: 2023, month: 3, day: 15))
        XCTAssertTrue(project.complete)
        XCTAssertEqual(project.gaps, [])
        XCTAssertEqual(project.annualFunding, 347_500)
        XCTAssertNil(project.ceiling)
        XCTAssertEqual(project.ceilingCheck, ProjectOverview.ceilingUnknown)
        // Two deadlines fall on 15 March 2024: the first by name.
        let next = try XCTUnwrap(project.nextDeadline)
        XCTAssertEqual(next.date, CalendarDate(year: 2024, month: 3, day: 15))
        XCTAssertTrue(next.what.hasPrefix("Développer des actions territoriales de prévention"), next.what)
    }

    func testNoDeadlineOnceAllHavePassed() {
        XCTAssertNil(overview(on: CalendarDate(year: 2030, month: 1, day: 1)!).nextDeadline)
        XCTAssertEqual(
            overview(on: CalendarDate(year: 2024, month: 9, day: 15)!).nextDeadline?.date,
            CalendarDate(year: 2024, month: 9, day: 15), "a deadline on the day itself is still ahead")
    }

    /// Sums by key, sorted by key; a sum missing some project's value says so.
    func testGroupsSumWhatTheyKnow() {
        let full = overview(on: CalendarDate(year: 2024, month: 1, day: 1)!)
        var unknown = full
        unknown.population = nil
        unknown.complete = false
        var other = full
        other.department = "Autre (98)"
        let groups = OverviewGroup.grouping([full, unknown, other]) { $0.department ?? "—" }
        XCTAssertEqual(groups.map(\.key), ["Autre (98)", "Département fictif (99)"])
        XCTAssertEqual(groups[1].projects, 2)
        XCTAssertEqual(groups[1].complete, 1)
        XCTAssertEqual(groups[1].population, 104_500)
        XCTAssertTrue(groups[1].populationPartial)
        XCTAssertEqual(groups[1].funding, 695_000)
        XCTAssertFalse(groups[1].fundingPartial)
        XCTAssertFalse(groups[0].populationPartial)
    }
}
