import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel

/// The synthesis as data: `synthese.json` (the keys of `check --format json` where they
/// say the same thing) and `synthese.csv` (for a spreadsheet: `;`, raw numbers, ISO dates).
public enum SynthesisData {
    public static func json(_ entries: [SynthesisAssembler.Entry], day: CalendarDate) -> [String: Any] {
        ["day": day.iso, "projects": entries.map(object)]
    }

    static func object(_ entry: SynthesisAssembler.Entry) -> [String: Any] {
        var object: [String: Any] = ["folder": entry.folder, "page": entry.page]
        guard let project = entry.overview else {
            object["error"] = entry.error ?? NSNull()
            return object
        }
        func orNull(_ value: Any?) -> Any { value ?? NSNull() }
        object["name"] = project.name
        object["department"] = orNull(project.department)
        object["population"] = orNull(project.population)
        object["size_class"] = orNull(project.sizeClass)
        object["aci_version"] = orNull(project.aciVersion)
        object["signature_date"] = orNull(project.signature?.iso)
        object["complete"] = project.complete
        object["blocking_satisfied"] = project.blockingSatisfied
        object["blocking_total"] = project.blockingTotal
        object["recommended_satisfied"] = project.recommendedSatisfied
        object["recommended_total"] = project.recommendedTotal
        object["missing"] = project.gaps.map {
            ["id": $0.id, "title": $0.title, "severity": $0.blocking ? "bloquant" : "recommande"]
        }
        object["annual_funding"] = orNull(project.annualFunding)
        object["ceiling"] = orNull(project.ceiling)
        object["ceiling_check"] = project.ceilingCheck
        object["next_deadline"] = orNull(
            project.nextDeadline.map { ["date": $0.date.iso, "label": $0.what] as [String: Any] })
        return object
    }

    static let csvColumns = [
        "CPTS", "dossier", "département", "population", "taille", "version de l’ACI", "signature", "complet",
        "bloquantes satisfaites", "bloquantes", "recommandées satisfaites", "recommandées", "exigences manquantes",
        "financement annuel (€)", "plafond (€)", "plafond", "prochaine échéance", "objet de l’échéance", "erreur",
    ]

    public static func csv(_ entries: [SynthesisAssembler.Entry]) -> String {
        let rows = entries.map { entry -> [String] in
            guard let p = entry.overview else {
                return [entry.folder, entry.folder] + Array(repeating: "", count: csvColumns.count - 3)
                    + [entry.error ?? ""]
            }
            return [
                p.name, entry.folder, p.department ?? "", p.population.map(String.init) ?? "",
                p.sizeClass.map(String.init) ?? "", p.aciVersion ?? "", p.signature?.iso ?? "",
                p.complete ? "oui" : "non",
                "\(p.blockingSatisfied)", "\(p.blockingTotal)", "\(p.recommendedSatisfied)", "\(p.recommendedTotal)",
                p.gaps.map(\.title).joined(separator: " | "), p.annualFunding.map(String.init) ?? "",
                p.ceiling.map(String.init) ?? "", p.ceilingCheck, p.nextDeadline?.date.iso ?? "",
                p.nextDeadline?.what ?? "", "",
            ]
        }
        return CSVText.file([csvColumns] + rows)
    }
}

extension SynthesisAction {
    /// The line `synthese` prints once the files are written.
    public static func summary(_ entries: [SynthesisAssembler.Entry], files: [String], output: String) -> String {
        let readable = entries.compactMap(\.overview)
        let shown = files.filter { !$0.hasPrefix("projets/") }.sorted()
        return "Synthèse de \(FrenchFormat.count(entries.count, "projet", "projets")) écrite dans « \(output) » : "
            + shown.joined(separator: ", ") + " et les pages des projets. "
            + FrenchFormat.count(readable.filter(\.complete).count, "complet", "complets") + ", "
            + FrenchFormat.count(readable.filter { !$0.complete }.count, "incomplet", "incomplets") + ", "
            + FrenchFormat.count(entries.count - readable.count, "illisible", "illisibles") + "."
    }
}
