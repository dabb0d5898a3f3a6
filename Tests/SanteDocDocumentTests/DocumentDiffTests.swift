import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocReaders

/// Change notes computed from two document trees: tables by id, rows by first cell,
/// cells by column (the year suffix ignored), lists by the label before them.
final class DocumentDiffTests: XCTestCase {
    func cell(_ text: String) -> [Inline] { [.text(text)] }

    func document(tables: [Table], objectives: [String] = []) -> Document {
        var blocks = tables.map(Block.table)
        if !objectives.isEmpty {
            blocks += [
                .paragraph([.strong([.text("Objectifs")])]),
                .list(ordered: false, items: objectives.map { [.paragraph([.text($0)])] }),
            ]
        }
        return Document(title: "Annexe", chapters: [Section(id: "missions", title: "Missions", blocks: blocks)])
    }

    func indicators(_ rows: [(String, String)], year: Int) -> Table {
        Table(
            id: "indicateurs", caption: "Indicateurs", columns: [.init("Indicateur"), .init("Cible (année \(year))")],
            rows: rows.map { [cell($0.0), cell($0.1)] })
    }

    func testRowsAddedRemovedAndChangedAcrossYears() {
        let old = document(tables: [indicators([("Patients", "500"), ("Délai", "48 h")], year: 1)])
        let new = document(tables: [indicators([("Patients", "800"), ("Consultations", "1 200")], year: 2)])
        let changes = DocumentDiff.changes(from: old, to: new)
        XCTAssertEqual(changes.map(\.kind), [.changed, .added, .removed])
        XCTAssertEqual(changes[0].item, "Patients")
        XCTAssertEqual(
            changes[0].details, [.init(column: "Cible (année 2)", old: "500", new: "800")],
            "the same column although its title names another year")
        XCTAssertEqual(changes[1].item, "Consultations")
        XCTAssertEqual(changes[2].item, "Délai")
        XCTAssertEqual(changes[0].line, "Annexe › Indicateurs — « Patients » : cible (année 2) « 500 » → « 800 »")
    }

    func testWholeTablesAddedAndRemovedAndIgnoredOnes() {
        let schedule = Table(
            id: "echeancier", caption: "Échéancier", columns: [.init("Date")], rows: [[cell("1er mars")]])
        let old = document(tables: [indicators([("Patients", "500")], year: 1), schedule])
        let signatures = Table(
            id: "signatures", caption: "Signatures", columns: [.init("Partie")], rows: [[cell("CPAM")]])
        let new = document(tables: [
            signatures,
            Table(
                id: "echeancier", caption: "Échéancier", columns: [.init("Date")],
                rows: [[cell("1er avril")]]),
        ])
        let changes = DocumentDiff.changes(from: old, to: new, ignoring: ["echeancier"])
        XCTAssertEqual(
            changes.map(\.line), ["Annexe : ajout de « Signatures »", "Annexe : retrait de « Indicateurs »"])
    }

    func testListItemsByTheLabelBeforeThem() {
        let old = document(tables: [], objectives: ["Réduire les délais", "Former"])
        let new = document(tables: [], objectives: ["Réduire les délais", "Prévenir les chutes"])
        XCTAssertEqual(
            DocumentDiff.changes(from: old, to: new).map(\.line),
            [
                "Annexe › Missions › Objectifs : ajout de « Prévenir les chutes »",
                "Annexe › Missions › Objectifs : retrait de « Former »",
            ])
        XCTAssertEqual(DocumentDiff.changes(from: new, to: new), [], "no change, no note")
        XCTAssertEqual(
            DocumentDiff.changes(from: old, to: document(tables: [])).count, 2, "an emptied list is all removals")
    }
}
