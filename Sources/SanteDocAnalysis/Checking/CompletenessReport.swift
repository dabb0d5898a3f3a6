import Foundation
import SanteDocModel

/// The outcome of a check run, with its terminal presentation and its build warnings.
public struct CompletenessReport: Sendable {
    public var referential: Referential
    public var results: [RequirementResult]

    /// Every requirement evaluated, and the sections' claims checked against the referential
    /// (a section it cannot place, an id it does not know, are reported to `diagnostics`).
    public static func evaluate(
        _ project: Project, figures: ProjectFigures, regulation: RegulationLibrary,
        sources: SourceMap, against referential: Referential,
        diagnostics: DiagnosticEngine
    ) -> CompletenessReport {
        CoverageCheck.validate(project, against: referential, diagnostics: diagnostics)
        let results = RequirementChecker(project: project, figures: figures, regulation: regulation, sources: sources)
            .evaluate(referential)
        return CompletenessReport(referential: referential, results: results)
    }

    public var blocking: [RequirementResult] { results.filter { $0.requirement.priority == .blocking } }
    public var isComplete: Bool { blocking.allSatisfy(\.isSatisfied) }

    public var summary: String {
        let satisfied = blocking.filter(\.isSatisfied).count
        let recommended = results.filter { $0.requirement.priority == .recommended }
        return "\(satisfied)/\(blocking.count) exigences bloquantes satisfaites, "
            + "\(recommended.filter(\.isSatisfied).count)/\(recommended.count) recommandées."
    }

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
                if !result.isSatisfied || !result.isApplicable { line += " — \(Self.statusLabel(result))" }
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

    /// Unmet requirements as diagnostics, for `build` (errors only with `--strict`).
    public func diagnostics(strict: Bool) -> [Diagnostic] {
        results.filter { !$0.isSatisfied }.map { result in
            let severity: Severity = strict && result.requirement.priority == .blocking ? .error : .warning
            return Diagnostic(
                "exigence.\(result.requirement.id)", severity, at: result.location,
                "Exigence « \(result.requirement.title) » \(Self.statusLabel(result))"
                    + (result.message.map { " : \($0)" } ?? "."), hint: result.requirement.hint)
        }
    }

    package static func statusLabel(_ result: RequirementResult) -> String {
        switch result.status {
        case .ok: return result.isApplicable ? "satisfaite" : "sans objet"
        case .missing: return "manquante"
        case .incomplete: return "incomplète"
        }
    }

    /// Results by part of the document, in the referential's order.
    package func grouped() -> [(String, [RequirementResult])] {
        var order: [String] = []
        var groups: [String: [RequirementResult]] = [:]
        for result in results {
            let title = result.requirement.part?.title ?? "Autres exigences"
            if groups[title] == nil { order.append(title) }
            groups[title, default: []].append(result)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
