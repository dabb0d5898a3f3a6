import SanteDocModel

/// The raw lines of a GFM table, measured as the author typed them: cmark-gfm silently
/// pads short rows, drops extra cells, and leaves a table whose separator line does not
/// match its header as a paragraph full of pipes.
enum MarkdownTableLines {
    /// Cells of a table line: pipes that are not escaped. As in GFM, a pipe inside a code span
    /// still separates cells unless escaped.
    static func cellCount(_ line: Substring) -> Int {
        var text = line.trimmingSpacesAndTabs()
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        var count = 1
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "|": count += 1
            default: break
            }
        }
        return count
    }

    /// `|---|:--:|` and the like.
    static func isDelimiter(_ line: Substring) -> Bool {
        let text = line.trimmingSpacesAndTabs()
        guard text.utf8.contains(UInt8(ascii: "-")),
            text.utf8.contains(UInt8(ascii: "|")) || text.hasPrefix("-") || text.hasPrefix(":")
        else { return false }
        return text.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
    }

    /// The first table block (consecutive lines holding a `|`) with more cells than `limit`:
    /// its first line (1-based) and its cell count. A plain pass over the text, run before
    /// the Markdown parser, which is slow on very large tables.
    static func oversizedTable(in lines: [Substring], limit: Int) -> (line: Int, cells: Int)? {
        var start = 0
        var cells = 0
        // `cells` is 0 between tables; a table's separator line holds no cell.
        for (index, line) in lines.enumerated() {
            if line.utf8.contains(UInt8(ascii: "|")) {
                if cells == 0 { start = index }
                if !isDelimiter(line) { cells += cellCount(line) }
                if cells > limit { return (start + 1, cells) }
            } else {
                cells = 0
            }
        }
        return nil
    }

    static func looksLikeRow(_ line: Substring) -> Bool {
        line.trimmingSpacesAndTabs().hasPrefix("|")
    }
}
