import Foundation
import XCTest

/// What users read on the terminal: French everywhere, colour only on a terminal.
final class ConsoleTests: XCTestCase {
    func testHelpAndUsageErrorsAreFrench() throws {
        let help = try CommandRunner.santedoc("--help")
        XCTAssertEqual(help.status, 0)
        for french in [
            "RÉSUMÉ :", "UTILISATION : santedoc [--version] <sous-commande>", "SOUS-COMMANDES :", "Affiche cette aide.",
        ] {
            XCTAssertTrue(help.stdout.contains(french), french)
        }
        for english in ["USAGE", "OVERVIEW", "SUBCOMMANDS", "Show help"] {
            XCTAssertFalse(help.stdout.contains(english), english)
        }
        let build = try CommandRunner.santedoc("build", "--aide")
        XCTAssertTrue(build.stdout.contains("<dossier>") && build.stdout.contains("(par défaut : Build)"), build.stdout)

        let unknown = try CommandRunner.santedoc("build", "--ouput", "x")
        XCTAssertEqual(unknown.status, 64, "the parser's usage status is kept")
        XCTAssertTrue(
            unknown.stderr.hasPrefix("santedoc: erreur: option inconnue « --ouput ». vouliez-vous dire « --output » ?"),
            unknown.stderr)
        XCTAssertFalse(unknown.stderr.contains("Error"))
    }

    func testMisspeltCommandsGetASuggestionAndHelpPrintsEachDefaultOnce() throws {
        let typo = try CommandRunner.santedoc("biuld")
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(
            typo.stderr.hasPrefix("santedoc: erreur: commande inconnue « biuld ». vouliez-vous dire « build » ?"),
            typo.stderr)
        let help = try CommandRunner.santedoc("check", "--help")
        let jobs = help.stdout.components(separatedBy: "--jobs").last ?? ""
        XCTAssertEqual(jobs.components(separatedBy: "par défaut").count - 1, 1, help.stdout)
        let version = try CommandRunner.santedoc("--version")
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("santedoc 0."), version.stdout)
    }

    /// `script` gives the command a pseudo-terminal, as a user's shell would.
    func onTerminal(_ command: String, noColor: Bool) throws -> String {
        try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"],
            environment: noColor ? ["NO_COLOR": "1"] : [:], unsetting: noColor ? [] : ["NO_COLOR"]
        ).stdout
    }

    func testColourOnlyOnATerminalAndNeverWithNoColor() throws {
        let command = "\(CommandRunner.santedoc.path) check Tests/Fixtures/echantillon"
        let coloured = try onTerminal(command, noColor: false)
        XCTAssertTrue(
            coloured.contains("\u{1B}[31m✗"), "coloured marks on a terminal: \(coloured.prefix(300).debugDescription)")
        XCTAssertFalse(try onTerminal(command, noColor: true).contains("\u{1B}["), "NO_COLOR is honoured")
        XCTAssertFalse(
            try CommandRunner.santedoc("check", "Tests/Fixtures/echantillon").stdout.contains("\u{1B}["),
            "no colour in a pipe")
    }
}
