import Foundation
import XCTest
@testable import SanteDocCore

enum TestSupport {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let toolkit = Toolkit(templates: repository.appendingPathComponent("Templates"))
    static var fixtures: URL { repository.appendingPathComponent("Tests/Fixtures") }

    /// The shipped regulation tables, read once for all tests.
    static func regulation() -> RegulationLibrary { shippedRegulation }

    private static let shippedRegulation: RegulationLibrary = {
        let diagnostics = DiagnosticEngine()
        let library = RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        precondition(!diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        return library
    }()

    /// A project folder in a fresh temporary directory, from file name → content.
    static func makeProject(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("santedoc-\(UUID().uuidString)")
        for (name, content) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return root
    }

    /// Reads `projet.yaml` text into a project, returning the diagnostics too.
    static func readData(_ yaml: String) -> (Project, [Diagnostic]) {
        let diagnostics = DiagnosticEngine()
        var project = Project()
        ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(yaml, into: &project)
        return (project, diagnostics.diagnostics)
    }

    static func figures(_ yaml: String, communes: [Commune] = []) -> (ProjectFigures, [Diagnostic]) {
        let diagnostics = DiagnosticEngine()
        var project = Project()
        ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(yaml, into: &project)
        project.territory.communes = communes
        let figures = FigureCalculator(project: project, regulation: regulation(), diagnostics: diagnostics).compute()
        return (figures, diagnostics.diagnostics)
    }
}
