import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders

/// `santedoc check`: every requirement of the referential, evaluated on the project.
public struct CheckAction: Sendable {
    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    /// Renvois (`#…`) are checked against the working draft, where every place exists.
    static func checkAnchors(
        _ result: ProjectPipeline.Result, referential: Referential, report: CompletenessReport,
        diagnostics: DiagnosticEngine
    ) {
        guard result.project.sections.contains(where: { !$0.anchors.isEmpty }) else { return }
        let document = result.projet(.workingDraft, referential: referential, report: report)
        result.reportUnknownAnchors(in: document, strict: false, diagnostics: diagnostics)
    }

    /// Several projects at once, `jobs` at a time; regulation and referential are read
    /// once. Each project keeps its own diagnostics, in the order given.
    public typealias Outcome = (report: CompletenessReport?, diagnostics: DiagnosticEngine)

    public func perform(projectPaths: [String], referential path: String?, jobs: Int) -> [Outcome] {
        evaluate(projectPaths: projectPaths, referential: path, jobs: jobs) { _, _ in () }.map {
            ($0.report, $0.diagnostics)
        }
    }

    /// The batch, keeping of each readable project what `keep` makes of it on its worker
    /// (the synthesis keeps an overview and a page, not the whole project). Empty when the
    /// referential or the regulation does not read.
    func evaluate<Kept: Sendable>(
        projectPaths: [String], referential path: String?, jobs: Int,
        keep: @escaping @Sendable (ProjectPipeline.Result, CompletenessReport) -> Kept
    ) -> [(report: CompletenessReport?, diagnostics: DiagnosticEngine, kept: Kept?)] {
        guard let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(path) else {
            return []
        }
        let regulation = RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return [] }
        return concurrentMap(count: projectPaths.count, width: jobs) { index in
            let engine = DiagnosticEngine()
            let result = ProjectPipeline(toolkit: toolkit, diagnostics: engine, regulation: regulation)
                .run(projectPath: projectPaths[index])
            guard let result else { return (nil, engine, nil) }
            let report = result.completeness(against: referential, diagnostics: engine)
            Self.checkAnchors(result, referential: referential, report: report, diagnostics: engine)
            guard !engine.hasErrors else { return (nil, engine, nil) }
            return (report, engine, keep(result, report))
        }
    }
}
