import Foundation
import SanteDocModel

/// What a page template must satisfy before the Mustache parser (which recurses over
/// nested sections) and the renderer see it: not empty, placing the content, nesting
/// within `Limits.templateNesting`, and each large piece placed once, so that a page
/// stays proportional to what goes into it.
enum PageTemplateCheck {
    /// The values that carry whole documents; the others are a title or a mark.
    static let largeValues = ["contenu", "sommaire", "couverture", "style"]

    static func check(_ text: String, file: String, diagnostics: DiagnosticEngine) -> Bool {
        let tags = Self.tags(in: text)
        guard tags.contains(where: { $0.name == "contenu" }) else {
            diagnostics.error(
                "modele.vide", at: SourceLocation(file: file),
                text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? "Le modèle de page est vide." : "Le modèle de page ne place pas le contenu du document.",
                hint: "partez de Templates/html/page.mustache : le contenu se place avec « {{{contenu}}} ».")
            return false
        }
        var depth = 0
        for tag in tags {
            switch tag.kind {
            case "#", "^":
                depth += 1
                if depth > Limits.templateNesting {
                    diagnostics.error(
                        "limite.modele", at: SourceLocation(file: file, line: tag.line, column: tag.column),
                        "Le modèle de page imbrique plus de \(Limits.templateNesting) sections « {{#…}} ».",
                        hint: "quelques niveaux suffisent : simplifiez le modèle.")
                    return false
                }
            case "/": depth -= 1
            default: break
            }
        }
        for name in largeValues {
            let uses = tags.filter { $0.name == name && $0.kind != "/" }
            if uses.count > 1, let second = uses.dropFirst().first {
                diagnostics.error(
                    "limite.page", at: SourceLocation(file: file, line: second.line, column: second.column),
                    "« \(name) » est placé \(uses.count) fois dans le modèle de page : la page répéterait "
                        + "tout le document.",
                    hint: "placez « {{{\(name)}}} » une seule fois.")
                return false
            }
        }
        return true
    }

    struct Tag {
        var kind: String  // "#", "^", "/", or "" for a value
        var name: String
        var line: Int
        var column: Int
    }

    /// `{{…}}` and `{{{…}}}` tags with their positions, in one pass.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        var lineStart = 0
        while index + 1 < bytes.count {
            if bytes[index] == 10 {
                line += 1
                lineStart = index + 1
            }
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let column = index - lineStart + 1
            var start = index + 2
            while start < bytes.count, bytes[start] == UInt8(ascii: "{") { start += 1 }
            var end = start
            while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) {
                if bytes[end] == 10 {
                    line += 1
                    lineStart = end + 1
                }
                end += 1
            }
            var body = String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            var kind = ""
            if let first = body.first, "#^/&!>".contains(first) {
                kind = first == "&" ? "" : String(first)
                body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            tags.append(Tag(kind: kind, name: body, line: line, column: column))
            index = end + 2
        }
        return tags
    }
}
