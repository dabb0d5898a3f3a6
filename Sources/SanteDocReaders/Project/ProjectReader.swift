import SanteDocModel

/// Reads a whole project folder into a `Project`, reporting every problem it finds.
public struct ProjectReader {
    /// The names it reads, which the checks point to when something is missing.
    public static let sources = SourceMap()
    public static var dataFile: String { sources.dataFile }

    let folder: any ProjectSources
    let diagnostics: DiagnosticEngine
    /// Sections read before, reused when their text is unchanged (a resident process).
    let cache: SectionReadCache?

    public init(folder: any ProjectSources, diagnostics: DiagnosticEngine, cache: SectionReadCache? = nil) {
        self.folder = folder
        self.diagnostics = diagnostics
        self.cache = cache
    }

    /// The project, the placeholders met in its text (resolved once figures exist), and
    /// where its sources live.
    public func read() -> (project: Project, placeholders: [Located<String>], sources: SourceMap) {
        let map = Self.sources
        var project = Project()
        var placeholders: [Located<String>] = []
        let sectionFiles =
            folder.checkFolder(map.sectionsFolder, diagnostics: diagnostics)
            ? folder.files(in: map.sectionsFolder, withExtension: "md") : []
        guard withinSizeLimit([map.dataFile, map.communesFile, map.indicatorsFile] + sectionFiles) else {
            return (project, [], map)
        }
        if !folder.exists(map.dataFile) {
            diagnostics.error(
                "projet.yaml-absent", at: map.dataStart, "Le dossier ne contient pas « \(map.dataFile) ».",
                hint: "créez un projet avec « santedoc init DOSSIER » ou vérifiez le dossier indiqué.")
        } else if let text = folder.readText(map.dataFile, diagnostics: diagnostics) {
            ProjectDataReader(file: map.dataFile, diagnostics: diagnostics).read(text, into: &project)
        }
        if folder.exists(map.communesFile), let text = folder.readText(map.communesFile, diagnostics: diagnostics) {
            project.territory.communes = CommuneListReader(file: map.communesFile, diagnostics: diagnostics).read(text)
            project.territory.communeListLocation = SourceLocation(file: map.communesFile)
        }
        if folder.exists(map.indicatorsFile), let text = folder.readText(map.indicatorsFile, diagnostics: diagnostics) {
            project.indicators = IndicatorTableReader(file: map.indicatorsFile, diagnostics: diagnostics).read(text)
            project.indicatorsLocation = SourceLocation(file: map.indicatorsFile)
        }
        for file in sectionFiles {
            guard let text = folder.readText(file, diagnostics: diagnostics), let read = readSection(file, text)
            else { continue }
            project.sections.append(read.section)
            placeholders += read.placeholders
        }
        cache?.keep(only: Set(sectionFiles))
        return (project, placeholders, map)
    }

    /// Whether the sources together stay under `Limits.projectBytes`, measured before any is
    /// read; over it, one error naming the total.
    private func withinSizeLimit(_ files: [String]) -> Bool {
        let sizes = files.compactMap { folder.byteCount($0) }
        let total = sizes.reduce(0, +)
        guard total > Limits.projectBytes else { return true }
        let megabytes = { (bytes: Int) in FrenchFormat.integer((bytes + 1024 * 1024 - 1) / (1024 * 1024)) }
        diagnostics.error(
            "limite.projet", at: SourceLocation(file: Self.sources.sectionsFolder),
            "Les sources du projet totalisent \(megabytes(total)) Mo (\(FrenchFormat.count(sizes.count, "fichier", "fichiers"))) : "
                + "au-delà de \(megabytes(Limits.projectBytes)) Mo, SanteDoc ne les lit pas.",
            hint: "un projet de santé tient en quelques centaines de kilo-octets de texte : retirez les fichiers "
                + "qui n’en font pas partie (exports, copies, sauvegardes).")
        return false
    }

    /// Through the cache when there is one: a miss there is parsed there, never twice.
    private func readSection(_ file: String, _ text: String) -> MarkdownSectionReader.Read? {
        if let cache { return cache.read(file, text: text, diagnostics: diagnostics) }
        return MarkdownSectionReader(file: file, diagnostics: diagnostics).read(text)
    }
}
