/// The one rule for links: only web pages, mail addresses and places in the document are
/// links (`javascript:`, `file:`, `data:`… stay plain text, in every format), and a link is
/// written as a valid URI (RFC 3986): characters a URI may not hold percent-encoded where
/// they stand (`100%`, spaces, accents, a second `#`), and an address that cannot be one —
/// a port that is not a number, a broken IPv6 host — refused rather than written.
public enum LinkAddress {
    public enum Reading: Equatable, Sendable {
        /// The address to write.
        case link(String)
        /// Not a kind of address that becomes a link: the text stays plain.
        case notALink
        /// Looks like a web or mail address but cannot be one; the reason, in French.
        case invalid(String)
    }

    public static let allowedPrefixes = ["https://", "http://", "mailto:", "#"]

    public static func read(_ url: String) -> Reading {
        let trimmed = String(url.trimmingWhitespace())
        let lower = trimmed.lowercased()
        guard let prefix = allowedPrefixes.first(where: lower.hasPrefix), trimmed.count > prefix.count || prefix == "#"
        else { return .notALink }
        if prefix == "#" {
            guard trimmed.count > 1 else { return .invalid("l’ancre est vide") }
            return .link("#" + encode(trimmed.dropFirst(), keeping: fragmentCharacters))
        }
        let rest = trimmed.dropFirst(prefix.count)
        // Split at the first `#` (fragment) and the first `?` before it (query).
        let beforeFragment = rest.prefix { $0 != "#" }
        let fragment = rest.count > beforeFragment.count ? rest.dropFirst(beforeFragment.count + 1) : nil
        let beforeQuery = beforeFragment.prefix { $0 != "?" }
        let query =
            beforeFragment.count > beforeQuery.count ? beforeFragment.dropFirst(beforeQuery.count + 1) : nil
        var written = String(trimmed.prefix(prefix.count)).lowercased()
        if prefix == "mailto:" {
            written += encode(beforeQuery, keeping: pathCharacters)
        } else {
            let authority = beforeQuery.prefix { $0 != "/" }
            let path = beforeQuery.dropFirst(authority.count)
            switch host(authority) {
            case let .failure(error): return .invalid(error.reason)
            case let .success(host): written += host
            }
            written += encode(path, keeping: pathCharacters)
        }
        if let query { written += "?" + encode(query, keeping: fragmentCharacters) }
        if let fragment { written += "#" + encode(fragment, keeping: fragmentCharacters) }
        return .link(written)
    }

    /// `[user@]host[:port]`, with a bracketed IPv6 host and a numeric port.
    private static func host(_ authority: Substring) -> Result<String, ReadingError> {
        guard !authority.isEmpty else { return .failure(ReadingError("l’adresse ne nomme aucun site")) }
        var rest = authority
        var written = ""
        if let at = rest.lastIndex(of: "@") {
            written += encode(rest[..<at], keeping: userCharacters) + "@"
            rest = rest[rest.index(after: at)...]
        }
        var port: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                return .failure(ReadingError("l’adresse IPv6 n’est pas fermée par « ] »"))
            }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }),
                inside.contains(":")
            else { return .failure(ReadingError("« [\(inside)] » n’est pas une adresse IPv6")) }
            written += "[" + inside.lowercased() + "]"
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                port = after.dropFirst()
            } else if !after.isEmpty {
                return .failure(ReadingError("« \(after) » suit l’adresse IPv6"))
            }
        } else {
            let colon = rest.firstIndex(of: ":")
            let name = colon.map { rest[..<$0] } ?? rest
            guard !name.isEmpty else { return .failure(ReadingError("l’adresse ne nomme aucun site")) }
            written += encode(name, keeping: hostCharacters)
            port = colon.map { rest[rest.index(after: $0)...] }
        }
        if let port {
            guard port.allSatisfy({ $0.isASCII && $0.isNumber }), port.count <= 5 else {
                return .failure(ReadingError("le port « \(port) » n’est pas un nombre"))
            }
            if !port.isEmpty { written += ":" + port }
        }
        return .success(written)
    }

    struct ReadingError: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    private static let subDelimiters = Set("!$&'()*+,;=".utf8)
    private static let hostCharacters = unreserved.union(subDelimiters)
    private static let userCharacters = hostCharacters.union(":".utf8)
    private static let pathCharacters = hostCharacters.union(":@/".utf8)
    /// A query or a fragment: no second `#`, no `[` or `]`.
    private static let fragmentCharacters = pathCharacters.union("?".utf8)

    /// Characters outside `keeping` (and a `%` not starting an escape) as `%XX` escapes.
    private static func encode(_ text: Substring, keeping allowed: Set<UInt8>) -> String {
        let bytes = Array(text.utf8)
        var result = ""
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                result.append("%")
            } else if allowed.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }
}
