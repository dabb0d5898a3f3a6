import SanteDocModel

/// The link rule of the model (`LinkAddress`), for every writer: the address to write, or
/// nil when the text stays plain.
public enum LinkTarget {
    public static func safe(_ url: String) -> String? {
        guard case let .link(address) = LinkAddress.read(url) else { return nil }
        return address
    }
}
