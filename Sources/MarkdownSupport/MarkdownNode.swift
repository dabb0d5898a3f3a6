/// A CommonMark (GFM) node, copied out of cmark-gfm into plain Swift values.
public struct MarkdownNode: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case document, blockQuote, list(ordered: Bool, start: Int), item, codeBlock(info: String)
        case htmlBlock, paragraph, heading(level: Int), thematicBreak
        case table(alignments: [ColumnAlignment]), tableRow(isHeader: Bool), tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough
        case link(url: String, title: String), image(url: String, title: String)
        case other(String)
    }
    public enum ColumnAlignment: Equatable, Sendable { case none, left, center, right }

    public var kind: Kind
    /// Text of leaf nodes (text, code, raw HTML, code blocks).
    public var literal: String
    public var children: [MarkdownNode]
    /// 1-based position in the parsed text.
    public var line: Int
    public var column: Int
}
