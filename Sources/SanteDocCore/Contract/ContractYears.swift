import SanteDocAnalysis
import SanteDocModel

/// Reads `--annee`: a contract year within the contract's length, or a calendar year mapped
/// to the contract year that starts in it.
enum ContractYears {
    static func duration(_ result: ProjectPipeline.Result) -> Int? {
        result.figures.contractCalendar?.years ?? result.figures.funding?.table.contractYears
            ?? result.regulation.defaultTable(at: result.project.contract.signatureDate?.value)?.contractYears
    }

    /// The contract year, and how a calendar year was read; nil after a diagnostic.
    static func resolve(_ requested: Int, _ result: ProjectPipeline.Result, diagnostics: DiagnosticEngine) -> (
        Int, String?
    )? {
        let location = result.project.contract.signatureDate?.location ?? result.project.contract.location
        guard let years = duration(result) else {
            diagnostics.error(
                "annexes.annee-hors-contrat", at: location ?? result.sources.dataStart,
                "L’année \(requested) ne peut pas être rapportée au contrat : sa version de l’ACI n’est pas connue.",
                hint: "indiquez contrat.version_aci dans projet.yaml.")
            return nil
        }
        guard requested >= 1000 else {
            guard (1...years).contains(requested) else {
                diagnostics.error(
                    "annexes.annee-hors-contrat", at: location,
                    "L’année \(requested) n’existe pas : le contrat dure \(years) ans (années 1 à \(years)).",
                    hint: "indiquez une année de 1 à \(years), ou l’année civile (par exemple 2025).")
                return nil
            }
            return (requested, nil)
        }
        guard let calendar = result.figures.contractCalendar else {
            diagnostics.error(
                "annexes.annee-hors-contrat", at: location ?? result.sources.dataStart,
                "L’année civile \(requested) ne peut pas être rapportée au contrat : sa date de signature manque.",
                hint: "indiquez contrat.date_signature dans projet.yaml, ou l’année du contrat (1 à \(years)).")
            return nil
        }
        guard let year = calendar.year(startingIn: requested) else {
            let first = calendar.signature.year
            let last = calendar.anniversary(years).year
            diagnostics.error(
                "annexes.annee-hors-contrat", at: location,
                "L’année \(requested) est hors du contrat : ses années commencent de \(first) à \(last).",
                hint: "indiquez une année civile de \(first) à \(last), ou l’année du contrat (1 à \(years)).")
            return nil
        }
        let period = calendar.period(year)
        return (
            year,
            "L’année \(requested) est l’année \(year) du contrat (du \(FrenchFormat.date(period.start)) "
                + "au \(FrenchFormat.date(period.end)))."
        )
    }

    /// « du 15 mars 2024 au 14 mars 2025 ».
    static func period(_ year: Int, _ result: ProjectPipeline.Result) -> String? {
        result.figures.contractCalendar.map { calendar in
            let p = calendar.period(year)
            return "du \(FrenchFormat.date(p.start)) au \(FrenchFormat.date(p.end))"
        }
    }
}
