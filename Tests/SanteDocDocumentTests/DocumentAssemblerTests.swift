import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocReaders

/// The projet's tree, assembled from a tiny project: one chapter per part, the commune
/// table with its total, the two editions.
final class DocumentAssemblerTests: XCTestCase {
    let yaml = """
        document: {version: "2", date: 2026-03-01}
        identite: {denomination: "CPTS Test"}
        territoire: {nom: "Val", departement: {nom: "Dép.", population: 500000}}
        """

    func communes(_ count: Int) -> [Commune] {
        (1...count).map {
            Commune(
                inseeCode: String(99_000 + $0), name: "Commune \($0)", population: 1_000, area: 2.5,
                location: SourceLocation(file: "communes.csv", line: $0 + 1))
        }
    }

    func assemble(_ edition: Edition, communes count: Int = 3, sections: [TextSection] = []) -> Document {
        let diagnostics = DiagnosticEngine()
        var project = TestSupport.readData(yaml).0
        project.territory.communes = communes(count)
        let regulation = TestSupport.regulation()
        let figures = FigureCalculator(project: project, regulation: regulation, diagnostics: diagnostics).compute()
        let extra = Section(id: "etat-de-completude", title: "État de complétude", blocks: [.text("…")])
        return DocumentAssembler(
            project: project, figures: figures, regulation: regulation, resolvedSections: sections,
            edition: edition
        ).assemble(extraChapters: [extra])
    }

    func stub(title: String) -> TextSection {
        TextSection(
            file: "sections/x.md", title: title, part: .diagnostic, covers: [],
            header: SourceLocation(file: "sections/x.md", line: 1),
            blocks: [.guidance([.paragraph([.text("Consigne.")])])], subsections: [],
            isStub: true, wordCount: 0, location: SourceLocation(file: "sections/x.md"))
    }

    func table(_ id: String, in document: Document) -> Table? {
        func search(_ sections: [Section]) -> Table? {
            for section in sections {
                for case let .table(table) in section.blocks where table.id == id { return table }
                if let found = search(section.sections) { return found }
            }
            return nil
        }
        return search(document.chapters)
    }

    func testTheCommuneTableTotalsThePopulation() throws {
        let document = assemble(.workingDraft)
        let communes = try XCTUnwrap(table("tableau-communes", in: document))
        XCTAssertEqual(communes.rows.count, 3)
        XCTAssertEqual(
            communes.footer.first?.map { $0.map(\.plainText).joined() },
            ["Total", "3 communes", "3\u{00A0}000", "7,5"])
        XCTAssertEqual(document.chapters.first?.id, "identite")
    }

    func testALongCommuneListBecomesAnAnnexChapter() throws {
        let document = assemble(.final, communes: DocumentAssembler.communesInline + 1)
        XCTAssertEqual(document.chapters.last?.id, "annexe-communes")
        let identity = try XCTUnwrap(document.chapters.first)
        XCTAssertFalse(
            identity.blocks.contains {
                if case let .table(t) = $0 { return t.id == "tableau-communes" } else { return false }
            })
        XCTAssertNotNil(table("tableau-communes", in: document))
    }

    func testTheWorkingDraftKeepsNotesAndTheCompletenessChapter() {
        let document = assemble(.workingDraft, sections: [stub(title: "À écrire")])
        XCTAssertTrue(document.isWorkingDraft)
        XCTAssertEqual(document.chapters.last?.id, "etat-de-completude")
        let diagnostic = document.chapters.first { $0.id == "diagnostic" }
        XCTAssertEqual(diagnostic?.sections.map(\.title), ["À écrire"])
        XCTAssertEqual(document.date, "1er mars 2026")
        XCTAssertEqual(document.version, "2")
    }

    func testTheSubmissionEditionDropsNotesStubsAndTheCompletenessChapter() {
        let document = assemble(.final, sections: [stub(title: "À écrire")])
        XCTAssertFalse(document.isWorkingDraft)
        XCTAssertFalse(document.chapters.contains { $0.id == "etat-de-completude" })
        XCTAssertNil(
            document.chapters.first { $0.id == "diagnostic" }?.sections.first { $0.title == "À écrire" },
            "a section holding only its guidance is not printed")
        func notes(_ sections: [Section]) -> Int {
            sections.reduce(0) { count, section in
                count
                    + section.blocks.filter {
                        if case let .note(n) = $0 { return n.kind == .toWrite } else { return false }
                    }.count
                    + notes(section.sections)
            }
        }
        XCTAssertEqual(notes(document.chapters), 0)
        XCTAssertGreaterThan(
            notes(assemble(.workingDraft, sections: [stub(title: "X")]).chapters), 0,
            "the same sources as a working draft do show the note")
    }
}

extension DocumentAssemblerTests {
    /// A contract is said to respect its ceiling only when both are known (over it, the
    /// build stops earlier with an error).
    func testTheFundingNoteClaimsOnlyWhatWasChecked() throws {
        let table = try XCTUnwrap(TestSupport.regulation().fundingTables.values.first)
        let mission = ProjectFigures.MissionFunding(
            id: "m", title: "M", fixed: 1, variable: 1, total: 2, crisisActivation: nil, firstYear: nil,
            indicatorTotal: nil, contracted: true)
        var funding = ProjectFigures.Funding(
            table: table, sizeClass: 2, operating: 1, missions: [mission], annualTotal: 3, ceiling: 10,
            contractTotal: 15)
        XCTAssertTrue(DocumentAssembler.amountsNote(funding).contains("respecte le plafond"))
        funding.ceiling = nil
        let unknown = DocumentAssembler.amountsNote(funding)
        XCTAssertFalse(unknown.contains("respecte"), unknown)
        XCTAssertTrue(unknown.contains("taille 2 n’étant pas publié"), unknown)
        funding.annualTotal = nil
        funding.ceiling = 10
        XCTAssertEqual(DocumentAssembler.amountsNote(funding), "Les montants sont ceux du contrat. ")
        funding.missions[0].contracted = false
        XCTAssertEqual(DocumentAssembler.amountsNote(funding), "Les montants sont des maxima annuels. ")
    }
}

final class TableLayoutTests: XCTestCase {
    func testWidthsFollowTheTextAndKeepWholeWords() {
        let table = Table(
            caption: "T", columns: [.init("Indicateur"), .init("Valeur")],
            rows: [[[.text("Patients de 17 ans et plus sans médecin traitant")], [.text("8,1")]]])
        let widths = TableLayout.widths(table)
        XCTAssertEqual(widths.reduce(0, +), 100)
        XCTAssertGreaterThan(widths[0], widths[1], "the long text column is wider")
        XCTAssertGreaterThanOrEqual(widths[1], 15, "« Valeur » is never squeezed to a broken word")
    }

    /// The territory indicators table of the fixture: eight columns want more than a line,
    /// and the short headers of the numeric columns still fit whole.
    func testAWideTableKeepsEveryHeaderWordWhole() {
        let titles = [
            "Indicateur", "Territoire", "Département", "Région", "France", "Écart à la France", "Situation", "Source",
        ]
        let row = [
            "Patients de 17 ans et plus sans médecin traitant (%)", "8,1", "9,2", "9,8", "10,1", "−2,0 points",
            "meilleur", "Données fictives, 2023",
        ]
        let table = Table(caption: "T", columns: titles.map { .init($0) }, rows: [row.map { [.text($0)] }])
        let widths = TableLayout.widths(table)
        XCTAssertEqual(widths.reduce(0, +), 100)
        for (title, width) in zip(titles, widths) {
            let longestWord = title.split(separator: " ").map(\.count).max() ?? 0
            // A character of a 10 pt bold header takes about 1 % of an A4 line, plus the padding.
            XCTAssertGreaterThanOrEqual(width, longestWord + 2, title)
        }
    }

    func testTheSignatureColumnHasRoomToSign() {
        let table = Table(
            caption: "Signatures", columns: [.init("Partie"), .init("Représentée par"), .init("Signature")],
            rows: [
                [[.text("Pour la CPTS — CPTS du Val d’Exemple (fictive)")], [.text("Président ou présidente")], []],
                [[.text("Pour l’agence régionale de santé")], [.text("Directeur général ou directrice générale")], []],
            ], style: .signatures)
        let widths = TableLayout.widths(table)
        XCTAssertEqual(widths.reduce(0, +), 100)
        XCTAssertGreaterThanOrEqual(widths[2], 33, "\(widths)")
    }

    func testManyColumnsStillSumToAHundred() {
        let table = Table(caption: "T", columns: (1...40).map { .init("C\($0)") }, rows: [])
        let widths = TableLayout.widths(table)
        XCTAssertEqual(widths.count, 40)
        XCTAssertEqual(widths.reduce(0, +), 100)
        XCTAssertTrue(widths.allSatisfy { $0 > 0 })
    }
}

final class IdentifierAllocatorTests: XCTestCase {
    func testIdsFromUserTextAreASCIIUniqueAndStable() {
        var ids = IdentifierAllocator()
        XCTAssertEqual(ids.unique("mission-accès soins"), "mission-acces-soins")
        XCTAssertEqual(ids.unique("mission-accès soins"), "mission-acces-soins-2")
        XCTAssertEqual(ids.unique("Mission — Accès/Soins !"), "mission-acces-soins-3")
        XCTAssertEqual(ids.unique(""), "x")
        XCTAssertEqual(ids.unique("2024 : bilan"), "s-2024-bilan", "an NCName starts with a letter")
        XCTAssertEqual(ids.unique("«»…"), "x-2")
        XCTAssertEqual(
            ids.unique("mission-acces-soins-2"), "mission-acces-soins-2-2", "a suffix already taken is not reused")
        for id in ["mission-acces-soins", "x", "s-2024-bilan"] {
            XCTAssertNotNil(id.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression))
        }
    }

    func testManyIdenticalTitlesCostLinearTime() {
        var ids = IdentifierAllocator()
        let all = (0..<20_000).map { _ in ids.unique("Même titre") }
        XCTAssertEqual(Set(all).count, 20_000)
        XCTAssertEqual(all.last, "meme-titre-20000")
    }

    func testTheDocumentPassRenamesReferencesWithTheirTables() {
        let table = Table(id: "tableau commun", caption: "T", columns: [.init("A")], rows: [])
        let chart = BarChart(
            id: "graphique", title: "G", labelTitle: "A", valueTitle: "B", bars: [],
            sourceTable: TableReference(id: "tableau commun", caption: "T"))
        let document = Document(
            title: "D",
            chapters: [
                Section(id: "un", title: "Un", blocks: [.table(table)]),
                Section(
                    id: "un", title: "Un bis",
                    blocks: [
                        .table(Table(id: "tableau commun", caption: "T2", columns: [], rows: [])),
                        .chart(chart),
                    ],
                    sections: [Section(id: "", title: "Sous-partie")]),
            ])
        let assigned = IdentifierAllocator.assign(document)
        XCTAssertEqual(assigned.chapters.map(\.id), ["un", "un-2"])
        XCTAssertEqual(assigned.chapters[1].sections.first?.id, "un-2-sous-partie", "from its parent and its title")
        guard case let .chart(renamed) = assigned.chapters[1].blocks[1] else { return XCTFail("chart expected") }
        XCTAssertEqual(renamed.sourceTable?.id, "tableau-commun", "points to the first table of that name")
    }
}
