import SanteDocTestSupport
import XCTest

@testable import SanteDocModel
@testable import SanteDocReaders

/// The data a word-processor projet gives reliably, each with where it was read.
final class ImportedDataReaderTests: XCTestCase {
    func reader() throws -> ImportedDataReader {
        let diagnostics = DiagnosticEngine()
        let vocabulary = ImportVocabularyReader.load(templates: TestSupport.templates, diagnostics: diagnostics)
        XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        return ImportedDataReader(vocabulary: try XCTUnwrap(vocabulary))
    }

    func document(_ markdown: String) throws -> ImportedDocument {
        try XCTUnwrap(ImportedDocumentReader(file: "p.docx", diagnostics: DiagnosticEngine()).read(markdown))
    }

    func testCoverTableValuesAreTypedAndLocated() throws {
        let data = try reader().read(
            document(
                """
                | Dénomination | CPTS du Val |
                |---|---|
                | Siège social | 12 rue Haute, 24100 Bergerac |
                | Population couverte (INSEE 2021) | 58 300 habitants |
                | Date de signature | 1er mars 2023 |
                | Présidente | Dr Anne Roux |
                | Date de création | mars 2021 |

                # Gouvernance

                Coordinatrice : Julie Martin
                """))
        XCTAssertEqual(data.field("identite.denomination")?.value, .text("CPTS du Val"))
        XCTAssertEqual(data.field("identite.denomination")?.origin, "page de garde, tableau, ligne « Dénomination »")
        XCTAssertEqual(
            data.field("identite.siege")?.value, .address(street: "12 rue Haute", postcode: "24100", town: "Bergerac"))
        XCTAssertEqual(data.field("territoire.population")?.value, .integer(58_300))
        XCTAssertEqual(data.field("contrat.date_signature")?.value, .date(CalendarDate(year: 2023, month: 3, day: 1)!))
        XCTAssertEqual(data.field("contrat.signataires.cpts")?.value, .person(name: "Dr Anne Roux", role: "Présidente"))
        XCTAssertEqual(
            data.field("gouvernance.coordination")?.value, .person(name: "Julie Martin", role: "Coordinatrice"))
        XCTAssertEqual(
            data.field("gouvernance.coordination")?.origin, "chapitre « Gouvernance », « Coordinatrice : Julie Martin »"
        )
        XCTAssertNil(data.field("identite.date_creation"), "a month without a day is not a date")
        XCTAssertEqual(data.unreadable.count, 1)
    }

    func testTheFirstValueWinsAndTheOtherIsSaid() throws {
        let data = try reader().read(
            document("Dénomination : CPTS A\n\n# Présentation\n\nDénomination : CPTS B\n"))
        XCTAssertEqual(data.field("identite.denomination")?.value, .text("CPTS A"))
        XCTAssertEqual(data.conflicts.count, 1)
    }

    func testMembersFromAListOrATableOfCounts() throws {
        let list = try reader().read(
            document("# Membres\n\n- Médecins généralistes : 31\n- 44 infirmiers\n- Secrétariat : 2\n"))
        XCTAssertEqual(
            list.members,
            [
                ImportedData.Member(profession: "Médecins généralistes", count: 31),
                ImportedData.Member(profession: "infirmiers", count: 44),
            ])
        let table = try reader().read(
            document(
                "| Profession | Effectif | Densité |\n|---|---|---|\n| Pharmaciens | 12 | 2,1 |\n| Sages-femmes | 5 | 0,9 |\n"
                    + "| Total | 17 | 3,0 |\n"))
        XCTAssertEqual(table.members.map(\.count), [12, 5])
    }

    func testCommuneAndIndicatorTablesAreRecognisedByTheirHeaders() throws {
        let data = try reader().read(
            document(
                """
                # Territoire

                | Commune | Code INSEE | Population | Superficie (km²) |
                |---|---|---|---|
                | Marmande | 47157 | 17 900 | 45,8 |
                | Total | | 17 900 | 45,8 |

                | Indicateur | Territoire | Département | France |
                |---|---|---|---|
                | Sans médecin traitant (%) | 11,2 | 9,6 | 10,1 |

                Source : Rézone CPTS, 2023
                """))
        let communes = try XCTUnwrap(data.communes)
        XCTAssertEqual(communes.columns, ["code_insee", "commune", "population", "superficie_km2"])
        XCTAssertEqual(
            communes.rows, [["47157", "Marmande", "17 900", "45,8"]], "the total row is SanteDoc's to compute")
        let indicators = try XCTUnwrap(data.indicators)
        XCTAssertEqual(
            indicators.rows, [["Sans médecin traitant", "%", "11,2", "9,6", "", "10,1", "Rézone CPTS, 2023", "", ""]])
        XCTAssertEqual(indicators.toComplete, [])
    }

    func testNumbersAndDatesAsFrenchWritesThem() {
        XCTAssertEqual(ImportedDataReader.firstInteger(in: "58\u{00A0}300 habitants"), 58_300)
        XCTAssertEqual(ImportedDataReader.firstInteger(in: "environ 4 communes"), 4)
        XCTAssertEqual(ImportedDataReader.date("le 12/09/2023"), CalendarDate(year: 2023, month: 9, day: 12))
        XCTAssertEqual(ImportedDataReader.date("2023-09-12"), CalendarDate(year: 2023, month: 9, day: 12))
        XCTAssertEqual(
            ImportedDataReader.date("signé le 12 septembre 2023"), CalendarDate(year: 2023, month: 9, day: 12))
        XCTAssertNil(ImportedDataReader.date("septembre 2023"))
    }
}
