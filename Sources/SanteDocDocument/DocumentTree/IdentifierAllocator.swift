import SanteDocAnalysis
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
        case let .list(ordered, items):
            return .list(ordered: ordered, items: items.map { $0.map { assign($0, renamed: &renamed) } })
        case var .quote(quote):
            quote.blocks = quote.blocks.map { assign($0, renamed: &renamed) }
            return .quote(quote)
        case var .note(note):
            note.blocks = note.blocks.map { assign($0, renamed: &renamed) }
            return .note(note)
        case .paragraph, .code:
            return block
        }
    }
}

extension Section {
    /// Charts point to their table by its final id.
    fileprivate func withReferences(_ renamed: [String: String]) -> Section {
        var copy = self
        copy.blocks = blocks.map { $0.withReferences(renamed) }
        copy.sections = sections.map { $0.withReferences(renamed) }
        return copy
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
        case let .list(ordered, items):
            return .list(ordered: ordered, items: items.map { $0.map { $0.withReferences(renamed) } })
        case var .quote(quote):
            quote.blocks = quote.blocks.map { $0.withReferences(renamed) }
            return .quote(quote)
        case var .note(note):
            note.blocks = note.blocks.map { $0.withReferences(renamed) }
            return .note(note)
        case .paragraph, .code, .table:
            return self
        }
    }
}
