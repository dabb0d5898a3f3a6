import Foundation
import SanteDocAnalysis
import SanteDocModel
import SanteDocReaders

/// The ARS referential a command checks against: the national one of `Templates/`, or the
/// regional variant the user names with `--referentiel`.
struct ReferentialLoader {
    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    /// The referential, or nil after reporting why it cannot be used.
    func load(_ path: String?) -> Referential? {
        let url =
            path.map { URL(fileURLWithPath: $0) }
            ?? toolkit.templates.appendingPathComponent(ReferentialReader.defaultFile)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.error(
                "referentiel.absent", at: SourceLocation(file: path ?? url.path),
                "Référentiel « \(url.path) » introuvable.",
                hint: "indiquez le chemin d’un fichier YAML de référentiel avec --referentiel.")
            return nil
        }
        guard
            let referential = ReferentialReader.load(
                url, displayName: path ?? "Templates/\(ReferentialReader.defaultFile)",
                kinds: RequirementChecker.catalogue(dataFields: ProjectDataReader.dataFieldPaths),
                diagnostics: diagnostics),
            !diagnostics.hasErrors
        else { return nil }
        guard path != nil else { return referential }
        // Sections covering national requirements keep their chapter under a regional referential.
        let national = toolkit.templates.appendingPathComponent(ReferentialReader.defaultFile)
        let quiet = DiagnosticEngine()
        guard
            let fallback = ReferentialReader.load(
                national, displayName: "",
                kinds: RequirementChecker.catalogue(dataFields: ProjectDataReader.dataFieldPaths), diagnostics: quiet)
        else {
            return referential
        }
        return referential.placing(like: fallback)
    }
}
