import Foundation
import FoundationEssentials

/// French number and date formatting, written out so outputs are identical on every
/// machine (no locale data involved). Groups are separated by a no-break space.
public enum FrenchFormat {
    package static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    ]

    public static func integer(_ n: Int) -> String {
        (n < 0 ? minus : "") + group(String(n.magnitude))
    }

    /// The typographic minus sign (U+2212), not the hyphen.
    public static let minus = "\u{2212}"

    /// Rounded half away from zero to `places` decimals, with a decimal comma.
    /// 10^places for the 0…6 decimals figures use.
    package static func scale(_ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<min(max(places, 0), 6) { scale *= 10 }
        return scale
    }

    public static func decimal(_ d: Double, places: Int) -> String {
        guard d.isFinite else { return "—" }
        let places = min(max(places, 0), 6)
        let scale = Self.scale(places)
        let magnitude = (abs(d) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 a Double holds no decimals anyway; the readers bound their numbers far
        // below, but formatting never traps.
        guard magnitude < 9.0e15 else {
            return (d < 0 ? minus : "") + group(String(format: "%.0f", abs(d)))
        }
        let scaled = Int(magnitude)
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        var text = integer(whole)
        if places > 0 {
            let f = String(fraction)
            text += "," + String(repeating: "0", count: places - f.count) + f
        }
        return (d < 0 && scaled != 0 ? minus : "") + text
    }

    /// Digits grouped by three with no-break spaces.
    static func group(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: "\u{00A0}")
    }

    /// `1 étape`, `3 étapes`: the French singular goes up to (but excluding) 2.
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(n)) \(abs(n) < 2 ? singular : plural)"
    }

    /// The unit word agreed with the value it follows (`0,9 point`, `2 points`).
    public static func unit(_ unit: String, agreeingWith value: Double, places: Int) -> String {
        guard unit == "points" || unit == "point" else { return unit }
        let shown =
            Double(
                decimal(abs(value), places: places).replacingOccurrences(of: "\u{00A0}", with: "")
                    .replacingOccurrences(of: ",", with: ".")) ?? abs(value)
        return shown < 2 ? "point" : "points"
    }

    public static func date(_ date: CalendarDate) -> String {
        "\(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1]) \(date.year)"
    }

    /// ASCII, lower case, hyphens: `Médecins généralistes` → `medecins-generalistes`.
    public static func slug(_ text: String) -> String {
        var slug: [UInt8] = []
        var pendingDash = false
        func append(_ byte: UInt8) {
            let lower = (65...90).contains(byte) ? byte + 32 : byte
            guard (97...122).contains(lower) || (48...57).contains(lower) else {
                pendingDash = !slug.isEmpty
                return
            }
            if pendingDash { slug.append(UInt8(ascii: "-")) }
            pendingDash = false
            slug.append(lower)
        }
        // Folding is per character and only a–z, 0–9 survive, so only the characters that are
        // not ASCII need Foundation's (costly) folding.
        for character in text {
            if let ascii = character.asciiValue {
                append(ascii)
            } else {
                String(character).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                    .lowercased().utf8.forEach(append)
            }
        }
        return slug.isEmpty ? "x" : String(decoding: slug, as: UTF8.self)
    }
}
