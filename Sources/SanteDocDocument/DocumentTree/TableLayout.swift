/// Relative column widths, decided once for every writer: paged formats (PDF, ODT, DOCX)
/// need them, or they squeeze a wide table until words break ("Indica/teur").
package enum TableLayout {
    /// Longer cells wrap; beyond this, more text does not claim more width.
    static let longestUnbrokenCell = 48

    /// About how many characters a line of a table holds on an A4 page.
    static let lineCharacters = 100

    /// When the columns want more than a line, each keeps its longest word first and the
    /// longer texts share what is left: scaling every column alike would break the short
    /// headers of numeric columns ("Ré/gio/n") to give room to a text that wraps anyway.
    static func fitted(minimum: [Int], desired: [Int]) -> [Int] {
        let least = minimum.reduce(0, +)
        let most = desired.reduce(0, +)
        guard most > lineCharacters, least < lineCharacters else { return most > lineCharacters ? minimum : desired }
        let room = lineCharacters - least
        return minimum.indices.map { minimum[$0] + (desired[$0] - minimum[$0]) * room / (most - least) }
    }

    /// One percentage per column, summing to 100. A column is at least as wide as its
    /// longest word (which cannot be broken), and grows with its text up to a cap.
    package static func widths(_ table: Table) -> [Int] {
        let count = max(1, table.columns.count)
        var wordWidth = [Int](repeating: 1, count: count)
        var textWidth = [Int](repeating: 1, count: count)
        func measure(_ text: String, column: Int) {
            guard column < count else { return }
            let longestWord = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0
            wordWidth[column] = max(wordWidth[column], longestWord)
            textWidth[column] = max(textWidth[column], min(text.count, longestUnbrokenCell))
        }
        for (index, column) in table.columns.enumerated() { measure(column.title, column: index) }
        for row in table.rows + table.footer {
            for (index, cell) in row.enumerated() { measure(cell.map(\.plainText).joined(), column: index) }
        }
        // A signature box is empty, and needs the room of a long text to sign in.
        if table.style == .signatures { textWidth[count - 1] = longestUnbrokenCell }
        // Words are measured in characters; bold headers and narrow letters vary, hence a margin.
        let minimum = (0..<count).map { wordWidth[$0] * 6 / 5 + 3 }
        let desired = (0..<count).map { max(minimum[$0], textWidth[$0]) }
        let planned = fitted(minimum: minimum, desired: desired)
        let total = planned.reduce(0, +)
        var widths = planned.map { max(4, $0 * 100 / total) }
        // Rounding leaves a remainder: the widest column takes it, so the sum is exactly 100.
        if let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] += 100 - widths.reduce(0, +)
        }
        guard widths.allSatisfy({ $0 > 0 }) else {  // too many columns for the minimum: equal shares
            return (0..<count).map { 100 / count + ($0 < 100 % count ? 1 : 0) }.map { max(1, $0) }
        }
        return widths
    }
}
