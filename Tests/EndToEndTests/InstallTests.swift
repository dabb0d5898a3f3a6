import Foundation
import XCTest

/// SanteDoc as a coordinator installs it: `Scripts/install`, then `santedoc` by its name
/// from any folder, on a project elsewhere.
final class InstallTests: XCTestCase {
    func testTheInstalledCommandRunsByNameFromAnyFolder() throws {
        let prefix = CommandRunner.temporaryDirectory()
        let install = try CommandRunner.run(
            CommandRunner.repository.appendingPathComponent("Scripts/install"),
            ["--prefix", prefix.path, "--binary", CommandRunner.santedoc.path])
        XCTAssertEqual(install.status, 0, install.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/santedoc/Templates/aci").path))
        let path = prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        // No variable points at the checkout: the program finds its data from its own file.
        func santedoc(_ arguments: [String], in folder: URL) throws -> CommandRunner.Result {
            try CommandRunner.run(
                URL(fileURLWithPath: "/usr/bin/env"), ["santedoc"] + arguments,
                environment: ["PATH": path], unsetting: ["SANTEDOC_TEMPLATES"], directory: folder)
        }
        let version = try santedoc(["--version"], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertTrue(
            version.stdout.hasPrefix("santedoc ") && version.stdout.contains("aci-2019-avenant-2")
                && version.stdout.contains("ars-socle"), version.stdout)

        let elsewhere = CommandRunner.temporaryDirectory()
        let project = elsewhere.appendingPathComponent("ma-cpts")
        XCTAssertEqual(try santedoc(["init", project.path], in: URL(fileURLWithPath: "/")).status, 0)
        let fixture = try CommandRunner.copy(CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet"))
        for (arguments, status) in [
            (["check", fixture.path], Int32(0)), (["figures", fixture.path], 0),
            (["build", fixture.path, "-o", elsewhere.appendingPathComponent("sortie").path], 0),
            (["annexes", fixture.path, "-o", elsewhere.appendingPathComponent("sortie").path], 0),
            (["check", project.path], 1),
        ] {
            let result = try santedoc(arguments, in: URL(fileURLWithPath: "/"))
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stderr)")
        }
        // Inside a project folder, no argument is needed.
        let inside = try santedoc(["build"], in: fixture)
        XCTAssertEqual(inside.status, 0, inside.stderr)
        XCTAssertTrue(inside.stdout.contains("Version de travail écrite dans « Build »"), inside.stdout)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: fixture.appendingPathComponent("Build/projet-de-sante.html").path))
        let figures = try santedoc(["figures"], in: fixture)
        XCTAssertTrue(figures.stdout.contains("territoire.population"), figures.stdout)
        // The documentation projet.yaml points to, from the installed program.
        let guide = try santedoc(["aide", "format"], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(guide.status, 0, guide.stderr)
        XCTAssertTrue(guide.stdout.hasPrefix("# Le format d’un projet SanteDoc"), String(guide.stdout.prefix(80)))
        let messages = try santedoc(["aide", "diagnostics"], in: URL(fileURLWithPath: "/"))
        XCTAssertTrue(messages.stdout.contains("`contrat.deja-scelle`"))
        let skeleton = try String(contentsOf: project.appendingPathComponent("projet.yaml"), encoding: .utf8)
        XCTAssertTrue(skeleton.contains("« santedoc aide format »"), "the skeleton names the command")
    }
}
