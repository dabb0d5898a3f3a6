extension DocumentAssembler {
    func missionSummaryBlocks() -> [Block] {
        guard !figures.calendar.isEmpty else { return [] }
        let rows = figures.calendar.map { c in
            [cell(c.title), cell(c.latestStart.map(FrenchFormat.date) ?? "—"),
             cell(c.latestDeployment.map(FrenchFormat.date) ?? "—"),
             cell(c.plannedStart.map(FrenchFormat.date) ?? "—"), cell(c.plannedDeployment.map(FrenchFormat.date) ?? "—")]
        }
        var caption = "Calendrier des missions"
        if let signature = project.contract.signatureDate?.value {
            caption += " — délais de l’ACI comptés depuis la signature du " + FrenchFormat.date(signature)
        } else {
            caption += " — date de signature du contrat non renseignée"
        }
        return [.table(Table(id: "tableau-calendrier", caption: caption,
                             columns: [.init("Mission"), .init("Démarrage au plus tard"), .init("Déploiement au plus tard"),
                                       .init("Démarrage prévu"), .init("Déploiement prévu")], rows: rows, rowHeaders: true))]
    }

    func missionSections() -> [Section] {
        project.missions.map { mission in
            let rule = figures.funding?.table.mission(mission.id.value)
                ?? regulation.fundingTables.values.lazy.compactMap { $0.mission(mission.id.value) }.first
            let id = "mission-" + mission.id.value
            var blocks: [Block] = []
            if !mission.objectives.isEmpty {
                blocks.append(.paragraph([.strong([.text("Objectifs")])]))
                blocks.append(.bullets(mission.objectives))
            }
            if !mission.actions.isEmpty {
                blocks.append(.paragraph([.strong([.text("Actions")])]))
                blocks.append(.list(ordered: false, items: mission.actions.map { action in
                    var inlines: [Inline] = [.text(action.title)]
                    if let lead = action.lead { inlines.append(.emphasis([.text(" (pilote : \(lead))")])) }
                    var item: [Block] = [.paragraph(inlines)]
                    if let description = action.description { item.append(.text(description)) }
                    return item
                }))
            }
            if !mission.indicators.isEmpty {
                blocks.append(.table(indicatorTable(mission, id: id)))
            }
            if blocks.isEmpty {
                blocks.append(.note(Note(.toWrite, title: "À compléter",
                                         blocks: [.text("Objectifs, actions et indicateurs à décrire.")])))
            }
            return Section(id: id, title: mission.title ?? rule?.title ?? mission.id.value, blocks: blocks)
        }
    }

    func indicatorTable(_ mission: Mission, id: String) -> Table {
        let withAmounts = mission.indicators.contains { $0.amount != nil }
        var columns: [Table.Column] = [.init("Indicateur"), .init("Type"), .init("Valeur initiale"), .init("Cible"),
                                       .init("Justificatif")]
        if withAmounts { columns.append(.init("Montant", .right)) }
        let rows = mission.indicators.map { i -> [[Inline]] in
            var row = [cell(i.label), cell(i.kind.label), cell(i.initialValue ?? "—"), cell(i.target ?? "—"),
                       cell(i.evidence ?? "—")]
            if withAmounts { row.append(cell(i.amount.map { FigureValue.euros($0).formatted } ?? "—")) }
            return row
        }
        return Table(id: "tableau-indicateurs-\(id)", caption: "Indicateurs", columns: columns, rows: rows, rowHeaders: true)
    }
}
