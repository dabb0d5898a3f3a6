import Foundation
import MarkdownSupport
import SanteDocModel

/// Converts a cmark tree into the model's written text. Headings open nested subsections;
/// raw HTML is never passed through: `<sup>`, `<sub>` and `<br>` become their equivalents,
/// comments are dropped, anything else is kept as visible text.
struct MarkdownConverter {
    let file: String
    let lineOffset: Int
    let diagnostics: DiagnosticEngine
    /// The body as typed, to measure table rows the parser has already normalised.
    let sourceLines: [Substring]
    private(set) var placeholders: [Located<String>] = []
    /// `#…` link targets, checked against the document's ids once it is assembled.
    private(set) var anchors: [Located<String>] = []
    /// The pictures the text shows, by their path in the project, where each is named.
    private(set) var pictures: [Located<String>] = []
    /// Title of the innermost section, which names the tables written in it (Markdown
    /// has no caption syntax, and a table without caption is hard to follow by ear).
    private var currentTitle: String
    private var tablesInSection = 0
    private var headings = 0
    /// Limits already reported, so that each is said once per file.
    private var exceeded: Set<String> = []
    /// True once a limit is exceeded: the section is then refused.
    private(set) var overLimit = false

    init(file: String, title: String, lineOffset: Int, diagnostics: DiagnosticEngine, sourceLines: [Substring] = []) {
        self.file = file
        self.lineOffset = lineOffset
        self.diagnostics = diagnostics
        self.sourceLines = sourceLines
        currentTitle = title
    }

    /// Blocks before the first heading, then the sections the headings open.
    mutating func convert(_ document: MarkdownNode) -> (blocks: [WrittenBlock], sections: [WrittenSubsection]) {
        var stack: [(level: Int, section: WrittenSubsection)] = []
        var topBlocks: [WrittenBlock] = []
        var topSections: [WrittenSubsection] = []

        func close(downTo level: Int) {
            while let last = stack.last, last.level >= level {
                stack.removeLast()
                if stack.isEmpty {
                    topSections.append(last.section)
                } else {
                    stack[stack.count - 1].section.subsections.append(last.section)
                }
            }
        }
        for node in document.children {
            if case let .heading(level) = node.kind {
                headings += 1
                if headings > Limits.headingsPerSection {
                    exceed(
                        "limite.titres", at: node,
                        "Plus de \(FrenchFormat.integer(Limits.headingsPerSection)) titres dans cette section.",
                        hint: "découpez le texte en plusieurs fichiers de sections.")
                    continue
                }
                close(downTo: level)
                let title = inlines(node.children).map(\.plainText).joined()
                currentTitle = title
                tablesInSection = 0
                stack.append((level, WrittenSubsection(title: title)))
                continue
            }
            let converted = blocks(node)
            if stack.isEmpty { topBlocks += converted } else { stack[stack.count - 1].section.blocks += converted }
        }
        close(downTo: Int.min)
        return (topBlocks, topSections)
    }

    private mutating func blocks(_ node: MarkdownNode) -> [WrittenBlock] {
        switch node.kind {
        case .paragraph:
            checkUnrecognisedTable(node)
            let content = inlines(node.children)
            return content.isEmpty ? [] : [.paragraph(content)]
        case let .list(ordered, _):
            if node.children.count > Limits.itemsPerList {
                exceed(
                    "limite.elements-de-liste", at: node,
                    "Cette liste a plus de \(FrenchFormat.integer(Limits.itemsPerList)) éléments.",
                    hint: "présentez ces données dans un tableau CSV ou découpez la liste.")
                return []
            }
            return [.list(ordered: ordered, items: node.children.map { item in item.children.flatMap { blocks($0) } })]
        case .blockQuote:
            return [.quote(node.children.flatMap { blocks($0) })]
        case .codeBlock:
            return [.code(node.literal.hasSuffix("\n") ? String(node.literal.dropLast()) : node.literal)]
        case .htmlBlock:
            let raw = String(node.literal.trimmingWhitespace())
            if raw.hasPrefix("<!--") { return [] }
            warnRawHTML(at: node)
            return [.paragraph([.text(raw)])]
        case let .table(alignments):
            return [.table(table(node, alignments: alignments))]
        case .thematicBreak:
            return []
        case .heading:  // only inside lists or quotes (top-level headings open sections): strong text
            return [.paragraph([.strong(inlines(node.children))])]
        default:
            return node.children.flatMap { blocks($0) }
        }
    }

    /// The raw line from the node's column on (past a list or quote marker).
    private func sourceLine(_ line: Int, from column: Int = 1) -> Substring? {
        guard line >= 1 && line <= sourceLines.count else { return nil }
        let raw = sourceLines[line - 1]
        let start = raw.utf8.index(raw.startIndex, offsetBy: min(max(column - 1, 0), raw.utf8.count))
        return raw[start...]
    }

    /// Every row must have as many cells as the header: the parser would pad or cut it.
    private func checkRows(_ node: MarkdownNode, columns: Int) {
        for row in node.children.dropFirst() {
            guard let raw = sourceLine(row.line, from: row.column), raw.contains("|") else { continue }
            let cells = MarkdownTableLines.cellCount(raw)
            guard cells != columns else { continue }
            diagnostics.error(
                "markdown.tableau-colonnes", at: location(row),
                "Cette ligne du tableau a " + FrenchFormat.count(cells, "cellule", "cellules")
                    + ", l’en-tête en a \(columns) : "
                    + (cells < columns
                        ? "des cellules manqueraient."
                        : "des cellules seraient perdues."),
                hint: "ajoutez ou retirez des « | » pour avoir \(columns) cellules ; un « | » dans une cellule "
                    + "s’écrit « \\| ».")
        }
    }

    /// A header and a separator line that disagree: not a table for the parser, which would
    /// print the pipes as text.
    private func checkUnrecognisedTable(_ node: MarkdownNode) {
        guard let header = sourceLine(node.line, from: node.column), MarkdownTableLines.looksLikeRow(header),
            let separator = sourceLine(node.line + 1, from: node.column), MarkdownTableLines.isDelimiter(separator)
        else { return }
        let columns = MarkdownTableLines.cellCount(header)
        let marks = MarkdownTableLines.cellCount(separator)
        diagnostics.error(
            "markdown.tableau-illisible", at: location(node),
            "Ce tableau n’est pas reconnu : l’en-tête a " + FrenchFormat.count(columns, "colonne", "colonnes")
                + ", la ligne de séparation en a \(marks) ; il serait affiché comme du texte.",
            hint: "écrivez autant de « --- » que de colonnes dans la deuxième ligne, par exemple "
                + "« |" + String(repeating: "---|", count: max(1, columns)) + " ».")
    }

    private mutating func table(_ node: MarkdownNode, alignments: [MarkdownNode.ColumnAlignment]) -> WrittenTable {
        checkRows(node, columns: max(1, alignments.count))
        let rows = node.children.map { row in row.children.map { inlines($0.children) } }
        let header = rows.first ?? []
        let columns = header.enumerated().map { index, cell in
            (
                title: cell.map(\.plainText).joined(),
                alignment: alignment(index < alignments.count ? alignments[index] : .none)
            )
        }
        tablesInSection += 1
        return WrittenTable(
            caption: "Tableau — " + currentTitle + (tablesInSection > 1 ? " (\(tablesInSection))" : ""),
            columns: columns, rows: Array(rows.dropFirst()))
    }

    private func alignment(_ a: MarkdownNode.ColumnAlignment) -> WrittenTable.Alignment {
        switch a {
        case .right: return .right
        case .center: return .center
        default: return .left
        }
    }

    mutating func inlines(_ nodes: [MarkdownNode]) -> [WrittenSpan] {
        var result: [WrittenSpan] = []
        var index = 0
        // Where each `</sup>` and `</sub>` is, found once: an opening tag then takes the next
        // one after it, without a search per tag.
        var closings: [String: [Int]] = ["</sup>": [], "</sub>": []]
        for (position, node) in nodes.enumerated() where node.kind == .htmlInline {
            let tag = node.literal.lowercased()
            if closings[tag] != nil { closings[tag]!.append(position) }
        }
        var cursors: [String: Int] = ["</sup>": 0, "</sub>": 0]
        func nextClosing(_ tag: String, after position: Int) -> Int? {
            guard let positions = closings[tag] else { return nil }
            var cursor = cursors[tag] ?? 0
            while cursor < positions.count, positions[cursor] <= position { cursor += 1 }
            cursors[tag] = cursor
            return cursor < positions.count ? positions[cursor] : nil
        }
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            switch node.kind {
            case .text: result += text(node)
            case .softBreak: result.append(.text(" "))
            case .lineBreak: result.append(.lineBreak)
            case .code: result.append(.code(node.literal))
            case .emphasis: result.append(.emphasis(inlines(node.children)))
            case .strong: result.append(.strong(inlines(node.children)))
            case .strikethrough: result.append(.strikethrough(inlines(node.children)))
            case let .link(url, _): result += link(url, node)
            case let .image(url, _): result += image(url, node)
            case .htmlInline:
                let tag = node.literal.lowercased().replacingOccurrences(of: " ", with: "")
                if tag.hasPrefix("<!--") { continue }
                if tag == "<br>" || tag == "<br/>" {
                    result.append(.lineBreak)
                    continue
                }
                if tag == "<sup>" || tag == "<sub>" {
                    let closing = tag == "<sup>" ? "</sup>" : "</sub>"
                    if let end = nextClosing(closing, after: index - 1) {
                        let inner = inlines(Array(nodes[index..<end]))
                        result.append(tag == "<sup>" ? .superscript(inner) : .subscript(inner))
                        index = end + 1
                        continue
                    }
                }
                warnRawHTML(at: node)
                result.append(.text(node.literal))
            default:
                result += inlines(node.children)
            }
        }
        return result
    }

    /// Text, with `{{name}}` placeholders recorded where they stand (columns counted as
    /// the scan goes, so that many placeholders cost no more than their text).
    private mutating func text(_ node: MarkdownNode) -> [WrittenSpan] {
        let literal = node.literal
        var searchStart = literal.startIndex
        var column = node.column
        while let open = literal.range(ofASCII: "{", "{", from: searchStart),
            let close = literal.range(ofASCII: "}", "}", from: open.upperBound)
        {
            column += literal[searchStart..<open.lowerBound].count
            guard placeholders.count < Limits.placeholdersPerSection else {
                exceed(
                    "limite.chiffres", at: node,
                    "Plus de \(FrenchFormat.integer(Limits.placeholdersPerSection)) chiffres "
                        + "« {{…}} » dans cette section.", hint: "découpez le texte en plusieurs fichiers de sections.")
                break
            }
            let name = String(literal[open.upperBound..<close.lowerBound].trimmingWhitespace())
            placeholders.append(
                Located(name, at: SourceLocation(file: file, line: node.line + lineOffset, column: column)))
            column += literal[open.lowerBound..<close.upperBound].count
            searchStart = close.upperBound
        }
        return [.text(literal)]
    }

    private mutating func exceed(_ id: String, at node: MarkdownNode, _ message: String, hint: String) {
        overLimit = true
        guard exceeded.insert(id).inserted else { return }
        diagnostics.error(id, at: location(node), message, hint: hint)
    }

    /// A link whose address can be one; otherwise its text, with a located warning.
    private mutating func link(_ url: String, _ node: MarkdownNode) -> [WrittenSpan] {
        switch LinkAddress.read(url) {
        case let .link(address):
            if address.hasPrefix("#") { anchors.append(Located(String(address.dropFirst()), at: location(node))) }
            return [.link(url: url, content: inlines(node.children))]
        case let .invalid(reason):
            diagnostics.warning(
                "markdown.lien-invalide", at: location(node),
                "Le lien « \(url) » n’est pas une adresse valide (\(reason)) : son texte est gardé, sans lien.",
                hint: "corrigez l’adresse, par exemple « https://www.exemple.fr/page ».")
        case .notALink:
            if !url.trimmingWhitespace().isEmpty {
                diagnostics.warning(
                    "markdown.lien-invalide", at: location(node),
                    "Le lien « \(url) » n’est pas repris : seules les adresses web (https://…), de courriel "
                        + "(mailto:…) et les renvois dans le document (#…) deviennent des liens.",
                    hint: "écrivez l’adresse complète du site, ou retirez le lien.")
            }
        }
        return inlines(node.children)
    }

    /// A picture of the project folder, with the text that stands for it; anything else —
    /// an address, a path leading out, no text — a located error, never a read.
    private mutating func image(_ url: String, _ node: MarkdownNode) -> [WrittenSpan] {
        let alternative = inlines(node.children).map(\.plainText).joined().trimmingWhitespace()
        let path = (url.removingPercentEncoding ?? url).trimmingWhitespace()
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let lower = path.lowercased()
        guard !path.isEmpty, !path.hasPrefix("/"), !lower.contains(":"), !parts.contains(".."),
            !parts.dropLast().contains(""), !parts.contains(where: { $0.hasPrefix(".") && $0 != "." })
        else {
            diagnostics.error(
                "image.hors-projet", at: location(node),
                "L’image « \(url) » n’est pas un fichier du projet : SanteDoc n’insère que les images du dossier du "
                    + "projet, jamais une adresse web ni un fichier d’ailleurs.",
                hint: "copiez l’image dans le dossier du projet (par exemple images/carte.png) et nommez-la par ce "
                    + "chemin : ![Carte du territoire](images/carte.png).")
            return []
        }
        guard !alternative.isEmpty else {
            diagnostics.error(
                "image.texte-alternatif", at: location(node),
                "L’image « \(path) » n’a pas de texte alternatif : qui ne la voit pas (lecteur d’écran, document "
                    + "imprimé en noir et blanc) ne saurait pas ce qu’elle montre.",
                hint:
                    "décrivez ce que montre l’image entre les crochets : ![Carte des communes du territoire](\(path)).")
            return []
        }
        let normalized = parts.filter { $0 != "." }.joined(separator: "/")
        pictures.append(Located(normalized, at: location(node)))
        return [.image(path: normalized, alternative: String(alternative))]
    }

    private func warnRawHTML(at node: MarkdownNode) {
        diagnostics.warning(
            "markdown.html", at: location(node),
            "Le HTML écrit dans une section n’est pas interprété ; il est affiché tel quel.",
            hint: "utilisez la syntaxe Markdown (**gras**, *italique*, listes « - », tableaux « | »).")
    }

    private func location(_ node: MarkdownNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }
}
