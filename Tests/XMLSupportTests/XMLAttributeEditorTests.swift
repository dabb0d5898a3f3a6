import XCTest

@testable import XMLSupport

/// Attributes set through the tree on a document written elsewhere: only the elements
/// named by the edit change, values are escaped, entities are not expanded.
final class XMLAttributeEditorTests: XCTestCase {
    static let s = "urn:s"
    static let f = "urn:f"
    let editor = XMLAttributeEditor(
        parent: XMLName(s, "style"), key: XMLName(s, "name"), target: XMLName(s, "props"),
        attributes: ["Cell": [XMLName(f, "border"): "1pt \"solid\" <b>"]])

    func document(_ body: String) -> [UInt8] {
        Array("<?xml version=\"1.0\"?><r xmlns:s=\"urn:s\" xmlns:f=\"urn:f\">\(body)</r>".utf8)
    }

    func testOnlyTheNamedStylesChangeAndValuesAreEscaped() throws {
        let (edited, changed) = try editor.apply(
            to: document(
                "<s:style s:name=\"Cell\"><s:props f:border=\"none\"/></s:style>"
                    + "<s:style s:name=\"Other\"><s:props f:border=\"none\"/></s:style>"
                    + "<s:group><s:style s:name=\"Cell\"><s:props/><s:x/></s:style></s:group>"))
        XCTAssertEqual(changed, 2, "the nested one too")
        let text = String(decoding: edited, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "f:border=\"1pt &quot;solid&quot; &lt;b&gt;\"").count, 3, text)
        XCTAssertTrue(text.contains("<s:style s:name=\"Other\"><s:props f:border=\"none\"/>"), text)
    }

    func testAnUnreadableDocumentIsAnErrorAndEntitiesStayUnexpanded() throws {
        XCTAssertThrowsError(try editor.apply(to: Array("<r><unclosed></r>".utf8)))
        XCTAssertThrowsError(try editor.apply(to: []), "an empty file is an error, not a crash")
        let withEntity = Array(
            ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<r xmlns:s=\"urn:s\" xmlns:f=\"urn:f\">&e;</r>").utf8)
        let text = String(decoding: try editor.apply(to: withEntity).document, as: UTF8.self)
        XCTAssertFalse(text.contains("root:"), text)
    }

    func testAMissingNamespaceIsAnError() {
        let bare = Array(
            "<?xml version=\"1.0\"?><r xmlns:s=\"urn:s\"><s:style s:name=\"Cell\"><s:props/></s:style></r>".utf8)
        XCTAssertThrowsError(try editor.apply(to: bare))
    }
}
