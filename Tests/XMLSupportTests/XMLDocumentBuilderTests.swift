import XCTest

@testable import XMLSupport

final class XMLDocumentBuilderTests: XCTestCase {
    func testTextAndAttributesAreEscapedBySerialization() throws {
        let xml = XMLDocumentBuilder()
        let root = xml.makeRoot("book", namespace: "http://docbook.org/ns/docbook")
        xml.setLanguage("fr", on: root)
        xml.declareNamespace("http://www.w3.org/1999/xlink", prefix: "xlink")
        let para = xml.append("para", to: root, attributes: [("role", "a\"b<c")], text: "1 < 2 & <sup>\u{1}")
        xml.setAttribute("id", "p1", namespacePrefix: "xml", on: para)
        xml.setAttribute("href", "https://x.org/?a=1&b=2", namespacePrefix: "xlink", on: para)
        let text = String(decoding: try xml.serialized(), as: UTF8.self)
        XCTAssertTrue(text.contains("xml:lang=\"fr\""))
        XCTAssertTrue(text.contains("role=\"a&quot;b&lt;c\""))
        XCTAssertTrue(text.contains("xml:id=\"p1\""))
        XCTAssertTrue(text.contains("xlink:href=\"https://x.org/?a=1&amp;b=2\""))
        XCTAssertTrue(text.contains(">1 &lt; 2 &amp; &lt;sup&gt;</para>"), text)
    }

    func testRelaxNGValidationReportsProblems() throws {
        let schema = try RelaxNGSchema(path: "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng")
        let xml = XMLDocumentBuilder()
        let root = xml.makeRoot("book", namespace: "http://docbook.org/ns/docbook", attributes: [("version", "5.0")])
        let info = xml.append("info", to: root)
        xml.append("title", to: info, text: "T")
        let chapter = xml.append("chapter", to: root)
        xml.append("title", to: chapter, text: "C")
        xml.append("para", to: chapter, text: "ok")
        XCTAssertEqual(xml.validate(against: schema), [])
        xml.append("nimportequoi", to: chapter)
        XCTAssertFalse(xml.validate(against: schema).isEmpty)
    }

    func testAMissingSchemaIsASwiftError() {
        XCTAssertThrowsError(try RelaxNGSchema(path: "/nonexistent.rng"))
    }
}
