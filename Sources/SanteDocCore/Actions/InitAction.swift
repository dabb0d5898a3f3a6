import Foundation
import Mustache
import SanteDocAnalysis
import SanteDocModel
import SanteDocReaders

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
            diagnostics.error(
                "init.existe", at: nil, "« \(directory) » existe déjà : SanteDoc ne modifie pas un dossier existant.",
                hint: "choisissez un nouveau nom de dossier.")
            return false
        }
        guard let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(nil) else {
            return false
        }
        let regulation = RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        // The schema copy lets editors complete and check keys offline: init needs both files.
        guard let skeleton = dataSkeleton(regulation), let schema = modelFile("projet.schema.json") else {
            return false
        }
        var files: [(name: String, bytes: [UInt8])] = [
            (ProjectReader.dataFile, Array(skeleton.utf8)),
            ("projet.schema.json", Array(schema)),
            (ProjectReader.sources.communesFile, Array((CommuneListReader.columns.joined(separator: ";") + "\n").utf8)),
            (
                ProjectReader.sources.indicatorsFile,
                Array((IndicatorTableReader.columns.joined(separator: ";") + "\n").utf8)
            ),
        ]
        let sections = referential.requirements.filter { $0.kind == "section" }
        for (index, requirement) in sections.enumerated() {
            let name = String(
                format: "%@/%02d-%@.md", ProjectReader.sources.sectionsFolder, index + 1,
                requirement.id.replacingOccurrences(of: ".", with: "-"))
            files.append((name, Array(ProjectSkeleton.section(requirement).utf8)))
        }
        let folder = StagedFolder(for: target, purpose: "init")
        do {
            try folder.write(files)
            try folder.install()
        } catch {
            folder.discard()
            diagnostics.error(
                "init.ecriture", at: nil, "Impossible de créer « \(directory) » : \(SystemErrorText.french(error)).",
                hint: "choisissez un dossier dont le parent existe et où vous pouvez écrire.")
            return false
        }
        return true
    }

    /// `projet.yaml` as `init` writes it: every key, explained, the ACI versions listed.
    func dataSkeleton(_ regulation: RegulationLibrary) -> String? {
        guard let skeleton = modelFile("projet.yaml") else { return nil }
        guard let template = try? MustacheTemplate(string: String(decoding: skeleton, as: UTF8.self)) else {
            modelError("projet.yaml")
            return nil
        }
        return template.render(["versions": ContractVersion.calendar(regulation)])
    }

    func modelFile(_ name: String) -> Data? {
        let data = FileManager.default.contents(atPath: toolkit.templates.appendingPathComponent("init/\(name)").path)
        if data == nil { modelError(name) }
        return data
    }

    private func modelError(_ name: String) {
        diagnostics.error(
            "init.modele", at: SourceLocation(file: "Templates/init/\(name)"),
            "Le modèle de projet « \(name) » est introuvable ou illisible.",
            hint: "réinstallez SanteDoc (Scripts/install) ou vérifiez SANTEDOC_TEMPLATES.")
    }
}
