import SanteDocAnalysis
import SanteDocModel

/// The completeness report as document trees: a chapter closing the working draft, and a
/// document of its own for the board (`completude.html`), which says for every gap where
/// to write and how.
public struct CompletenessAssembler {
    public let report: CompletenessReport

    public init(report: CompletenessReport) { self.report = report }

    public func chapter() -> Section {
        let rows = report.results.map { result -> [[Inline]] in
            [
                cell(result.requirement.title), cell(severity(result)), cell(CompletenessReport.statusLabel(result)),
                cell(result.message ?? ""),
            ]
        }
        return Section(
            id: "etat-de-completude", title: "État de complétude",
            blocks: [
                introduction,
                .table(
                    Table(
                        id: "tableau-completude", caption: "Exigences de l’ARS",
                        columns: [.init("Exigence"), .init("Sévérité"), .init("Statut"), .init("Précisions")],
                        rows: rows, rowHeaders: true)),
            ])
    }

    /// One chapter per part of the projet de santé; each gap with its place and its advice.
    public func document(projectName: String) -> Document {
        var chapters = [Section(id: "synthese", title: "Synthèse", blocks: [introduction] + openItems())]
        for (index, (title, results)) in report.grouped().enumerated() {
            let rows = results.map { result -> [[Inline]] in
                [
                    cell(result.requirement.title), cell(severity(result)),
                    cell(CompletenessReport.statusLabel(result)),
                    cell(result.message ?? ""),
                    cell(result.isSatisfied ? "" : result.location.map { "\($0.file), ligne \($0.line)" } ?? ""),
                    cell(result.isSatisfied ? "" : result.requirement.hint ?? ""),
                ]
            }
            chapters.append(
                Section(
                    id: "partie-\(index + 1)", title: title,
                    blocks: [
                        .table(
                            Table(
                                id: "exigences-\(index + 1)", caption: "Exigences — \(title)",
                                columns: [
                                    .init("Exigence"), .init("Sévérité"), .init("Statut"), .init("Précisions"),
                                    .init("Où écrire"), .init("Conseil"),
                                ],
                                rows: rows, rowHeaders: true))
                    ]))
        }
        return Document(
            title: projectName, subtitle: "État de complétude du projet de santé",
            cover: [
                CoverLine("Référentiel", report.referential.title),
                CoverLine("Résultat", report.isComplete ? "projet complet" : "projet incomplet"),
            ],
            chapters: chapters)
    }

    private var introduction: Block {
        .text("Évaluation du projet au regard du référentiel « \(report.referential.title) » : \(report.summary)")
    }

    /// What still blocks the submission, first, as a list.
    private func openItems() -> [Block] {
        let open = report.results.filter { !$0.isSatisfied }
        guard !open.isEmpty else {
            return [.text("Toutes les exigences sont satisfaites : le projet peut être transmis à l’ARS.")]
        }
        let blocking = open.filter { $0.requirement.priority == .blocking }
        var blocks: [Block] = []
        if !blocking.isEmpty {
            blocks.append(
                .paragraph([.strong([.text("Exigences bloquantes à satisfaire avant la transmission à l’ARS")])]))
            blocks.append(.bullets(blocking.map { $0.requirement.title + ($0.message.map { " — \($0)" } ?? "") }))
        }
        let recommended = open.filter { $0.requirement.priority == .recommended }
        if !recommended.isEmpty {
            blocks.append(.paragraph([.strong([.text("Exigences recommandées encore ouvertes")])]))
            blocks.append(.bullets(recommended.map { $0.requirement.title + ($0.message.map { " — \($0)" } ?? "") }))
        }
        return blocks
    }

    /// An optional mission not engaged blocks nothing: it is said so, not « bloquant ».
    private func severity(_ result: RequirementResult) -> String {
        guard result.isApplicable else { return "facultative — si engagée" }
        return result.requirement.priority == .blocking ? "bloquant" : "recommandé"
    }
}
