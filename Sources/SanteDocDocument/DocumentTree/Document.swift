import SanteDocModel

/// The projet de santé (or an annex) as a format-neutral tree. Ids are assigned and
/// numbers formatted before writing, so the DocBook and HTML writers always agree.
public struct Document: Equatable, Sendable, Codable {
    public var title: String
    public var subtitle: String?
    /// Lines of the cover block.
    public var cover: [CoverLine]
    public var chapters: [Section]
    /// Date and version printed on the cover, as the sources give them (never the clock).
    public var date: String?
    public var version: String?
    /// A working draft carries a visible mark on every page; a submission edition none.
    public var isWorkingDraft: Bool
    /// The pictures its text shows (`Inline.image`), by name: a path in the project folder.
    public var pictures: [String: Picture] = [:]
    /// For the projet de santé: its written sections and the titles SanteDoc computed, kept
    /// in the DOCX and ODT so that importing them gives the sections back.
    public var record: SanteDocRecord?

    public init(
        title: String, subtitle: String? = nil, cover: [CoverLine] = [], chapters: [Section],
        date: String? = nil, version: String? = nil, isWorkingDraft: Bool = false
    ) {
        self.title = title
        self.subtitle = subtitle
        self.cover = cover
        self.chapters = chapters
        self.date = date
        self.version = version
        self.isWorkingDraft = isWorkingDraft
    }

    /// The words of the working-draft mark.
    public static let workingDraftMark = "Version de travail"
}

/// Which document the sources are assembled into: the board's working draft, with what is
/// still missing shown inside it, or the edition submitted to the ARS, with none of that.
public enum Edition: Equatable, Sendable, Codable {
    case workingDraft, final
}

public struct CoverLine: Equatable, Sendable, Codable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A chapter or section: blocks first, then subsections (as DocBook requires).
public struct Section: Equatable, Sendable, Codable {
    public var id: String
    public var title: String
    public var blocks: [Block]
    public var sections: [Section]
    /// The source file the section was written in (`sections/10-etat-sante.md`), for tools
    /// that point from a source to the page (the preview); writers do not print it.
    public var origin: String?

    public init(id: String, title: String, blocks: [Block] = [], sections: [Section] = [], origin: String? = nil) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.sections = sections
        self.origin = origin
    }
}

public indirect enum Block: Equatable, Sendable, Codable {
    case paragraph([Inline])
    case list(ordered: Bool, items: [[Block]])
    case table(Table)
    case quote(Quote)
    case code(String)
    case note(Note)
    case chart(BarChart)
}

/// A boxed remark. `toWrite` marks what the board still has to write: shown in the working
/// draft, never in the submission edition.
public struct Note: Equatable, Sendable, Codable {
    public enum Kind: Equatable, Sendable, Codable { case information, toWrite }
    public var kind: Kind
    public var title: String
    public var blocks: [Block]

    public init(_ kind: Kind, title: String, blocks: [Block]) {
        self.kind = kind
        self.title = title
        self.blocks = blocks
    }
}

public indirect enum Inline: Equatable, Sendable, Codable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    case link(url: String, content: [Inline])
    case superscript([Inline])
    case `subscript`([Inline])
    case lineBreak
    /// A picture of `Document.pictures`, with the text that stands for it.
    case image(name: String, alternative: String)
    /// Another page SanteDoc writes beside this one (`projets/cpts-a/completude.html`), by
    /// its relative path: never from the sources, whose links are web addresses.
    case pageLink(page: String, content: [Inline])

    /// The text a reader would see, for word counts and alternatives.
    public var plainText: String {
        switch self {
        case let .text(s), let .code(s): return s
        case let .image(_, alternative): return alternative
        case let .emphasis(c), let .strong(c), let .strikethrough(c), let .superscript(c), let .subscript(c),
            let .link(_, c), let .pageLink(_, c):
            return c.map(\.plainText).joined()
        case .lineBreak: return " "
        }
    }
}

public struct Table: Equatable, Sendable, Codable {
    public enum Alignment: Equatable, Sendable, Codable { case left, center, right }
    public struct Column: Equatable, Sendable, Codable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var id: String?
    public var caption: String
    public var columns: [Column]
    public var rows: [[[Inline]]]
    /// Total lines, shown after the body.
    public var footer: [[[Inline]]]
    /// The first cell of each row names the row (a header cell with row scope).
    public var rowHeaders: Bool
    /// How the table is meant to be printed.
    public var style: Style

    /// A signature table has tall empty cells to sign in, on a page of its own.
    /// `sortable`: a page that has a script may let its reader sort the rows by any column.
    public enum Style: String, Equatable, Sendable, Codable { case standard, signatures, sortable }

    public init(
        id: String? = nil, caption: String, columns: [Column], rows: [[[Inline]]],
        footer: [[[Inline]]] = [], rowHeaders: Bool = false, style: Style = .standard
    ) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.footer = footer
        self.rowHeaders = rowHeaders
        self.style = style
    }
}

public struct Quote: Equatable, Sendable, Codable {
    public var blocks: [Block]
    public var attribution: String?
    public var sourceURL: String?
}

/// Data for a horizontal bar chart; the DocBook writer shows it as a table, the HTML
/// writer as inline SVG next to the same numbers.
public struct BarChart: Equatable, Sendable, Codable {
    public struct Bar: Equatable, Sendable, Codable {
        public var label: String
        public var value: Double
        public var valueText: String
    }
    public var id: String
    public var title: String
    /// Header of the label column when shown as a table.
    public var labelTitle: String
    public var valueTitle: String
    public var bars: [Bar]
    /// The table that holds the same numbers, so that formats without pictures point to it
    /// instead of repeating it.
    public var sourceTable: TableReference?

    public init(
        id: String, title: String, labelTitle: String, valueTitle: String, bars: [Bar],
        sourceTable: TableReference? = nil
    ) {
        self.id = id
        self.title = title
        self.labelTitle = labelTitle
        self.valueTitle = valueTitle
        self.bars = bars
        self.sourceTable = sourceTable
    }
}

public struct TableReference: Equatable, Sendable, Codable {
    public var id: String
    public var caption: String

    public init(id: String, caption: String) {
        self.id = id
        self.caption = caption
    }
}

extension Document {
    /// Every block in reading order: those of each section, then of its subsections, and
    /// those inside lists, quotes and notes.
    public var allBlocks: [Block] {
        var found: [Block] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                found.append(block)
                switch block {
                case let .list(_, items): items.forEach(collect)
                case let .quote(quote): collect(quote.blocks)
                case let .note(note): collect(note.blocks)
                case .paragraph, .table, .code, .chart: break
                }
            }
        }
        func collect(_ section: Section) {
            collect(section.blocks)
            section.sections.forEach(collect)
        }
        chapters.forEach(collect)
        return found
    }

    public var tables: [Table] {
        allBlocks.compactMap { block in
            guard case let .table(table) = block else { return nil }
            return table
        }
    }

    public var charts: [BarChart] {
        allBlocks.compactMap { block in
            guard case let .chart(chart) = block else { return nil }
            return chart
        }
    }

    /// The ids of the sections, in reading order.
    public var sectionIDs: [String] {
        var ids: [String] = []
        func collect(_ section: Section) {
            ids.append(section.id)
            section.sections.forEach(collect)
        }
        chapters.forEach(collect)
        return ids
    }
}
