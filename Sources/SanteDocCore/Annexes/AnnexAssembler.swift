/// Builds the two contract annexes from the same project and figures as the projet de
/// santé; the funding table comes from the very same assembler code, so no figure can
/// disagree between them.
public struct AnnexAssembler {
    let project: Project
    let figures: ProjectFigures
    let base: DocumentAssembler
    /// Contract year the annexes are for (targets may change each year).
    let year: Int?

    public init(project: Project, figures: ProjectFigures, regulation: RegulationLibrary, year: Int?) {
        self.project = project
        self.figures = figures
        self.year = year
        base = DocumentAssembler(project: project, figures: figures, regulation: regulation, resolvedSections: [])
    }

    public func missionsAnnex() -> Document {
        Document(title: "Annexe 1 — Missions, indicateurs et calendrier", subtitle: contractLine, cover: cover(),
                 chapters: project.missions.map(missionChapter))
    }

    public func fundingAnnex() -> Document {
        var blocks = base.fundingBlocks()
        if let funding = figures.funding { blocks.insert(.table(variablePartCheck(funding)), at: 1) }
        return Document(title: "Annexe 2 — Financement", subtitle: contractLine, cover: cover(),
                        chapters: [Section(id: "financement", title: "Rémunération de la CPTS", blocks: blocks)])
    }

    private var contractLine: String {
        "Contrat tripartite CPTS – CPAM – ARS" + (year.map { ", année \($0)" } ?? "")
    }

    private func cover() -> [CoverLine] {
        var lines = [CoverLine("CPTS", project.identity.name?.value ?? "dénomination à préciser")]
        if let table = figures.funding?.table { lines.append(CoverLine("Cadre conventionnel", table.title)) }
        if let size = figures.territory.sizeClass { lines.append(CoverLine("Taille", "\(size)")) }
        let signature = project.contract.signatureDate?.value
        lines.append(CoverLine("Date de signature", signature.map(FrenchFormat.date) ?? "non renseignée"))
        if let year, let signature {
            let start = signature.adding(months: 12 * (year - 1))
            lines.append(CoverLine("Période de l’année \(year)",
                          "du \(FrenchFormat.date(start)) au \(FrenchFormat.date(start.adding(months: 12).previousDay))"))
        }
        return lines
    }

    private func missionChapter(_ mission: Mission) -> Section {
        let calendar = figures.calendar.first { $0.id == mission.id.value }
        let title = mission.title ?? calendar?.title ?? mission.id.value
        func date(_ d: CalendarDate?, _ missing: String) -> [Inline] { cell(d.map(FrenchFormat.date) ?? missing) }
        var blocks: [Block] = [.table(Table(id: "dates-\(mission.id.value)", caption: "Calendrier — \(title)",
                                            columns: [.init("Étape"), .init("Limite de l’ACI"), .init("Date prévue")],
                                            rows: [[cell("Démarrage"), date(calendar?.latestStart, "—"), date(mission.plannedStart?.value, "à préciser")],
                                                   [cell("Déploiement complet"), date(calendar?.latestDeployment, "—"),
                                                    date(mission.plannedDeployment?.value, "à préciser")]],
                                            rowHeaders: true))]
        if !mission.objectives.isEmpty { blocks += [.paragraph([.strong([.text("Objectifs")])]), .bullets(mission.objectives)] }
        if !mission.actions.isEmpty {
            blocks += [.paragraph([.strong([.text("Actions")])]),
                       .bullets(mission.actions.map { $0.title + ($0.lead.map { " (pilote : \($0))" } ?? "") })]
        }
        blocks.append(.table(indicatorTable(mission, title: title)))
        return Section(id: "mission-\(mission.id.value)", title: title, blocks: blocks)
    }

    private func indicatorTable(_ mission: Mission, title: String) -> Table {
        let rows = mission.indicators.map { i -> [[Inline]] in
            let amount: String
            if !i.steps.isEmpty {
                amount = i.steps.map { "\($0.condition) : \(FigureValue.euros($0.amount).formatted)" }.joined(separator: " ; ")
            } else {
                amount = i.amount.map { FigureValue.euros($0).formatted } ?? "—"
            }
            return [cell(i.label), cell(i.kind.label), cell(i.initialValue ?? "—"), cell(i.target(forYear: year) ?? "à préciser"),
                    cell(i.evidence ?? "—"), cell(amount)]
        }
        return Table(id: "indicateurs-\(mission.id.value)", caption: "Indicateurs — \(title)",
                     columns: [.init("Indicateur"), .init("Type"), .init("Valeur initiale"),
                               .init(year.map { "Cible (année \($0))" } ?? "Cible"), .init("Justificatif"),
                               .init("Montant", .right)],
                     rows: rows, rowHeaders: true)
    }

    /// Shows that each mission's indicator amounts add up to its variable part.
    private func variablePartCheck(_ funding: ProjectFigures.Funding) -> Table {
        func euros(_ n: Int?) -> [Inline] { cell(n.map { FigureValue.euros($0).formatted } ?? "—") }
        let rows = funding.missions.map { m -> [[Inline]] in
            let verdict: String
            switch (m.indicatorTotal, m.variable) {
            case let (total?, variable?): verdict = total == variable ? "conforme" : (total < variable ? "inférieure" : "dépassement")
            case (nil, _): verdict = "montants par indicateur à préciser"
            default: verdict = "part variable inconnue"
            }
            return [cell(m.title), euros(m.variable), euros(m.indicatorTotal), cell(verdict)]
        }
        return Table(id: "controle-part-variable", caption: "Contrôle : part variable et montants des indicateurs",
                     columns: [.init("Mission"), .init("Part variable", .right), .init("Somme des indicateurs", .right),
                               .init("Contrôle")], rows: rows, rowHeaders: true)
    }
}
