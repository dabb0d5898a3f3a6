import Foundation

/// `santedoc init DIR`: a new project with every key of `projet.yaml` present and
/// explained, and one section per required text holding only its guidance, so that
/// `check` lists everything still to write.
public struct InitAction {
    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    public func perform(directory: String) -> Bool {
        let target = URL(fileURLWithPath: directory)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            diagnostics.error("init.existe", at: nil, "« \(directory) » existe déjà : SanteDoc ne modifie pas un dossier existant.",
                              hint: "choisissez un nouveau nom de dossier.")
            return false
        }
        guard let referential = CheckAction(toolkit: toolkit, diagnostics: diagnostics).loadReferential(nil) else { return false }
        let regulation = RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        let version = regulation.fundingTables.values.max { ($0.effectiveDate, $0.id) < ($1.effectiveDate, $1.id) }?.id ?? ""
        var files: [(name: String, bytes: [UInt8])] = [
            (ProjectReader.dataFile, Array(ProjectSkeleton.yaml(aciVersion: version).utf8)),
            (ProjectReader.communesFile, Array("code_insee;commune;population;superficie_km2\n".utf8)),
            (ProjectReader.indicatorsFile, Array("indicateur;unite;territoire;departement;region;france;source;annee;sens\n".utf8)),
        ]
        let sections = referential.requirements.filter { $0.kind == "section" }
        for (index, requirement) in sections.enumerated() {
            let name = String(format: "%@/%02d-%@.md", ProjectReader.sectionsFolder, index + 1,
                              requirement.id.replacingOccurrences(of: ".", with: "-"))
            files.append((name, Array(ProjectSkeleton.section(requirement).utf8)))
        }
        // Written beside the target, then renamed: the folder appears whole or not at all.
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).init-\(getpid())")
        do {
            try OutputWriter(directory: staging).write(files)
            try FileManager.default.moveItem(at: staging, to: target)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            diagnostics.error("init.ecriture", at: nil, "Impossible de créer « \(directory) » : \(error.localizedDescription)")
            return false
        }
        return true
    }
}
