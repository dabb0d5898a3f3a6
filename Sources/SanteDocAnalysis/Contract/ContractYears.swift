import SanteDocModel

/// Reads `--annee`: a contract year within the contract's length, or a calendar year mapped
/// to the contract year that starts in it.
public struct ContractYears {
    public let project: Project
    public let figures: ProjectFigures
    public let regulation: RegulationLibrary
    public let sources: SourceMap

    public init(project: Project, figures: ProjectFigures, regulation: RegulationLibrary, sources: SourceMap) {
        self.project = project
        self.figures = figures
        self.regulation = regulation
        self.sources = sources
    }

    /// The contract's length in years, as its version of the ACI states it.
    public var duration: Int? {
        figures.contractCalendar?.years ?? figures.funding?.table.contractYears
            ?? regulation.defaultTable(at: project.contract.signatureDate?.value)?.contractYears
    }

    /// The contract year, and how a calendar year was read; nil after a diagnostic.
    public func resolve(_ requested: Int, diagnostics: DiagnosticEngine) -> (Int, String?)? {
        let location = project.contract.signatureDate?.location ?? project.contract.location
        guard let years = duration else {
            diagnostics.error(
                "annexes.annee-hors-contrat", at: location ?? sources.dataStart,
                "L’année \(requested) ne peut pas être rapportée au contrat : sa version de l’ACI n’est pas connue.",
                hint: "indiquez contrat.version_aci dans \(sources.dataFile).")
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
        guard let calendar = figures.contractCalendar else {
            diagnostics.error(
                "annexes.annee-hors-contrat", at: location ?? sources.dataStart,
                "L’année civile \(requested) ne peut pas être rapportée au contrat : sa date de signature manque.",
                hint: "indiquez contrat.date_signature dans \(sources.dataFile), ou l’année du contrat (1 à \(years)).")
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
    public func period(_ year: Int) -> String? {
        figures.contractCalendar.map { calendar in
            let p = calendar.period(year)
            return "du \(FrenchFormat.date(p.start)) au \(FrenchFormat.date(p.end))"
        }
    }
}
