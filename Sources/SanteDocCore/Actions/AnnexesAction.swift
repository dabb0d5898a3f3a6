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
        /// The files written, relative to the output folder.
        public var files: [String]
    }

    public func perform(projectPath: String, outputPath: String, year: Int?,
                        formats: [DocumentFormat] = DocumentFormat.defaults) throws -> Outcome? {
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
        guard let renderer = try DocumentRenderer.make(toolkit: toolkit, project: ProjectFolder(path: projectPath),
                                                       formats: Array(Set(formats + [.xml])).sorted { $0.rawValue < $1.rawValue },
                                                       diagnostics: diagnostics) else { return nil }
        let output = URL(fileURLWithPath: outputPath)
        let rendered = try renderer.render(Array(zip(Self.names.map { "\(Self.folder)/\($0)" },
                                                     [assembler.missionsAnnex(), assembler.fundingAnnex()])))
        var changes: [String]?
        for (name, xml) in rendered where name.hasSuffix(".xml") {
            if let previous = FileManager.default.contents(atPath: output.appendingPathComponent(name).path) {
                changes = (changes ?? []) + AnnexChanges.describe(previous: Array(previous), current: xml)
            }
        }
        let files = rendered.filter { file in formats.contains { file.name.hasSuffix(".\($0.fileExtension)") } }
        try OutputWriter(directory: output).write(files)
        return Outcome(changes: changes, files: files.map(\.name))
    }
}
