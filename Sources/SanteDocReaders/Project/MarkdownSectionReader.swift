import MarkdownSupport
import SanteDocModel
import Yams

/// Reads a Markdown section: YAML front matter (title, requirements covered), then
/// CommonMark + GFM tables, converted into document blocks.
struct MarkdownSectionReader {
    static let frontMatterKeys = ["titre", "couvre", "partie"]
    /// A section and the placeholders met in its text.
    typealias Read = (section: TextSection, placeholders: [Located<String>])

    let file: String
    let diagnostics: DiagnosticEngine

    func read(_ text: String) -> Read? {
        guard let (frontMatter, body, bodyLine) = splitFrontMatter(text) else { return nil }
        guard let meta = readFrontMatter(frontMatter) else { return nil }
        let lines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
        if let table = MarkdownTableLines.oversizedTable(in: lines, limit: Limits.tableCells) {
            diagnostics.error(
                "limite.cellules", at: SourceLocation(file: file, line: table.line + bodyLine - 1),
                "Ce tableau dépasse \(FrenchFormat.integer(Limits.tableCells)) cellules : un projet de santé n’en "
                    + "demande pas autant.",
                hint: "mettez les données dans un fichier CSV (communes.csv, indicateurs.csv) ou découpez le tableau.")
            return nil
        }
        let root: MarkdownNode
        // The document and the innermost paragraph are not levels the author sees.
        switch CommonMarkParser.parse(body, maximumDepth: Limits.nestingDepth + 2) {
        case let .success(tree): root = tree
        case let .failure(deep):
            diagnostics.error(
                "limite.profondeur",
                at: SourceLocation(file: file, line: deep.line + bodyLine - 1, column: deep.column),
                "Le texte s’imbrique ici sur plus de \(Limits.nestingDepth) niveaux (citations, listes ou mises "
                    + "en forme les unes dans les autres).",
                hint: "simplifiez la structure : quelques niveaux de liste ou de citation suffisent.")
            return nil
        }
        var converter = MarkdownConverter(
            file: file, title: meta.title, lineOffset: bodyLine - 1, diagnostics: diagnostics,
            sourceLines: lines)
        let content = converter.convert(root)
        guard !converter.overLimit else { return nil }
        // The guidance is told apart from content: shown as a note in the working draft,
        // dropped from the submission edition, never styled like a quotation.
        let blocks = content.blocks.map { Self.guidance($0) ?? $0 }
        let guidance = blocks.filter(\.isGuidance)
        let words = Self.wordCount(
            (blocks.filter { !$0.isGuidance }.map(\.plainText) + content.sections.map(\.plainText))
                .joined(separator: " "))
        var section = TextSection(
            file: file, title: meta.title, part: meta.part, covers: meta.covers, header: meta.header,
            blocks: blocks, subsections: content.sections,
            isStub: words == 0 && !guidance.isEmpty, wordCount: words,
            location: SourceLocation(file: file, line: bodyLine))
        section.anchors = converter.anchors
        section.pictures = converter.pictures
        return (section, converter.placeholders)
    }

    /// Words separated by white space, ASCII looked at byte by byte (Unicode properties are
    /// costly, and most text is ASCII between its accented letters).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let space =
                scalar.isASCII
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}"
                    || scalar == "\u{0C}")
                : scalar.properties.isWhitespace
            if space {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// A quote opening with « À rédiger », as `santedoc init` writes it, as guidance without
    /// the marker (the note it becomes is titled with it).
    static func guidance(_ block: WrittenBlock) -> WrittenBlock? {
        guard case let .quote(blocks) = block, case var .paragraph(spans)? = blocks.first,
            case let .text(first)? = spans.first, first.hasPrefix(WrittenBlock.guidanceMarker)
        else { return nil }
        let rest = first.dropFirst(WrittenBlock.guidanceMarker.count).drop {
            $0 == " " || $0 == ":" || $0 == "\u{00A0}"
        }
        if rest.isEmpty { spans.removeFirst() } else { spans[0] = .text(String(rest)) }
        return .guidance((spans.isEmpty ? [] : [WrittenBlock.paragraph(spans)]) + blocks.dropFirst())
    }

    /// The front matter, the body and the body's first line. Only the front matter's lines
    /// are looked at: the body is taken whole, whatever its length.
    private func splitFrontMatter(_ text: String) -> (String, String, Int)? {
        let newline = UInt8(ascii: "\n")
        let bytes = text.utf8
        func lineEnd(from start: String.Index) -> String.Index {
            bytes[start...].firstIndex(of: newline) ?? text.endIndex
        }
        func isFence(_ start: String.Index, _ end: String.Index) -> Bool {
            text[start..<end].trimmingSpacesAndTabs() == "---"
        }
        let firstEnd = lineEnd(from: text.startIndex)
        guard isFence(text.startIndex, firstEnd) else {
            diagnostics.error(
                "section.entete-absente", at: SourceLocation(file: file),
                "La section « \(file) » doit commencer par un en-tête « --- » donnant son titre.",
                hint: "ajoutez en tête du fichier :\n---\ntitre: \"…\"\ncouvre: [diagnostic.etat-sante]\n---")
            return nil
        }
        let frontStart = firstEnd < text.endIndex ? bytes.index(after: firstEnd) : firstEnd
        var start = frontStart
        var line = 2
        while start < text.endIndex {
            let end = lineEnd(from: start)
            if isFence(start, end) {
                let bodyStart = end < text.endIndex ? bytes.index(after: end) : end
                let frontEnd = start > frontStart ? bytes.index(before: start) : frontStart
                return (String(text[frontStart..<frontEnd]), String(text[bodyStart...]), line + 1)
            }
            guard end < text.endIndex else { break }
            start = bytes.index(after: end)
            line += 1
        }
        diagnostics.error(
            "section.entete-non-fermee", at: SourceLocation(file: file),
            "L’en-tête de « \(file) » n’est pas fermé.",
            hint: "ajoutez une ligne « --- » après le titre et la liste « couvre ».")
        return nil
    }

    private func readFrontMatter(_ text: String)
        -> (title: String, part: Part?, covers: [Located<String>], header: SourceLocation)?
    {
        let node: Node?
        do {
            node = try YAMLSafety.compose(text, file: file, diagnostics: diagnostics, lineOffset: 1)
        } catch {
            YAMLSafety.report(error, file: file, diagnostics: diagnostics, lineOffset: 1)
            return nil
        }
        guard let node,
            let meta = YAMLMapping(node, file: file, path: "en-tête", diagnostics: diagnostics, lineOffset: 1)
        else {
            diagnostics.error(
                "section.titre-absent", at: SourceLocation(file: file, line: 2),
                "L’en-tête de « \(file) » ne donne pas de titre.", hint: "ajoutez « titre: \"…\" ».")
            return nil
        }
        meta.rejectUnknownKeys(allowed: Self.frontMatterKeys)
        guard let title = meta.string("titre") else {
            diagnostics.error(
                "section.titre-absent", at: meta.location,
                "L’en-tête de « \(file) » ne donne pas de titre.", hint: "ajoutez « titre: \"…\" ».")
            return nil
        }
        let covers = meta.locatedStrings("couvre")
        var part: Part?
        if let explicit = meta.string("partie") {
            part = Part(rawValue: explicit.value)
            if part == nil {
                diagnostics.error(
                    "section.partie-inconnue", at: explicit.location,
                    "Partie « \(explicit.value) » inconnue.",
                    hint: Suggestions.hint(for: explicit.value, in: Part.allCases.map(\.rawValue))
                        ?? "parties : " + Part.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                return nil
            }
        }
        // Without « partie », the referential places the section by what it covers.
        guard part != nil || !covers.isEmpty else {
            diagnostics.error(
                "section.partie-absente", at: meta.location,
                "Impossible de savoir dans quelle partie placer « \(file) ».",
                hint: "ajoutez « partie: diagnostic » (ou identite, chronologie, legislation, missions, "
                    + "financement, gouvernance), ou une exigence du référentiel dans « couvre ».")
            return nil
        }
        return (title.value, part, covers, meta.location)
    }
}
