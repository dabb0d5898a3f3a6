import SanteDocModel

/// Reads numbers the way French users type them: `64 455`, `64455`, `14,65`, `14.65`.
enum FrenchNumber {
    static func integer(_ text: String) -> Int? {
        Int(normalized(text))
    }

    static func decimal(_ text: String) -> Double? { quantity(text)?.value }

    /// The number with the count of decimals written (`8,10` → 2, `8,1` → 1, `64 455` → 0).
    static func quantity(_ text: String) -> Quantity? {
        var clean: [UInt8] = []
        for scalar in normalized(text).unicodeScalars {
            switch scalar {
            case ",", ".": clean.append(UInt8(ascii: "."))
            case "-", "\u{2212}": clean.append(UInt8(ascii: "-"))
            case "0"..."9": clean.append(UInt8(scalar.value))
            default: return nil
            }
        }
        guard let value = Double(String(decoding: clean, as: UTF8.self)), value.isFinite else { return nil }
        let places = clean.firstIndex(of: UInt8(ascii: ".")).map { clean.count - $0 - 1 } ?? 0
        return Quantity(value, places: places)
    }

    /// Strips thousands separators (spaces, no-break spaces) and a trailing unit.
    private static func normalized(_ text: String) -> String {
        var s = String(text.trimmingWhitespace())
        for unit in ["€", "%", "km²", "km2"] where s.hasSuffix(unit) { s = String(s.dropLast(unit.count)) }
        return s.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
    }
}
