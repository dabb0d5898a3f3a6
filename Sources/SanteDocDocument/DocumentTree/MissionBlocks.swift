import SanteDocAnalysis
import SanteDocModel

/// The content of one engaged mission — its calendar, objectives, actions and indicators
/// with their targets and amounts — built once for both the projet de santé and the
/// contract's missions annex, so that the two documents cannot disagree.
struct MissionBlocks {
    let project: Project
    let figures: ProjectFigures
    let regulation: RegulationLibrary
    /// The contract year whose targets are shown; nil for the targets of the signed contract.
    let year: Int?

    func title(_ mission: Mission) -> String {
        mission.title ?? rule(mission)?.title ?? mission.id.value
    }

    func rule(_ mission: Mission) -> FundingTable.MissionRule? {
        figures.funding?.table.mission(mission.id.value)
            ?? regulation.fundingTables.values.sorted { $0.id < $1.id }.lazy.compactMap { $0.mission(mission.id.value) }
            .first
    }

    func blocks(_ mission: Mission) -> [Block] {
        var blocks: [Block] = [.table(calendarTable(mission))]
        if !mission.objectives.isEmpty {
            blocks += [.paragraph([.strong([.text("Objectifs")])]), .bullets(mission.objectives.map(\.value))]
        }
        if !mission.actions.isEmpty {
            blocks.append(.paragraph([.strong([.text("Actions")])]))
            blocks.append(
                .list(
                    ordered: false,
                    items: mission.actions.map { action in
                        var inlines: [Inline] = [.text(action.title)]
                        if let lead = action.lead { inlines.append(.emphasis([.text(" (pilote : \(lead))")])) }
                        var item: [Block] = [.paragraph(inlines)]
                        if let description = action.description { item.append(.text(description)) }
                        return item
                    }))
        }
        if mission.indicators.isEmpty {
            blocks.append(
                .note(
                    Note(
                        .toWrite, title: "À compléter",
                        blocks: [.text("Indicateurs de moyens et de résultat à décrire, avec leurs cibles.")])))
        } else {
            blocks.append(.table(indicatorTable(mission)))
        }
        return blocks
    }

    func calendarTable(_ mission: Mission) -> Table {
        let calendar = figures.calendar.first { $0.id == mission.id.value }
        func date(_ d: CalendarDate?, _ missing: String) -> [Inline] { cell(d.map(FrenchFormat.date) ?? missing) }
        let limit = project.contract.signatureDate == nil ? "à compter de la signature" : "au choix de la CPTS"
        return Table(
            id: "dates-\(mission.id.value)", caption: "Calendrier — \(title(mission))",
            columns: [.init("Étape"), .init("Limite de l’ACI"), .init("Date prévue")],
            rows: [
                [
                    cell("Démarrage"), date(calendar?.latestStart, limit),
                    date(mission.plannedStart?.value, "à préciser"),
                ],
                [
                    cell("Déploiement complet"), date(calendar?.latestDeployment, limit),
                    date(mission.plannedDeployment?.value, "à préciser"),
                ],
            ],
            rowHeaders: true)
    }

    /// For a contract year, each renegotiable value comes with its origin (« au contrat »,
    /// « en année 2 ») so that a reader sees what was agreed when.
    func indicatorTable(_ mission: Mission) -> Table {
        var columns: [Table.Column] = [
            .init("Indicateur"), .init("Type"), .init("Valeur initiale"),
            .init(year.map { "Cible (année \($0))" } ?? "Cible"),
        ]
        if year != nil { columns.append(.init("Cible fixée")) }
        columns += [.init("Justificatif"), .init(year.map { "Montant (année \($0))" } ?? "Montant", .right)]
        if year != nil { columns.append(.init("Montant fixé")) }
        let rows = mission.indicators.map { i -> [[Inline]] in
            let target = i.target.inForce(year)
            let pay = i.pay.inForce(year)
            var row = [
                cell(i.label), cell(i.kind.label), cell(i.initialValue ?? "—"),
                cell(target.value?.value.text ?? "à préciser"),
            ]
            if year != nil { row.append(cell(Renegotiable<Condition>.origin(target.setIn))) }
            row += [cell(i.evidence ?? "—"), cell(pay.value.map { ContractTerms.describe($0.value) } ?? "—")]
            if year != nil { row.append(cell(pay.value == nil ? "—" : Renegotiable<IndicatorPay>.origin(pay.setIn))) }
            return row
        }
        return Table(
            id: "indicateurs-\(mission.id.value)", caption: "Indicateurs — \(title(mission))",
            columns: columns, rows: rows, rowHeaders: true)
    }
}
