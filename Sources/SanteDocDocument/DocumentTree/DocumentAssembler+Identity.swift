import SanteDocAnalysis
import SanteDocModel

extension DocumentAssembler {
    func identityBlocks() -> [Block] {
        let identity = project.identity
        var rows: [[[Inline]]] = []
        func row(_ label: String, _ value: String?) { if let value { rows.append([cell(label), cell(value)]) } }
        row("Dénomination", identity.name?.value)
        row("Forme juridique", identity.legalForm?.value)
        row("Siège", identity.seat?.singleLine)
        row("Date de création", identity.creationDate.map(FrenchFormat.date))
        row("Contact", identity.contact)
        row("Site internet", identity.website)
        var blocks: [Block] = []
        if !rows.isEmpty {
            blocks.append(
                .table(
                    Table(
                        id: "tableau-identite", caption: "Fiche d’identité",
                        columns: [.init("Rubrique"), .init("Information")], rows: rows, rowHeaders: true)))
        }
        blocks += territoryBlocks()
        if project.territory.communes.count <= Self.communesInline, let communes = communeTable() {
            blocks.append(.table(communes))
        }
        blocks += professionalsBlocks()
        blocks += partnerBlocks()
        return blocks
    }

    private func territoryBlocks() -> [Block] {
        let names = [
            "territoire.population", "territoire.communes", "territoire.superficie", "territoire.densite",
            "departement.population", "territoire.part-departement", "territoire.taille-aci",
        ]
        var rows = names.compactMap { name -> [[Inline]]? in
            guard let figure = figures.all.figures.first(where: { $0.name == name }) else { return nil }
            return [cell(figure.label), cell(figure.value.formatted)]
        }
        if let territory = project.territory.name { rows.insert([cell("Territoire"), cell(territory)], at: 0) }
        if let department = project.territory.department {
            rows.insert(
                [cell("Département"), cell(department.name + (department.code.map { " (\($0))" } ?? ""))], at: 1)
        }
        var sources: [String] = []
        if figures.territory.populationFromCommunes {
            sources.append("Population : somme des populations municipales des communes listées.")
        } else if figures.territory.population != nil {
            sources.append("Population : valeur déclarée (aucune liste de communes fournie).")
        }
        if let reference = project.territory.populationReference { sources.append(reference) }
        if let source = project.territory.department?.populationSource { sources.append("Département : " + source) }
        let table = Block.table(
            Table(
                id: "tableau-territoire", caption: "Territoire couvert",
                columns: [.init("Indicateur"), .init("Valeur", .right)], rows: rows, rowHeaders: true))
        return sources.isEmpty
            ? [table] : [table, .paragraph([.emphasis([.text("Sources : " + sources.joined(separator: " "))])])]
    }

    /// The territory itself, commune by commune, as the law asks the projet de santé to
    /// state it; its total row is the computed population.
    func communeTable() -> Table? {
        let communes = project.territory.communes
        guard !communes.isEmpty else { return nil }
        let rows = communes.map { c in
            [
                cell(c.inseeCode), cell(c.name), cell(FrenchFormat.integer(c.population)),
                cell(c.area.map { FrenchFormat.decimal($0, places: 1) } ?? "—"),
            ]
        }
        let area = figures.territory.area.map { FrenchFormat.decimal($0, places: 1) } ?? "—"
        let total = [
            cell("Total"), cell(FrenchFormat.count(communes.count, "commune", "communes")),
            cell(figures.territory.population.map(FrenchFormat.integer) ?? "—"), cell(area),
        ]
        return Table(
            id: "tableau-communes", caption: "Communes du territoire d’action",
            columns: [
                .init("Code INSEE"), .init("Commune"), .init("Population", .right),
                .init("Superficie (km²)", .right),
            ],
            rows: rows, footer: [total], rowHeaders: false)
    }

    /// A long commune list gets its own chapter at the end of the document.
    func communeAnnex() -> Section? {
        guard project.territory.communes.count > Self.communesInline, let table = communeTable() else { return nil }
        return Section(
            id: "annexe-communes", title: "Annexe — Communes du territoire d’action",
            blocks: [
                .text(
                    "Le territoire d’action de la CPTS comprend \(project.territory.communes.count) communes, "
                        + "présentées avec leur population municipale et leur superficie."),
                .table(table),
            ])
    }

    private func professionalsBlocks() -> [Block] {
        guard !figures.professionals.isEmpty else { return [] }
        let rows = figures.professionals.map { p in
            [
                cell(p.profession), cell(FrenchFormat.integer(p.count)),
                cell(p.density.map { FrenchFormat.decimal($0, places: 1) } ?? "—"),
            ]
        }
        let footer = [
            [
                cell("Total"), cell(FrenchFormat.integer(figures.memberTotal)),
                cell(figures.memberDensity.map { FrenchFormat.decimal($0, places: 1) } ?? "—"),
            ]
        ]
        let caption = "Professionnels membres par profession"
        let chart = BarChart(
            id: "graphique-professionnels", title: "Membres par profession", labelTitle: "Profession",
            valueTitle: "Effectif",
            bars: figures.professionals.map {
                .init(
                    label: $0.profession, value: Double($0.count),
                    valueText: FrenchFormat.integer($0.count))
            },
            sourceTable: TableReference(id: "tableau-professionnels", caption: caption))
        return [
            .table(
                Table(
                    id: "tableau-professionnels", caption: caption,
                    columns: [.init("Profession"), .init("Effectif", .right), .init("Pour 10 000 habitants", .right)],
                    rows: rows, footer: footer, rowHeaders: true)),
            .chart(chart),
        ]
    }

    private func partnerBlocks() -> [Block] {
        guard !project.partners.isEmpty else { return [] }
        let rows = project.partners.map { p in
            [cell(p.name), cell(p.kind.label), cell(p.agreement ? "oui" : "non"), cell(p.role ?? "")]
        }
        return [
            .table(
                Table(
                    id: "tableau-partenaires", caption: "Partenaires",
                    columns: [.init("Partenaire"), .init("Type"), .init("Convention"), .init("Rôle")],
                    rows: rows, rowHeaders: true))
        ]
    }

    func chronologyBlocks() -> [Block] {
        guard !project.chronology.isEmpty else { return [] }
        let rows = project.chronology.map { m in
            [
                cell(m.date.map(FrenchFormat.date) ?? String(m.year)), cell(m.title),
                cell(m.members.map(FrenchFormat.integer) ?? "—"),
            ]
        }
        let caption = "Étapes de la construction de la CPTS"
        var blocks: [Block] = [
            .table(
                Table(
                    id: "tableau-chronologie", caption: caption,
                    columns: [.init("Date"), .init("Étape"), .init("Membres", .right)],
                    rows: rows, rowHeaders: true))
        ]
        let counted = project.chronology.filter { $0.members != nil }
        if counted.count > 1 {
            blocks.append(
                .chart(
                    BarChart(
                        id: "graphique-membres", title: "Évolution du nombre de membres", labelTitle: "Année",
                        valueTitle: "Membres",
                        bars: counted.map {
                            .init(
                                label: String($0.year), value: Double($0.members!),
                                valueText: FrenchFormat.integer($0.members!))
                        },
                        sourceTable: TableReference(id: "tableau-chronologie", caption: caption))))
        }
        for milestone in project.chronology {
            if let text = milestone.text {
                blocks.append(.paragraph([.strong([.text("\(milestone.year) — \(milestone.title). ")]), .text(text)]))
            }
        }
        return blocks
    }

    func legislationBlocks() -> [Block] {
        regulation.legalTexts.map { text in
            .quote(
                Quote(
                    blocks: [.paragraph([.strong([.text(text.title)])])] + text.paragraphs.map { Block.text($0) },
                    attribution: text.source, sourceURL: text.url))
        }
    }

    func governanceBlocks() -> [Block] {
        var blocks: [Block] = []
        let bodies = project.governance.bodies
        if !bodies.isEmpty {
            blocks.append(
                .table(
                    Table(
                        id: "tableau-instances", caption: "Instances de gouvernance",
                        columns: [.init("Instance"), .init("Composition"), .init("Réunions")],
                        rows: bodies.map {
                            [
                                cell($0.name ?? $0.kind.label), cell($0.composition ?? "—"),
                                cell($0.meetings ?? "—"),
                            ]
                        }, rowHeaders: true)))
        }
        if let coordinator = project.governance.coordinator {
            var text = coordinator.role
            if let name = coordinator.name { text += " : " + name }
            if let time = coordinator.workingTime { text += " (" + time + ")" }
            blocks.append(.paragraph([.strong([.text("Coordination. ")]), .text(text)]))
        }
        return blocks
    }
}
