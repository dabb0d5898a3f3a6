import Foundation

/// `santedoc check`: every requirement of the referential, evaluated on the project.
public struct CheckAction {
    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    /// The report, or nil when the sources or the referential are invalid.
    public func perform(projectPath: String, referential path: String?) -> CompletenessReport? {
        guard let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(path),
              let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(projectPath: projectPath)
        else { return nil }
        let report = Self.report(result, referential: referential, diagnostics: diagnostics)
        return diagnostics.hasErrors ? nil : report
    }

    /// Several projects at once, `jobs` at a time; regulation and referential are read
    /// once. Each project keeps its own diagnostics, in the order given.
    public func perform(projectPaths: [String], referential path: String?, jobs: Int)
        -> [(report: CompletenessReport?, diagnostics: DiagnosticEngine)] {
        guard let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(path) else { return [] }
        let regulation = RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return [] }
        var results = [(report: CompletenessReport?, diagnostics: DiagnosticEngine)?](repeating: nil, count: projectPaths.count)
        let lock = NSLock()
        var next = 0
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, projectPaths.count))) { _ in
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < projectPaths.count else { return }
                let engine = DiagnosticEngine()
                let result = ProjectPipeline(toolkit: toolkit, diagnostics: engine, regulation: regulation)
                    .run(projectPath: projectPaths[index])
                let report = result.map { Self.report($0, referential: referential, diagnostics: engine) }
                    .flatMap { engine.hasErrors ? nil : $0 }
                lock.lock()
                results[index] = (report, engine)
                lock.unlock()
            }
        }
        return results.map { $0! }
    }

    /// Every requirement evaluated, and the sections' claims checked against the referential.
    static func report(_ result: ProjectPipeline.Result, referential: Referential,
                       diagnostics: DiagnosticEngine) -> CompletenessReport {
        CoverageCheck.validate(result.project, against: referential, diagnostics: diagnostics)
        let results = RequirementChecker(project: result.project, figures: result.figures, regulation: result.regulation,
                                         sources: result.sources)
            .evaluate(referential)
        return CompletenessReport(referential: referential, results: results)
    }
}
