import Foundation
import XCTest

/// PDF (Typst), ODT and DOCX (pandoc), checked with the tools their readers use:
/// poppler and qpdf for the PDF, pandoc and LibreOffice for the office files.
final class PagedFormatsTests: XCTestCase {
    let project = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/echantillon")
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")
    let checks = CommandRunner.repository.appendingPathComponent("Tests/Documents")

    func check(_ script: String, _ arguments: [String]) throws {
        let result = try CommandRunner.tool("python3", [checks.appendingPathComponent(script).path] + arguments)
        XCTAssertEqual(result.status, 0, "\(script) \(arguments.first ?? ""): \(result.stdout)\(result.stderr)")
    }

    func testEveryFormatOfTheFixtureAndTheSampleKeepsEveryFigure() throws {
        for source in [fixture, project] {
            let out = CommandRunner.temporaryDirectory()
            let build = try CommandRunner.santedoc("build", source.path, "--formats", "tout", "-o", out.path)
            XCTAssertEqual(build.status, 0, build.stderr)
            XCTAssertFalse(
                build.stderr.contains("Typst"), "the shipped template gives the PDF engine nothing to warn of")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            XCTAssertEqual(
                names, ["completude.html"] + ["docx", "html", "odt", "pdf", "xml"].map { "projet-de-sante.\($0)" })
            let xml = out.appendingPathComponent("projet-de-sante.xml").path
            try check("check_pdf.py", [out.appendingPathComponent("projet-de-sante.pdf").path, xml])
            try check("check_text.py", [xml, "docbook", xml])
            for kind in ["docx", "odt"] {
                let file = out.appendingPathComponent("projet-de-sante.\(kind)").path
                try check("check_text.py", [file, kind, xml])
                try check("check_office.py", [file, xml])
            }
        }
    }

    /// What partners open and comment in, at parity with the PDF for every document: the
    /// submission edition, the annexes of a year with their note, the annual review.
    /// (`check_office.py`: heading styles, charts as pictures, internal links, signature
    /// rows, the draft's mark, and in LibreOffice the table of contents and « page n / N ».)
    func testOfficeFilesOfEveryDocumentAtParityWithThePDF() throws {
        let project = try EditionTests.datedCopy(of: fixture)
        let scenario = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/bilan")
        let out = CommandRunner.temporaryDirectory()
        let final = try CommandRunner.santedoc(
            "build", project.path, "--final", "--formats", "xml,odt,docx", "-o", out.path)
        XCTAssertEqual(final.status, 0, final.stderr)
        let annexes = try CommandRunner.santedoc(
            "annexes", project.path, "--annee", "2", "--formats", "xml,odt,docx", "-o", out.path)
        XCTAssertEqual(annexes.status, 0, annexes.stderr)
        let reviewed = try CommandRunner.copy(fixture)
        try FileManager.default.removeItem(at: reviewed.appendingPathComponent("projet.yaml"))
        try FileManager.default.copyItem(
            at: scenario.appendingPathComponent("projet.yaml"), to: reviewed.appendingPathComponent("projet.yaml"))
        try FileManager.default.copyItem(
            at: scenario.appendingPathComponent("justificatifs"), to: reviewed.appendingPathComponent("justificatifs"))
        let review = try CommandRunner.santedoc(
            "bilan", reviewed.path, "--annee", "1", "--formats", "xml,odt,docx", "-o", out.path)
        XCTAssertEqual(review.status, 0, review.stderr)
        let documents = [
            "projet-de-sante", "annexes/annee-2/annexe-missions", "annexes/annee-2/annexe-financiere",
            "annexes/annee-2/note-de-modifications", "bilans/bilan-annee-1",
        ]
        for name in documents {
            let xml = out.appendingPathComponent("\(name).xml").path
            for kind in ["docx", "odt"] {
                let file = out.appendingPathComponent("\(name).\(kind)").path
                try check("check_text.py", [file, kind, xml])
                try check("check_office.py", [file, xml])
            }
        }
    }

    func testOfficeFilesAndPDFAreReproducible() throws {
        let first = CommandRunner.temporaryDirectory()
        let second = CommandRunner.temporaryDirectory()
        for out in [first, second] {
            XCTAssertEqual(
                try CommandRunner.santedoc("build", fixture.path, "--formats", "pdf,odt,docx", "-o", out.path).status, 0
            )
        }
        for name in ["pdf", "odt", "docx"].map({ "projet-de-sante.\($0)" }) {
            XCTAssertEqual(
                try Data(contentsOf: first.appendingPathComponent(name)),
                try Data(contentsOf: second.appendingPathComponent(name)), "\(name) differs between two runs")
        }
    }

    /// pandoc's ODT writer draws tables without rules and leaves its table captions
    /// unstyled: the ODT must look like the HTML, PDF and DOCX (ruled cells, shaded header,
    /// bold caption) and stay a valid package (`mimetype` first and stored).
    func testODTTablesAreRuledLikeTheOtherFormats() throws {
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", fixture.path, "--formats", "odt", "-o", out.path).status, 0)
        let odt = out.appendingPathComponent("projet-de-sante.odt").path
        let content = try CommandRunner.tool("unzip", ["-p", odt, "content.xml"]).stdout
        for name in ["TableRowCell", "TableHeaderRowCell"] {
            let style = try XCTUnwrap(
                content.range(
                    of: "<style:style style:name=\"\(name)\"[^>]*>\\s*<style:table-cell-properties[^>]*>",
                    options: .regularExpression
                ).map { String(content[$0]) }, name)
            XCTAssertTrue(style.contains("fo:border=\"0.5pt solid #c5ced8\""), style)
        }
        XCTAssertTrue(content.contains("fo:background-color=\"#e8f0f7\""), "the header row is shaded")
        let styles = try CommandRunner.tool("unzip", ["-p", odt, "styles.xml"]).stdout
        XCTAssertTrue(styles.contains("style:name=\"TableCaption\""), "captions have a style of their own")
        let listing = try CommandRunner.tool("unzip", ["-Z", "-v", odt]).stdout
        let first = try XCTUnwrap(listing.range(of: "Central directory entry #1:")).upperBound
        let entry = listing[first...].prefix(2000)
        XCTAssertTrue(entry.contains("mimetype"), String(entry))
        XCTAssertTrue(entry.contains("compression method:                             none (stored)"), String(entry))
    }

    func testALongCommuneListBreaksAcrossPagesWithItsHeaderRepeated() throws {
        let copy = try CommandRunner.copy(fixture)
        var rows = ["code_insee;commune;population;superficie_km2"]
        for index in 1...150 {
            rows.append("\(99_000 + index);Commune \(index) (fictive);\(index == 1 ? 30_000 : 500);\(index % 9 + 3),5")
        }
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: copy.appendingPathComponent("communes.csv"))
        let yaml = copy.appendingPathComponent("projet.yaml")
        try Data(
            try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "  population: 104500\n", with: "")
                .utf8
        ).write(to: yaml)
        let out = CommandRunner.temporaryDirectory()
        let build = try CommandRunner.santedoc("build", copy.path, "--formats", "xml,pdf", "-o", out.path)
        XCTAssertEqual(build.status, 0, build.stderr)
        let xml = try String(contentsOf: out.appendingPathComponent("projet-de-sante.xml"), encoding: .utf8)
        XCTAssertTrue(xml.contains("<chapter xml:id=\"annexe-communes\">"), "a long list moves to an annex chapter")
        XCTAssertTrue(xml.contains("<entry>104\u{00A0}500</entry>"), "its total is the population")
        try check(
            "check_pdf.py",
            [
                out.appendingPathComponent("projet-de-sante.pdf").path,
                out.appendingPathComponent("projet-de-sante.xml").path, "--repeated-header", "Code INSEE",
            ])
    }

    func testTheAnnexesGetAPDFEach() throws {
        let out = CommandRunner.temporaryDirectory()
        let result = try CommandRunner.santedoc("annexes", fixture.path, "--formats", "xml,pdf", "-o", out.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in ["annexe-missions", "annexe-financiere"] {
            let folder = out.appendingPathComponent("annexes")
            try check(
                "check_pdf.py",
                [
                    folder.appendingPathComponent("\(name).pdf").path,
                    folder.appendingPathComponent("\(name).xml").path,
                ])
        }
    }

    func testAMissingEngineNamesItsDebianPackageAndWritesNothing() throws {
        let out = CommandRunner.temporaryDirectory().appendingPathComponent("sortie")
        let result = try CommandRunner.run(
            CommandRunner.santedoc, ["build", fixture.path, "--formats", "xml,pdf,docx", "-o", out.path],
            environment: ["SANTEDOC_PYTHON": "/nonexistent/python3"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains("santedoc: erreur: Le format PDF demande le programme « python3 »"), result.stderr)
        XCTAssertTrue(result.stderr.contains("installez le paquet Debian « python3 »"))
        // A Python without Typst: the module is named, with how to install it.
        let bare = try CommandRunner.run(
            CommandRunner.santedoc, ["build", fixture.path, "--formats", "xml,pdf", "-o", out.path],
            environment: ["SANTEDOC_PYTHON": "/usr/bin/python3", "PYTHONNOUSERSITE": "1"])
        if !FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/typst") {
            XCTAssertEqual(bare.status, 2)
            XCTAssertTrue(
                bare.stderr.contains("Le format PDF demande le module Python « typst »")
                    && bare.stderr.contains("pip install typst==0.15.2"), bare.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no format is written when one cannot be")
        let unknown = try CommandRunner.santedoc("build", fixture.path, "--formats", "xml,pfd")
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(
            unknown.stderr.contains("format « pfd » inconnu") && unknown.stderr.contains("« pdf »"), unknown.stderr)
    }

    /// A PNG and an SVG of the project folder, shown by a section, in the five formats.
    func testPicturesOfASectionInEveryFormat() throws {
        let project = try CommandRunner.copy(fixture)
        let pictures = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/images")
        try FileManager.default.copyItem(at: pictures, to: project.appendingPathComponent("images"))
        try Data(
            """
            ---
            titre: "Carte et logo"
            partie: identite
            ---

            ![Carte des communes du territoire](images/carte.png)

            Le logo ![Logo de la CPTS](images/logo.svg) figure sur chaque document.

            """.utf8
        ).write(to: project.appendingPathComponent("sections/14-images.md"))
        let out = CommandRunner.temporaryDirectory()
        let build = try CommandRunner.santedoc("build", project.path, "--formats", "tout", "-o", out.path)
        XCTAssertEqual(build.status, 0, build.stderr)
        let png = try Data(contentsOf: pictures.appendingPathComponent("carte.png"))
        let svg = try Data(contentsOf: pictures.appendingPathComponent("logo.svg"))

        let html = try String(contentsOf: out.appendingPathComponent("projet-de-sante.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("src=\"data:image/png;base64,\(png.base64EncodedString())\""), "PNG in the page")
        XCTAssertTrue(
            html.contains("src=\"data:image/svg+xml;base64,\(svg.base64EncodedString())\""), "SVG in the page")
        XCTAssertTrue(
            html.contains("alt=\"Carte des communes du territoire\"") && html.contains("alt=\"Logo de la CPTS\""))

        let xml = out.appendingPathComponent("projet-de-sante.xml")
        let book = try String(contentsOf: xml, encoding: .utf8)
        XCTAssertTrue(book.contains("<imagedata fileref=\"images/carte.png\"/>"), "a mediaobject names the file")
        XCTAssertTrue(book.contains("<phrase>Logo de la CPTS</phrase>"))
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("images/carte.png")), png, "copied beside")
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("images/logo.svg")), svg)
        let jing = try CommandRunner.tool("jing", [BuildCommandTests.rng, xml.path])
        XCTAssertEqual(jing.status, 0, jing.stdout)

        let pdf = out.appendingPathComponent("projet-de-sante.pdf").path
        let images = try CommandRunner.tool("pdfimages", ["-list", pdf]).stdout
        XCTAssertTrue(images.contains("   40    30 "), "the PNG is an image object of the PDF: \(images)")
        let figures = try CommandRunner.tool(
            "python3",
            [
                "-c",
                "import pikepdf, sys\nalts = []\ndef walk(n):\n  if isinstance(n, pikepdf.Dictionary):\n"
                    + "    if str(n.get('/S')) == '/Figure': alts.append(str(n.get('/Alt', '')))\n"
                    + "    k = n.get('/K')\n    for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []): walk(c)\n"
                    + "pdf = pikepdf.open(sys.argv[1])\nwalk(pdf.Root.StructTreeRoot)\nprint('\\n'.join(alts))",
                pdf,
            ]
        ).stdout
        XCTAssertTrue(
            figures.contains("Carte des communes du territoire") && figures.contains("Logo de la CPTS"),
            "both are tagged figures with their text: \(figures)")

        let docx = try CommandRunner.tool("unzip", ["-l", out.appendingPathComponent("projet-de-sante.docx").path])
            .stdout
        let odt = try CommandRunner.tool("unzip", ["-l", out.appendingPathComponent("projet-de-sante.odt").path]).stdout
        for (listing, folder) in [(docx, "word/media/"), (odt, "Pictures/")] {
            XCTAssertTrue(
                listing.contains("\(png.count)") && listing.contains(folder), "the PNG in \(folder): \(listing)")
            XCTAssertTrue(listing.contains("\(svg.count)"), "the SVG in \(folder): \(listing)")
        }
    }
}
