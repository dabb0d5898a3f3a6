import Foundation
import SanteDocModel

/// Nothing outside the document gets into it: a page template or a stylesheet that names a
/// resource to fetch — a file of the machine (`file:///etc/passwd`, `/usr/share/fonts/…`), a
/// web address, a path beside the project — is refused before any engine runs, at the line
/// and column where it is written. A project folder travels between CPTS and to the ARS; what
/// its page asks for must never be read on the reader's machine. Only places in the document
/// (`#…`) and data written in the page itself (`data:`) are fetched; links a reader may
/// follow (`<a href="https://…">`) stay links.
enum PageResourceCheck {
    /// Elements that embed another document or change where addresses point.
    static let refusedElements: Set<String> = [
        "base", "iframe", "frame", "frameset", "object", "embed", "applet", "script", "portal",
    ]
    /// Attributes whose value the engine fetches.
    static let fetchedAttributes: Set<String> = [
        "src", "srcset", "data", "poster", "background", "href", "xlink:href", "manifest", "icon",
    ]
    /// Elements whose `href` is a link to follow, not a resource to fetch.
    static let linkElements: Set<String> = ["a", "area"]

    struct Reference {
        var value: String
        var line: Int
        var column: Int
    }

    /// Reports every external reference of a page template; true when there is none.
    static func check(template text: String, file: String, diagnostics: DiagnosticEngine) -> Bool {
        var clean = true
        func refuse(_ what: String, _ line: Int, _ column: Int) {
            clean = false
            diagnostics.error(
                "modele.ressource-externe", at: SourceLocation(file: file, line: line, column: column),
                "Le modèle de page demande \(what) : SanteDoc ne lit rien hors du document.",
                hint: "retirez cette référence ; une image ou une police s’écrivent dans la page même "
                    + "(adresse « data: »), un lien vers une page web dans un élément « a ».")
        }
        for tag in tags(in: text) {
            if refusedElements.contains(tag.name) {
                refuse("un élément « \(tag.name) »", tag.line, tag.column)
                continue
            }
            for attribute in tag.attributes {
                if attribute.name == "style" {
                    for reference in cssReferences(attribute.value) where !isInDocument(reference.value) {
                        refuse("« \(reference.value) »", attribute.line, attribute.column)
                    }
                    continue
                }
                if tag.name == "meta", attribute.name == "http-equiv", attribute.value.lowercased() == "refresh" {
                    refuse("un rechargement vers une autre adresse", attribute.line, attribute.column)
                }
                guard fetchedAttributes.contains(attribute.name) else { continue }
                let value = attribute.value.trimmingCharacters(in: .whitespaces)
                if linkElements.contains(tag.name), attribute.name == "href" {
                    if !isFollowableLink(value) { refuse("« \(value) »", attribute.line, attribute.column) }
                } else if !isInDocument(value) {
                    refuse("« \(value) »", attribute.line, attribute.column)
                }
            }
        }
        return clean
    }

    /// Reports every external reference of a stylesheet; true when there is none.
    static func check(stylesheet text: String, file: String, diagnostics: DiagnosticEngine) -> Bool {
        var clean = true
        for reference in cssReferences(text) where !isInDocument(reference.value) {
            clean = false
            diagnostics.error(
                "modele.ressource-externe",
                at: SourceLocation(file: file, line: reference.line, column: reference.column),
                "La feuille de style demande « \(reference.value) » : SanteDoc ne lit rien hors du document.",
                hint: "retirez cette règle ; une police ou une image s’écrivent dans la feuille même "
                    + "(adresse « data: »), les polices du système par « local(…) ».")
        }
        // The stylesheet goes inside the page's <style>: closing it there would add HTML.
        if let close = text.lowercased().range(of: "</style") {
            clean = false
            let (line, column) = position(of: close.lowerBound, in: text)
            diagnostics.error(
                "modele.ressource-externe", at: SourceLocation(file: file, line: line, column: column),
                "La feuille de style ferme l’élément « style » de la page : elle ne peut contenir que du CSS.",
                hint: "retirez « </style> » et ce qui suit.")
        }
        return clean
    }

    /// Functions of Typst that read a file (or, for `import`/`include`, a package fetched from
    /// the network): the PDF's template lays out the document's data and reads nothing else.
    static let typstReaders: Set<String> = [
        "import", "include", "read", "image", "json", "csv", "yaml", "toml", "xml", "cbor", "plugin", "bibliography",
    ]

    /// Reports every read of a Typst template (`modeles/document.typ`); true when there is none.
    /// The engine could read nothing beside its empty folder anyway; a package import
    /// would go to the network, and a clear message beats the engine's.
    static func check(typst text: String, file: String, diagnostics: DiagnosticEngine) -> Bool {
        var clean = true
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            var index = 0
            while index < characters.count {
                guard characters[index].isLetter else {
                    index += 1
                    continue
                }
                let start = index
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                        || characters[index] == "-"
                {
                    index += 1
                }
                let word = String(characters[start..<index])
                // A field (`table.header`) or the end of a longer name is not a call of Typst's own.
                let before = start > 0 ? characters[start - 1] : " "
                let next = index < characters.count ? characters[index] : " "
                let isModule = word == "import" || word == "include"
                // A file named in the template itself is refused; a name that comes from the data
                // (`image(b.chemin)`: a picture of the document, in the engine's folder) or data in
                // memory (`json(bytes(sys.inputs.document))`) is not a file of the machine.
                let argument = String(characters[min(index + 1, characters.count)...]).drop { $0 == " " }
                guard typstReaders.contains(word), before != ".", before != "_",
                    next == "(" || (isModule && (next == " " || next == "\"")),
                    isModule || argument.hasPrefix("\"") || argument.hasPrefix("read(")
                else { continue }
                clean = false
                diagnostics.error(
                    "modele.ressource-externe",
                    at: SourceLocation(file: file, line: number + 1, column: start + 1),
                    "Le modèle du PDF appelle « \(word) », qui lit un fichier ou un paquet : SanteDoc ne lit rien hors "
                        + "du document.",
                    hint: "retirez cet appel ; le modèle ne compose que les données du document (sys.inputs.document).")
            }
        }
        return clean
    }

    /// `#place` or `data:` — nothing to fetch; empty values are nothing at all.
    static func isInDocument(_ value: String) -> Bool {
        let lower = value.trimmingCharacters(in: .whitespaces).lowercased()
        return lower.isEmpty || lower.hasPrefix("#") || lower.hasPrefix("data:")
    }

    static func isFollowableLink(_ value: String) -> Bool {
        let lower = value.lowercased()
        return isInDocument(lower) || lower.hasPrefix("https://") || lower.hasPrefix("http://")
            || lower.hasPrefix("mailto:") || (lower.hasPrefix("{{") && lower.hasSuffix("}}"))
    }

    // MARK: Scanning

    struct Attribute {
        var name: String
        var value: String
        var line: Int
        var column: Int
    }

    struct Tag {
        var name: String
        var attributes: [Attribute]
        var line: Int
        var column: Int
    }

    /// The start tags of an HTML text with their attributes, comments skipped, in one pass.
    static func tags(in text: String) -> [Tag] {
        let characters = Array(text)
        var tags: [Tag] = []
        var index = 0
        var line = 1
        var lineStart = 0
        func advance() {
            if characters[index] == "\n" {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        func skipSpaces() { while index < characters.count, characters[index].isWhitespace { advance() } }
        while index < characters.count {
            guard characters[index] == "<" else {
                advance()
                continue
            }
            if index + 3 < characters.count, String(characters[index..<index + 4]) == "<!--" {
                while index < characters.count,
                    !(characters[index] == ">" && index >= 2 && characters[index - 1] == "-"
                        && characters[index - 2] == "-")
                {
                    advance()
                }
                continue
            }
            let (tagLine, tagColumn) = (line, index - lineStart + 1)
            advance()
            var name = ""
            while index < characters.count,
                characters[index].isLetter || characters[index].isNumber || characters[index] == "-"
            {
                name.append(characters[index])
                advance()
            }
            guard !name.isEmpty else { continue }
            var attributes: [Attribute] = []
            while index < characters.count, characters[index] != ">" {
                skipSpaces()
                let (attributeLine, attributeColumn) = (line, index - lineStart + 1)
                var attribute = ""
                while index < characters.count, !characters[index].isWhitespace, !"=>/".contains(characters[index]) {
                    attribute.append(characters[index])
                    advance()
                }
                skipSpaces()
                var value = ""
                if index < characters.count, characters[index] == "=" {
                    advance()
                    skipSpaces()
                    if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                        let quote = characters[index]
                        advance()
                        while index < characters.count, characters[index] != quote {
                            value.append(characters[index])
                            advance()
                        }
                        if index < characters.count { advance() }
                    } else {
                        while index < characters.count, !characters[index].isWhitespace, characters[index] != ">" {
                            value.append(characters[index])
                            advance()
                        }
                    }
                }
                if attribute.isEmpty {
                    if index < characters.count, characters[index] != ">" { advance() }
                    continue
                }
                attributes.append(
                    Attribute(name: attribute.lowercased(), value: value, line: attributeLine, column: attributeColumn))
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes, line: tagLine, column: tagColumn))
        }
        return tags
    }

    /// `url(…)` and `@import "…"` references of a CSS text, with their positions.
    static func cssReferences(_ text: String) -> [Reference] {
        var found: [(index: String.Index, value: String)] = []
        let lower = text.lowercased()
        for keyword in ["url(", "@import"] {
            var searchStart = lower.startIndex
            while let match = lower.range(of: keyword, range: searchStart..<lower.endIndex) {
                searchStart = match.upperBound
                var rest = text[match.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
                if keyword == "@import" {
                    // `@import url(…)` is found as `url(`; only the string form is read here.
                    guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
                    rest = rest.dropFirst()
                    found.append((match.lowerBound, String(rest.prefix { $0 != quote })))
                    continue
                }
                var value = rest.prefix { $0 != ")" }
                value = value.drop { $0 == "\"" || $0 == "'" || $0 == " " }
                while let last = value.last, last == "\"" || last == "'" || last == " " { value = value.dropLast() }
                found.append((match.lowerBound, String(value)))
            }
        }
        found.sort { $0.index < $1.index }
        return zip(found, positions(of: found.map(\.index), in: text)).map { reference, place in
            Reference(value: reference.value, line: place.line, column: place.column)
        }
    }

    static func position(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        positions(of: [index], in: text)[0]
    }

    /// Line and column of each of `indices` (in order), in one walk through the text.
    static func positions(of indices: [String.Index], in text: String) -> [(line: Int, column: Int)] {
        var result: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        var current = text.startIndex
        for target in indices {
            while current < target {
                if text[current] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                current = text.index(after: current)
            }
            result.append((line, column))
        }
        return result
    }
}
