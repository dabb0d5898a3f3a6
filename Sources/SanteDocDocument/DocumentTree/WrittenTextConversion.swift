import SanteDocModel

/// The board's written text as document-tree blocks: guidance becomes a note to the board,
/// a heading inside the text a subsection.
enum WrittenTextConversion {
    static func blocks(_ written: [WrittenBlock]) -> [Block] { written.map(block) }

    static func section(_ written: WrittenSubsection) -> Section {
        Section(
            id: "", title: written.title, blocks: blocks(written.blocks), sections: written.subsections.map(section))
    }

    static func block(_ written: WrittenBlock) -> Block {
        switch written {
        case let .paragraph(spans): return .paragraph(spans.map(inline))
        case let .list(ordered, items): return .list(ordered: ordered, items: items.map(blocks))
        case let .quote(content): return .quote(Quote(blocks: blocks(content), attribution: nil, sourceURL: nil))
        case let .code(text): return .code(text)
        case let .table(table):
            return .table(
                Table(
                    caption: table.caption,
                    columns: table.columns.map { Table.Column($0.title, alignment($0.alignment)) },
                    rows: table.rows.map { $0.map { $0.map(inline) } }))
        case let .guidance(content):
            return .note(Note(.toWrite, title: WrittenBlock.guidanceMarker, blocks: blocks(content)))
        }
    }

    static func inline(_ span: WrittenSpan) -> Inline {
        switch span {
        case let .text(s): return .text(s)
        case let .emphasis(c): return .emphasis(c.map(inline))
        case let .strong(c): return .strong(c.map(inline))
        case let .strikethrough(c): return .strikethrough(c.map(inline))
        case let .code(s): return .code(s)
        case let .link(url, c): return .link(url: url, content: c.map(inline))
        case let .superscript(c): return .superscript(c.map(inline))
        case let .subscript(c): return .subscript(c.map(inline))
        case .lineBreak: return .lineBreak
        case let .image(path, alternative): return .image(name: path, alternative: alternative)
        }
    }

    private static func alignment(_ a: WrittenTable.Alignment) -> Table.Alignment {
        switch a {
        case .left: return .left
        case .center: return .center
        case .right: return .right
        }
    }
}
