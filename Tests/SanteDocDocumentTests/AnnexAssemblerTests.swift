import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocReaders

/// The contract annexes of the complete fixture (taille 3, avenant 2, signed 15 March
/// 2023): the same missions as the projet, money that adds up, parties that can sign.
final class AnnexAssemblerTests: XCTestCase {
    func complete() -> (Project, ProjectFigures) {
        let diagnostics = DiagnosticEngine()
        let folder = ProjectFolder(path: TestSupport.fixtures.appendingPathComponent("complet").path)
        let project = ProjectReader(folder: folder, diagnostics: diagnostics).read().project
        let figures = FigureCalculator(project: project, regulation: TestSupport.regulation(), diagnostics: diagnostics)
            .compute()
        return (project, figures)
    }

    func annexes(year: Int?) -> AnnexAssembler {
        let (project, figures) = complete()
        return AnnexAssembler(project: project, figures: figures, regulation: TestSupport.regulation(), year: year)
    }

    func text(_ document: Document) -> String {
        document.allBlocks.compactMap { block -> String? in
            guard case let .paragraph(inlines) = block else { return nil }
            return inlines.map(\.plainText).joined()
        }.joined(separator: "\n")
    }

    /// « 75 000 € » as printed, back to 75000.
    func euros(_ cell: [Inline]) -> Int? {
        let digits = cell.map(\.plainText).joined().filter(\.isNumber)
        return digits.isEmpty ? nil : Int(digits)
    }

    func testOneChapterPerMissionThenTheSignatures() {
        let (project, _) = complete()
        let document = annexes(year: nil).missionsAnnex()
        XCTAssertEqual(
            document.chapters.map(\.id), project.missions.map { "mission-" + $0.id.value } + ["signatures"])
        XCTAssertEqual(document.title, AnnexAssembler.missionsTitle)
        XCTAssertEqual(document.subtitle, "Contrat tripartite CPTS – CPAM – ARS")
    }

    func testTheSignedVersionCarriesItsDateALaterYearLeavesItBlank() throws {
        let signed = annexes(year: nil).missionsAnnex()
        XCTAssertTrue(text(signed).contains("le 15 mars 2023, en trois exemplaires"), text(signed))
        let parties = try XCTUnwrap(signed.tables.first { $0.id == "tableau-signatures" })
        XCTAssertEqual(parties.rows.count, 3, "CPTS, CPAM, ARS")
        XCTAssertEqual(parties.style, .signatures)

        let second = annexes(year: 2).missionsAnnex()
        XCTAssertTrue(text(second).contains("le ……………………, en trois exemplaires"))
        XCTAssertEqual(second.subtitle, "Contrat tripartite CPTS – CPAM – ARS, année 2")
        let period = try XCTUnwrap(second.cover.first { $0.label == "Période de l’année 2" })
        XCTAssertEqual(period.value, "du 15 mars 2024 au 14 mars 2025")
    }

    func testEachMissionsVariablePartIsCheckedAgainstItsIndicators() throws {
        let (project, _) = complete()
        let funding = annexes(year: 1).fundingAnnex()
        let check = try XCTUnwrap(funding.tables.first { $0.id == "controle-part-variable" })
        XCTAssertEqual(check.rows.count, project.missions.count)
        XCTAssertTrue(check.rowHeaders)
    }

    /// The balances' footer splits what is owed (the fixed balances) from what may be
    /// earned (the variable part, « au plus »): each line is the sum of its own rows.
    func testTheScheduleFootersAreTheSumOfTheirRows() throws {
        let funding = annexes(year: 1).fundingAnnex()
        let advances = try XCTUnwrap(funding.tables.first { $0.id == "tableau-echeancier" })
        let paid = advances.rows.compactMap { euros($0[3]) }
        XCTAssertEqual(paid.count, advances.rows.count, "every advance is known for a taille 3")
        XCTAssertEqual(euros(try XCTUnwrap(advances.footer.first)[3]), paid.reduce(0, +))

        let balances = try XCTUnwrap(funding.tables.first { $0.id == "tableau-echeancier-solde" })
        let (variable, fixed) = balances.rows.reduce(into: (0, 0)) { sums, row in
            let amount = try! XCTUnwrap(euros(row[3]))
            if row[3].map(\.plainText).joined().hasPrefix("au plus") { sums.0 += amount } else { sums.1 += amount }
        }
        XCTAssertGreaterThan(variable, 0)
        XCTAssertEqual(balances.footer.count, 2)
        XCTAssertEqual(euros(balances.footer[0][3]), fixed)
        XCTAssertEqual(euros(balances.footer[1][3]), variable)
    }

    func testAnAnnouncedAmendmentIsToldOnlyForTheYearsItReaches() {
        let (project, original) = complete()
        var figures = original
        figures.funding?.table.announcement = FundingTable.Announcement(
            text: "Un avenant revalorise les montants.", from: CalendarDate(year: 2025, month: 1, day: 1)!,
            source: "Annonce de test")
        func notices(_ year: Int?) -> [String] {
            AnnexAssembler(project: project, figures: figures, regulation: TestSupport.regulation(), year: year)
                .fundingAnnex().allBlocks.compactMap { block in
                    guard case let .note(note) = block else { return nil }
                    return note.title
                }
        }
        XCTAssertEqual(notices(1), [], "year 1 ends on 14 March 2024, before the amendment")
        XCTAssertEqual(notices(2), ["Avenant annoncé"], "year 2 ends on 14 March 2025")
        XCTAssertEqual(notices(5), ["Avenant annoncé"])
        XCTAssertEqual(notices(nil), [], "the signed annexes are what was signed")
    }
}
