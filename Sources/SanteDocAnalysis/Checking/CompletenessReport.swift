import SanteDocModel

/// The outcome of a check run, and its build warnings (its terminal text is the console's:
/// `SanteDocCore` Presentation).
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
