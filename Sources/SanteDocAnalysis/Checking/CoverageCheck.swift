import SanteDocModel

/// The requirement ids a section claims to cover (`couvre:`) should exist in the referential
/// in force: a misspelt id would silently count for nothing. A warning, not an error: a
/// project written for the national referential stays buildable under a regional one.
/// A section neither naming its part nor covering a placed requirement cannot be placed.
enum CoverageCheck {
    static func validate(_ project: Project, against referential: Referential, diagnostics: DiagnosticEngine) {
        for section in project.sections where referential.part(of: section) == nil {
            diagnostics.error(
                "section.partie-absente", at: section.header,
                "Impossible de savoir dans quelle partie placer « \(section.file) » : aucune exigence qu’elle "
                    + "couvre n’est placée par le référentiel « \(referential.title) ».",
                hint: "ajoutez « partie: … » à l’en-tête, parmi : "
                    + Part.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let known = Set(referential.requirements.map(\.id))
        let ids = referential.requirements.map(\.id)
        for section in project.sections {
            for covered in section.covers where !known.contains(covered.value) {
                diagnostics.warning(
                    "section.exigence-inconnue", at: covered.location,
                    "Exigence « \(covered.value) » inconnue du référentiel « \(referential.title) » : "
                        + "la section ne la couvre pas.",
                    hint: Suggestions.hint(for: covered.value, in: ids)
                        ?? "« santedoc check » liste les identifiants des exigences.")
            }
        }
    }
}
