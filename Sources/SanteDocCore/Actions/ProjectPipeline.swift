import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders

/// The shared front half of every command: read the sources, compute the figures,
/// resolve placeholders. Stops at the first stage that reported errors.
public struct ProjectPipeline {
    public struct Result {
        public var project: Project
        public var figures: ProjectFigures
        public var regulation: RegulationLibrary
        public var resolvedSections: [TextSection]
        /// Where the sources live, for the checks.
        public var sources: SourceMap

        /// The projet de santé in `edition`, sections placed by `referential`: the working
        /// draft closes on its completeness chapter. The one assembly of build, check,
        /// preview and the fuzzer's probe.
        public func projet(
            _ edition: Edition, referential: Referential, report: CompletenessReport
        ) -> Document {
            DocumentAssembler(
                project: project, figures: figures, regulation: regulation, resolvedSections: resolvedSections,
                edition: edition, placement: referential.part(of:)
            ).assemble(extraChapters: [CompletenessAssembler(report: report).chapter()])
        }

        /// The contract's years, as `--annee` reads them.
        public var contractYears: ContractYears {
            ContractYears(project: project, figures: figures, regulation: regulation, sources: sources)
        }

        /// Links to `#…` that name no place of `document`: a warning each, where it is
        /// written (an error with `strict`). Returns how many.
        @discardableResult
        public func reportUnknownAnchors(in document: Document, strict: Bool, diagnostics: DiagnosticEngine) -> Int {
            let anchors = project.sections.flatMap(\.anchors)
            guard !anchors.isEmpty else { return 0 }
            let known = DocumentAnchors.identifiers(of: document)
            let unknown = anchors.filter { !known.contains($0.value) }
            for anchor in unknown {
                diagnostics.emit(
                    Diagnostic(
                        "markdown.ancre-inconnue", strict ? .error : .warning, at: anchor.location,
                        "Le renvoi « #\(anchor.value) » ne mène à aucun endroit du document.",
                        hint: Suggestions.hint(for: anchor.value, in: known.sorted())
                            ?? "un renvoi nomme un titre, un tableau ou un graphique du document (son identifiant, "
                            + "visible dans l’adresse de la page HTML)."))
            }
            return unknown.count
        }

        /// The completeness of this project against `referential`.
        public func completeness(against referential: Referential, diagnostics: DiagnosticEngine) -> CompletenessReport
        {
            CompletenessReport.evaluate(
                project, figures: figures, regulation: regulation, sources: sources,
                against: referential, diagnostics: diagnostics)
        }
    }

    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine
    /// Regulation tables already read (a batch shares them), or nil to read them here.
    let regulation: RegulationLibrary?
    /// Sections read by an earlier run of a resident process, or nil.
    let sectionCache: SectionReadCache?

    public init(
        toolkit: Toolkit, diagnostics: DiagnosticEngine, regulation: RegulationLibrary? = nil,
        sectionCache: SectionReadCache? = nil
    ) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
        self.regulation = regulation
        self.sectionCache = sectionCache
    }

    public func run(projectPath: String) -> Result? {
        guard Self.exists(projectPath, diagnostics: diagnostics) else { return nil }
        return run(sources: ProjectFolder(path: projectPath))
    }

    /// Whether the project folder is there, saying how to find or create one if not.
    public static func exists(_ projectPath: String, diagnostics: DiagnosticEngine) -> Bool {
        guard FileManager.default.fileExists(atPath: projectPath) else {
            diagnostics.error(
                "projet.absent", at: nil, "Le dossier de projet « \(projectPath) » n’existe pas.",
                hint: "lancez la commande dans le dossier du projet (celui qui contient projet.yaml) ou "
                    + "indiquez-le (santedoc build DOSSIER) ; pour en créer un : santedoc init \(projectPath).")
            return false
        }
        return true
    }

    public func run(sources: any ProjectSources) -> Result? {
        let regulation =
            self.regulation ?? RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        var (project, placeholders, map) = ProjectReader(
            folder: sources, diagnostics: diagnostics, cache: sectionCache
        ).read()
        guard !diagnostics.hasErrors else { return nil }
        ContractVersion.resolve(&project, regulation: regulation)
        let figures = FigureCalculator(project: project, regulation: regulation, diagnostics: diagnostics).compute()
        // Placeholders are checked against figures that could all be computed, to avoid cascades.
        guard !diagnostics.hasErrors else { return nil }
        let resolver = PlaceholderResolver(figures: figures.all, diagnostics: diagnostics)
        resolver.validate(placeholders)
        guard !diagnostics.hasErrors else { return nil }
        return Result(
            project: project, figures: figures, regulation: regulation,
            resolvedSections: resolver.resolve(project.sections), sources: map)
    }
}
