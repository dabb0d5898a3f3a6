import SanteDocAnalysis
import SanteDocModel

/// What the terminal shows of a completeness report: colour only where the console allows it.
extension CompletenessReport {
    /// Grouped by part of the document, ✓/✗ marks, location and hint for each gap.
    public func text(useColor: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { useColor ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var lines = ["Référentiel : \(referential.title) (\(referential.id))", ""]
        for (title, group) in grouped() {
            lines.append(paint(title, "1"))
            for result in group {
                let mark =
                    result.isSatisfied
                    ? paint("✓", "32")
                    : (result.requirement.priority == .blocking ? paint("✗", "31") : paint("!", "33"))
                var line = "  \(mark) \(result.requirement.title) [\(result.requirement.id)]"
                if !result.isSatisfied || !result.isApplicable {
                    line += " — \(CompletenessReport.statusLabel(result))"
                }
                if result.isSatisfied, let message = result.message { line += " (\(message))" }
                lines.append(line)
                guard !result.isSatisfied else { continue }
                if let message = result.message { lines.append("      \(message)") }
                if let location = result.location { lines.append("      où : \(location.file):\(location.line)") }
                if let hint = result.requirement.hint { lines.append("      conseil : \(hint)") }
            }
            lines.append("")
        }
        lines.append(
            (isComplete ? paint("Projet complet", "1;32") : paint("Projet incomplet", "1;31")) + " — " + summary)
        return lines.joined(separator: "\n") + "\n"
    }

}
