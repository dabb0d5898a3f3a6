import Foundation
import XCTest

final class CheckCommandTests: XCTestCase {
    let project = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/echantillon")
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")

    func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            result.stdout + result.stderr)
    }

    func testSampleReportListsEveryRequirementHonestly() throws {
        let result = try CommandRunner.santedoc("check", project.path, "--format", "json")
        let report = try json(result)
        XCTAssertEqual(report["complete"] as? Bool, false)
        XCTAssertEqual(result.status, 1, "exit status matches complete")
        let requirements = try XCTUnwrap(report["requirements"] as? [[String: Any]])
        XCTAssertEqual(requirements.compactMap { $0["id"] as? String }.count, 32)
        for requirement in requirements {
            XCTAssertNotNil(requirement["title"] as? String)
            XCTAssertTrue(["bloquant", "recommande"].contains(requirement["severity"] as? String))
            XCTAssertTrue(["ok", "missing", "incomplete"].contains(requirement["status"] as? String))
        }
        func status(_ id: String) -> String? { requirements.first { $0["id"] as? String == id }?["status"] as? String }
        XCTAssertEqual(status("territoire.perimetre"), "missing", "the seeds give no commune list")
        XCTAssertEqual(status("diagnostic.etat-sante"), "missing", "the seeds give no diagnostic figures")
        XCTAssertEqual(status("composition.professionnels"), "ok")
        let crisis = requirements.first { $0["id"] as? String == "missions.crises-sanitaires" }!
        XCTAssertEqual(crisis["status"] as? String, "ok")
        XCTAssertEqual(crisis["applicable"] as? Bool, false, "not a core mission of the 2019 accord the sample names")
        let perimeter = requirements.first { $0["id"] as? String == "territoire.perimetre" }!
        XCTAssertEqual(perimeter["location"] as? String, "communes.csv:1")
        XCTAssertNotNil(perimeter["hint"])
    }

    func testCompleteFixtureExitsZeroAndTextHasASummary() throws {
        let result = try CommandRunner.santedoc("check", fixture.path)
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("Projet complet — 23/23 exigences bloquantes satisfaites"), result.stdout)
        XCTAssertTrue(result.stdout.contains("✓ État de santé de la population"))
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    func testDeletingTheHealthStatusSectionMakesItMissing() throws {
        let copy = try CommandRunner.copy(fixture)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("sections/03-etat-sante.md"))
        let result = try CommandRunner.santedoc("check", copy.path, "--format", "json")
        XCTAssertEqual(result.status, 1)
        let requirements = try XCTUnwrap(json(result)["requirements"] as? [[String: Any]])
        XCTAssertEqual(
            requirements.first { $0["id"] as? String == "diagnostic.etat-sante" }?["status"] as? String, "missing")
    }

    func testJSONIsPrintedEvenWhenTheSourcesAreInvalid() throws {
        let copy = try CommandRunner.copy(fixture)
        let yaml = copy.appendingPathComponent("projet.yaml")
        try Data(
            try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(
                of: "  population: 104500", with: "  popultion: 104500"
            )
            .utf8
        ).write(to: yaml)
        let result = try CommandRunner.santedoc("check", copy.path, "--format", "json")
        XCTAssertEqual(result.status, 2)
        let object = try json(result)
        XCTAssertEqual(object["sources_valides"] as? Bool, false)
        XCTAssertEqual(object["complete"] as? Bool, false)
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        let first = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(first["id"] as? String, "yaml.cle-inconnue")
        XCTAssertEqual(first["file"] as? String, "projet.yaml")
        XCTAssertEqual(first["line"] as? Int, 14)
        XCTAssertEqual(first["column"] as? Int, 3)
        XCTAssertEqual(first["suggestion"] as? String, "vouliez-vous dire « population » ?")
        let absent = try CommandRunner.santedoc("check", "/nonexistent", "--format", "json")
        XCTAssertEqual(absent.status, 2)
        XCTAssertEqual(try json(absent)["sources_valides"] as? Bool, false, "a JSON object in every case")
        let valid = try json(try CommandRunner.santedoc("check", fixture.path, "--format", "json"))
        XCTAssertEqual(valid["sources_valides"] as? Bool, true)
    }

    func testUnknownRegulationAmountsAreOneWarningPointingToWhatTheUserCanEnter() throws {
        let result = try CommandRunner.santedoc("check", project.path)
        let warnings = result.stderr.split(separator: "\n").filter {
            $0.contains("avertissement:") && $0.contains("non publi")
        }
        XCTAssertEqual(warnings.count, 1, result.stderr)
        XCTAssertFalse(result.stderr.contains("Templates/"), "the program's own data is not the user's to edit")
        XCTAssertTrue(result.stderr.contains("part_fixe et part_variable"), "says what the user can enter")
        let verbose = try CommandRunner.santedoc("check", project.path, "--verbose")
        XCTAssertTrue(
            verbose.stderr.contains(
                "Templates/aci/aci-2019.yaml:1:1: remarque: Cellule « missions[parcours].montants.2 »"),
            "maintainers see the cells with --verbose")
    }

    func testInitThenCheck() throws {
        let target = CommandRunner.temporaryDirectory().appendingPathComponent("nouvelle-cpts")
        let created = try CommandRunner.santedoc("init", target.path)
        XCTAssertEqual(created.status, 0, created.stderr)
        let result = try CommandRunner.santedoc("check", target.path, "--format", "json")
        XCTAssertEqual(result.status, 1, result.stderr)
        let requirements = try XCTUnwrap(json(result)["requirements"] as? [[String: Any]])
        let diagnostic = requirements.filter { ($0["id"] as? String)?.hasPrefix("diagnostic.") == true }
        XCTAssertEqual(diagnostic.count, 6)
        XCTAssertTrue(diagnostic.allSatisfy { $0["status"] as? String == "missing" })
        XCTAssertEqual(
            try CommandRunner.santedoc("build", target.path, "-o", CommandRunner.temporaryDirectory().path).status, 0,
            "a new project builds as a draft")

        let before = CommandRunner.snapshot(target)
        let again = try CommandRunner.santedoc("init", target.path)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("existe déjà"))
        XCTAssertEqual(CommandRunner.snapshot(target), before, "init changes nothing in an existing folder")
    }

    /// A taille-1 CPTS signed in June 2020, started with `init`: the ACI of 2019 follows from
    /// the date — no crisis mission due, no crisis plan, no version warning.
    func testInitThenASignatureIn2020ChecksTheACIOf2019() throws {
        let target = CommandRunner.temporaryDirectory().appendingPathComponent("cpts-2020")
        XCTAssertEqual(try CommandRunner.santedoc("init", target.path).status, 0)
        let yaml = target.appendingPathComponent("projet.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        XCTAssertFalse(text.contains("\n  version_aci:"), "init writes no version")
        try Data(
            text.replacingOccurrences(
                of: "  date_signature:           # AAAA-MM-JJ", with: "  date_signature: 2020-06-17 # AAAA-MM-JJ"
            ).utf8
        ).write(to: yaml)
        let result = try CommandRunner.santedoc("check", target.path, "--format", "json")
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stderr.contains("version"), "no version warning: \(result.stderr)")
        let requirements = try XCTUnwrap(json(result)["requirements"] as? [[String: Any]])
        func requirement(_ id: String) -> [String: Any]? { requirements.first { $0["id"] as? String == id } }
        for id in ["missions.crises-sanitaires", "missions.plan-de-crise"] {
            XCTAssertEqual(requirement(id)?["applicable"] as? Bool, false, "\(id) is not due under ACI 2019")
            XCTAssertEqual(requirement(id)?["status"] as? String, "ok", id)
        }
        XCTAssertEqual(requirement("missions.acces-soins")?["status"] as? String, "missing")
        XCTAssertEqual(
            requirement("missions.crises-sanitaires")?["message"] as? String,
            "Mission non prévue par « ACI CPTS du 20 juin 2019 ».")
    }

    func testRegionalReferential() throws {
        let referential = CommandRunner.repository.appendingPathComponent(
            "Tests/Fixtures/referentiel-regional/ars-exemple.yaml")
        let result = try CommandRunner.santedoc(
            "check", fixture.path, "--format", "json", "--referentiel", referential.path)
        XCTAssertEqual(result.status, 1)
        let report = try json(result)
        XCTAssertEqual(report["referential"] as? String, "ars-exemple")
        let requirements = try XCTUnwrap(report["requirements"] as? [[String: Any]])
        XCTAssertEqual(
            requirements.compactMap { $0["id"] as? String },
            [
                "identite.denomination", "identite.contact", "identite.site-web", "composition.partenaires",
                "systeme-information",
            ])
        let status = Dictionary(
            uniqueKeysWithValues: requirements.map { ($0["id"] as? String ?? "", $0["status"] as? String) })
        // A field none of the shipped requirements asks for is read like the others.
        XCTAssertEqual(status["identite.contact"], "ok")
        XCTAssertEqual(status["identite.site-web"], "missing")
        XCTAssertEqual(status["systeme-information"], "missing")
        let broken = try CommandRunner.santedoc("check", fixture.path, "--referentiel", "/nonexistent.yaml")
        XCTAssertEqual(broken.status, 2)
    }

    func testBuildWarnsAddsTheCompletenessChapterAndFailsWhenStrict() throws {
        let out = CommandRunner.temporaryDirectory()
        let lenient = try CommandRunner.santedoc("build", project.path, "-o", out.path)
        XCTAssertEqual(lenient.status, 0)
        XCTAssertTrue(
            lenient.stderr.contains("communes.csv:1:1: avertissement: Exigence « Liste des communes"), lenient.stderr)
        let xml = try String(contentsOf: out.appendingPathComponent("projet-de-sante.xml"), encoding: .utf8)
        XCTAssertTrue(xml.contains("<chapter xml:id=\"etat-de-completude\">"))
        let strict = try CommandRunner.santedoc(
            "build", project.path, "-o", CommandRunner.temporaryDirectory().path, "--strict")
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("erreur: Exigence"))
        XCTAssertEqual(try CommandRunner.santedoc("build", fixture.path, "-o", out.path, "--strict").status, 0)
    }
}

final class BatchCheckTests: XCTestCase {
    func testSeveralProjectsAreCheckedConcurrentlyWithTheSameResults() throws {
        let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet").path
        let sample = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/echantillon").path
        let projects = [fixture, sample, fixture, fixture]
        let parallel = try CommandRunner.run(CommandRunner.santedoc, ["check", "--format", "json"] + projects)
        let sequential = try CommandRunner.run(
            CommandRunner.santedoc, ["check", "--format", "json", "--jobs", "1"] + projects)
        XCTAssertEqual(parallel.status, 1, "the sample is incomplete")
        XCTAssertEqual(parallel.stdout, sequential.stdout, "concurrency changes nothing in the result")
        let reports = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(parallel.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(reports.compactMap { $0["project"] as? String }, projects)
        XCTAssertEqual(reports.compactMap { $0["complete"] as? Bool }, [true, false, true, true])
        XCTAssertTrue(parallel.stderr.contains("\(sample)/projet.yaml:"), "diagnostics name their project")
        let broken = try CommandRunner.run(CommandRunner.santedoc, ["check", fixture, "/nonexistent"])
        XCTAssertEqual(broken.status, 2)
    }
}
