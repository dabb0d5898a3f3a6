import Foundation

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// What the stages' tests share: the fixtures (a frozen regulation, the complete project),
/// temporary project folders, and the first stages run on YAML text.
public enum TestSupport {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Regulation, referential and page templates, frozen in `Tests/Fixtures/regulation`: the
    /// stages' tests never read the shipped `Templates/` (`ShippedDataTests` does).
    public static var templates: URL { repository.appendingPathComponent("Tests/Fixtures/regulation") }
    public static var fixtures: URL { repository.appendingPathComponent("Tests/Fixtures") }

    /// The regulation fixture (`Tests/Fixtures/regulation`), read once for all tests: unit
    /// tests never depend on the research state of the shipped `Templates/aci`.
    public static func regulation() -> RegulationLibrary { fixtureRegulation }

    private static let fixtureRegulation: RegulationLibrary = {
        let diagnostics = DiagnosticEngine()
        let library = RegulationLibrary.load(
            templates: fixtures.appendingPathComponent("regulation"), diagnostics: diagnostics)
        precondition(!diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        return library
    }()

    /// The national referential of the fixture, read once.
    public static func referential() -> Referential { fixtureReferential }

    private static let fixtureReferential: Referential = {
        let diagnostics = DiagnosticEngine()
        let referential = ReferentialReader.load(
            templates.appendingPathComponent(ReferentialReader.defaultFile), displayName: "ars-socle.yaml",
            kinds: RequirementChecker.catalogue(dataFields: ProjectDataReader.dataFieldPaths), diagnostics: diagnostics)
        precondition(!diagnostics.hasErrors && referential != nil, "\(diagnostics.diagnostics)")
        return referential!
    }()

    /// The complete fixture as the synthesis sees it on `day`.
    public static func completeOverview(on day: CalendarDate) -> ProjectOverview {
        let diagnostics = DiagnosticEngine()
        let folder = ProjectFolder(path: fixtures.appendingPathComponent("complet").path)
        var (project, _, sources) = ProjectReader(folder: folder, diagnostics: diagnostics).read()
        ContractVersion.resolve(&project, regulation: regulation())
        let figures = FigureCalculator(project: project, regulation: regulation(), diagnostics: diagnostics).compute()
        let report = CompletenessReport.evaluate(
            project, figures: figures, regulation: regulation(), sources: sources, against: referential(),
            diagnostics: diagnostics)
        return ProjectOverview(project: project, figures: figures.all, report: report, on: day)
    }

    /// A copy of a folder (a fixture) in a fresh temporary directory, to modify.
    public static func copy(of source: URL) -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("santedoc-\(UUID().uuidString)")
        try? FileManager.default.copyItem(at: source, to: copy)
        return copy
    }

    /// A project folder in a fresh temporary directory, from file name → content.
    public static func makeProject(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("santedoc-\(UUID().uuidString)")
        for (name, content) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return root
    }

    /// Reads `projet.yaml` text into a project, returning the diagnostics too.
    public static func readData(_ yaml: String) -> (Project, [Diagnostic]) {
        let diagnostics = DiagnosticEngine()
        var project = Project()
        ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(yaml, into: &project)
        return (project, diagnostics.diagnostics)
    }

    public static func figures(_ yaml: String, communes: [Commune] = []) -> (ProjectFigures, [Diagnostic]) {
        let diagnostics = DiagnosticEngine()
        var project = Project()
        ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(yaml, into: &project)
        project.territory.communes = communes
        let figures = FigureCalculator(project: project, regulation: regulation(), diagnostics: diagnostics).compute()
        return (figures, diagnostics.diagnostics)
    }
}
