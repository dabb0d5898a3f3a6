import Foundation

/// `santedoc build`: projet de santé as DocBook and HTML, written atomically.
public struct BuildAction {
    public static let docBookName = "projet-de-sante.xml"
    public static let htmlName = "projet-de-sante.html"

    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    public enum Outcome: Equatable { case built(complete: Bool), invalidSources }

    /// Unmet requirements are printed as warnings (errors with `strict`) and listed in a
    /// final "État de complétude" chapter, so a circulated draft shows what is open.
    public func perform(projectPath: String, outputPath: String, strict: Bool = false,
                        referential path: String? = nil) throws -> Outcome {
        let check = CheckAction(toolkit: toolkit, diagnostics: diagnostics)
        guard let referential = check.loadReferential(path),
              let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(projectPath: projectPath) else {
            return .invalidSources
        }
        let report = CheckAction.report(result, referential: referential)
        report.diagnostics(strict: strict).forEach(diagnostics.emit)
        let document = DocumentAssembler(project: result.project, figures: result.figures, regulation: result.regulation,
                                         resolvedSections: result.resolvedSections).assemble(extraChapters: [report.chapter()])
        let page = PageTemplates(toolkit: toolkit, project: ProjectFolder(path: projectPath))
        let docBook = try DocBookWriter(schema: toolkit.docBookSchema()).write(document)
        let html = try HTMLWriter(pageTemplate: page.pageTemplate(), stylesheet: page.stylesheet()).write(document)
        try OutputWriter(directory: URL(fileURLWithPath: outputPath)).write([
            (Self.docBookName, docBook), (Self.htmlName, html),
        ])
        return .built(complete: report.isComplete)
    }
}

/// The page template and stylesheet: the project's own copy in `modeles/` wins over
/// the one in `Templates/html/`, so a CPTS can brand its documents without code.
struct PageTemplates {
    static let projectFolder = "modeles"
    let toolkit: Toolkit
    let project: ProjectFolder

    func pageTemplate() throws -> String { try load("page.mustache") }
    func stylesheet() throws -> String { try load("style.css") }

    private func load(_ name: String) throws -> String {
        let own = "\(Self.projectFolder)/\(name)"
        if project.exists(own) {
            let diagnostics = DiagnosticEngine()
            guard let text = project.readText(own, diagnostics: diagnostics) else {
                throw WriterError.template(diagnostics.diagnostics.map { "\($0.location.map { "\($0): " } ?? "")\($0.message)" }
                    .joined(separator: " "))
            }
            return text
        }
        let shipped = toolkit.templates.appendingPathComponent("html").appendingPathComponent(name)
        guard let text = try? String(contentsOf: shipped, encoding: .utf8) else {
            throw WriterError.template("Modèle « \(name) » introuvable dans \(shipped.deletingLastPathComponent().path).")
        }
        return text
    }
}
