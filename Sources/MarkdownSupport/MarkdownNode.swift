/// A CommonMark (GFM) node, copied out of cmark-gfm into plain Swift values.
public struct MarkdownNode: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case document, blockQuote
        case list(ordered: Bool, start: Int)
        case item
        case codeBlock(info: String)
        case htmlBlock, paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [ColumnAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// A note's call and its text; `literal` is the label.
        case footnoteReference, footnoteDefinition
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
    /// The last line the node spans (its own line for inlines).
    public var endLine: Int

    public init(kind: Kind, literal: String, children: [MarkdownNode], line: Int, column: Int, endLine: Int? = nil) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
    }
}
