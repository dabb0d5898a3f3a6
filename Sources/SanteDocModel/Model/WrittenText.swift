/// Text as the board wrote it in a section, read from Markdown but no longer Markdown:
/// paragraphs, lists, quotes, code, tables and the guidance `santedoc init` left. It has no
/// ids, no numbering and no layout: the document assembler turns it into the document tree.
public indirect enum WrittenBlock: Equatable, Sendable {
    case paragraph([WrittenSpan])
    case list(ordered: Bool, items: [[WrittenBlock]])
    case quote([WrittenBlock])
    case code(String)
    case table(WrittenTable)
    /// « À rédiger » guidance: what is still to write, not content.
    case guidance([WrittenBlock])

    /// The words that open guidance in a section (`> À rédiger : …`), and title it in
    /// the documents.
    public static let guidanceMarker = "À rédiger"
}

public indirect enum WrittenSpan: Equatable, Sendable {
    case text(String)
    case emphasis([WrittenSpan])
    case strong([WrittenSpan])
    case strikethrough([WrittenSpan])
    case code(String)
    case link(url: String, content: [WrittenSpan])
    case superscript([WrittenSpan])
    case `subscript`([WrittenSpan])
    case lineBreak
    /// A picture of the project folder (`![texte](images/carte.png)`), named by its path.
    case image(path: String, alternative: String)

    /// The text a reader would see, for word counts and titles.
    public var plainText: String {
        switch self {
        case let .text(s), let .code(s): return s
        case let .image(_, alternative): return alternative
        case let .emphasis(c), let .strong(c), let .strikethrough(c), let .superscript(c), let .subscript(c),
            let .link(_, c):
            return c.map(\.plainText).joined()
        case .lineBreak: return " "
        }
    }
}

public struct WrittenTable: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, center, right }

    /// Markdown has no caption: the reader names the table after its section.
    public var caption: String
    public var columns: [(title: String, alignment: Alignment)]
    public var rows: [[[WrittenSpan]]]

    public init(caption: String, columns: [(title: String, alignment: Alignment)], rows: [[[WrittenSpan]]]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }

    public static func == (l: WrittenTable, r: WrittenTable) -> Bool {
        l.caption == r.caption && l.rows == r.rows && l.columns.map(\.title) == r.columns.map(\.title)
            && l.columns.map(\.alignment) == r.columns.map(\.alignment)
    }
}

/// A part of a section opened by a heading in the text.
public struct WrittenSubsection: Equatable, Sendable {
    public var title: String
    public var blocks: [WrittenBlock]
    public var subsections: [WrittenSubsection]

    public init(title: String, blocks: [WrittenBlock] = [], subsections: [WrittenSubsection] = []) {
        self.title = title
        self.blocks = blocks
        self.subsections = subsections
    }
}

extension WrittenBlock {
    /// Every word of the block, for word counts.
    public var plainText: String {
        switch self {
        case let .paragraph(spans): return spans.map(\.plainText).joined()
        case let .list(_, items): return items.flatMap { $0 }.map(\.plainText).joined(separator: " ")
        case let .quote(blocks), let .guidance(blocks): return blocks.map(\.plainText).joined(separator: " ")
        case let .code(text): return text
        case let .table(table): return table.rows.flatMap { $0 }.flatMap { $0 }.map(\.plainText).joined(separator: " ")
        }
    }

    public var isGuidance: Bool {
        if case .guidance = self { return true }
        return false
    }
}

extension WrittenSubsection {
    public var plainText: String {
        (blocks.map(\.plainText) + subsections.map(\.plainText)).joined(separator: " ")
    }
}

/// A picture read from the project folder, as its file holds it.
public struct Picture: Equatable, Sendable, Codable {
    public enum Format: String, Equatable, Sendable, Codable {
        case png, jpeg, svg

        public var mediaType: String {
            switch self {
            case .png: return "image/png"
            case .jpeg: return "image/jpeg"
            case .svg: return "image/svg+xml"
            }
        }
    }

    public var format: Format
    public var bytes: [UInt8]

    public init(format: Format, bytes: [UInt8]) {
        self.format = format
        self.bytes = bytes
    }
}
