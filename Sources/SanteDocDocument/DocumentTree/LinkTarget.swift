import SanteDocModel

/// The link rule of the model (`LinkAddress`), for every writer: the address to write, or
/// nil when the text stays plain.
public enum LinkTarget {
    public static func safe(_ url: String) -> String? {
        guard case let .link(address) = LinkAddress.read(url) else { return nil }
        return address
    }

    /// A page written beside the document: a relative path of plain lower-case names,
    /// nothing that climbs out or names a scheme.
    public static func page(_ path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), ["html", "pdf"].contains(path[path.index(after: dot)...]) else {
            return nil
        }
        let names = path[..<dot].split(separator: "/", omittingEmptySubsequences: false)
        let plain = names.allSatisfy { name in
            guard let first = name.first, first != "-" else { return false }
            return name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        return plain ? path : nil
    }
}
