import SanteDocModel

/// Replaces `{{name}}` in section text by the French-formatted figure.
public struct PlaceholderResolver {
    let figures: FigureSet
    let diagnostics: DiagnosticEngine

    public init(figures: FigureSet, diagnostics: DiagnosticEngine) {
        self.figures = figures
        self.diagnostics = diagnostics
    }

    /// Reports unknown names (error) and figures that cannot be computed (warning).
    public func validate(_ placeholders: [Located<String>]) {
        for placeholder in placeholders {
            guard let value = figures[placeholder.value] else {
                diagnostics.error(
                    "chiffre.inconnu", at: placeholder.location,
                    "Chiffre inconnu « {{\(placeholder.value)}} ».",
                    hint: Suggestions.hint(for: placeholder.value, in: figures.names)
                        ?? "« santedoc figures » liste les noms disponibles.")
                continue
            }
            if case let .unknown(reason, _) = value {
                diagnostics.warning(
                    "chiffre.non-determine", at: placeholder.location,
                    "Le chiffre « \(placeholder.value) » ne peut pas être calculé : \(reason).")
            }
        }
    }

    public func resolve(_ sections: [TextSection]) -> [TextSection] {
        sections.map { section in
            var copy = section
            copy.blocks = section.blocks.map(resolve)
            copy.subsections = section.subsections.map(resolve)
            return copy
        }
    }

    private func resolve(_ section: WrittenSubsection) -> WrittenSubsection {
        WrittenSubsection(
            title: resolve(section.title), blocks: section.blocks.map(resolve),
            subsections: section.subsections.map(resolve))
    }

    private func resolve(_ block: WrittenBlock) -> WrittenBlock {
        switch block {
        case let .paragraph(spans): return .paragraph(spans.map(resolve))
        case let .list(ordered, items): return .list(ordered: ordered, items: items.map { $0.map(resolve) })
        case var .table(table):
            table.rows = table.rows.map { $0.map { $0.map(resolve) } }
            return .table(table)
        case let .quote(blocks): return .quote(blocks.map(resolve))
        case let .guidance(blocks): return .guidance(blocks.map(resolve))
        case .code: return block
        }
    }

    private func resolve(_ span: WrittenSpan) -> WrittenSpan {
        switch span {
        case let .text(s): return .text(resolve(s))
        case let .emphasis(c): return .emphasis(c.map(resolve))
        case let .strong(c): return .strong(c.map(resolve))
        case let .strikethrough(c): return .strikethrough(c.map(resolve))
        case let .superscript(c): return .superscript(c.map(resolve))
        case let .subscript(c): return .subscript(c.map(resolve))
        case let .link(url, c): return .link(url: url, content: c.map(resolve))
        case .code, .lineBreak, .image: return span
        }
    }

    /// The names of the placeholders of a section, in reading order, titles included.
    public static func names(in section: TextSection) -> [String] {
        var names: [String] = []
        func scan(_ text: String) {
            var rest = Substring(text)
            while let open = rest.range(ofASCII: "{", "{", from: rest.startIndex),
                let close = rest.range(ofASCII: "}", "}", from: open.upperBound)
            {
                names.append(String(rest[open.upperBound..<close.lowerBound].trimmingWhitespace()))
                rest = rest[close.upperBound...]
            }
        }
        func visit(_ span: WrittenSpan) {
            switch span {
            case let .text(s): scan(s)
            case let .emphasis(c), let .strong(c), let .strikethrough(c), let .superscript(c), let .subscript(c),
                let .link(_, c):
                c.forEach(visit)
            case .code, .lineBreak, .image: break
            }
        }
        func visit(_ block: WrittenBlock) {
            switch block {
            case let .paragraph(spans): spans.forEach(visit)
            case let .list(_, items): items.joined().forEach(visit)
            case let .table(table): table.rows.joined().joined().forEach(visit)
            case let .quote(blocks), let .guidance(blocks): blocks.forEach(visit)
            case .code: break
            }
        }
        func visit(_ subsection: WrittenSubsection) {
            scan(subsection.title)
            subsection.blocks.forEach(visit)
            subsection.subsections.forEach(visit)
        }
        section.blocks.forEach(visit)
        section.subsections.forEach(visit)
        return names
    }

    func resolve(_ text: String) -> String {
        guard text.containsASCII("{", "{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(ofASCII: "{", "{", from: rest.startIndex),
            let close = rest.range(ofASCII: "}", "}", from: open.upperBound)
        {
            result += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound].trimmingWhitespace())
            result += figures[name]?.formatted ?? "{{\(name)}}"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
