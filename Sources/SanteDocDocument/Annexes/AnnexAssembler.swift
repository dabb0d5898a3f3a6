import SanteDocAnalysis
import SanteDocModel

/// Builds the two contract annexes from the same project and figures as the projet de
/// santé: the missions come from the same `MissionBlocks`, the funding table from the same
/// assembler code, so no figure can disagree between them. Each annex closes on a page of
/// signatures for the three parties.
public struct AnnexAssembler {
    let project: Project
    let figures: ProjectFigures
    let base: DocumentAssembler
    let missions: MissionBlocks
    /// Contract year the annexes are for (nil: the signed contract's targets).
    let year: Int?

    public init(project: Project, figures: ProjectFigures, regulation: RegulationLibrary, year: Int?) {
        self.project = project
        self.figures = figures
        self.year = year
        base = DocumentAssembler(project: project, figures: figures, regulation: regulation, resolvedSections: [])
        missions = MissionBlocks(project: project, figures: figures, regulation: regulation, year: year)
    }

    public static let missionsTitle = "Annexe 1 — Missions, indicateurs et calendrier"
    public static let fundingTitle = "Annexe 2 — Financement"

    public func missionsAnnex() -> Document {
        let chapters = project.missions.map { mission in
            Section(id: "mission-" + mission.id.value, title: missions.title(mission), blocks: missions.blocks(mission))
        }
        return Document(
            title: Self.missionsTitle, subtitle: contractLine, cover: cover(),
            chapters: chapters + [signatures()])
    }

    public func fundingAnnex() -> Document {
        var blocks = base.fundingBlocks(year: year)
        if let funding = figures.funding { blocks.insert(.table(variablePartCheck(funding)), at: 1) }
        var chapters = [Section(id: "financement", title: "Rémunération de la CPTS", blocks: blocks)]
        chapters.append(schedule())
        return Document(
            title: Self.fundingTitle, subtitle: contractLine, cover: cover(), chapters: chapters + [signatures()])
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
        if let year, let calendar {
            let period = calendar.period(year)
            lines.append(
                CoverLine(
                    "Période de l’année \(year)",
                    "du \(FrenchFormat.date(period.start)) au \(FrenchFormat.date(period.end))"))
        }
        return lines
    }

    private var calendar: ContractCalendar? {
        guard let signature = project.contract.signatureDate?.value else { return nil }
        return ContractCalendar(signature: signature, years: figures.funding?.table.contractYears ?? 5)
    }

    /// Shows that each mission's indicator amounts add up to its variable part.
    private func variablePartCheck(_ funding: ProjectFigures.Funding) -> Table {
        func euros(_ n: Int?) -> [Inline] { cell(n.map { FigureValue.euros($0).formatted } ?? "—") }
        let rows = funding.missions.map { m -> [[Inline]] in
            let verdict: String
            switch (m.indicatorTotal, m.variable) {
            case let (total?, variable?):
                verdict = total == variable ? "conforme" : (total < variable ? "inférieure" : "dépassement")
            case (nil, _): verdict = "montants par indicateur à préciser"
            default: verdict = "part variable non publiée"
            }
            return [cell(m.title), euros(m.variable), euros(m.indicatorTotal), cell(verdict)]
        }
        return Table(
            id: "controle-part-variable", caption: "Contrôle : part variable et montants des indicateurs",
            columns: [
                .init("Mission"), .init("Part variable", .right), .init("Somme des indicateurs", .right),
                .init("Contrôle"),
            ], rows: rows, rowHeaders: true)
    }

    /// When the year's money comes (the first year's, for the signed annex).
    private func schedule() -> Section {
        let shown = year ?? 1
        let title = "Échéancier des versements"
        guard let schedule = FigureCalculator.paymentSchedule(year: shown, project: project, figures: figures) else {
            return Section(
                id: "echeancier", title: title,
                blocks: [
                    .text(
                        "L’échéancier se calcule à partir de la date de signature du contrat et de la version de l’ACI."
                    )
                ])
        }
        let unpublished =
            figures.funding.map { FundingTable.unpublishedAmount(size: $0.sizeClass) } ?? "montant non publié"
        let rows = schedule.payments.map { payment -> [[Inline]] in
            let amount =
                payment.amount.map { (payment.isMaximum ? "au plus " : "") + FigureValue.euros($0).formatted }
                ?? unpublished
            // A date is one unbreakable cell line.
            let date = payment.date.map { FrenchFormat.date($0).replacingOccurrences(of: " ", with: "\u{00A0}") }
            return [
                cell(date ?? "au démarrage (date à préciser)"), cell(payment.line),
                cell(payment.what), cell(amount),
            ]
        }
        let known = schedule.payments.filter { !$0.isMaximum }.compactMap(\.amount)
        let footer = [
            [
                cell("Total"), cell("hors part variable"), cell(""),
                cell(
                    known.count == schedule.payments.filter { !$0.isMaximum }.count
                        ? FigureValue.euros(known.reduce(0, +)).formatted : FundingTable.incompleteTotal),
            ]
        ]
        let period = "du \(FrenchFormat.date(schedule.period.start)) au \(FrenchFormat.date(schedule.period.end))"
        return Section(
            id: "echeancier", title: title,
            blocks: [
                .table(
                    Table(
                        id: "tableau-echeancier", caption: "Échéancier des versements — année \(shown) (\(period))",
                        columns: [.init("Date"), .init("Poste"), .init("Versement"), .init("Montant", .right)],
                        rows: rows, footer: footer)),
                .text(
                    "Règles de versement : \(figures.funding?.table.payments?.source ?? "ACI"). La part variable est versée après "
                        + "le dialogue de gestion annuel, selon les indicateurs atteints ; l’année de démarrage d’une mission, "
                        + "sa part fixe est versée au prorata des jours restant jusqu’à l’anniversaire du contrat."),
            ])
    }

    /// The three parties, with the names and titles the board entered, and room to sign.
    private func signatures() -> Section {
        let contract = project.contract
        let place = contract.signaturePlace ?? "……………………"
        // The signed version carries the signature date; a later year's annexes are signed later.
        let date = year == nil ? contract.signatureDate.map { FrenchFormat.date($0.value) } ?? "……………………" : "……………………"
        let rows = Signatory.Party.allCases.map { party -> [[Inline]] in
            let who = contract.signatories[party]
            let organisation = party == .cpts ? (project.identity.name?.value ?? who?.organisation) : who?.organisation
            let name = [who?.name, who?.role ?? party.defaultRole].compactMap { $0 }.joined(separator: ", ")
            return [cell(party.label + (organisation.map { " — \($0)" } ?? "")), cell(name), cell("")]
        }
        return Section(
            id: "signatures", title: "Signatures",
            blocks: [
                .text("Fait à \(place), le \(date), en trois exemplaires originaux."),
                .table(
                    Table(
                        id: "tableau-signatures", caption: "Signatures des parties",
                        columns: [.init("Partie"), .init("Représentée par"), .init("Signature")],
                        rows: rows, rowHeaders: true, style: .signatures)),
            ])
    }
}
