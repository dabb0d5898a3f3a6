import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

final class MarkdownSectionReaderTests: XCTestCase {
    func read(_ text: String) -> (TextSection?, [Located<String>], [Diagnostic]) {
        let diagnostics = DiagnosticEngine()
        let result = MarkdownSectionReader(file: "sections/a.md", diagnostics: diagnostics).read(text)
        return (result?.section, result?.placeholders ?? [], diagnostics.diagnostics)
    }

    func testFrontMatterHeadingsTablesAndPlaceholders() throws {
        let (section, placeholders, diagnostics) = read(
            """
            ---
            titre: "État de santé"
            couvre: [diagnostic.etat-sante]
            ---
            Intro avec {{territoire.population}} habitants.

            ## Chroniques

            | A | B |
            |---|--:|
            | x | 1 |

            ### Diabète
            Texte.
            """)
        XCTAssertEqual(diagnostics, [])
        let s = try XCTUnwrap(section)
        XCTAssertEqual(s.title, "État de santé")
        XCTAssertNil(s.part, "without `partie:`, the referential places the section (ReferentialTests)")
        XCTAssertEqual(s.header.line, 2)
        XCTAssertEqual(s.covers.map(\.value), ["diagnostic.etat-sante"])
        XCTAssertEqual(s.subsections.map(\.title), ["Chroniques"])
        XCTAssertEqual(s.subsections.first?.subsections.map(\.title), ["Diabète"])
        guard case let .table(table)? = s.subsections.first?.blocks.first else { return XCTFail("table expected") }
        XCTAssertEqual(table.columns.map(\.alignment), [.left, .right])
        XCTAssertEqual(table.caption, "Tableau — Chroniques", "named after the section it sits in")
        XCTAssertEqual(placeholders.map(\.value), ["territoire.population"])
        XCTAssertEqual(placeholders.first?.location, SourceLocation(file: "sections/a.md", line: 5, column: 12))
    }

    func testRawHTMLIsNeverPassedThrough() throws {
        let (section, _, diagnostics) = read(
            """
            ---
            titre: T
            partie: diagnostic
            ---
            Le 1<sup>er</sup> recours <script>alert(1)</script> et <img src=x onerror=alert(1)>.

            <div onclick="x()">bloc</div>

            <!-- commentaire caché -->
            """)
        let s = try XCTUnwrap(section)
        XCTAssertEqual(s.blocks.count, 2, "the comment is dropped")
        guard case let .paragraph(inlines) = s.blocks[0] else { return XCTFail() }
        XCTAssertTrue(inlines.contains(.superscript([.text("er")])))
        XCTAssertTrue(inlines.contains(.text("<script>")), "unknown tags stay visible text")
        XCTAssertEqual(diagnostics.filter { $0.id == "markdown.html" }.count, 4)
    }

    func testStubGuidanceCountsAsNoContent() throws {
        let (stub, _, _) = read(
            "---\ntitre: T\ncouvre: diagnostic.etat-sante\n---\n> À rédiger : décrivez l’état de santé.\n")
        XCTAssertEqual(stub?.isStub, true)
        XCTAssertEqual(stub?.wordCount, 0)
        let (written, _, _) = read(
            "---\ntitre: T\ncouvre: diagnostic.etat-sante\n---\n> À rédiger : x.\n\nTexte réel ici.\n")
        XCTAssertEqual(written?.isStub, false)
        XCTAssertEqual(written?.wordCount, 3)
    }

    func testBrokenFrontMatterIsLocated() {
        XCTAssertEqual(read("Pas d’en-tête\n").2.map(\.id), ["section.entete-absente"])
        XCTAssertEqual(read("---\ntitre: T\n").2.map(\.id), ["section.entete-non-fermee"])
        let unknown = read("---\ntitr: T\n---\nx\n").2
        XCTAssertEqual(unknown.first?.location, SourceLocation(file: "sections/a.md", line: 2, column: 1))
        XCTAssertEqual(unknown.first?.hint, "vouliez-vous dire « titre » ?")
        XCTAssertEqual(
            read("---\ntitre: T\npartie: diagnostik\n---\nx\n").2.first?.hint, "vouliez-vous dire « diagnostic » ?")
    }
}
