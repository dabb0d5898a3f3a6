import SanteDocAnalysis
import SanteDocModel

/// « Bilan de l’année N — dialogue de gestion »: the document the CPTS brings to the annual
/// review with the CPAM and the ARS. A summary first (the variable part earned per mission,
/// what is due, advanced and still to pay, the years so far), then each mission's
/// indicators — target, result, what it earns and why — and achievements, the evidence
/// list, and the signatures of the three parties, like the annexes.
public struct ReviewAssembler {
    let review: AnnualReview
    let annexes: AnnexAssembler
    let project: Project

    public init(review: AnnualReview, project: Project, figures: ProjectFigures, regulation: RegulationLibrary) {
        self.review = review
        self.project = project
        annexes = AnnexAssembler(project: project, figures: figures, regulation: regulation, year: review.year)
    }

    public static func title(_ year: Int) -> String { "Bilan de l’année \(year) — dialogue de gestion" }

    public func document() -> Document {
        var cover = annexes.cover()
        cover.append(CoverLine("Dialogue de gestion", "à partir du \(FrenchFormat.date(review.reviewDate))"))
        let chapters =
            [summary()] + review.missions.map(missionChapter) + [evidence(), annexes.signatures()]
        return Document(
            title: Self.title(review.year), subtitle: "Contrat tripartite CPTS – CPAM – ARS, année \(review.year)",
            cover: cover, chapters: chapters)
    }

    // MARK: Summary

    private func summary() -> Section {
        let year = review.year
        var blocks: [Block] = [
            .text(
                "Au titre de l’année \(year), la CPTS a obtenu \(euros(review.earned)) de part variable sur "
                    + "\(euros(review.variableMaximum)) possibles"
                    + (review.pending > 0
                        ? " ; \(euros(review.pending)) restent à arbitrer lors du dialogue de gestion (résultats non "
                            + "saisis ou qui ne se calculent pas)."
                        : ".")),
            .table(missionTable()), .table(paymentTable()),
            .text(
                "Solde à verser après le dialogue de gestion : \(euros(review.balance))"
                    + (review.pending > 0 ? ", plus au plus \(euros(review.pending)) selon l’arbitrage." : ".")),
        ]
        if let notice = annexes.announcement() { blocks.insert(notice, at: 0) }
        if !review.notStarted.isEmpty {
            blocks.append(
                .text(
                    "Missions qui démarrent plus tard, sans versement cette année : "
                        + review.notStarted.map { "« \($0.title) » (année \($0.startYear))" }.joined(separator: ", ")
                        + "."))
        }
        let open = review.missions.flatMap { mission in mission.indicators.map { (mission, $0) } }.filter {
            $0.1.pending > 0
        }
        if !open.isEmpty {
            blocks.append(
                .note(
                    Note(
                        .information, title: "À arbitrer lors du dialogue de gestion",
                        blocks: [
                            .bullets(
                                open.map { mission, indicator in
                                    "\(mission.title) — « \(indicator.indicator.label) » : \(Self.outcome(indicator)) "
                                        + "(\(euros(indicator.pending)) au plus)"
                                })
                        ])))
        }
        blocks += historyBlocks()
        blocks.append(
            .text(
                "Règles : un indicateur à montant unique rapporte ce montant si sa cible est atteinte, rien sinon ; "
                    + "un indicateur à paliers rapporte le montant du meilleur palier atteint. Un résultat non saisi, "
                    + "ou une condition que SanteDoc ne sait pas évaluer, n’est compté ni atteint ni manqué : son montant "
                    + "reste à arbitrer. " + AnnexAssembler.paymentRulesNote(source: review.paymentSource)))
        return Section(id: "synthese", title: "Synthèse de l’année \(year)", blocks: blocks)
    }

    private func missionTable() -> Table {
        let rows = review.missions.map { mission -> [[Inline]] in
            [
                cell(mission.title), cell(euros(mission.variableMaximum)), cell(euros(mission.earned)),
                cell(euros(mission.pending)), cell(rate(mission.earned, of: mission.variableMaximum)),
            ]
        }
        return Table(
            id: "tableau-bilan-missions", caption: "Part variable par mission — année \(review.year)",
            columns: [
                .init("Mission"), .init("Part variable maximale", .right), .init("Obtenue", .right),
                .init("En attente", .right), .init("Taux", .right),
            ],
            rows: rows,
            footer: [
                [
                    cell("Total"), cell(euros(review.variableMaximum)), cell(euros(review.earned)),
                    cell(euros(review.pending)), cell(rate(review.earned, of: review.variableMaximum)),
                ]
            ], rowHeaders: true)
    }

    private func paymentTable() -> Table {
        let rows = review.lines.map { line -> [[Inline]] in
            var due = euros(line.due)
            if line.part == .variable {
                due += line.pending > 0 ? " obtenus (+ \(euros(line.pending)) en attente)" : " obtenus"
            }
            return [
                cell(line.title), cell(due), cell(euros(line.advanced)), cell(euros(line.balance)), cell(line.rule),
            ]
        }
        return Table(
            id: "tableau-bilan-versements", caption: "Versements au titre de l’année \(review.year)",
            columns: [
                .init("Poste"), .init("Dû au titre de l’année", .right), .init("Déjà versé", .right),
                .init("Solde à verser", .right), .init("Règle"),
            ],
            rows: rows,
            footer: [
                [
                    cell("Total"), cell(euros(review.due)), cell(euros(review.advanced)), cell(euros(review.balance)),
                    cell(""),
                ]
            ], rowHeaders: true)
    }

    private func historyBlocks() -> [Block] {
        let caption = "Part variable obtenue, année par année"
        let rows = review.history.map { summary -> [[Inline]] in
            [
                cell("Année \(summary.year)"), cell(euros(summary.maximum)), cell(euros(summary.earned)),
                cell(euros(summary.pending)),
            ]
        }
        let table = Table(
            id: "tableau-bilan-historique", caption: caption,
            columns: [
                .init("Année"), .init("Part variable maximale", .right), .init("Obtenue", .right),
                .init("En attente", .right),
            ], rows: rows, rowHeaders: true)
        let bars = review.history.map { summary in
            BarChart.Bar(
                label: "Année \(summary.year)", value: Double(summary.earned), valueText: euros(summary.earned))
        }
        return [
            .table(table),
            .chart(
                BarChart(
                    id: "graphique-bilan-historique", title: "Part variable obtenue par année", labelTitle: "Année",
                    valueTitle: "Part variable obtenue", bars: bars,
                    sourceTable: TableReference(id: "tableau-bilan-historique", caption: caption))),
        ]
    }

    // MARK: Missions

    private func missionChapter(_ mission: AnnualReview.MissionReview) -> Section {
        let rows = mission.indicators.map { review -> [[Inline]] in
            [
                cell(review.indicator.label), cell(target(review)), cell(result(review)), cell(Self.outcome(review)),
                cell(review.earned.map(euros) ?? (review.maximum == nil ? "—" : "en attente")),
                cell(review.maximum.map(euros) ?? "—"),
            ]
        }
        var blocks: [Block] = []
        if mission.indicators.isEmpty {
            blocks.append(.text("Aucun indicateur n’est décrit pour cette mission."))
        } else {
            blocks.append(
                .table(
                    Table(
                        id: "bilan-indicateurs-\(mission.id)",
                        caption: "Indicateurs — \(mission.title) — année \(review.year)",
                        columns: [
                            .init("Indicateur"), .init("Cible"), .init("Résultat"), .init("Constat"),
                            .init("Obtenu", .right), .init("Maximum", .right),
                        ], rows: rows, rowHeaders: true)))
        }
        blocks.append(
            .text(
                "Part variable : \(euros(mission.earned)) obtenus sur \(euros(mission.variableMaximum))"
                    + (mission.pending > 0 ? ", \(euros(mission.pending)) en attente." : ".")))
        if mission.unattributed > 0 {
            blocks.append(
                .text(
                    "\(euros(mission.unattributed)) de la part variable ne sont attachés à aucun indicateur (montants par "
                        + "indicateur à préciser au contrat) : à arbitrer lors du dialogue de gestion."))
        }
        blocks.append(.paragraph([.strong([.text("Actions réalisées")])]))
        blocks.append(
            mission.achievements.isEmpty
                ? .text("Aucune réalisation n’est saisie pour l’année \(review.year).")
                : .bullets(mission.achievements))
        return Section(id: "bilan-\(mission.id)", title: mission.title, blocks: blocks)
    }

    private func target(_ review: AnnualReview.IndicatorReview) -> String {
        guard let target = review.target else { return "non fixée" }
        var text = target.text
        if target.isInferred, let reading = target.reading { text += " (lue : \(reading))" }
        if let year = review.targetSetIn { text += ", fixée en année \(year)" }
        return text
    }

    private func result(_ review: AnnualReview.IndicatorReview) -> String {
        guard let result = review.result else { return "résultat non saisi" }
        let details = [result.date.map { "au \(FrenchFormat.date($0))" }, result.source].compactMap { $0 }
        return result.value.value + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }

    /// What the result means for the indicator, in words.
    static func outcome(_ review: AnnualReview.IndicatorReview) -> String {
        switch review.outcome {
        case .reached: return "cible atteinte"
        case .missed: return "cible non atteinte"
        case let .tier(index):
            guard case let .steps(steps)? = review.pay else { return "palier atteint" }
            let reached = review.targetOutcome == .met ? "cible atteinte" : "cible non atteinte"
            return "palier « \(steps[index].condition.text) » atteint (\(reached))"
        case .noTier: return "aucun palier atteint"
        case .notEntered: return "résultat non saisi"
        case let .notComputable(reason): return "non calculable : \(reason)"
        }
    }

    // MARK: Evidence

    private func evidence() -> Section {
        let rows = review.missions.flatMap { mission in
            mission.indicators.map { review -> [[Inline]] in
                [
                    cell(review.indicator.label), cell(mission.title), cell(review.indicator.evidence ?? "—"),
                    cell(review.result?.evidence ?? "—"), cell(review.result?.source ?? "—"),
                ]
            }
        }
        return Section(
            id: "justificatifs", title: "Justificatifs",
            blocks: [
                .table(
                    Table(
                        id: "tableau-bilan-justificatifs", caption: "Justificatifs de l’année \(review.year)",
                        columns: [
                            .init("Indicateur"), .init("Mission"), .init("Prévu au contrat"), .init("Fourni"),
                            .init("Source du résultat"),
                        ], rows: rows, rowHeaders: true))
            ])
    }

    // MARK: Numbers

    private func euros(_ amount: Int?) -> String {
        amount.map { FigureValue.euros($0).formatted } ?? "non publié"
    }

    private func euros(_ amount: Int) -> String { FigureValue.euros(amount).formatted }

    private func rate(_ earned: Int, of maximum: Int?) -> String {
        guard let maximum, maximum > 0 else { return "—" }
        return FrenchFormat.decimal(Double(earned) * 100 / Double(maximum), places: 0) + "\u{00A0}%"
    }
}
