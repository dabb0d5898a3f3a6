import SanteDocAnalysis
import SanteDocModel

/// What the terminal shows of an import: the files made, then what to look at, in order.
extension ImportReport {
    public func text(useColor: Bool) -> String {
        func bold(_ s: String) -> String { useColor ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        var lines = [
            "« \(source) » importé dans « \(project) » : "
                + FrenchFormat.count(sections.count, "section", "sections") + ", "
                + FrenchFormat.count(data.fields.count, "valeur lue", "valeurs lues") + " dans projet.yaml.",
            "",
            bold("Fichiers créés"),
        ]
        lines += files.map { "  \($0.name) ← \($0.origin)" }
        lines += ["", bold("Sections et exigences proposées (à vérifier dans l’en-tête de chaque section)")]
        for section in sections {
            let claims = section.claims.map { "\($0.requirement) (\($0.confidence.rawValue))" }
            lines.append(
                "  \(section.title) → \(section.part.rawValue)"
                    + (claims.isEmpty ? "" : " ; couvre : " + claims.joined(separator: ", ")))
        }
        for (title, items) in [
            ("Deviné", guesses), ("À vérifier", toCheck), ("Non lu", unread),
        ] where !items.isEmpty {
            lines += ["", bold(title)] + items.map { "  - \($0)" }
        }
        lines.append("")
        if let completeness {
            lines.append("Complétude du nouveau projet : " + completeness.summary)
        } else {
            lines.append("Le nouveau projet ne se lit pas encore sans erreur : santedoc check \(project) les détaille.")
        }
        lines.append("Rapport complet : \(project)/import.html. Prochaine étape : santedoc check \(project)")
        return lines.joined(separator: "\n") + "\n"
    }
}
