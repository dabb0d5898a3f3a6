/// Reads a whole project folder into a `Project`, reporting every problem it finds.
public struct ProjectReader {
    public static let dataFile = "projet.yaml"
    public static let communesFile = "communes.csv"
    public static let indicatorsFile = "indicateurs.csv"
    public static let sectionsFolder = "sections"

    let folder: any ProjectSources
    let diagnostics: DiagnosticEngine

    public init(folder: any ProjectSources, diagnostics: DiagnosticEngine) {
        self.folder = folder
        self.diagnostics = diagnostics
    }

    /// The project and the placeholders met in its text, to be resolved once figures exist.
    public func read() -> (project: Project, placeholders: [Located<String>]) {
        var project = Project(dataFile: Self.dataFile)
        project.layout.communesFile = Self.communesFile
        project.layout.sectionsFolder = Self.sectionsFolder
        var placeholders: [Located<String>] = []
        if !folder.exists(Self.dataFile) {
            diagnostics.error("projet.yaml-absent", at: SourceLocation(file: Self.dataFile),
                              "Le dossier ne contient pas « \(Self.dataFile) ».",
                              hint: "créez un projet avec « santedoc init DOSSIER » ou vérifiez le dossier indiqué.")
        } else if let text = folder.readText(Self.dataFile, diagnostics: diagnostics) {
            ProjectDataReader(file: Self.dataFile, diagnostics: diagnostics).read(text, into: &project)
        }
        if folder.exists(Self.communesFile), let text = folder.readText(Self.communesFile, diagnostics: diagnostics) {
            project.territory.communes = CommuneListReader(file: Self.communesFile, diagnostics: diagnostics).read(text)
            project.territory.communeListLocation = SourceLocation(file: Self.communesFile)
        }
        if folder.exists(Self.indicatorsFile), let text = folder.readText(Self.indicatorsFile, diagnostics: diagnostics) {
            project.indicators = IndicatorTableReader(file: Self.indicatorsFile, diagnostics: diagnostics).read(text)
            project.indicatorsLocation = SourceLocation(file: Self.indicatorsFile)
        }
        for file in folder.files(in: Self.sectionsFolder, withExtension: "md") {
            guard let text = folder.readText(file, diagnostics: diagnostics),
                  let read = MarkdownSectionReader(file: file, diagnostics: diagnostics).read(text) else { continue }
            project.sections.append(read.section)
            placeholders += read.placeholders
        }
        return (project, placeholders)
    }
}
