import SanteDocTestSupport
import XCTest

@testable import SanteDocCore
@testable import SanteDocModel

/// The preview's in-memory render: the page and its anchors when the sources are valid,
/// no page (the preview keeps its last one) and the located errors when they are not.
final class PreviewRendererTests: XCTestCase {
    func renderer(_ folder: URL) throws -> PreviewRenderer {
        let diagnostics = DiagnosticEngine()
        let renderer = PreviewRenderer(
            toolkit: TestSupport.toolkit, projectPath: folder.path, referential: nil,
            regulation: TestSupport.regulation(), diagnostics: diagnostics)
        XCTAssertEqual(diagnostics.diagnostics, [])
        return try XCTUnwrap(renderer)
    }

    func testAValidProjectGivesThePageAndWhereEachSectionIs() throws {
        let render = try renderer(TestSupport.fixtures.appendingPathComponent("complet")).render()
        let page = String(decoding: try XCTUnwrap(render.page), as: UTF8.self)
        XCTAssertTrue(page.contains("<main id=\"contenu\">"))
        XCTAssertEqual(render.report?.isComplete, true)
        let anchor = try XCTUnwrap(render.anchors["sections/03-etat-sante.md"])
        XCTAssertTrue(page.contains("id=\"\(anchor)\""), "the anchor is an id of the page")
    }

    func testInvalidSourcesGiveNoPageButTheirErrors() throws {
        let folder = TestSupport.copy(of: TestSupport.fixtures.appendingPathComponent("complet"))
        let renderer = try renderer(folder)
        XCTAssertNotNil(renderer.render().page)
        let data = folder.appendingPathComponent("projet.yaml")
        let text = try String(contentsOf: data, encoding: .utf8)
        try text.replacingOccurrences(of: "identite:\n", with: "identite:\n  denominaton: X\n")
            .write(to: data, atomically: true, encoding: .utf8)
        let broken = renderer.render()
        XCTAssertNil(broken.page)
        XCTAssertEqual(broken.diagnostics.first { $0.severity == .error }?.location?.description, "projet.yaml:3:3")
    }

    func testNothingIsWrittenToDisk() throws {
        let folder = TestSupport.copy(of: TestSupport.fixtures.appendingPathComponent("complet"))
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        _ = try renderer(folder).render()
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted(), before)
    }
}

extension PreviewRendererTests {
    /// The resident process keeps the shipped page template and stylesheet: a render does
    /// not go back to `Templates/html/` (here removed after the renderer was made).
    func testTheShippedPageTemplateIsReadOnce() throws {
        let templates = TestSupport.copy(of: TestSupport.toolkit.templates)
        let diagnostics = DiagnosticEngine()
        let renderer = try XCTUnwrap(
            PreviewRenderer(
                toolkit: Toolkit(templates: templates),
                projectPath: TestSupport.fixtures.appendingPathComponent("complet").path, referential: nil,
                regulation: TestSupport.regulation(), diagnostics: diagnostics))
        for name in ["page.mustache", "style.css"] {
            try FileManager.default.removeItem(at: templates.appendingPathComponent("html/\(name)"))
        }
        let render = renderer.render()
        XCTAssertEqual(render.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertNotNil(render.page)
    }
}

extension PreviewRendererTests {
    /// Sections are parsed again only when their text changed; the messages of the others
    /// are still reported, and a removed section leaves the page.
    func testAnEditedSectionIsReadAgainAndTheOthersKeepTheirMessages() throws {
        let folder = TestSupport.copy(of: TestSupport.fixtures.appendingPathComponent("complet"))
        let sections = folder.appendingPathComponent("sections")
        let warned = sections.appendingPathComponent("03-etat-sante.md")
        try (String(contentsOf: warned, encoding: .utf8) + "\n<div>bloc</div>\n")
            .write(to: warned, atomically: true, encoding: .utf8)
        let renderer = try renderer(folder)
        let first = renderer.render()
        XCTAssertEqual(first.diagnostics.filter { $0.id == "markdown.html" }.count, 1)

        let edited = try XCTUnwrap(
            try FileManager.default.contentsOfDirectory(atPath: sections.path).sorted()
                .first { $0 != "03-etat-sante.md" })
        let editedURL = sections.appendingPathComponent(edited)
        try (String(contentsOf: editedURL, encoding: .utf8) + "\nUn paragraphe ajouté pendant l’aperçu.\n")
            .write(to: editedURL, atomically: true, encoding: .utf8)
        let second = renderer.render()
        let page = String(decoding: try XCTUnwrap(second.page), as: UTF8.self)
        XCTAssertTrue(page.contains("Un paragraphe ajouté pendant l’aperçu."))
        XCTAssertEqual(
            second.diagnostics.filter { $0.id == "markdown.html" }.map(\.location?.description),
            first.diagnostics.filter { $0.id == "markdown.html" }.map(\.location?.description))

        try FileManager.default.removeItem(at: editedURL)
        let third = String(decoding: try XCTUnwrap(renderer.render().page), as: UTF8.self)
        XCTAssertFalse(third.contains("Un paragraphe ajouté pendant l’aperçu."))
        XCTAssertEqual(renderer.render().page, renderer.render(afterEditing: "sections/03-etat-sante.md").page)
    }
}
