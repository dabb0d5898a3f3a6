import SanteDocTestSupport
import XCTest
import XMLSupport

@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocWriters

/// Golden files: the writers' output for a small tree is committed under `Golden/`.
/// `SANTEDOC_RECORD=1 swift test` rewrites them (and fails, so the change gets reviewed).
final class WriterGoldenTests: XCTestCase {
    /// The official DocBook 5 schema, as Debian's docbook5-xml installs it.
    static let schema = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let minimal = Document(
        title: "CPTS Minimale (fictive)", subtitle: "Projet de santé",
        cover: [CoverLine("Territoire", "Val d’Exemple")],
        chapters: [
            Section(
                id: "identite", title: "Fiche d’identité",
                blocks: [
                    .table(
                        Table(
                            id: "tableau-t", caption: "Territoire couvert",
                            columns: [.init("Indicateur"), .init("Valeur", .right)],
                            rows: [[[.text("Population")], [.text("64\u{00A0}455")]]],
                            footer: [[[.text("Total")], [.text("1")]]], rowHeaders: true)),
                    .chart(
                        BarChart(
                            id: "graphique-p", title: "Membres", labelTitle: "Profession", valueTitle: "Effectif",
                            bars: [
                                .init(label: "Infirmiers", value: 29, valueText: "29"),
                                .init(label: "Pharmaciens", value: 21, valueText: "21"),
                            ],
                            sourceTable: TableReference(id: "tableau-t", caption: "Territoire couvert"))),
                    .chart(
                        BarChart(
                            id: "graphique-q", title: "Sans tableau", labelTitle: "Profession", valueTitle: "Effectif",
                            bars: [.init(label: "Infirmiers", value: 29, valueText: "29")])),
                ],
                sections: [
                    Section(
                        id: "s-a", title: "Présentation",
                        blocks: [
                            .paragraph([
                                .text("Le 1"), .superscript([.text("er")]), .text(" recours, "),
                                .strong([.text("fort")]),
                                .text(" & "), .emphasis([.text("<doux>")]), .text(" "),
                                .link(url: "https://example.org/?a=1&b=\"2\"", content: [.text("lien")]),
                            ]),
                            .list(ordered: false, items: [[.text("un")], [.text("deux"), .code("x < y")]]),
                        ])
                ]),
            Section(
                id: "legislation", title: "Cadre législatif",
                blocks: [
                    .quote(
                        Quote(
                            blocks: [.text("Article.")], attribution: "Loi n° 2016-41",
                            sourceURL: "https://example.org/loi")),
                    .note(Note(.toWrite, title: "À rédiger", blocks: [.text("Texte à venir.")])),
                    .note(Note(.information, title: "À savoir", blocks: [.text("Information.")])),
                ]),
        ], date: "1er mars 2026", version: "1.0", isWorkingDraft: true)

    func testDocBookGolden() throws {
        let bytes = try DocBookWriter(schema: RelaxNGSchema(path: Self.schema)).write(Self.minimal)
        try compare(bytes, golden: "minimal.xml")
    }

    func testHTMLGolden() throws {
        let template = try String(
            contentsOf: TestSupport.templates.appendingPathComponent("html/page.mustache"),
            encoding: .utf8)
        let bytes = try HTMLWriter(pageTemplate: template, stylesheet: "/* style */").write(Self.minimal)
        try compare(bytes, golden: "minimal.html")
    }

    func testInvalidTreesAreInternalErrorsNotSilentOutput() throws {
        // An id that is not an XML name makes the DocBook invalid: the writer must refuse.
        var document = Self.minimal
        document.chapters[0].id = "1 espace"
        XCTAssertThrowsError(try DocBookWriter(schema: RelaxNGSchema(path: Self.schema)).write(document)) { error in
            XCTAssertTrue("\(error)".contains("erreur interne"))
        }
    }

    private func compare(_ bytes: [UInt8], golden name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SANTEDOC_RECORD"] != nil {
            try Data(bytes).write(to: url)
            XCTFail("recorded \(name): review the diff, then run the tests again")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self), expected, "\(name) differs; SANTEDOC_RECORD=1 to re-record")
    }
}
