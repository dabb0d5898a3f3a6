import Foundation
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
        if let money = figures.funding(inYear: year, project: project) {
            blocks.insert(.table(variablePartCheck(money)), at: 1)
        }
        if let notice = announcement() { blocks.insert(notice, at: 0) }
        var chapters = [Section(id: "financement", title: "Rémunération de la CPTS", blocks: blocks)]
        chapters.append(schedule())
        return Document(
            title: Self.fundingTitle, subtitle: contractLine, cover: cover(), chapters: chapters + [signatures()])
    }

    /// An amendment announced for the years this one falls in: a year that ends after its
    /// date may be paid otherwise than the annex says.
    func announcement() -> Block? {
        guard let year, let announced = figures.funding?.table.announcement, let calendar = figures.contractCalendar,
            calendar.period(year).end >= announced.from
        else { return nil }
        return .note(
            Note(
                .information, title: "Avenant annoncé",
                blocks: [
                    .text(
                        "\(announced.text) À partir du \(FrenchFormat.date(announced.from)), les montants de cette année "
                            + "peuvent changer. Source : \(announced.source).")
                ]))
    }

    private var contractLine: String {
        "Contrat tripartite CPTS – CPAM – ARS" + (year.map { ", année \($0)" } ?? "")
    }

    func cover() -> [CoverLine] {
        var lines = [CoverLine("Dénomination", project.identity.name?.value ?? "à préciser")]
        if let table = figures.funding?.table { lines.append(CoverLine("Cadre conventionnel", table.title)) }
        if let size = figures.territory.sizeClass { lines.append(CoverLine("Taille", "\(size)")) }
        let signature = project.contract.signatureDate?.value
        lines.append(CoverLine("Date de signature", signature.map(FrenchFormat.date) ?? "non renseignée"))
        if let year, let calendar = figures.contractCalendar {
            let period = calendar.period(year)
            lines.append(
                CoverLine(
                    "Période de l’année \(year)",
                    "du \(FrenchFormat.date(period.start)) au \(FrenchFormat.date(period.end))"))
        }
        return lines
    }

    /// Shows that each mission's indicator amounts add up to its variable part.
    private func variablePartCheck(_ money: YearFunding) -> Table {
        func euros(_ n: Int?) -> [Inline] { cell(n.map { FigureValue.euros($0).formatted } ?? "—") }
        let rows = money.lines.map { m -> [[Inline]] in
            [cell(m.title), euros(m.variable), euros(m.indicatorTotal), cell(m.indicatorVerdict)]
        }
        return Table(
            id: "controle-part-variable", caption: "Contrôle : part variable et montants des indicateurs",
            columns: [
                .init("Mission"), .init("Part variable", .right), .init("Somme des indicateurs", .right),
                .init("Contrôle"),
            ], rows: rows, rowHeaders: true)
    }

    /// When the year's money comes (the first year's, for the signed annex): the advances
    /// within the contract year, then what is paid after the year's review, each table
    /// with the period its payments fall in and a subtotal that is true where it stands.
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
        func rows(_ payments: [PaymentSchedule.Payment]) -> [[[Inline]]] {
            payments.map { payment in
                let amount =
                    payment.amount.map { (payment.isMaximum ? "au plus " : "") + FigureValue.euros($0).formatted }
                    ?? unpublished
                // A date is one unbreakable cell line.
                let date = payment.date.map { FrenchFormat.date($0).replacingOccurrences(of: " ", with: "\u{00A0}") }
                return [
                    cell(date ?? "au démarrage (date à préciser)"), cell(payment.line), cell(payment.what),
                    cell(amount),
                ]
            }
        }
        func euros(_ amount: Int?) -> [Inline] {
            cell(amount.map { FigureValue.euros($0).formatted } ?? FundingTable.incompleteTotal)
        }
        let columns: [Table.Column] = [.init("Date"), .init("Poste"), .init("Versement"), .init("Montant", .right)]
        let period = "du \(FrenchFormat.date(schedule.period.start)) au \(FrenchFormat.date(schedule.period.end))"
        let advances = PaymentSchedule.total(schedule.advances)
        let balances = PaymentSchedule.total(schedule.afterReview)
        var blocks: [Block] = [
            .table(
                Table(
                    id: "tableau-echeancier", caption: "Versements pendant l’année \(shown) (\(period))",
                    columns: columns, rows: rows(schedule.advances),
                    footer: [[cell("Total versé pendant l’année"), cell(""), cell(""), euros(advances)]])),
            .table(
                Table(
                    id: "tableau-echeancier-solde",
                    caption: "Versements après le dialogue de gestion de l’année \(shown) "
                        + "(à partir du \(FrenchFormat.date(schedule.reviewDate)))",
                    columns: columns, rows: rows(schedule.afterReview),
                    footer: [
                        [cell("Total des soldes (hors part variable)"), cell(""), cell(""), euros(balances)],
                        [
                            cell("Part variable, au plus"), cell(""), cell(""),
                            euros(schedule.variableMaximum),
                        ],
                    ])),
        ]
        let total = PaymentSchedule.total(schedule.payments)
        blocks.append(
            .text(
                "Au titre de l’année \(shown), hors part variable : "
                    + (total.map { FigureValue.euros($0).formatted } ?? FundingTable.incompleteTotal)
                    + (advances.map { " (\(FigureValue.euros($0).formatted) pendant l’année" } ?? " (")
                    + (balances.map { ", \(FigureValue.euros($0).formatted) après le dialogue de gestion)." }
                        ?? ", le solde après le dialogue de gestion).")))
        blocks.append(.text(Self.paymentRulesNote(source: figures.funding?.table.payments?.source)))
        return Section(id: "echeancier", title: title, blocks: blocks)
    }

    /// How the schedule is computed, from the rules' source, for every document that shows
    /// payments.
    static func paymentRulesNote(source: String?) -> String {
        "Règles de versement : \(source ?? "ACI"). Chaque montant est calculé sans arrondi, puis arrondi à l’euro "
            + "de sorte que les lignes totalisent exactement le total arrondi."
    }

    /// The three parties, with the names and titles the board entered, and room to sign.
    func signatures() -> Section {
        let contract = project.contract
        let place = contract.signaturePlace?.value ?? "……………………"
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
