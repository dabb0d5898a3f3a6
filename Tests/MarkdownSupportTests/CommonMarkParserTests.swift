import XCTest

@testable import MarkdownSupport

final class CommonMarkParserTests: XCTestCase {
    func parse(_ text: String) throws -> MarkdownNode { try CommonMarkParser.parse(text, maximumDepth: 32).get() }

    func testTablesWithAlignmentAndSourcePositions() throws {
        let root = try parse("# Titre\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        XCTAssertEqual(root.kind, .document)
        XCTAssertEqual(root.children.map(\.kind), [.heading(level: 1), .table(alignments: [.left, .right])])
        let table = root.children[1]
        XCTAssertEqual(table.line, 3)
        XCTAssertEqual(table.children.map(\.kind), [.tableRow(isHeader: true), .tableRow(isHeader: false)])
        XCTAssertEqual(table.children[1].children[1].children.first?.literal, "2")
    }

    func testInlineNodesAndRawHTMLAreDistinguished() throws {
        let paragraph = try parse("Un *mot* <b>gras</b> `code` [lien](https://x.fr)").children[0]
        XCTAssertEqual(
            paragraph.children.map(\.kind),
            [
                .text, .emphasis, .text, .htmlInline, .text, .htmlInline, .text, .code, .text,
                .link(url: "https://x.fr", title: ""),
            ])
        XCTAssertEqual(paragraph.children[3].literal, "<b>")
    }

    func testEmptyInputIsAnEmptyDocument() throws {
        XCTAssertEqual(try parse("").children, [])
    }

    /// Depth is measured without recursion, so that hostile nesting is refused before any
    /// recursive conversion: 3 000 quotes, 2 000 list levels, 5 000 asterisks.
    func testDeepNestingIsFoundWhereItStarts() {
        for text in [
            String(repeating: "> ", count: 3_000) + "x",
            (0..<2_000).map { String(repeating: "  ", count: $0) + "- a" }
                .joined(separator: "\n"),
            String(repeating: "*", count: 5_000) + "mot" + String(repeating: "*", count: 5_000),
        ] {
            guard case let .failure(deep) = CommonMarkParser.parse(text, maximumDepth: 32) else {
                return XCTFail("accepted: \(text.prefix(20))")
            }
            XCTAssertEqual(deep.line >= 1, true)
        }
        XCTAssertNoThrow(try CommonMarkParser.parse(String(repeating: "> ", count: 20) + "x", maximumDepth: 32).get())
    }
}
