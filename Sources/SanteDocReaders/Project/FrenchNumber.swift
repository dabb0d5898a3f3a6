import Foundation
import SanteDocModel

/// Reads numbers the way French users type them: `64 455`, `64455`, `14,65`, `14.65`.
enum FrenchNumber {
    static func integer(_ text: String) -> Int? {
        Int(normalized(text))
    }

    static func decimal(_ text: String) -> Double? { quantity(text)?.value }

    /// The number with the count of decimals written (`8,10` → 2, `8,1` → 1, `64 455` → 0).
    static func quantity(_ text: String) -> Quantity? {
        let clean = normalized(text).replacingOccurrences(of: ",", with: ".").replacingOccurrences(
            of: "\u{2212}", with: "-")
        guard !clean.isEmpty, clean.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            let value = Double(clean), value.isFinite
        else { return nil }
        let places = clean.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        return Quantity(value, places: places)
    }

    /// Strips thousands separators (spaces, no-break spaces) and a trailing unit.
    private static func normalized(_ text: String) -> String {
        var s = String(text.trimmingWhitespace())
        for unit in ["€", "%", "km²", "km2"] where s.hasSuffix(unit) { s = String(s.dropLast(unit.count)) }
        return s.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
    }
}
