import XCTest
@testable import MarkdownSupport

final class CommonMarkParserTests: XCTestCase {
    func testTablesWithAlignmentAndSourcePositions() {
        let root = CommonMarkParser.parse("# Titre\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        XCTAssertEqual(root.kind, .document)
        XCTAssertEqual(root.children.map(\.kind), [.heading(level: 1), .table(alignments: [.left, .right])])
        let table = root.children[1]
        XCTAssertEqual(table.line, 3)
        XCTAssertEqual(table.children.map(\.kind), [.tableRow(isHeader: true), .tableRow(isHeader: false)])
        XCTAssertEqual(table.children[1].children[1].children.first?.literal, "2")
    }

    func testInlineNodesAndRawHTMLAreDistinguished() {
        let paragraph = CommonMarkParser.parse("Un *mot* <b>gras</b> `code` [lien](https://x.fr)").children[0]
        XCTAssertEqual(paragraph.children.map(\.kind), [
            .text, .emphasis, .text, .htmlInline, .text, .htmlInline, .text, .code, .text,
            .link(url: "https://x.fr", title: ""),
        ])
        XCTAssertEqual(paragraph.children[3].literal, "<b>")
    }

    func testEmptyInputIsAnEmptyDocument() {
        XCTAssertEqual(CommonMarkParser.parse("").children, [])
    }
}
