import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocDocument
@testable import SanteDocModel

/// The synthesis page's tree: one row per project, unreadable ones included, sums by
/// department and size, each name a link to the project's own page.
final class SynthesisAssemblerTests: XCTestCase {
    func testEveryProjectHasARowAndTheSumsAddUp() throws {
        let day = CalendarDate(year: 2024, month: 1, day: 1)!
        let overview = TestSupport.completeOverview(on: day)
        var other = overview
        other.name = "CPTS B"
        other.department = "Gironde (33)"
        other.population = nil
        let entries = [
            SynthesisAssembler.Entry(folder: "a", page: "projets/a/completude.html", overview: overview, error: nil),
            SynthesisAssembler.Entry(folder: "b", page: "projets/b/completude.html", overview: other, error: nil),
            SynthesisAssembler.Entry(
                folder: "c", page: "projets/c/erreurs.html", overview: nil,
                error: "projet.yaml, ligne 3 : YAML illisible."),
        ]
        let document = SynthesisAssembler(entries: entries, day: day).document()
        XCTAssertEqual(document.cover.map(\.value), ["3", "2", "1", "1er janvier 2024"])
        let projects = try XCTUnwrap(document.tables.first { $0.id == "tableau-projets" })
        XCTAssertEqual(projects.style, .sortable)
        XCTAssertEqual(projects.rows.count, 3)
        XCTAssertEqual(projects.rows[2][0], [.pageLink(page: "projets/c/erreurs.html", content: [.text("c")])])
        XCTAssertEqual(
            projects.rows[2][1].map(\.plainText).joined(), "sources illisibles : projet.yaml, ligne 3 : YAML illisible."
        )
        XCTAssertTrue(projects.rows.allSatisfy { $0.count == projects.columns.count })

        let departments = try XCTUnwrap(document.tables.first { $0.id == "tableau-departements" })
        let cells = departments.rows.map { $0.map { $0.map(\.plainText).joined() } }
        XCTAssertEqual(cells.map(\.first), ["Département fictif (99)", "Gironde (33)"])
        XCTAssertEqual(cells[1][3], "0 (partiel)", "a population missing is said, not counted as zero")
        let sizes = try XCTUnwrap(document.tables.first { $0.id == "tableau-tailles" })
        XCTAssertEqual(sizes.rows.map { $0[1].map(\.plainText).joined() }, ["2"], "both are taille 3")
        XCTAssertEqual(document.chapters.last?.id, "illisibles")
    }
}
