import Foundation
import SanteDocModel

/// One section file of an imported project: its front matter (title, part, the claims
/// proposed with their reasons as comments for the coordinator to confirm) and its text,
/// the document's own Markdown block by block, sub-chapters as `##` headings, footnotes
/// numbered at the end, pictures renamed. A section of a document made by SanteDoc gets
/// back its front matter and its `{{figures}}`.
struct SectionText {
    let section: PlannedSection
    let notes: [String: String]
    /// The captions SanteDoc printed for the tables of the sections of a document it made.
    let captions: Set<String>
    /// Figures of a recorded section whose printed value was not found in its text.
    var lostFigures: [String] = []

    init(section: PlannedSection, notes: [String: String], captions: Set<String> = []) {
        self.section = section
        self.notes = notes
        self.captions = section.recorded == nil ? [] : captions
    }

    mutating func render(pictures: inout PictureNames) -> String {
        var calls: [String] = []
        var pieces = body(section.chapter, base: section.chapter.level, pictures: &pictures)
        pieces = pieces.map { numberNotes($0, &calls) }
        if !calls.isEmpty {
            pieces.append("Notes :")
            pieces.append(
                calls.enumerated().map { index, label in
                    let text = (notes[label] ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
                    return "\(index + 1). \(text)"
                }.joined(separator: "\n"))
        }
        var text = pieces.joined(separator: "\n\n")
        if let recorded = section.recorded { text = restoring(recorded.figures, in: text) }
        return frontMatter() + "\n" + text + "\n"
    }

    func frontMatter() -> String {
        var lines = ["---", "titre: \(Self.quoted(section.title))"]
        if let recorded = section.recorded {
            if let part = recorded.part { lines.append("partie: \(part)") }
            if !recorded.covers.isEmpty { lines.append("couvre: [\(recorded.covers.joined(separator: ", "))]") }
        } else {
            lines.append("# Importé du \(section.origin).")
            lines.append(
                "# Partie proposée (confiance \(section.partConfidence.rawValue)) : \(section.partReason).")
            lines.append("partie: \(section.part.rawValue)")
            if section.claims.isEmpty {
                lines.append(
                    "# Aucune exigence reconnue : ajoutez « couvre: [identifiant] » si la section en traite une.")
            } else {
                lines.append("# Exigences proposées, à vérifier :")
                for claim in section.claims {
                    lines.append(
                        "#   - \(claim.requirement) (confiance \(claim.confidence.rawValue)) : \(claim.reason)")
                }
                lines.append("couvre: [\(section.claims.map(\.requirement).joined(separator: ", "))]")
            }
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n", "\r", "\t": escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }

    /// The chapter's blocks, then each sub-chapter under a heading one level below the section.
    func body(_ chapter: ImportedChapter, base: Int, pictures: inout PictureNames) -> [String] {
        var pieces: [String] = []
        for block in chapter.blocks where !captions.contains(block.text) {
            if case let .image(path, description) = block.kind {
                pieces.append(pictures.markdown(path: path, alternative: description))
            } else {
                pieces.append(Self.replacingImages(in: block.markdown, pictures: &pictures))
            }
        }
        for child in chapter.children {
            pieces.append(String(repeating: "#", count: max(2, child.level - base + 1)) + " " + child.title)
            pieces += body(child, base: base, pictures: &pictures)
        }
        return pieces
    }

    static let imagePattern = #"!\[([^\]]*)\]\(([^)\s]+)(\s+"[^"]*")?\)"#

    /// Pictures within a paragraph, renamed as alone.
    static func replacingImages(in markdown: String, pictures: inout PictureNames) -> String {
        guard markdown.contains("![") else { return markdown }
        var result = ""
        var rest = Substring(markdown)
        while let match = rest.range(of: imagePattern, options: .regularExpression) {
            result += rest[..<match.lowerBound]
            let image = String(rest[match])
            let alternative = image.dropFirst(2).prefix { $0 != "]" }
            let path = image.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" && $0 != " " }
            result += pictures.markdown(path: String(path), alternative: String(alternative))
            rest = rest[match.upperBound...]
        }
        return result + rest
    }

    /// `[^label]` calls as `<sup>n</sup>`, numbered in the section's order.
    func numberNotes(_ markdown: String, _ calls: inout [String]) -> String {
        guard markdown.contains("[^") else { return markdown }
        var result = ""
        var rest = Substring(markdown)
        while let match = rest.range(of: #"\[\^[^\]\s]+\]"#, options: .regularExpression) {
            result += rest[..<match.lowerBound]
            let label = String(rest[match].dropFirst(2).dropLast())
            if notes[label] != nil {
                if !calls.contains(label) { calls.append(label) }
                result += "<sup>\(calls.firstIndex(of: label)! + 1)</sup>"
            } else {
                result += rest[match]
            }
            rest = rest[match.upperBound...]
        }
        return result + rest
    }

    /// Each figure's printed value back to its `{{name}}`, in order; one not found stays as
    /// printed and is said.
    mutating func restoring(_ figures: [RecordedSection.Figure], in text: String) -> String {
        var result = text
        var cursor = result.startIndex
        for figure in figures where !figure.value.isEmpty {
            guard let found = result.range(of: figure.value, range: cursor..<result.endIndex) else {
                lostFigures.append("{{\(figure.name)}} (« \(figure.value) »)")
                continue
            }
            let placeholder = "{{\(figure.name)}}"
            let offset = result.distance(from: result.startIndex, to: found.lowerBound) + placeholder.count
            result.replaceSubrange(found, with: placeholder)
            cursor = result.index(result.startIndex, offsetBy: offset)
        }
        return result
    }
}
