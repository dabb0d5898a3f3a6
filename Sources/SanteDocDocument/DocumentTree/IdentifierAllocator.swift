import SanteDocModel

/// Gives every section, table and chart of a document an id that is unique in it, stable
/// from run to run, and valid as an XML NCName and an HTML id — whatever the user typed
/// (accents, spaces, punctuation, duplicates, nothing at all). Assemblers propose base
/// ids; this pass is the only place that decides the final ones, and it updates the
/// references (a chart pointing to its table) to match.
package struct IdentifierAllocator {
    private var used: Set<String> = []
    /// Ids the writers use themselves.
    static let reserved: Set<String> = ["presentation-du-document", "contenu", "sommaire-titre"]
    /// The next suffix to try for a base, so that n identical titles cost n steps, not n².
    private var nextSuffix: [String: Int] = [:]

    /// ASCII letters, digits and hyphens, starting with a letter; never empty.
    static func sanitized(_ raw: String) -> String {
        let slug = FrenchFormat.slug(raw)
        return slug.first.map { ("a"..."z").contains($0) } == true ? slug : "s-" + slug
    }

    mutating func unique(_ raw: String) -> String {
        let base = Self.sanitized(raw)
        guard used.contains(base) else {
            used.insert(base)
            return base
        }
        var n = nextSuffix[base] ?? 2
        while used.contains("\(base)-\(n)") { n += 1 }
        nextSuffix[base] = n + 1
        let candidate = "\(base)-\(n)"
        used.insert(candidate)
        return candidate
    }

    /// The document with final ids. A section without a base id gets one from its parent's
    /// id and its title.
    package static func assign(_ document: Document) -> Document {
        var allocator = IdentifierAllocator()
        allocator.used = Self.reserved
        var renamed: [String: String] = [:]
        var copy = document
        copy.chapters = document.chapters.map { allocator.assign($0, parent: nil, renamed: &renamed) }
        copy.chapters = copy.chapters.map { $0.withReferences(renamed) }
        // A renvoi to no place of the document stays its text (it was reported where written):
        // the formats then agree, and no engine stops on it.
        let known = DocumentAnchors.identifiers(ofAssigned: copy)
        copy.chapters = copy.chapters.map { $0.unlinking(unknown: known) }
        return copy
    }

    private mutating func assign(_ section: Section, parent: String?, renamed: inout [String: String]) -> Section {
        let base = section.id.isEmpty ? (parent.map { $0 + "-" } ?? "") + section.title : section.id
        var copy = section
        copy.id = unique(base)
        used.insert(copy.id + "-titre")  // the HTML heading's id
        copy.blocks = section.blocks.map { assign($0, renamed: &renamed) }
        copy.sections = section.sections.map { assign($0, parent: copy.id, renamed: &renamed) }
        return copy
    }

    private mutating func assign(_ block: Block, renamed: inout [String: String]) -> Block {
        switch block {
        case var .table(table):
            if let id = table.id {
                table.id = unique(id)
                if renamed[id] == nil { renamed[id] = table.id }
            }
            return .table(table)
        case var .chart(chart):
            chart.id = unique(chart.id)
            used.formUnion([chart.id + "-titre", chart.id + "-desc"])  // the SVG's title and description
            return .chart(chart)
        case .list, .quote, .note, .paragraph, .code:
            return block.mappingNested { assign($0, renamed: &renamed) }
        }
    }
}

extension Section {
    /// Charts point to their table by its final id.
    fileprivate func withReferences(_ renamed: [String: String]) -> Section {
        mappingBlocks { $0.withReferences(renamed) }
    }
}

extension Block {
    fileprivate func withReferences(_ renamed: [String: String]) -> Block {
        switch self {
        case var .chart(chart):
            if let source = chart.sourceTable {
                chart.sourceTable?.id = renamed[source.id] ?? IdentifierAllocator.sanitized(source.id)
            }
            return .chart(chart)
        case .list, .quote, .note, .paragraph, .code, .table:
            return mappingNested { $0.withReferences(renamed) }
        }
    }
}

/// The places of a document a link may point to (`#…`), once its ids are assigned: every
/// section and its heading, table and chart, and the page's own landmarks.
public enum DocumentAnchors {
    public static func identifiers(of document: Document) -> Set<String> {
        identifiers(ofAssigned: IdentifierAllocator.assign(document))
    }

    static func identifiers(ofAssigned document: Document) -> Set<String> {
        var ids = IdentifierAllocator.reserved
        func visit(_ section: Section) {
            ids.formUnion([section.id, section.id + "-titre"])
            section.blocks.forEach(visit)
            section.sections.forEach(visit)
        }
        func visit(_ block: Block) {
            switch block {
            case let .table(table): if let id = table.id { ids.insert(id) }
            case let .chart(chart): ids.formUnion([chart.id, chart.id + "-titre", chart.id + "-desc"])
            case let .list(_, items): for item in items { item.forEach(visit) }
            case let .quote(quote): quote.blocks.forEach(visit)
            case let .note(note): note.blocks.forEach(visit)
            case .paragraph, .code: break
            }
        }
        document.chapters.forEach(visit)
        return ids
    }
}

extension Section {
    fileprivate func unlinking(unknown known: Set<String>) -> Section {
        mappingBlocks { $0.unlinking(known) }
    }
}

extension Block {
    fileprivate func unlinking(_ known: Set<String>) -> Block {
        func cells(_ rows: [[[Inline]]]) -> [[[Inline]]] { rows.map { $0.map { $0.flatMap { $0.unlinking(known) } } } }
        switch self {
        case let .paragraph(inlines): return .paragraph(inlines.flatMap { $0.unlinking(known) })
        case var .table(table):
            table.rows = cells(table.rows)
            table.footer = cells(table.footer)
            return .table(table)
        case .list, .quote, .note, .code, .chart: return mappingNested { $0.unlinking(known) }
        }
    }
}

extension Inline {
    fileprivate func unlinking(_ known: Set<String>) -> [Inline] {
        switch self {
        case let .link(url, content):
            let inner = content.flatMap { $0.unlinking(known) }
            if let target = LinkTarget.safe(url), target.hasPrefix("#"), !known.contains(String(target.dropFirst())) {
                return inner
            }
            return [.link(url: url, content: inner)]
        case let .emphasis(content): return [.emphasis(content.flatMap { $0.unlinking(known) })]
        case let .strong(content): return [.strong(content.flatMap { $0.unlinking(known) })]
        case let .strikethrough(content): return [.strikethrough(content.flatMap { $0.unlinking(known) })]
        case let .superscript(content): return [.superscript(content.flatMap { $0.unlinking(known) })]
        case let .subscript(content): return [.subscript(content.flatMap { $0.unlinking(known) })]
        case let .pageLink(page, content):
            return [.pageLink(page: page, content: content.flatMap { $0.unlinking(known) })]
        case .text, .code, .lineBreak, .image: return [self]
        }
    }
}

extension Section {
    /// The section with `transform` applied to each of its blocks and those of its sub-sections.
    fileprivate func mappingBlocks(_ transform: (Block) -> Block) -> Section {
        var copy = self
        copy.blocks = blocks.map(transform)
        copy.sections = sections.map { $0.mappingBlocks(transform) }
        return copy
    }
}

extension Block {
    /// The block with `transform` applied to each block it holds (a list's items, a quote's
    /// or a note's blocks); a block that holds none comes back as it is. The tree passes
    /// above handle the blocks they change and leave the walk to this.
    fileprivate func mappingNested(_ transform: (Block) -> Block) -> Block {
        switch self {
        case let .list(ordered, items): return .list(ordered: ordered, items: items.map { $0.map(transform) })
        case var .quote(quote):
            quote.blocks = quote.blocks.map(transform)
            return .quote(quote)
        case var .note(note):
            note.blocks = note.blocks.map(transform)
            return .note(note)
        case .paragraph, .code, .table, .chart: return self
        }
    }
}
