extension Block {
    /// A paragraph of plain text.
    static func text(_ string: String) -> Block { .paragraph([.text(string)]) }

    /// A bulleted list of plain strings.
    static func bullets(_ items: [String]) -> Block { .list(ordered: false, items: items.map { [.text($0)] }) }

    var plainText: String {
        switch self {
        case let .paragraph(inlines): return inlines.map(\.plainText).joined()
        case let .list(_, items): return items.flatMap { $0 }.map(\.plainText).joined(separator: " ")
        case let .table(t): return t.rows.flatMap { $0 }.flatMap { $0 }.map(\.plainText).joined(separator: " ")
        case let .quote(q): return q.blocks.map(\.plainText).joined(separator: " ")
        case let .code(s): return s
        case let .note(note): return note.blocks.map(\.plainText).joined(separator: " ")
        case .chart: return ""
        }
    }
}

extension Section {
    /// Every word of the section, subsections included.
    var plainText: String {
        (blocks.map(\.plainText) + sections.map(\.plainText)).joined(separator: " ")
    }
}

/// A table cell of plain text: the document tree's rows are lists of cells, each a list of
/// inlines.
func cell(_ text: String) -> [Inline] { [.text(text)] }
