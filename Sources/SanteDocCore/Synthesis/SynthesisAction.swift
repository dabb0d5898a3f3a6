import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// `santedoc synthese DIR… -o SORTIE`: many projets de santé checked at once, in parallel
/// (the batch `check`), then summed up for an ARS officer — one self-contained page
/// (`synthese.html`, sortable, and `synthese.pdf`), the same data as `synthese.csv` and
/// `synthese.json`, and each project's own page (`projets/NOM/completude.html`, or
/// `erreurs.html` when its sources do not read). Every project is listed, never dropped.
public struct SynthesisAction {
    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public static let baseName = "synthese"

    public enum Format: String, CaseIterable, Sendable { case html, pdf, csv, json }

    public struct Request: Sendable {
        public var projects: [String]
        public var output: String
        public var referential: String?
        public var jobs: Int
        /// The day deadlines are counted from (« prochaine échéance »).
        public var day: CalendarDate
        public var formats: [Format]

        public init(
            projects: [String], output: String, referential: String?, jobs: Int, day: CalendarDate, formats: [Format]
        ) {
            self.projects = projects
            self.output = output
            self.referential = referential
            self.jobs = jobs
            self.day = day
            self.formats = formats
        }
    }

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    /// The entries, in the order given, and the files written; nil when nothing was written.
    public func perform(_ request: Request) throws -> (entries: [SynthesisAssembler.Entry], files: [String])? {
        let shipped = PageTemplates.readShipped(toolkit)
        guard let page = shipped["page.mustache"], let style = shipped["style.css"],
            let synthesisPage = template("page.mustache"), let synthesisStyle = template("style.css"),
            let script = template("tri.js")
        else { return nil }
        let projectPage = try HTMLWriter(pageTemplate: page, stylesheet: style)
        let pages = Self.pageNames(request.projects)
        let day = request.day
        let outcomes = CheckAction(toolkit: toolkit, diagnostics: diagnostics).evaluate(
            projectPaths: request.projects, referential: request.referential, jobs: request.jobs
        ) { result, report in
            let overview = ProjectOverview(
                project: result.project, figures: result.figures.all, report: report, on: day)
            let document = CompletenessAssembler(report: report).document(projectName: overview.name)
            return (overview, projectPage.write(IdentifierAllocator.assign(document)))
        }
        guard !outcomes.isEmpty else { return nil }
        var files: [(name: String, bytes: [UInt8])] = []
        var entries: [SynthesisAssembler.Entry] = []
        for (index, outcome) in outcomes.enumerated() {
            let folder = request.projects[index]
            if let (overview, bytes) = outcome.kept {
                let name = "projets/\(pages[index])/completude.html"
                files.append((name, bytes))
                entries.append(.init(folder: folder, page: name, overview: overview, error: nil))
            } else {
                let name = "projets/\(pages[index])/erreurs.html"
                let problems = outcome.diagnostics.diagnostics.filter { $0.severity == .error }
                files.append(
                    (
                        name,
                        projectPage.write(IdentifierAllocator.assign(SynthesisAssembler.unreadable(folder, problems)))
                    ))
                entries.append(
                    .init(
                        folder: folder, page: name, overview: nil,
                        error: problems.first.map(SynthesisAssembler.describe)))
            }
        }
        let synthesis = SynthesisAssembler(entries: entries, day: day).document()
        let formats = request.formats
        if formats.contains(.html) {
            let writer = try HTMLWriter(
                pageTemplate: synthesisPage, stylesheet: style + "\n" + synthesisStyle, script: script)
            files.append(("\(Self.baseName).html", writer.write(IdentifierAllocator.assign(synthesis))))
        }
        if formats.contains(.pdf) {
            guard
                let renderer = try DocumentRenderer.make(
                    toolkit: toolkit, project: InMemoryProject(files: [:]), formats: [.pdf], diagnostics: diagnostics)
            else { return nil }
            files += try renderer.render([(Self.baseName, synthesis)])
        }
        if formats.contains(.csv) { files.append(("\(Self.baseName).csv", Array(SynthesisData.csv(entries).utf8))) }
        if formats.contains(.json) {
            files.append(("\(Self.baseName).json", Array(JSONOutput.text(SynthesisData.json(entries, day: day)).utf8)))
        }
        try OutputWriter(directory: URL(fileURLWithPath: request.output)).write(files)
        return (entries, files.map(\.name))
    }

    private func template(_ name: String) -> String? {
        let url = toolkit.templates.appendingPathComponent("synthese").appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            diagnostics.error(
                "modele.absent", at: nil, "Modèle « \(name) » de la synthèse introuvable dans \(url.path).",
                hint: "réinstallez SanteDoc (Scripts/install) ou vérifiez SANTEDOC_TEMPLATES.")
            return nil
        }
        return text
    }

    /// One folder name per project, from its own folder's name, made unique.
    static func pageNames(_ projects: [String]) -> [String] {
        var taken: Set<String> = []
        return projects.map { path in
            let base = FrenchFormat.slug(URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent)
            var name = base.isEmpty ? "projet" : base
            var suffix = 2
            while !taken.insert(name).inserted {
                name = "\(base.isEmpty ? "projet" : base)-\(suffix)"
                suffix += 1
            }
            return name
        }
    }
}
