import SanteDocAnalysis
import SanteDocModel

/// Tables and charts computed from the funding table and the diagnostic indicators.
extension DocumentAssembler {
    /// The annual funding table. For a contract year, the parts in force that year, with
    /// where they were fixed; a mission in its first year shows its first-year amounts (the
    /// crisis plan). For the signed contract, first-year amounts are mentioned beside.
    func fundingBlocks(year: Int? = nil) -> [Block] {
        guard let funding = figures.funding, let money = figures.funding(inYear: year, project: project) else {
            return [
                .note(
                    Note(
                        .toWrite, title: "Financement non calculable",
                        blocks: [
                            .text(
                                "Indiquez la version de l’ACI et la population du territoire "
                                    + "pour calculer le financement.")
                        ]))
            ]
        }
        let unpublished = FundingTable.unpublishedAmount(size: funding.sizeClass)
        func euros(_ n: Int?, missing: String = unpublished) -> [Inline] {
            cell(n.map { FigureValue.euros($0).formatted } ?? missing)
        }
        let withOrigin = year != nil
        var rows: [[[Inline]]] = [
            [cell("Fonctionnement"), cell("—"), cell("—"), euros(money.operating)] + (withOrigin ? [cell("ACI")] : [])
        ]
        // Row titles stay the missions' titles, so that a year's change note matches rows.
        var firstYears: [String] = []
        var drafts: [String] = []
        for line in money.lines {
            var title = line.title
            if line.isFirstYear {
                firstYears.append(
                    "« \(line.title) » est dans sa première année : montants de cette année-là ("
                        + (line.total.map { FigureValue.euros($0).formatted } ?? "non publiés pour cette taille") + ")."
                )
            } else if year == nil, let first = funding.missions.first(where: { $0.id == line.id })?.firstYear {
                firstYears.append(
                    "« \(line.title) » : "
                        + (first.total.map { "\(FigureValue.euros($0).formatted) la première année de la mission" }
                            ?? "montants de la première année de la mission non publiés pour cette taille")
                        + ", les montants du tableau les années suivantes.")
            }
            if let draft = funding.missions.first(where: { $0.id == line.id })?.maxima?.draft {
                let parts = [
                    draft.firstYear.map { "\(FigureValue.euros($0).formatted) l’année du plan" },
                    draft.activation.map { "\(FigureValue.euros($0).formatted) de plus si l’ARS reconnaît une crise" },
                ].compactMap { $0 }
                drafts.append(
                    "« \(line.title) » : un projet d’avenant donnait " + parts.joined(separator: ", ")
                        + " (\(draft.source)) ; montants non confirmés par le texte signé, hors des totaux.")
            }
            if let activation = line.crisisActivation {
                title += " (+ \(FigureValue.euros(activation).formatted) si l’ARS reconnaît une crise)"
            }
            var row = [cell(title), euros(line.fixed), euros(line.variable), euros(line.total)]
            if withOrigin { row.append(cell(Self.origin(line))) }
            rows.append(row)
        }
        let contracted = money.isContracted
        let blank = withOrigin ? [cell("")] : []
        var footer = [
            [
                cell(contracted ? "Total annuel du contrat" : "Total annuel maximal"), cell(""), cell(""),
                euros(money.annualTotal, missing: FundingTable.incompleteTotal),
            ] + blank,
            [
                cell("Plafond de la taille \(funding.sizeClass)"), cell(""), cell(""),
                cell(funding.ceilingText),
            ] + blank,
        ]
        footer.append(
            [
                cell("Total sur \(funding.table.contractYears) ans"), cell(""), cell(""),
                euros(funding.contractTotal, missing: FundingTable.incompleteTotal),
            ] + blank)
        let caption =
            "Financement annuel — \(funding.table.title), taille \(funding.sizeClass)"
            + (year.map { ", année \($0)" } ?? "") + (contracted ? " (montants du contrat)" : " (maxima de l’ACI)")
        var columns: [Table.Column] = [
            .init("Poste"), .init("Part fixe", .right), .init("Part variable", .right), .init("Total", .right),
        ]
        if withOrigin { columns.append(.init("Montants fixés")) }
        var blocks: [Block] = [
            .table(
                Table(
                    id: "tableau-financement", caption: caption, columns: columns, rows: rows, footer: footer,
                    rowHeaders: true))
        ]
        let bars = money.lines.compactMap { m in
            m.total.map {
                BarChart.Bar(
                    label: m.title, value: Double($0),
                    valueText: FigureValue.euros($0).formatted)
            }
        }
        if bars.count > 1 && year == nil {
            blocks.append(
                .chart(
                    BarChart(
                        id: "graphique-financement",
                        title: contracted
                            ? "Financement du contrat par mission"
                            : "Financement maximal par mission",
                        labelTitle: "Mission", valueTitle: "Montant annuel", bars: bars,
                        sourceTable: TableReference(id: "tableau-financement", caption: caption))))
        }
        blocks += (firstYears + drafts).map { Block.text($0) }
        blocks.append(
            .text(
                Self.amountsNote(funding)
                    + "La part variable dépend de l’atteinte des indicateurs fixés au contrat. "
                    + "Source : \(funding.table.legalText)."))
        return blocks
    }

    /// Where a year's parts were fixed: the signed contract, a later year, or the ACI.
    static func origin(_ line: YearFunding.Line) -> String {
        guard line.contracted else { return line.isFirstYear ? "ACI (première année)" : "maxima de l’ACI" }
        let years = Set([line.fixedSetIn, line.variableSetIn].compactMap { $0 }).sorted()
        return years.isEmpty ? "au contrat" : "en année " + years.map(String.init).joined(separator: " et ")
    }

    /// What the amounts are, and what was checked of them: a contract over its ceiling is
    /// an error before this point, so only a known total under a known ceiling is said to
    /// respect it.
    static func amountsNote(_ funding: ProjectFigures.Funding) -> String {
        guard funding.isContracted else { return "Les montants sont des maxima annuels. " }
        switch (funding.annualTotal, funding.ceiling) {
        case (.some, .some): return "Les montants sont ceux du contrat ; leur total respecte le plafond de l’ACI. "
        case (.some, nil):
            return "Les montants sont ceux du contrat ; le plafond de l’ACI pour la taille \(funding.sizeClass) "
                + "n’étant pas publié, leur total n’a pas pu lui être comparé. "
        case (nil, _): return "Les montants sont ceux du contrat. "
        }
    }

    func diagnosticBlocks() -> [Block] {
        guard !figures.indicators.isEmpty else { return [] }
        func number(_ q: Quantity?) -> [Inline] {
            cell(q.map { FrenchFormat.decimal($0.value, places: $0.places) } ?? "—")
        }
        let rows = figures.indicators.map { c -> [[Inline]] in
            let i = c.indicator
            // A gap between two percentages is in points.
            func gap(_ q: Quantity?) -> [Inline] {
                cell(
                    q.map {
                        ($0.value > 0 ? "+" : "") + FrenchFormat.decimal($0.value, places: $0.places)
                            + (i.unit == "%"
                                ? "\u{00A0}" + FrenchFormat.unit("points", agreeingWith: $0.value, places: $0.places)
                                : "")
                    }
                        ?? "—")
            }
            return [
                cell(i.name + (i.unit.map { " (\($0))" } ?? "")), number(i.territory), number(i.department),
                number(i.region), number(i.france), gap(c.gapFrance), cell(c.verdictFrance?.rawValue ?? "—"),
                cell(i.source + (i.year.map { ", \($0)" } ?? "")),
            ]
        }
        let caption = "Indicateurs du territoire comparés au département, à la région et à la France"
        let table = Block.table(
            Table(
                id: "tableau-indicateurs-diagnostic", caption: caption,
                columns: [
                    .init("Indicateur"), .init("Territoire", .right), .init("Département", .right),
                    .init("Région", .right), .init("France", .right),
                    .init("Écart à la France", .right), .init("Situation"), .init("Source"),
                ],
                rows: rows, rowHeaders: true))
        let source = TableReference(id: "tableau-indicateurs-diagnostic", caption: caption)
        return [table] + figures.indicators.compactMap { comparisonChart($0, source: source) }
    }

    private func comparisonChart(_ comparison: ProjectFigures.IndicatorComparison, source: TableReference) -> Block? {
        let i = comparison.indicator
        let values: [(String, Quantity?)] = [
            ("Territoire", i.territory), ("Département", i.department), ("Région", i.region),
            ("France", i.france),
        ]
        let bars = values.compactMap { label, value in
            value.map {
                BarChart.Bar(
                    label: label, value: $0.value,
                    valueText: FrenchFormat.decimal($0.value, places: $0.places)
                        + (i.unit.map { "\u{00A0}" + $0 } ?? ""))
            }
        }
        guard bars.count > 1 else { return nil }
        return .chart(
            BarChart(
                id: "graphique-\(comparison.slug)", title: i.name, labelTitle: "Territoire de référence",
                valueTitle: i.unit ?? "Valeur", bars: bars, sourceTable: source))
    }
}
