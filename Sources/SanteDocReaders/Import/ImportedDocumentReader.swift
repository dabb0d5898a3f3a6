import Foundation
import MarkdownSupport
import SanteDocModel
import Yams

/// Reads a whole document as GitHub-flavoured Markdown — what pandoc makes of a DOCX or an
/// ODT, or a Markdown file as it is — into its chapters: each heading opens a chapter that
/// runs to the next heading of the same or a higher level, and each block keeps its own
/// Markdown, cut from the text by its lines, so that nothing is rewritten on the way.
public struct ImportedDocumentReader {
    let file: String
    let diagnostics: DiagnosticEngine

    public init(file: String, diagnostics: DiagnosticEngine) {
        self.file = file
        self.diagnostics = diagnostics
    }

    public func read(_ text: String) -> ImportedDocument? {
        let (title, bodyLine) = Self.metadata(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body = lines.dropFirst(bodyLine - 1).joined(separator: "\n")
        let root: MarkdownNode
        switch CommonMarkParser.parse(body, maximumDepth: Limits.nestingDepth + 2, footnotes: true) {
        case let .success(tree): root = tree
        case let .failure(deep):
            diagnostics.error(
                "import.profondeur", at: SourceLocation(file: file),
                "Le document s’imbrique sur plus de \(Limits.nestingDepth) niveaux (listes ou citations les unes "
                    + "dans les autres, vers la ligne \(deep.line + bodyLine - 1) du texte converti).",
                hint: "simplifiez ces listes dans le document d’origine, puis importez-le de nouveau.")
            return nil
        }
        let bodyLines = Array(lines.dropFirst(bodyLine - 1))
        var document = ImportedDocument(title: title)
        var open: [ImportedChapter] = []
        var number = 0
        func close(downTo level: Int) {
            while let last = open.last, last.level >= level {
                open.removeLast()
                if open.isEmpty { document.chapters.append(last) } else { open[open.count - 1].children.append(last) }
            }
        }
        for node in root.children {
            if case .footnoteDefinition = node.kind {
                // cmark keeps no label on the definition: it is on its first line, `[^label]: …`.
                let first = node.line >= 1 && node.line <= bodyLines.count ? bodyLines[node.line - 1] : ""
                if let label = first.range(of: #"^\s*\[\^[^\]]+\]:"#, options: .regularExpression) {
                    let name = first[label].trimmingCharacters(in: .whitespaces).dropFirst(2).dropLast(2)
                    document.notes[String(name)] = Self.plainText(node)
                }
                continue
            }
            number += 1
            if case let .heading(level) = node.kind {
                close(downTo: level)
                open.append(
                    ImportedChapter(title: Self.withoutNumbering(Self.plainText(node)), level: level, number: number))
                continue
            }
            let block = ImportedBlock(
                kind: Self.kind(of: node), markdown: Self.slice(bodyLines, [node]), text: Self.plainText(node),
                number: number)
            if open.isEmpty { document.front.append(block) } else { open[open.count - 1].blocks.append(block) }
        }
        close(downTo: 1)
        return document
    }

    /// The title of a leading YAML metadata block (pandoc writes one), and the line the
    /// text starts on after it.
    static func metadata(_ text: String) -> (title: String?, bodyLine: Int) {
        guard text.hasPrefix("---\n") else { return (nil, 1) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { return (nil, 1) }
        let yaml = lines[1..<end].joined(separator: "\n")
        let title = (try? Yams.load(yaml: yaml) as? [String: Any])?["title"] as? String
        return (title, end + 2)
    }

    static func kind(of node: MarkdownNode) -> ImportedBlock.Kind {
        switch node.kind {
        case .paragraph:
            let visible = node.children.filter { !($0.kind == .text && $0.literal.allSatisfy(\.isWhitespace)) }
            if visible.count == 1, case let .image(url, _) = visible[0].kind {
                return .image(path: url, description: plainText(visible[0]))
            }
            return .paragraph
        case .list: return .list(items: node.children.map(plainText))
        case .table:
            let rows = node.children.map { row in row.children.map(plainText) }
            guard let header = rows.first else { return .other }
            return .table(ImportedTable(header: header, rows: Array(rows.dropFirst())))
        default: return .other
        }
    }

    /// The Markdown of `nodes`, cut from the lines they span.
    static func slice(_ lines: [String], _ nodes: [MarkdownNode]) -> String {
        guard let first = nodes.first, let last = nodes.last else { return "" }
        let start = max(first.line, 1) - 1
        let end = min(max(last.endLine, first.line), lines.count)
        guard start < end else { return "" }
        return lines[start..<end].joined(separator: "\n")
    }

    /// What a reader sees: the words, images by their description, footnote calls left out.
    static func plainText(_ node: MarkdownNode) -> String {
        var text = ""
        func visit(_ node: MarkdownNode, separator: String) {
            switch node.kind {
            case .text, .code, .codeBlock: text += node.literal
            case .softBreak, .lineBreak: text += " "
            case .footnoteReference, .htmlInline, .htmlBlock: break
            default:
                for (index, child) in node.children.enumerated() {
                    if index > 0, isBlock(child) { text += separator }
                    visit(child, separator: separator)
                }
            }
        }
        visit(node, separator: "\n")
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isBlock(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .paragraph, .list, .item, .blockQuote, .codeBlock, .heading, .table, .tableRow: return true
        default: return false
        }
    }

    /// « 2.1 Démographie » → « Démographie »; « II. Diagnostic » → « Diagnostic »;
    /// « Chapitre 3 : Missions » → « Missions ».
    public static func withoutNumbering(_ title: String) -> String {
        let patterns = [
            #"^(chapitre|partie|section)\s+[0-9IVXLC]+\s*[.:–—-]?\s+"#,
            #"^[0-9]{1,2}(\.[0-9]+)*\.?\s*[.)–—-]?\s+"#,
            #"^[IVXLC]+\s*[.)–—-]\s+"#,
            #"^[A-Z]\s*[.)]\s+"#,
        ]
        for pattern in patterns {
            if let range = title.range(of: pattern, options: [.regularExpression, .caseInsensitive]) {
                let rest = String(title[range.upperBound...])
                if !rest.isEmpty { return rest }
            }
        }
        return title
    }
}
