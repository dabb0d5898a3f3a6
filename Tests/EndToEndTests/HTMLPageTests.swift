import Foundation
import XCTest

final class HTMLPageTests: XCTestCase {
    let project = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/echantillon")
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")

    func build(_ source: URL) throws -> URL {
        let out = CommandRunner.temporaryDirectory()
        let result = try CommandRunner.santedoc("build", source.path, "-o", out.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        return out.appendingPathComponent("projet-de-sante.html")
    }

    func testPageIsSelfContainedAndStructured() throws {
        let html = try String(contentsOf: build(fixture), encoding: .utf8)
        XCTAssertTrue(html.contains("<html lang=\"fr\">"))
        XCTAssertTrue(html.contains("<nav class=\"sommaire\""))
        XCTAssertTrue(html.contains("<main id=\"contenu\">"))
        XCTAssertTrue(html.contains("@page"), "print rules are inline")
        for forbidden in ["<script", "<link", " src=", "@import", "url("] {
            XCTAssertFalse(html.contains(forbidden), "nothing loaded from elsewhere: \(forbidden)")
        }
        for chart in [
            "graphique-professionnels", "graphique-membres", "graphique-financement",
            "graphique-patients-de-17-ans-et-plus-sans-medecin-traitant",
        ] {
            XCTAssertTrue(html.contains("<figure id=\"\(chart)\""), chart)
            XCTAssertTrue(
                html.contains("<title id=\"\(chart)-titre\">") && html.contains("<desc id=\"\(chart)-desc\">"),
                "\(chart) has a text alternative")
        }
    }

    func testRealBrowserAccessibilityAndPrint() throws {
        for source in [project, fixture] {
            let page = try build(source)
            let result = try CommandRunner.tool(
                "python3",
                [
                    CommandRunner.repository.appendingPathComponent("Tests/Browser/check_page.py").path,
                    page.path,
                ])
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            XCTAssertGreaterThan(report["pdf_pages"] as? Int ?? 0, 1)
            XCTAssertEqual((report["chapter_pages"] as? [String: Int])?.count, 8, "each chapter starts a page")
            XCTAssertGreaterThan(report["screenshot_bytes"] as? Int ?? 0, 10_000)
        }
    }

    func testTheSubmissionEditionPassesTheBrowserTestToo() throws {
        let copy = try EditionTests.datedCopy(of: fixture)
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", copy.path, "--final", "-o", out.path).status, 0)
        for (page, chapters) in [("projet-de-sante.html", 7), ("completude.html", 8)] {
            let result = try CommandRunner.tool(
                "python3",
                [
                    CommandRunner.repository.appendingPathComponent("Tests/Browser/check_page.py").path,
                    out.appendingPathComponent(page).path,
                ])
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            XCTAssertEqual((report["chapter_pages"] as? [String: Int])?.count, chapters, page)
        }
    }

    func testAProjectCanOverrideTheStylesheetWithoutTouchingTemplates() throws {
        let templates = CommandRunner.repository.appendingPathComponent("Templates")
        let before = CommandRunner.snapshot(templates)
        let copy = try CommandRunner.copy(fixture)
        let own = copy.appendingPathComponent("modeles")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try Data(":root { --accent: #6a1b4d; } /* charte de la CPTS */\n".utf8).write(
            to: own.appendingPathComponent("style.css"))
        let html = try String(contentsOf: build(copy), encoding: .utf8)
        XCTAssertTrue(html.contains("--accent: #6a1b4d; } /* charte de la CPTS */"))
        XCTAssertFalse(html.contains("--accent: #1d5b8f"), "the shipped stylesheet is replaced, not appended")
        XCTAssertEqual(CommandRunner.snapshot(templates), before)
    }

    func testScriptsWrittenInSectionsNeverRun() throws {
        let copy = try CommandRunner.copy(fixture)
        let section = copy.appendingPathComponent("sections/99-piege.md")
        try Data(
            """
            ---
            titre: "Piège"
            partie: diagnostic
            ---
            <script>alert(1)</script>

            Texte <img src=x onerror=alert(1)> et [lien](javascript:alert(1)) et <a href="#" onclick="x()">a</a>.
            """.utf8
        ).write(to: section)
        let out = CommandRunner.temporaryDirectory()
        let result = try CommandRunner.santedoc("build", copy.path, "-o", out.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("sections/99-piege.md:5:1: avertissement: Le HTML écrit dans une section"))
        let html = try String(contentsOf: out.appendingPathComponent("projet-de-sante.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<a href=\"#\" onclick"), "no live attribute")
        XCTAssertTrue(html.contains("&lt;a href=\"#\" onclick=\"x()\"&gt;"), "the tag is shown as escaped text")
        XCTAssertFalse(html.contains("href=\"javascript:"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text")
        let jing = try CommandRunner.tool(
            "jing", [BuildCommandTests.rng, out.appendingPathComponent("projet-de-sante.xml").path])
        XCTAssertEqual(jing.status, 0, jing.stdout)
    }
}
