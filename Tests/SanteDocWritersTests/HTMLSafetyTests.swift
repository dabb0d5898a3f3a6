import XCTest

@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocWriters

final class HTMLSafetyTests: XCTestCase {
    func render(_ inlines: [Inline]) -> String {
        Body().block(.paragraph(inlines)).rendered
    }

    func testTextIsEscaped() {
        XCTAssertEqual(
            render([.text("<script>alert('x')</script> & co")]),
            "<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; co</p>\n")
        XCTAssertEqual(
            render([.text("&amp; reste du texte")]), "<p>&amp;amp; reste du texte</p>\n",
            "entities typed by users are shown, not interpreted")
    }

    func testAttributeValuesCannotBreakOut() {
        let html = render([.link(url: "https://x.org/\" onmouseover=\"alert(1)", content: [.text("a")])])
        XCTAssertFalse(html.contains("\" onmouseover"))
        XCTAssertTrue(html.contains("href=\"https://x.org/%22%20onmouseover=%22alert(1)\""), html)
    }

    func testOnlyWebAndMailLinksAreKept() {
        XCTAssertEqual(render([.link(url: "javascript:alert(1)", content: [.text("clic")])]), "<p>clic</p>\n")
        XCTAssertEqual(render([.link(url: " JAVASCRIPT:alert(1)", content: [.text("clic")])]), "<p>clic</p>\n")
        XCTAssertTrue(
            render([.link(url: "mailto:a@b.fr", content: [.text("écrire")])]).contains("href=\"mailto:a@b.fr\""))
    }

    func testTablesHaveCaptionsAndScopedHeaders() {
        let table = Table(
            caption: "Effectifs", columns: [.init("Profession"), .init("Effectif", .right)],
            rows: [[[.text("Infirmiers")], [.text("29")]]], rowHeaders: true)
        let html = Body().block(.table(table)).rendered
        XCTAssertTrue(html.contains("<caption>Effectifs</caption>"))
        XCTAssertTrue(html.contains("<th scope=\"col\" class=\"nombre\">Effectif</th>"))
        XCTAssertTrue(html.contains("<th scope=\"row\">Infirmiers</th><td class=\"nombre\">29</td>"))
    }
}
