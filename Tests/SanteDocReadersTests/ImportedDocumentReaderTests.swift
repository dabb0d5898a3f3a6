import XCTest

@testable import SanteDocModel
@testable import SanteDocReaders

/// A whole document as pandoc writes it in Markdown, into chapters and blocks.
final class ImportedDocumentReaderTests: XCTestCase {
    func read(_ text: String) throws -> ImportedDocument {
        let diagnostics = DiagnosticEngine()
        let document = ImportedDocumentReader(file: "p.docx", diagnostics: diagnostics).read(text)
        XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        return try XCTUnwrap(document)
    }

    func testChaptersNestByLevelAndKeepTheirMarkdown() throws {
        let document = try read(
            """
            ---
            title: Projet de santé
            ---

            | Dénomination | CPTS X |
            |---|---|
            | Siège | 1 rue A, 47000 Agen |

            # 1. Présentation

            Texte *important*.

            ## 1.1 Le territoire

            -   Marmande

            -   Tonneins

            # II. Diagnostic

            ![](media/image1.png)
            """)
        XCTAssertEqual(document.title, "Projet de santé")
        XCTAssertEqual(document.front.count, 1)
        guard case let .table(cover) = document.front[0].kind else { return XCTFail("\(document.front)") }
        XCTAssertEqual(cover.header, ["Dénomination", "CPTS X"])
        XCTAssertEqual(cover.rows, [["Siège", "1 rue A, 47000 Agen"]])
        XCTAssertEqual(document.chapters.map(\.title), ["Présentation", "Diagnostic"])
        let presentation = document.chapters[0]
        XCTAssertEqual(presentation.blocks.map(\.markdown), ["Texte *important*."])
        XCTAssertEqual(presentation.blocks.map(\.text), ["Texte important."])
        XCTAssertEqual(presentation.children.map(\.title), ["Le territoire"])
        XCTAssertEqual(presentation.children[0].blocks[0].kind, .list(items: ["Marmande", "Tonneins"]))
        XCTAssertEqual(document.chapters[1].blocks[0].kind, .image(path: "media/image1.png", description: ""))
        XCTAssertEqual(document.allBlocks.map(\.number), [1, 3, 5, 7])
    }

    func testFootnotesAreKeptByLabel() throws {
        let document = try read(
            """
            # Cadre

            Selon le code.[^1]

            [^1]: Article L.1434-12 du *code* de la santé publique.
            """)
        XCTAssertEqual(document.notes, ["1": "Article L.1434-12 du code de la santé publique."])
        XCTAssertEqual(document.chapters[0].blocks.map(\.markdown), ["Selon le code.[^1]"])
        XCTAssertEqual(document.chapters[0].blocks.map(\.text), ["Selon le code."])
    }

    func testNumberingIsNotPartOfTheTitle() {
        for (numbered, title) in [
            ("1. Présentation", "Présentation"), ("2.1 Démographie", "Démographie"), ("II. Diagnostic", "Diagnostic"),
            ("Chapitre 3 : Missions", "Missions"), ("A) Gouvernance", "Gouvernance"),
            ("2023 en chiffres", "2023 en chiffres"),
            ("Prévention", "Prévention"),
        ] {
            XCTAssertEqual(ImportedDocumentReader.withoutNumbering(numbered), title, numbered)
        }
    }
}
