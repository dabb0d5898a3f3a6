import SanteDocAnalysis
import SanteDocModel

/// The synthesis of many projets de santé for an ARS officer (`santedoc synthese`): one
/// sortable row per project — those whose sources do not read included, with their first
/// error — then the same projects summed by department and by size class.
public struct SynthesisAssembler {
    public struct Entry: Sendable {
        /// The folder as given on the command line.
        public var folder: String
        /// The project's own page, relative to the synthesis.
        public var page: String
        public var overview: ProjectOverview?
        public var error: String?

        public init(folder: String, page: String, overview: ProjectOverview?, error: String?) {
            self.folder = folder
            self.page = page
            self.overview = overview
            self.error = error
        }
    }

    let entries: [Entry]
    let day: CalendarDate

    public init(entries: [Entry], day: CalendarDate) {
        self.entries = entries
        self.day = day
    }

    public static let title = "Synthèse des projets de santé"

    public func document() -> Document {
        let readable = entries.compactMap(\.overview)
        let cover = [
            CoverLine("Projets", "\(entries.count)"),
            CoverLine("Complets", "\(readable.filter(\.complete).count)"),
            CoverLine("Sources illisibles", "\(entries.count - readable.count)"),
            CoverLine("Échéances à partir du", FrenchFormat.date(day)),
        ]
        var chapters = [projects(), byDepartment(readable), bySize(readable)]
        let unreadable = entries.filter { $0.overview == nil }
        if !unreadable.isEmpty {
            chapters.append(
                Section(
                    id: "illisibles", title: "Projets dont les sources ne se lisent pas",
                    blocks: [.bullets(unreadable.map { "\($0.folder) : \($0.error ?? "erreur")" })]))
        }
        return Document(
            title: Self.title, subtitle: "Complétude, financement et échéances des CPTS", cover: cover,
            chapters: chapters)
    }

    static let columns: [Table.Column] = [
        .init("CPTS"), .init("Département"), .init("Population", .right), .init("Taille", .right),
        .init("Version de l’ACI"), .init("Signature"), .init("Exigences bloquantes", .right),
        .init("Exigences recommandées", .right), .init("Exigences manquantes"),
        .init("Financement annuel", .right), .init("Plafond"), .init("Prochaine échéance"),
    ]

    func projects() -> Section {
        let rows = entries.map { entry -> [[Inline]] in
            let name = [Inline.pageLink(page: entry.page, content: [.text(entry.overview?.name ?? entry.folder)])]
            guard let project = entry.overview else {
                return [name] + [cell("sources illisibles : \(entry.error ?? "erreur")")]
                    + Array(repeating: cell("—"), count: Self.columns.count - 2)
            }
            let gaps =
                project.gaps.isEmpty
                ? "aucune"
                : project.gaps.map { $0.title + ($0.blocking ? "" : " (recommandée)") }.joined(separator: " ; ")
            return [
                name, cell(project.department ?? "—"), cell(project.population.map(FrenchFormat.integer) ?? "—"),
                cell(project.sizeClass.map(String.init) ?? "—"), cell(project.aciVersion ?? "—"),
                cell(project.signature.map(FrenchFormat.date) ?? "—"),
                cell("\(project.blockingSatisfied)/\(project.blockingTotal)"),
                cell("\(project.recommendedSatisfied)/\(project.recommendedTotal)"), cell(gaps),
                cell(project.annualFunding.map { FigureValue.euros($0).formatted } ?? "—"), cell(project.ceilingCheck),
                cell(project.nextDeadline.map { "\(FrenchFormat.date($0.date)) — \($0.what)" } ?? "—"),
            ]
        }
        return Section(
            id: "projets", title: "Projets",
            blocks: [
                .text(
                    "Chaque ligne mène à la page de complétude du projet. Les colonnes se trient d’un clic sur leur "
                        + "titre ; les échéances sont celles des missions à partir du \(FrenchFormat.date(day))."),
                .table(
                    Table(
                        id: "tableau-projets", caption: "Projets de santé", columns: Self.columns, rows: rows,
                        rowHeaders: true, style: .sortable)),
            ])
    }

    /// Projects, complete ones, population and annual funding, summed by a key.
    func summary(
        _ projects: [ProjectOverview], id: String, title: String, key: String, of keyOf: (ProjectOverview) -> String
    ) -> Section {
        let rows = OverviewGroup.grouping(projects, by: keyOf).map { group -> [[Inline]] in
            [
                cell(group.key), cell("\(group.projects)"), cell("\(group.complete)"),
                cell(FrenchFormat.integer(group.population) + (group.populationPartial ? " (partiel)" : "")),
                cell(FigureValue.euros(group.funding).formatted + (group.fundingPartial ? " (partiel)" : "")),
            ]
        }
        return Section(
            id: id, title: title,
            blocks: [
                .table(
                    Table(
                        id: "tableau-\(id)", caption: title,
                        columns: [
                            .init(key), .init("Projets", .right), .init("Complets", .right),
                            .init("Population", .right),
                            .init("Financement annuel", .right),
                        ], rows: rows, rowHeaders: true, style: .sortable))
            ])
    }

    func byDepartment(_ projects: [ProjectOverview]) -> Section {
        summary(projects, id: "departements", title: "Par département", key: "Département") {
            $0.department ?? "non renseigné"
        }
    }

    func bySize(_ projects: [ProjectOverview]) -> Section {
        summary(projects, id: "tailles", title: "Par taille", key: "Taille") {
            $0.sizeClass.map { "taille \($0)" } ?? "non calculable"
        }
    }

    /// « sections/x.md, ligne 3 : … »: a diagnostic as a row or a page says it.
    public static func describe(_ diagnostic: Diagnostic) -> String {
        (diagnostic.location.map { "\($0.file), ligne \($0.line) : " } ?? "") + diagnostic.message
    }

    /// The page of a project whose sources do not read: its errors, where they are.
    public static func unreadable(_ folder: String, _ problems: [Diagnostic]) -> Document {
        Document(
            title: folder, subtitle: "Sources illisibles",
            chapters: [
                Section(
                    id: "erreurs", title: "Erreurs à corriger",
                    blocks: [
                        .paragraph([
                            .text(
                                "Les sources de ce projet ne se lisent pas : « santedoc check » en donne le détail, "
                                    + "chaque erreur avec sa correction.")
                        ]),
                        .list(
                            ordered: false,
                            items: problems.map { problem in
                                [.paragraph([.text(describe(problem) + (problem.hint.map { " (\($0))" } ?? ""))])]
                            }),
                    ])
            ])
    }
}
