internal import CCmarkGFM

/// Parses GitHub-flavoured Markdown with cmark-gfm (tables, strikethrough, autolinks).
/// The C tree is converted at once and freed; no cmark pointer leaves this file.
public enum CommonMarkParser {
    /// Registering cmark's extensions touches global state: done once, thread-safely.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Where a text nests deeper than allowed.
    public struct TooDeep: Error, Equatable {
        public var line: Int
        public var column: Int
    }

    /// The tree, or where it nests deeper than `maximumDepth` (measured without recursion,
    /// before anything recurses over the tree).
    /// With `footnotes`, `[^1]` and `[^1]: …` are notes (for documents imported from a word
    /// processor); without, they are text, as in a section.
    public static func parse(
        _ text: String, maximumDepth: Int, footnotes: Bool = false
    ) -> Result<MarkdownNode, TooDeep> {
        _ = registered
        let options = CMARK_OPT_SOURCEPOS | (footnotes ? CMARK_OPT_FOOTNOTES : 0)
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        let root = cmark_parser_finish(parser)!
        defer { cmark_node_free(root) }
        if let deep = firstNode(deeperThan: maximumDepth, in: root) { return .failure(deep) }
        return .success(convert(root))
    }

    /// Leaves get no exit event from cmark's iterator, and add no level.
    private static let leaves: Set<String> = [
        "html_block", "thematic_break", "code_block", "text", "softbreak",
        "linebreak", "code", "html_inline",
    ]

    private static func firstNode(deeperThan limit: Int, in root: OpaquePointer) -> TooDeep? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return nil }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                depth -= 1
                continue
            }
            if leaves.contains(string(cmark_node_get_type_string(node))) { continue }  // no depth of their own
            depth += 1
            if depth > limit {
                return TooDeep(
                    line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            }
        }
    }

    private static func convert(_ node: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current))
            child = cmark_node_next(current)
        }
        return MarkdownNode(
            kind: kind(of: node), literal: string(cmark_node_get_literal(node)),
            children: children,
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)))
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        // cmark names the footnote types « <unknown> »: they are told by their number.
        if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE { return .footnoteReference }
        if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION { return .footnoteDefinition }
        let type = string(cmark_node_get_type_string(node))
        switch type {
        case "document": return .document
        case "block_quote": return .blockQuote
        case "list":
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)))
        case "item": return .item
        case "code_block": return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case "html_block": return .htmlBlock
        case "paragraph": return .paragraph
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)))
        case "thematic_break": return .thematicBreak
        case "table": return .table(alignments: alignments(of: node))
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: false)
        case "table_cell": return .tableCell
        case "text": return .text
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code
        case "html_inline": return .htmlInline
        case "emph": return .emphasis
        case "strong": return .strong
        case "strikethrough": return .strikethrough
        case "link": return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case "image": return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return .other(type)
        }
    }

    private static func alignments(of table: OpaquePointer) -> [MarkdownNode.ColumnAlignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(table))
        guard count > 0, let raw = cmark_gfm_extensions_get_table_alignments(table) else { return [] }
        return (0..<count).map { index in
            switch UInt8(raw[index]) {
            case UInt8(ascii: "l"): return .left
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .none
            }
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
