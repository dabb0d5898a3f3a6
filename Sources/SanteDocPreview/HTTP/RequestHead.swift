/// The head of an HTTP/1.1 request (request line and header fields), read with limits
/// before anything looks at it: at most `maximumBytes` and `maximumFields`, one pass over
/// the bytes, so that neither a megabyte of header nor a thousand fields costs more than
/// reading them. The preview answers GET and HEAD only, so a request has no body to read.
struct RequestHead: Equatable {
    static let maximumBytes = 16 * 1024
    static let maximumFields = 100

    var method: String
    /// The origin-form target (`/document?v=3`).
    var target: String
    var version: String
    /// Field names in lower case, values trimmed, in order (a name may come twice).
    var fields: [(name: String, value: String)]

    /// The path of the target, without its query.
    var path: String { String(target.prefix { $0 != "?" }) }

    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    enum Failure: Error, Equatable {
        /// 431: the head is larger than allowed, or has too many fields.
        case tooLarge
        /// 400: not an HTTP/1.x request line, or a target that is not a path.
        case malformed(String)
    }

    static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
            && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    /// The end of the head in `bytes` (after CR LF CR LF or LF LF), looking from `from` on
    /// so that a head read in pieces is scanned once.
    static func end(in bytes: [UInt8], from start: Int) -> Int? {
        var index = max(0, start - 3)
        while index < bytes.count {
            if bytes[index] == 10 {
                if index + 1 < bytes.count, bytes[index + 1] == 10 { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// Parses a complete head (without the blank line's bytes beyond it).
    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<RequestHead, Failure> {
        guard bytes.count <= maximumBytes else { return .failure(.tooLarge) }
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line -> Substring in
            let trimmed = line.last == 13 ? line.dropLast() : line
            return Substring(String(decoding: trimmed, as: UTF8.self))
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first else { return .failure(.malformed("requête vide")) }
        let parts = first.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[2].hasPrefix("HTTP/1.") else {
            return .failure(.malformed("ligne de requête invalide"))
        }
        // Absolute-form (`GET http://ailleurs/…`) names another host than the Host field.
        guard parts[1].hasPrefix("/") else { return .failure(.malformed("cible qui n’est pas un chemin")) }
        guard lines.count - 1 <= maximumFields else { return .failure(.tooLarge) }
        var fields: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                !line[..<colon].contains(where: { $0 == " " || $0 == "\t" })
            else { return .failure(.malformed("champ d’en-tête invalide")) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: Set<Character>.whitespaces)
            fields.append((line[..<colon].lowercased(), value))
        }
        return .success(
            RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), fields: fields))
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(self.drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension Set where Element == Character {
    fileprivate static let whitespaces: Set<Character> = [" ", "\t"]
}
