public enum Severity: Int, Comparable, Hashable, Sendable {
    case error = 1
    case warning, note

    /// The word printed in compiler-style lines.
    public var label: String {
        switch self {
        case .error: return "erreur"
        case .warning: return "avertissement"
        case .note: return "remarque"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One finding of a reader, a figure computation or a checker.
public struct Diagnostic: Hashable, Sendable {
    /// Stable identifier, e.g. `yaml.cle-inconnue`, used by tests and tools.
    public var id: String
    public var severity: Severity
    public var location: SourceLocation?
    /// One French sentence saying what is wrong.
    public var message: String
    /// How to fix it, when we can tell.
    public var hint: String?

    public init(
        _ id: String, _ severity: Severity, at location: SourceLocation?, _ message: String, hint: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }
}
