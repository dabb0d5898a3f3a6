import SanteDocModel

/// Reads a whole project folder into a `Project`, reporting every problem it finds.
public struct ProjectReader {
    /// The names it reads, which the checks point to when something is missing.
    public static let sources = SourceMap(
        dataFile: "projet.yaml", communesFile: "communes.csv", indicatorsFile: "indicateurs.csv",
        sectionsFolder: "sections")
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
        readNeighbours(into: &project)
        if folder.exists(map.communesFile), let text = folder.readText(map.communesFile, diagnostics: diagnostics) {
            project.territory.communes = CommuneListReader(file: map.communesFile, diagnostics: diagnostics).read(text)
            project.territory.communeListLocation = SourceLocation(file: map.communesFile)
            // The list's own `# Source :` line (written by `santedoc communes`) when projet.yaml says none.
            if project.territory.populationReference == nil {
                project.territory.populationReference = CSVTableReader.sourceComment(text)
            }
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
        project.pictures = PictureReader(folder: folder, diagnostics: diagnostics).read(
            project.sections.flatMap(\.pictures))
        return (project, placeholders, map)
    }

    /// The INSEE codes of each neighbouring CPTS, from its file in the project (a column
    /// `code_insee`, or the first column).
    private func readNeighbours(into project: inout Project) {
        guard let neighbours = project.territory.neighbours else { return }
        project.territory.neighbours = neighbours.map { neighbour in
            var neighbour = neighbour
            guard !neighbour.file.hasPrefix("/"), !neighbour.file.split(separator: "/").contains("..") else {
                diagnostics.error(
                    "fichier.hors-projet", at: neighbour.location,
                    "« \(neighbour.file) » mène hors du dossier du projet ; SanteDoc ne lit que les fichiers du projet.",
                    hint: "copiez la liste des communes de « \(neighbour.name) » dans le projet (voisines/…).")
                return neighbour
            }
            guard folder.exists(neighbour.file) else {
                diagnostics.error(
                    "territoire.voisine-sans-liste", at: neighbour.location,
                    "Le fichier des communes de « \(neighbour.name) » (« \(neighbour.file) ») est introuvable dans le projet.",
                    hint: "copiez la liste de ses communes (code_insee, commune) dans le projet, à ce chemin.")
                return neighbour
            }
            guard let text = folder.readText(neighbour.file, diagnostics: diagnostics) else { return neighbour }
            let lines = text.split(whereSeparator: \.isNewline).filter { !$0.trimmingWhitespace().hasPrefix("#") }
            let separator: Character = lines.first?.contains(";") == true ? ";" : ","
            let header =
                lines.first?.split(separator: separator, omittingEmptySubsequences: false).map {
                    $0.trimmingWhitespace().lowercased()
                } ?? []
            let column = header.firstIndex(of: "code_insee") ?? 0
            // Without a header, the first line is already a commune (`24037;Bergerac`).
            let isCode = header.first.map { $0.count == 5 && $0.allSatisfy { $0.isNumber || $0 == "a" || $0 == "b" } }
            neighbour.communeCodes = lines.dropFirst(isCode == true ? 0 : 1).compactMap { line in
                let fields = line.split(separator: separator, omittingEmptySubsequences: false)
                return column < fields.count ? String(fields[column].trimmingWhitespace()) : nil
            }.filter { !$0.isEmpty }
            return neighbour
        }
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
