import Foundation
import SanteDocModel

/// Prints diagnostics compiler-style: `file:line:column: erreur: message [id]`, then the
/// hint. The id is the entry of `docs/diagnostics.md` that explains the cause and the fix.
/// Control characters — a file named with an escape sequence, a value pasted with one —
/// are shown as `\u{1B}`, never sent to the terminal.
public struct DiagnosticFormatter {
    public var useColor: Bool

    public init(useColor: Bool) { self.useColor = useColor }

    public func format(_ diagnostic: Diagnostic) -> String {
        var line = ""
        line += diagnostic.location.map { "\(Self.printable($0.description)): " } ?? "santedoc: "
        line +=
            paint(diagnostic.severity.label + ":", diagnostic.severity) + " " + Self.printable(diagnostic.message)
            + " [\(diagnostic.id)]"
        // A hint of several lines (a YAML example) stays under its label, indented.
        if let hint = diagnostic.hint {
            line +=
                "\n    " + paint("suggestion :", .note) + " "
                + Self.printable(hint, keepingNewlines: true).replacingOccurrences(of: "\n", with: "\n        ")
        }
        return line
    }

    static func printable(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingNewlines && $0 == "\n") }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !(keepingNewlines && scalar == "\n") {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
