import SanteDocAnalysis
import SanteDocModel
import SanteDocReaders
import XCTest

/// The figures of `Templates/aci` that the research confirmed, compared with their
/// sources (`../shared/domain/`). Only confirmed values are asserted: filling a cell the
/// research could not read changes none of these tests.
final class PublishedFiguresTests: XCTestCase {
    func testSizeClassAtAndAroundEveryThreshold() throws {
        let table = try XCTUnwrap(ShippedData.regulation.fundingTables["aci-2019"])
        let expected = [39_999: 1, 40_000: 2, 79_999: 2, 80_000: 3, 174_999: 3, 175_000: 4, 0: 1, 1_000_000: 4]
        for (population, size) in expected {
            XCTAssertEqual(table.sizeClass(forPopulation: population), size, "population \(population)")
        }
    }

    func testTaille3CeilingAndItsSplitIn2019() throws {
        let table = try XCTUnwrap(ShippedData.regulation.fundingTables["aci-2019"])
        XCTAssertEqual(table.ceiling[3], 370_000)
        XCTAssertEqual(table.operating[3], 75_000)
        let totals = [
            "acces-soins": 120_000, "parcours": 90_000, "prevention": 35_000, "qualite": 30_000,
            "accompagnement": 20_000,
        ]
        for (mission, total) in totals {
            XCTAssertEqual(table.mission(mission)?.amounts[3]?.total, total, mission)
        }
        XCTAssertNil(table.mission("crises-sanitaires"), "no crisis mission before avenant 2")
    }

    func testAvenant2RaisesTheTaille4CeilingAndAddsTheCrisisMission() throws {
        let library = ShippedData.regulation
        let base = try XCTUnwrap(library.fundingTables["aci-2019"])
        let amended = try XCTUnwrap(library.fundingTables["aci-2019-avenant-2"])
        XCTAssertEqual(base.ceiling[4], .some(nil), "disputed: no single ceiling")
        XCTAssertEqual(base.disputedCeilings[4]?.map(\.amount), [380_000, 450_000], "both sources kept")
        XCTAssertEqual(base.mission("acces-soins")?.amounts[3]?.fixed, 85_000)
        XCTAssertEqual(base.mission("acces-soins")?.amounts[3]?.variable, 35_000)
        XCTAssertNotNil(amended.announcement, "the LFSS 2026 amendment, announced")
        XCTAssertNil(amended.mission("crises-sanitaires")?.amounts[1]?.total, "a draft amount is no amount")
        XCTAssertEqual(amended.mission("crises-sanitaires")?.amounts[4]?.draft?.activation, 75_000)
        XCTAssertEqual(amended.ceiling[4], 580_000)
        XCTAssertEqual(amended.ceiling[1], 287_500)
        XCTAssertEqual(amended.operating[2], 60_000, "inherited from the base version")
        XCTAssertEqual(amended.mission("acces-soins")?.amounts[3]?.total, 125_000)
        XCTAssertEqual(amended.mission("crises-sanitaires")?.amounts[3]?.crisisActivation, 67_500)
        XCTAssertEqual(amended.coreMissions.map(\.id), ["acces-soins", "parcours", "prevention", "crises-sanitaires"])
        XCTAssertEqual(base.coreMissions.map(\.id), ["acces-soins", "parcours", "prevention"])
    }

    func testDeadlinesAreSixEighteenAndTwelveTwentyFourMonths() throws {
        let table = try XCTUnwrap(ShippedData.regulation.fundingTables["aci-2019-avenant-2"])
        for (id, start, deployment) in [
            ("acces-soins", 6, 18), ("parcours", 12, 24), ("prevention", 12, 24),
            ("crises-sanitaires", 6, 18),
        ] {
            XCTAssertEqual(table.mission(id)?.startDelayMonths, start, id)
            XCTAssertEqual(table.mission(id)?.deploymentDelayMonths, deployment, id)
        }
        XCTAssertNil(table.mission("qualite")?.startDelayMonths, "optional missions have free deadlines")
    }
}
