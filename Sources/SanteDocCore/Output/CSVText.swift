import Foundation

/// The CSV files SanteDoc writes (`;`-separated, as French spreadsheets read them): a cell
/// with a `;` or a quote is quoted, a line break becomes a space.
enum CSVText {
    static func cell(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\n", with: " ")
        guard clean.contains(";") || clean.contains("\"") else { return clean }
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func file(_ rows: [[String]]) -> String {
        rows.map { $0.map(cell).joined(separator: ";") }.joined(separator: "\n") + "\n"
    }
}
