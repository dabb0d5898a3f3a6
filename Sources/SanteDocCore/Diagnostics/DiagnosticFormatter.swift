/// Prints diagnostics compiler-style: `file:line:column: erreur: message [id]`, then the
/// hint. The id is the entry of `docs/diagnostics.md` that explains the cause and the fix.
public struct DiagnosticFormatter {
    public var useColor: Bool

    public init(useColor: Bool) { self.useColor = useColor }

    public func format(_ diagnostic: Diagnostic) -> String {
        var line = ""
        line += diagnostic.location.map { "\($0): " } ?? "santedoc: "
        line += paint(diagnostic.severity.label + ":", diagnostic.severity) + " " + diagnostic.message + " [\(diagnostic.id)]"
        // A hint of several lines (a YAML example) stays under its label, indented.
        if let hint = diagnostic.hint {
            line += "\n    " + paint("suggestion :", .note) + " " + hint.replacingOccurrences(of: "\n", with: "\n        ")
        }
        return line
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard useColor else { return text }
        let code: String
        switch severity {
        case .error: code = "1;31"
        case .warning: code = "1;33"
        case .note: code = "1;36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
