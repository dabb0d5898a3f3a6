import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel

/// The values a document states, against the commune table SanteDoc computes them from.
final class ImportReportTests: XCTestCase {
    func report(population: Int, communes: Int, populations: [Int?]) -> ImportReport {
        var report = ImportReport(source: "projet.docx", project: "Nouveau")
        report.data.fields = [
            .init(path: "territoire.population", value: .integer(population), written: "\(population)", origin: "p. 1"),
            .init(
                path: "territoire.nombre_communes", value: .integer(communes), written: "\(communes)", origin: "p. 1"),
        ]
        report.data.communes = ImportedData.Table(
            columns: ["commune", "population"], rows: populations.map { ["X", $0.map(String.init) ?? ""] },
            origin: "p. 2")
        report.data.communePopulations = populations
        return report
    }

    func testStatedValuesThatAgreeAreSaidSo() {
        var agreeing = report(population: 3_000, communes: 2, populations: [1_000, 2_000])
        agreeing.crossCheckCommunes()
        XCTAssertEqual(agreeing.guesses.count, 2)
        XCTAssertEqual(agreeing.toCheck, [])
    }

    func testAStatedValueThatDiffersIsToCheck() {
        var differing = report(population: 3_500, communes: 2, populations: [1_000, 2_000])
        differing.crossCheckCommunes()
        XCTAssertEqual(differing.toCheck.count, 1)
        XCTAssertTrue(differing.toCheck[0].contains(FrenchFormat.integer(3_500)), differing.toCheck[0])
    }

    func testNoPopulationTotalWhenARowGivesNone() {
        var partial = report(population: 3_500, communes: 2, populations: [1_000, nil])
        partial.crossCheckCommunes()
        XCTAssertEqual(partial.toCheck, [], "no total to compare with")
        XCTAssertEqual(partial.guesses.count, 1, "the commune count still agrees")
    }
}
