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
        toolkit.prepareDocBookSchema()
        let check = CheckAction(toolkit: toolkit, diagnostics: diagnostics)
        guard let referential = check.loadReferential(path),
              let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(projectPath: projectPath) else {
            return .invalidSources
        }
        let report = CheckAction.report(result, referential: referential)
        report.diagnostics(strict: strict).forEach(diagnostics.emit)
        let document = DocumentAssembler(project: result.project, figures: result.figures, regulation: result.regulation,
                                         resolvedSections: result.resolvedSections).assemble(extraChapters: [report.chapter()])
        guard let htmlWriter = PageTemplates(toolkit: toolkit, project: ProjectFolder(path: projectPath),
                                             diagnostics: diagnostics).writer() else { return .invalidSources }
        let docBook = try DocBookWriter(schema: toolkit.docBookSchema()).write(document)
        let html = htmlWriter.write(document)
        try OutputWriter(directory: URL(fileURLWithPath: outputPath)).write([
            (Self.docBookName, docBook), (Self.htmlName, html),
        ])
        return .built(complete: report.isComplete)
    }
}

