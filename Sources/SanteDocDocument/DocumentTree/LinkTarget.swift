import SanteDocAnalysis
import SanteDocModel

/// The one rule for links, for every writer: only web pages, mail addresses and places in
/// the document are links (`javascript:`, `data:`, `vbscript:`… stay plain text, in the
/// HTML as in the DocBook that docbook-xsl would turn into live links), and what is kept is
/// percent-encoded where a URI may not hold the character (`100%`, spaces, accents), so
/// that every writer's output is valid.
public enum LinkTarget {
    public static let allowedPrefixes = ["https://", "http://", "mailto:", "#"]

    /// The URL to write, or nil when the text must not become a link.
    public static func safe(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard allowedPrefixes.contains(where: lower.hasPrefix), trimmed.count > 1 else { return nil }
        return encoded(trimmed)
    }

    /// Characters outside RFC 3986 (and a `%` not starting an escape) as `%XX` escapes.
    static func encoded(_ url: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=".utf8)
        let bytes = Array(url.utf8)
        var result = ""
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                result.append("%")
            } else if allowed.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
