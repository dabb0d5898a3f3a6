import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocReaders

/// The « note de modifications »: what differs between two years' annexes, in a table the
/// CPAM can read, and the warning when the earlier year was recomputed, not archived.
final class ChangeNoteTests: XCTestCase {
    func annexes(year: Int?, objective: String? = nil) -> [Document] {
        let diagnostics = DiagnosticEngine()
        let folder = ProjectFolder(path: TestSupport.fixtures.appendingPathComponent("complet").path)
        var project = ProjectReader(folder: folder, diagnostics: diagnostics).read().project
        if let objective {
            project.missions[0].objectives.append(Located(objective, at: SourceLocation(file: "projet.yaml")))
        }
        let figures = FigureCalculator(project: project, regulation: TestSupport.regulation(), diagnostics: diagnostics)
            .compute()
        let assembler = AnnexAssembler(
            project: project, figures: figures, regulation: TestSupport.regulation(), year: year)
        return [assembler.missionsAnnex(), assembler.fundingAnnex()]
    }

    func paragraphs(_ document: Document) -> [String] {
        document.allBlocks.compactMap { block in
            guard case let .paragraph(inlines) = block else { return nil }
            return inlines.map(\.plainText).joined()
        }
    }

    func testTheSameAnnexesMakeANoteWithoutChanges() {
        let note = ChangeNote.compare(
            year: 2, baseline: "l’année 1", recomputed: false, previous: annexes(year: 2), current: annexes(year: 2))
        XCTAssertEqual(note.changes, [])
        let document = note.document(cpts: "CPTS Test", period: nil)
        XCTAssertEqual(paragraphs(document), ["Aucune modification des annexes par rapport à l’année 1."])
        XCTAssertTrue(document.tables.isEmpty)
    }

    func testAnAddedObjectiveIsListedWithItsText() throws {
        let note = ChangeNote.compare(
            year: 2, baseline: "l’année 1", recomputed: true, previous: annexes(year: 2),
            current: annexes(year: 2, objective: "Un nouvel objectif."))
        XCTAssertFalse(note.changes.isEmpty)
        let document = note.document(cpts: "CPTS Test", period: "du 15 mars 2024 au 14 mars 2025")
        XCTAssertEqual(document.subtitle, "Note de modifications de l’année 2")
        XCTAssertEqual(document.cover.last?.value, "du 15 mars 2024 au 14 mars 2025")
        XCTAssertTrue(
            document.allBlocks.contains {
                if case let .note(note) = $0 { return note.title == "Annexes précédentes non archivées" }
                return false
            }, "a recomputed baseline is said so")
        let table = try XCTUnwrap(document.tables.first { $0.id == "modifications" })
        XCTAssertEqual(table.rows.count, note.changes.count)
        let text = table.rows.flatMap { $0.map { $0.map(\.plainText).joined() } }
        XCTAssertTrue(text.contains { $0.contains("Un nouvel objectif.") }, "\(text)")
    }

    /// The payment schedule differs every year by construction: it is not a change.
    func testTheScheduleIsNotAChange() {
        let note = ChangeNote.compare(
            year: 3, baseline: "l’année 2", recomputed: false, previous: annexes(year: 2), current: annexes(year: 3))
        XCTAssertFalse(
            note.changes.contains { ChangeNote.ignoredTables.contains($0.place) || $0.place.contains("chéancier") },
            "\(note.changes)")
    }
}
