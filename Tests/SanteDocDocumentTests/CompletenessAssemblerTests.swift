import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocDocument
@testable import SanteDocModel

/// The completeness report as the board reads it: blocking gaps first, each with where to
/// write and what to do; an optional mission not engaged is « sans objet », not a gap.
final class CompletenessAssemblerTests: XCTestCase {
    func result(
        _ id: String, _ status: RequirementResult.Status, _ priority: Requirement.Priority = .blocking,
        part: Part?, applicable: Bool = true
    ) -> RequirementResult {
        let requirement = Requirement(
            id: id, title: "Exigence \(id)", priority: priority, source: "test", hint: "Conseil \(id).",
            kind: "section", parameters: [:], part: part, location: SourceLocation(file: "ref.yaml"))
        var result = RequirementResult(
            requirement: requirement, status: status, location: SourceLocation(file: "sections/\(id).md", line: 4),
            message: status == .ok ? nil : "manque \(id)")
        result.isApplicable = applicable
        return result
    }

    func report(_ results: [RequirementResult]) -> CompletenessReport {
        CompletenessReport(
            referential: Referential(
                id: "test", title: "Référentiel de test", requirements: results.map(\.requirement)),
            results: results)
    }

    func paragraphs(_ blocks: [Block]) -> [String] {
        blocks.compactMap { block in
            guard case let .paragraph(inlines) = block else { return nil }
            return inlines.map(\.plainText).joined()
        }
    }

    func testGapsAreListedBlockingFirstWithWhereAndHow() throws {
        let assembler = CompletenessAssembler(
            report: report([
                result("a", .ok, part: .identity),
                result("b", .missing, .recommended, part: .diagnostic),
                result("c", .incomplete, part: .diagnostic),
                result("d", .ok, part: .missions, applicable: false),
                result("e", .missing, part: nil),
            ]))
        let document = assembler.document(projectName: "CPTS Test")
        XCTAssertEqual(document.cover.map(\.value), ["Référentiel de test", "projet incomplet"])
        XCTAssertEqual(
            document.chapters.map(\.title),
            ["Synthèse", "Fiche d’identité", "Diagnostic territorial", "Missions", "Autres exigences"])

        let synthesis = document.chapters[0].blocks
        XCTAssertEqual(
            paragraphs(synthesis).dropFirst(),
            [
                "Exigences bloquantes à satisfaire avant la transmission à l’ARS",
                "Exigences recommandées encore ouvertes",
            ])
        guard case let .list(_, blocking) = synthesis[2] else { return XCTFail("\(synthesis)") }
        XCTAssertEqual(blocking.map(paragraphs), [["Exigence c — manque c"], ["Exigence e — manque e"]])

        let diagnostic = try XCTUnwrap(document.tables.first { $0.id == "exigences-2" })
        let cells = diagnostic.rows.map { $0.map { $0.map(\.plainText).joined() } }
        XCTAssertEqual(
            cells,
            [
                ["Exigence b", "recommandé", "manquante", "manque b", "sections/b.md, ligne 4", "Conseil b."],
                ["Exigence c", "bloquant", "incomplète", "manque c", "sections/c.md, ligne 4", "Conseil c."],
            ])
        let missions = try XCTUnwrap(document.tables.first { $0.id == "exigences-3" })
        XCTAssertEqual(
            missions.rows[0].map { $0.map(\.plainText).joined() },
            ["Exigence d", "facultative — si engagée", "sans objet", "", "", ""], "nothing to write for it")
    }

    func testACompleteProjectSaysItCanBeSent() {
        let assembler = CompletenessAssembler(report: report([result("a", .ok, part: .identity)]))
        let document = assembler.document(projectName: "CPTS Test")
        XCTAssertEqual(document.cover.last?.value, "projet complet")
        XCTAssertEqual(
            paragraphs(document.chapters[0].blocks).last,
            "Toutes les exigences sont satisfaites : le projet peut être transmis à l’ARS.")
        let chapter = assembler.chapter()
        XCTAssertEqual(chapter.id, "etat-de-completude")
        XCTAssertEqual(
            paragraphs(chapter.blocks).first?.hasSuffix("1/1 exigences bloquantes satisfaites, 0/0 recommandées."), true
        )
    }
}
