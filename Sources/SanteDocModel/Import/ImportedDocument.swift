/// A document written elsewhere (a projet de santé in Word, LibreOffice or Markdown), as
/// its chapters and blocks: what `santedoc importer` turns into a project folder.
public struct ImportedDocument: Sendable {
    public var title: String?
    /// What comes before the first heading: usually the cover page and its table.
    public var front: [ImportedBlock]
    public var chapters: [ImportedChapter]
    /// The text of each footnote, by its label.
    public var notes: [String: String]
    /// What the source had that the import could not carry (tracked changes, comments,
    /// text boxes, embedded objects), in words, each with how many were found.
    public var unread: [String]
    /// What a document made by SanteDoc says of its sections (nil for any other document).
    public var record: SanteDocRecord?

    public init(
        title: String? = nil, front: [ImportedBlock] = [], chapters: [ImportedChapter] = [],
        notes: [String: String] = [:], unread: [String] = [], record: SanteDocRecord? = nil
    ) {
        self.title = title
        self.front = front
        self.chapters = chapters
        self.notes = notes
        self.unread = unread
        self.record = record
    }

    /// Every block in reading order, the front's first.
    public var allBlocks: [ImportedBlock] {
        front + chapters.flatMap(\.allBlocks)
    }
}

/// A heading and what follows it up to the next heading of the same or a higher level.
public struct ImportedChapter: Sendable {
    /// The heading's text without its numbering (« 2.1 », « II. »).
    public var title: String
    /// 1 for a chapter, 2 for a sub-chapter…
    public var level: Int
    public var blocks: [ImportedBlock]
    public var children: [ImportedChapter]
    /// The heading's number in reading order among all blocks (« paragraphe n »).
    public var number: Int

    public init(title: String, level: Int, blocks: [ImportedBlock] = [], children: [ImportedChapter] = [], number: Int)
    {
        self.title = title
        self.level = level
        self.blocks = blocks
        self.children = children
        self.number = number
    }

    public var allBlocks: [ImportedBlock] { blocks + children.flatMap(\.allBlocks) }

    /// The plain text of the chapter and its sub-chapters, titles included.
    public var allText: String {
        ([title] + blocks.map(\.text) + children.map(\.allText)).joined(separator: "\n")
    }
}

/// One block of an imported document, with its Markdown and its plain text.
public struct ImportedBlock: Sendable {
    public enum Kind: Sendable, Equatable {
        case paragraph
        /// A list, with the plain text of each item.
        case list(items: [String])
        case table(ImportedTable)
        /// A picture alone in its paragraph: its path in the converted document, its description.
        case image(path: String, description: String)
        case other
    }

    public var kind: Kind
    /// The block as Markdown (footnote calls `[^label]` kept).
    public var markdown: String
    public var text: String
    /// Its number in reading order among all blocks of the document.
    public var number: Int

    public init(kind: Kind, markdown: String, text: String, number: Int) {
        self.kind = kind
        self.markdown = markdown
        self.text = text
        self.number = number
    }
}

/// A table as text: its header and its rows, cells trimmed.
public struct ImportedTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}

/// What a DOCX or ODT made by SanteDoc keeps, as a document property, so that importing it
/// gives back the project's sections: each written section, and the titles of what SanteDoc
/// computed (chapters, missions, tables), which an import leaves to `projet.yaml`.
public struct SanteDocRecord: Sendable, Codable, Equatable {
    public var sections: [RecordedSection]
    public var generated: [String]
    /// The captions SanteDoc gave the tables of written sections (Markdown has none).
    public var captions: [String]

    public init(sections: [RecordedSection], generated: [String], captions: [String] = []) {
        self.sections = sections
        self.generated = generated
        self.captions = captions
    }

    enum CodingKeys: String, CodingKey {
        case sections
        case generated = "generes"
        case captions = "legendes"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sections = try container.decode([RecordedSection].self, forKey: .sections)
        generated = try container.decodeIfPresent([String].self, forKey: .generated) ?? []
        captions = try container.decodeIfPresent([String].self, forKey: .captions) ?? []
    }
}

/// What a document made by SanteDoc says of one of its written sections, so that importing
/// it gives the section back: its file, title, part and claims, and the figures its text
/// shows in place of `{{name}}`.
public struct RecordedSection: Sendable, Codable, Equatable {
    public var file: String
    public var title: String
    public var part: String?
    public var covers: [String]
    /// Each placeholder of the text, in order, with the value the document printed.
    public var figures: [Figure]

    public struct Figure: Sendable, Codable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(file: String, title: String, part: String?, covers: [String], figures: [Figure]) {
        self.file = file
        self.title = title
        self.part = part
        self.covers = covers
        self.figures = figures
    }

    enum CodingKeys: String, CodingKey {
        case file = "fichier"
        case title = "titre"
        case part = "partie"
        case covers = "couvre"
        case figures = "chiffres"
    }

    /// The record as a document carries it came from elsewhere: only a part SanteDoc knows,
    /// identifiers and figure names of plain characters are kept, so that nothing it holds
    /// can add a line to a front matter or close a `{{…}}`.
    public var plain: RecordedSection {
        func isPlain(_ id: String) -> Bool {
            !id.isEmpty
                && id.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
                }
        }
        var copy = self
        copy.title = title.split(whereSeparator: \.isNewline).joined(separator: " ")
        copy.part = part.flatMap(Part.init(rawValue:))?.rawValue
        copy.covers = covers.filter(isPlain)
        copy.figures = figures.filter { isPlain($0.name) }
        return copy
    }
}

extension RecordedSection.Figure {
    enum CodingKeys: String, CodingKey {
        case name = "nom"
        case value = "valeur"
    }
}
