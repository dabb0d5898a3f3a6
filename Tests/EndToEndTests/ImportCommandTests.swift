import Foundation
import XCTest

/// `santedoc importer` on documents a CPTS really has: a projet written in LibreOffice
/// (ODT) and the same saved « au format Word » (DOCX, by LibreOffice), made here from
/// realistic content (`Tests/Documents/make_word_projet.py`); and the DOCX and ODT SanteDoc
/// itself writes, which must give back the sections they came from.
final class ImportCommandTests: XCTestCase {
    struct Expected: Decodable {
        struct Chapter: Decodable {
            var title: String
            var level: Int
            var covers: [String]
        }
        var paragraphs: [String]
        var chapters: [Chapter]
        var cover: [String: String]
    }

    /// The documents, made once: the ODT, the DOCX, and what they contain.
    static let documents: (folder: URL, expected: Expected)? = {
        let folder = CommandRunner.temporaryDirectory()
        let odt = folder.appendingPathComponent("projet-de-sante.odt")
        guard
            let made = try? CommandRunner.tool(
                "python3",
                [
                    CommandRunner.repository.appendingPathComponent("Tests/Documents/make_word_projet.py").path,
                    odt.path, CommandRunner.repository.appendingPathComponent("Tests/Fixtures/images/carte.png").path,
                    "--docx",
                ]), made.status == 0,
            let expected = try? JSONDecoder().decode(Expected.self, from: Data(made.stdout.utf8))
        else { return nil }
        return (folder, expected)
    }()

    func documents() throws -> (folder: URL, expected: Expected) {
        try XCTUnwrap(Self.documents, "make_word_projet.py (odfpy, LibreOffice) could not make the documents")
    }

    /// A section file: its front matter's title and claims, and its text as words.
    struct SectionFile {
        var title: String
        var covers: [String]
        var part: String?
        var body: String

        init(_ text: String) {
            let parts = text.components(separatedBy: "\n---\n")
            let front = parts[0]
            body = parts.dropFirst().joined(separator: "\n---\n")
            func value(_ key: String) -> String? {
                front.split(separator: "\n").first { $0.hasPrefix("\(key): ") }.map {
                    String($0.dropFirst(key.count + 2))
                }
            }
            title = (value("titre") ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            part = value("partie")
            covers = (value("couvre") ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// Words only: Markdown marks, table rules and runs of spaces do not count.
    static func words(_ markdown: String) -> String {
        let kept = markdown.split(separator: "\n").filter { line in
            !line.allSatisfy { "|-: ".contains($0) }  // a table's rule line
        }.map { line in  // a list item's or a heading's mark
            line.replacingOccurrences(of: #"^\s*([0-9]+\.|-|#+)\s"#, with: "", options: .regularExpression)
        }.joined(separator: " ")
        var text = kept.replacingOccurrences(of: #"<sup>[0-9]+</sup>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"!\[[^\]]*\]\([^)]*\)"#, with: " ", options: .regularExpression)
        for mark in ["|", "*", "\\", "\u{00A0}", "\u{202F}"] { text = text.replacingOccurrences(of: mark, with: " ") }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func sections(in project: URL) throws -> [String: SectionFile] {
        let folder = project.appendingPathComponent("sections")
        var found: [String: SectionFile] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
            found[name] = SectionFile(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        return found
    }

    func importing(_ document: URL, into project: URL) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(CommandRunner.santedoc, ["importer", document.path, project.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    func testAWordProjetBecomesAProjectThatChecksWithEveryParagraph() throws {
        let (folder, expected) = try documents()
        for format in ["docx", "odt"] {
            let source = folder.appendingPathComponent("projet-de-sante.\(format)")
            let before = try Data(contentsOf: source)
            let project = folder.appendingPathComponent("importe-\(format)")
            let imported = try importing(source, into: project)
            XCTAssertEqual(try Data(contentsOf: source), before, "the document is only read")

            // The new project reads without error: check says complete or incomplete, never invalid.
            let check = try CommandRunner.santedoc("check", project.path, "--format", "json")
            XCTAssertNotEqual(check.status, 2, "\(format): \(check.stderr)")
            XCTAssertFalse(check.stderr.contains("erreur"), "\(format): \(check.stderr)")

            // Every chapter of the usual plan is a section placed and claimed as a person would.
            let files = try sections(in: project)
            for chapter in expected.chapters {
                let file = try XCTUnwrap(
                    files.values.first { $0.title == chapter.title }, "\(format): \(chapter.title)")
                XCTAssertEqual(file.covers.filter { !$0.isEmpty }, chapter.covers, "\(format): \(chapter.title)")
            }

            // Every paragraph and cell of the document is somewhere in the project or its report.
            let report = try String(contentsOf: project.appendingPathComponent("import.html"), encoding: .utf8)
            let data = try String(contentsOf: project.appendingPathComponent("projet.yaml"), encoding: .utf8)
            let everything = Self.words(
                files.values.map(\.body).joined(separator: " ") + " " + data + " "
                    + report.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression))
            for paragraph in expected.paragraphs {
                XCTAssertTrue(everything.contains(Self.words(paragraph)), "\(format): « \(paragraph) » lost")
            }

            // The cover's values are in projet.yaml, each with where it was read.
            for (label, value) in [
                ("Dénomination", "denomination: \"CPTS des Coteaux de Garonne\""),
                ("Forme juridique", "forme_juridique: \"Association loi 1901\""),
                ("Siège", "adresse: \"3 place de la Mairie\""),
                ("Date de signature de l’ACI", "date_signature: 2023-09-12"),
                ("Président", "nom: \"Dr Claire Dupuy\""),
            ] {
                XCTAssertTrue(
                    data.contains("\(value)   # importé : page de garde, tableau, ligne « \(label) »"),
                    "\(format): \(label)")
            }
            XCTAssertTrue(data.contains("profession: \"Infirmiers\"\n    effectif: 44"), format)
            let communes = try String(contentsOf: project.appendingPathComponent("communes.csv"), encoding: .utf8)
            XCTAssertEqual(communes.split(separator: "\n").count, 5, "\(format): a header and four communes")
            let indicators = try String(contentsOf: project.appendingPathComponent("indicateurs.csv"), encoding: .utf8)
            XCTAssertTrue(indicators.contains("Bénéficiaires de la C2S;%;9,8;8,7;7,9;8,2;"), format)
            let image = try XCTUnwrap(files.values.first { $0.title == "Le territoire" })
            XCTAssertTrue(
                image.body.contains("![Carte des quatre communes du territoire](images/image-1.png)"),
                "\(format): \(image.body)")
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: project.appendingPathComponent("images/image-1.png").path))
            let legal = try XCTUnwrap(files.values.first { $0.title == "Cadre législatif" })
            XCTAssertTrue(legal.body.contains("santé publique.<sup>1</sup>"), legal.body)
            XCTAssertTrue(legal.body.contains("Notes :\n\n1. Article L.1434-12"), legal.body)

            // The report says what was guessed, on the terminal and in the page.
            XCTAssertTrue(imported.stdout.contains("Deviné"), imported.stdout)
            XCTAssertTrue(
                imported.stdout.contains("« Gouvernance » couvrirait « gouvernance.coordination » (confiance faible"))
            XCTAssertTrue(report.contains("Ce qui a été deviné"))
            XCTAssertTrue(report.contains("Tableau des communes reconnu à ses en-têtes"))
        }
    }

    /// A document made by SanteDoc gives back its sections: the same file names, titles and
    /// claims, and the same words, `{{figures}}` included — save one that the new project
    /// cannot compute yet (its missions are not in the document's record), which keeps its
    /// printed value and is said.
    func testTheDocumentsSanteDocWritesGiveBackTheirSections() throws {
        let work = CommandRunner.temporaryDirectory()
        let original = work.appendingPathComponent("complet")
        try FileManager.default.copyItem(
            at: CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet"), to: original)
        let data = original.appendingPathComponent("projet.yaml")
        try (String(contentsOf: data, encoding: .utf8) + "\ndocument: {version: \"1\", date: 2026-11-30}\n")
            .write(to: data, atomically: true, encoding: .utf8)
        let build = try CommandRunner.santedoc(
            "build", original.path, "-o", work.appendingPathComponent("Build").path, "--final", "--formats",
            "docx,odt")
        XCTAssertEqual(build.status, 0, build.stderr)
        let originals = try sections(in: original)
        for format in ["docx", "odt"] {
            let project = work.appendingPathComponent("retour-\(format)")
            let imported = try importing(
                work.appendingPathComponent("Build/projet-de-sante.\(format)"), into: project)
            let check = try CommandRunner.santedoc("check", project.path)
            XCTAssertNotEqual(check.status, 2, "\(format): \(check.stderr)")
            let back = try sections(in: project)
            XCTAssertEqual(Set(back.keys), Set(originals.keys), format)
            for (name, source) in originals {
                let copy = try XCTUnwrap(back[name], "\(format): \(name)")
                XCTAssertEqual(copy.title, source.title, "\(format): \(name)")
                XCTAssertEqual(copy.covers, source.covers, "\(format): \(name)")
                XCTAssertEqual(copy.part, source.part, "\(format): \(name)")
                var expected = source.body
                // A figure kept at its printed value is named in the report, with that value.
                for kept in imported.stdout.split(separator: "\n") where kept.contains("  - sections/\(name) : {{") {
                    let name =
                        kept.split(separator: "{").dropFirst().first.map { String($0.prefix { $0 != "}" }) } ?? ""
                    let value =
                        kept.components(separatedBy: "valeur imprimée « ").last?.components(separatedBy: " »")
                        .first ?? ""
                    expected = expected.replacingOccurrences(of: "{{\(name)}}", with: value)
                    XCTAssertTrue(name.hasPrefix("financement."), "only figures of the unimported missions: \(kept)")
                }
                XCTAssertEqual(Self.words(copy.body), Self.words(expected), "\(format): \(name)")
            }
        }
    }

    func testTheTargetMustBeNewOrEmpty() throws {
        let work = CommandRunner.temporaryDirectory()
        let document = work.appendingPathComponent("projet.md")
        try "# Diagnostic territorial\n\nTexte.\n".write(to: document, atomically: true, encoding: .utf8)
        let empty = work.appendingPathComponent("vide")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertEqual(try importing(document, into: empty).status, 0)
        let again = try CommandRunner.run(CommandRunner.santedoc, ["importer", document.path, empty.path])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("[import.existe]"), again.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: empty.appendingPathComponent("sections/01-diagnostic-territorial.md").path),
            "the first import is untouched")
    }

    /// A killed import's staging folder is removed by the next import to the same target;
    /// folders that only look alike, or whose process still runs, stay.
    func testAnAbandonedStagingFolderIsRemoved() throws {
        let work = CommandRunner.temporaryDirectory()
        let document = work.appendingPathComponent("projet.md")
        try "# Diagnostic territorial\n\nTexte.\n".write(to: document, atomically: true, encoding: .utf8)
        // The highest pid Linux can give (PID_MAX_LIMIT − 1): no process has it.
        let abandoned = work.appendingPathComponent(".nouveau.import-4194303")
        let alive = work.appendingPathComponent(".nouveau.import-1")  // init never stops
        let lookalike = work.appendingPathComponent(".nouveau.import-notes")
        for folder in [abandoned, alive, lookalike] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("sections"), withIntermediateDirectories: true)
        }
        XCTAssertEqual(try importing(document, into: work.appendingPathComponent("nouveau")).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: alive.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: lookalike.path))
    }

    /// A long projet's record is larger than a command-line argument may be (128 kB): it
    /// still reaches the DOCX, and comes back.
    func testALongProjetsRecordComesBack() throws {
        let work = CommandRunner.temporaryDirectory()
        let project = try CommandRunner.copy(CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet"))
        for index in 1...1000 {
            let text = """
                ---
                titre: "Action de terrain numéro \(index) du diagnostic partagé"
                couvre: [diagnostic.offre-soins]
                ---

                Texte de l’action \(index).

                """
            try text.write(
                to: project.appendingPathComponent(String(format: "sections/9%04d-action.md", index)), atomically: true,
                encoding: .utf8)
        }
        let build = try CommandRunner.santedoc(
            "build", project.path, "-o", work.appendingPathComponent("Build").path, "--formats", "docx")
        XCTAssertEqual(build.status, 0, build.stderr)
        let back = work.appendingPathComponent("retour")
        _ = try importing(work.appendingPathComponent("Build/projet-de-sante.docx"), into: back)
        let files = try sections(in: back)
        XCTAssertEqual(files.count, 1013)
        XCTAssertEqual(files["91000-action.md"]?.covers, ["diagnostic.offre-soins"])
    }
}
