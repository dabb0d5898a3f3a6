import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders

/// `santedoc build`: the projet de santé in the formats asked for, and the completeness
/// report for the board, written atomically.
public struct BuildAction {
    public static let baseName = "projet-de-sante"
    public static let completenessName = "completude"
    public static let docBookName = baseName + ".xml"
    public static let htmlName = baseName + ".html"

    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    public struct Request {
        public var projectPath: String
        public var outputPath: String
        public var strict = false
        public var referential: String?
        public var edition = Edition.workingDraft
        public var formats = DocumentFormat.defaults

        public init(projectPath: String, outputPath: String) {
            self.projectPath = projectPath
            self.outputPath = outputPath
        }
    }

    public enum Outcome {
        /// Written; `report` says how complete the project is.
        case built(files: [String], report: CompletenessReport)
        /// The submission edition was asked for while blocking requirements are unmet.
        case refused(CompletenessReport)
        case invalidSources
    }

    /// Unmet requirements are printed as warnings (errors with `strict`). The working draft
    /// closes on a completeness chapter; the submission edition refuses to exist while a
    /// blocking requirement is unmet, so that an incomplete file never reaches the ARS.
    public func perform(_ request: Request) throws -> Outcome {
        toolkit.prepareDocBookSchema()
        try OutputWriter.prepareRun(writingTo: request.outputPath)
        guard let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(request.referential),
            let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(
                projectPath: request.projectPath)
        else { return .invalidSources }
        let report = result.completeness(against: referential, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return .invalidSources }
        if request.edition == .final {
            let undated = result.project.draftDate == nil
            if undated {
                diagnostics.error(
                    "edition.date-absente", at: result.project.documentLocation,
                    "L’édition définitive doit être datée : « document.date » manque.",
                    hint: "ajoutez dans projet.yaml la date de cette édition (celle de sa transmission à l’ARS) :\n"
                        + "document:\n  date: AAAA-MM-JJ")
            }
            guard report.isComplete else {
                report.diagnostics(strict: true).filter { $0.severity == .error }.forEach(diagnostics.emit)
                return .refused(report)
            }
            if undated { return .invalidSources }
        } else {
            report.diagnostics(strict: request.strict).forEach(diagnostics.emit)
        }
        let folder = ProjectFolder(path: request.projectPath)
        guard
            let renderer = try DocumentRenderer.make(
                toolkit: toolkit, project: folder, formats: request.formats, diagnostics: diagnostics)
        else { return .invalidSources }
        let board = renderer.producing([.html])
        let completeness = CompletenessAssembler(report: report)
        let document = result.projet(request.edition, referential: referential, report: report)
        // A broken renvoi is said where it is written; --strict and the submission edition refuse it.
        let strict = request.strict || request.edition == .final
        if result.reportUnknownAnchors(in: document, strict: strict, diagnostics: diagnostics) > 0, strict {
            return .invalidSources
        }
        let files =
            try renderer.render([(Self.baseName, document)])
            + board.render([(Self.completenessName, completeness.document(projectName: document.title))])
        try OutputWriter(directory: URL(fileURLWithPath: request.outputPath)).write(files)
        return .built(files: files.map(\.name), report: report)
    }
}
