import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters  // import utilisé : HTMLWriter.write, par la valeur `html`

/// The working draft rendered in memory, for `santedoc apercu`: the regulation, the
/// referential and the shipped page template and stylesheet are read once, then each
/// render reads the sources, computes, checks and writes the HTML page without touching
/// the disk. Sections whose text has not changed since the last render are not parsed
/// again. Nothing goes to `Build/`.
public final class PreviewRenderer: Sendable {
    /// One render: the page when the sources are valid, and what the panel shows.
    public struct Render: Sendable {
        /// The draft page; nil when the sources are invalid (the preview keeps the last one).
        public var page: [UInt8]?
        public var diagnostics: [Diagnostic]
        public var report: CompletenessReport?
        /// The id of each source file's section in the page, so a message can link to it.
        public var anchors: [String: String]
        /// How long reading, computing and writing took.
        public var duration: Duration
    }

    let toolkit: Toolkit
    let projectPath: String
    let regulation: RegulationLibrary
    let referential: Referential
    let shippedTemplates: [String: String]
    let sections = SectionReadCache()

    /// The renderer, or nil after reporting why the regulation or the referential cannot
    /// be used. `regulation` is read from the toolkit's `Templates/` unless given.
    public init?(
        toolkit: Toolkit, projectPath: String, referential path: String?, regulation given: RegulationLibrary? = nil,
        diagnostics: DiagnosticEngine
    ) {
        guard ProjectPipeline.exists(projectPath, diagnostics: diagnostics) else { return nil }
        let regulation = given ?? RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        guard !diagnostics.hasErrors,
            let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(path)
        else { return nil }
        self.toolkit = toolkit
        self.projectPath = projectPath
        self.regulation = regulation
        self.referential = referential
        self.shippedTemplates = PageTemplates.readShipped(toolkit)
    }

    public func render() -> Render {
        let clock = ContinuousClock()
        let start = clock.now
        let diagnostics = DiagnosticEngine()
        var render = Render(page: nil, diagnostics: [], report: nil, anchors: [:], duration: .zero)
        if let result = ProjectPipeline(
            toolkit: toolkit, diagnostics: diagnostics, regulation: regulation, sectionCache: sections
        ).run(projectPath: projectPath) {
            let report = result.completeness(against: referential, diagnostics: diagnostics)
            render.report = report
            let sources = ProjectFolder(path: projectPath)
            if !diagnostics.hasErrors,
                let html = PageTemplates(
                    toolkit: toolkit, project: sources, diagnostics: diagnostics, shipped: shippedTemplates
                ).writer()
            {
                let assembled = result.projet(.workingDraft, referential: referential, report: report)
                let document = IdentifierAllocator.assign(assembled)
                render.page = html.write(document)
                render.anchors = Self.anchors(document)
            }
        }
        render.diagnostics = diagnostics.diagnostics
        render.duration = clock.now - start
        return render
    }

    /// Renders again as after an edit of `file` (for `--mesure`): that section is parsed
    /// again, the others come from the cache.
    public func render(afterEditing file: String) -> Render {
        sections.forget(file)
        return render()
    }

    /// Source file → id of the section written in it.
    static func anchors(_ document: Document) -> [String: String] {
        var anchors: [String: String] = [:]
        var stack = document.chapters
        while let section = stack.popLast() {
            if let origin = section.origin { anchors[origin] = section.id }
            stack += section.sections
        }
        return anchors
    }
}
