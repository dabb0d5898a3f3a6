import Foundation
/// French number and date formatting, written out so outputs are identical on every
/// machine (no locale data involved). Groups are separated by a no-break space.
public enum FrenchFormat {
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"]

    public static func integer(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (n < 0 ? "-" : "") + groups.joined(separator: "\u{00A0}")
    }

    /// Rounded half away from zero to `places` decimals, with a decimal comma.
    public static func decimal(_ d: Double, places: Int) -> String {
        guard d.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(d) * scale).rounded(.toNearestOrAwayFromZero))
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        var text = integer(whole)
        if places > 0 {
            let f = String(fraction)
            text += "," + String(repeating: "0", count: places - f.count) + f
        }
        return (d < 0 && scaled != 0 ? "-" : "") + text
    }

    public static func date(_ date: CalendarDate) -> String {
        "\(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1]) \(date.year)"
    }

    /// ASCII, lower case, hyphens: `Médecins généralistes` → `medecins-generalistes`.
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "x" : slug
    }
}
