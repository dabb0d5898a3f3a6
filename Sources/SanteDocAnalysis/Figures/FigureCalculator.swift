import SanteDocModel

/// Computes the figures of a project from its sources and the regulation tables,
/// reporting contradictions between typed and computed values.
public struct FigureCalculator {
    /// Distance to a size-class threshold under which a warning is given.

    let project: Project
    let regulation: RegulationLibrary
    let diagnostics: DiagnosticEngine

    public init(project: Project, regulation: RegulationLibrary, diagnostics: DiagnosticEngine) {
        self.project = project
        self.regulation = regulation
        self.diagnostics = diagnostics
    }

    public func compute() -> ProjectFigures {
        var figures = ProjectFigures()
        computeTerritory(into: &figures)
        computeProfessionals(into: &figures)
        // The calendar first: a year's funding depends on the year each mission starts.
        computeCalendar(into: &figures)
        computeFunding(into: &figures)
        publishCalendar(into: &figures)
        computeIndicators(into: &figures)
        return figures
    }

    /// Reports a typed number that disagrees with the computed one at the precision it was
    /// typed: a declared 8,6 agrees with a computed 8,57, a declared 8,60 does not.
    func checkDeclared(_ declared: Located<Quantity>?, _ computed: Double?, what: String, unit: String = "") {
        guard let declared, let computed else { return }
        let places = declared.value.places
        let typed = FrenchFormat.decimal(declared.value.value, places: places)
        let rounded = FrenchFormat.decimal(computed, places: places)
        guard typed != rounded else { return }
        diagnostics.error(
            "chiffre.incoherent", at: declared.location,
            "\(what) : valeur saisie \(typed)\(unit), valeur calculée \(rounded)\(unit).",
            hint: "supprimez la valeur saisie (SanteDoc la calcule) ou corrigez les données sources.")
    }

    /// Reports a typed figure that disagrees with the computed one.
    func checkDeclared<T: Equatable>(
        _ declared: Located<T>?, _ computed: T?, what: String,
        show: (T) -> String
    ) {
        guard let declared, let computed, declared.value != computed else { return }
        diagnostics.error(
            "chiffre.incoherent", at: declared.location,
            "\(what) : valeur saisie \(show(declared.value)), valeur calculée \(show(computed)).",
            hint: "supprimez la valeur saisie (SanteDoc la calcule) ou corrigez les données sources.")
    }
}
