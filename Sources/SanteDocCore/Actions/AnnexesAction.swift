import Foundation

/// `santedoc annexes`: the missions and funding annexes of the ACI contract, as DocBook
/// and HTML, regenerated from the same sources as the projet de santé.
public struct AnnexesAction {
    public static let folder = "annexes"
    static let names = ["annexe-missions", "annexe-financiere"]

    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    public struct Outcome {
        /// What changed since the annexes previously in the output folder (nil: none there).
        public var changes: [String]?
    }

    public func perform(projectPath: String, outputPath: String, year: Int?) throws -> Outcome? {
        toolkit.prepareDocBookSchema()
        guard let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(projectPath: projectPath) else {
            return nil
        }
        if result.project.missions.isEmpty {
            diagnostics.warning("annexes.sans-mission", at: result.project.missionsLocation ?? SourceLocation(file: result.project.dataFile),
                                "Aucune mission décrite : l’annexe des missions est vide.",
                                hint: "décrivez les missions engagées dans projet.yaml, clé missions.")
        }
        let assembler = AnnexAssembler(project: result.project, figures: result.figures, regulation: result.regulation, year: year)
        guard let html = PageTemplates(toolkit: toolkit, project: ProjectFolder(path: projectPath),
                                       diagnostics: diagnostics).writer() else { return nil }
        let docBook = try DocBookWriter(schema: toolkit.docBookSchema())
        let output = URL(fileURLWithPath: outputPath)
        var files: [(name: String, bytes: [UInt8])] = []
        var changes: [String]?
        for (name, document) in zip(Self.names, [assembler.missionsAnnex(), assembler.fundingAnnex()]) {
            let xml = try docBook.write(document)
            let path = "\(Self.folder)/\(name).xml"
            if let previous = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) {
                changes = (changes ?? []) + AnnexChanges.describe(previous: Array(previous), current: xml)
            }
            files += [(path, xml), ("\(Self.folder)/\(name).html", html.write(document))]
        }
        try OutputWriter(directory: output).write(files)
        return Outcome(changes: changes)
    }
}
