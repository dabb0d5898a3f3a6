import Foundation
import XCTest

/// Outputs stay whole under faults and concurrency: two builds into one folder never mix,
/// a run that fails never installs anything, a killed run leaves no mixed state and the
/// next command leaves no temporary.
final class OutputIntegrityTests: XCTestCase {
    static let names = ["projet-de-sante.xml", "projet-de-sante.html", "completude.html"]

    /// Two valid projects that differ in every output file, and one whose sources are invalid.
    static func projects() throws -> (a: URL, b: URL, broken: URL) {
        let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")
        let a = try CommandRunner.copy(fixture)
        let b = try CommandRunner.copy(fixture)
        let broken = try CommandRunner.copy(fixture)
        func edit(_ project: URL, _ old: String, _ new: String) throws {
            let yaml = project.appendingPathComponent("projet.yaml")
            try Data(try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: old, with: new).utf8).write(
                to: yaml)
        }
        try edit(b, "CPTS du Val d’Exemple (fictive)", "CPTS de la Vallée Bis (fictive)")
        try edit(broken, "  population: 104500", "  popultion: 104500")
        return (a, b, broken)
    }

    func start(_ project: URL, into output: URL) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.santedoc
        process.arguments = ["build", project.path, "-o", output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func snapshot(_ output: URL) -> [Data?] {
        Self.names.map { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) }
    }

    func reference(_ project: URL) throws -> [Data?] {
        let output = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", project.path, "-o", output.path).status, 0)
        return snapshot(output)
    }

    func testConcurrentBuildsIntoOneFolderNeverMixAndAFailedRunNeverInstalls() throws {
        let (a, b, broken) = try Self.projects()
        let fromA = try reference(a)
        let fromB = try reference(b)
        XCTAssertTrue(zip(fromA, fromB).allSatisfy { $0 != $1 }, "the two projects differ in every file")
        let output = CommandRunner.temporaryDirectory()
        for pair in 0..<200 {
            let second = pair % 4 == 3 ? broken : b
            let first = try start(a, into: output)
            let other = try start(second, into: output)
            first.waitUntilExit()
            other.waitUntilExit()
            let state = snapshot(output)
            XCTAssertTrue(state == fromA || state == fromB, "pair \(pair): the folder holds the files of two runs")
            if second == broken {
                XCTAssertEqual(other.terminationStatus, 2)
                XCTAssertEqual(state, fromA, "pair \(pair): a run that exits 2 installs nothing")
            }
        }
        let hidden = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(hidden, [], "no temporary, no journal")
    }

    func testRandomKillsNeverLeaveAMixedStateAndTheNextCommandLeavesNoTemporary() throws {
        let (a, b, _) = try Self.projects()
        let fromA = try reference(a)
        let fromB = try reference(b)
        let output = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", a.path, "-o", output.path).status, 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let project = round % 2 == 0 ? b : a
            let process = try start(project, into: output)
            usleep(useconds_t.random(in: 0...150_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let state = snapshot(output)
            let journal = FileManager.default.fileExists(
                atPath: output.appendingPathComponent(".santedoc-journal").path)
            // Whole files always; one run's set, unless a journal says the next command completes it.
            XCTAssertTrue(
                state == fromA || state == fromB
                    || (journal && state.indices.allSatisfy { state[$0] == fromA[$0] || state[$0] == fromB[$0] }),
                "kill \(round): mixed or partial outputs")
            // Any next command finishes or discards what the killed run left.
            let next = round % 3 == 0 ? ["check", a.path] : ["build", project.path, "-o", output.path]
            let result = try CommandRunner.run(CommandRunner.santedoc, next)
            if next[0] == "build" {
                XCTAssertEqual(result.status, 0)
                XCTAssertEqual(snapshot(output), project == a ? fromA : fromB)
                let hidden = try FileManager.default.contentsOfDirectory(atPath: output.path).filter {
                    $0.hasPrefix(".")
                }
                XCTAssertEqual(hidden, [], "kill \(round): temporaries left after the next build")
            }
        }
    }
}

/// Kills during the longest runs — every format, a contract year — each followed by an
/// invalid build, then a valid run: whole states always, no engine left running, no
/// engine folder left behind.
final class KillDuringEnginesTests: XCTestCase {
    static let formats = ["xml", "html", "pdf", "odt", "docx"].map { "projet-de-sante.\($0)" } + ["completude.html"]

    func snapshot(_ output: URL) -> [Data?] {
        Self.formats.map { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) }
    }

    func engineFolders() -> Set<String> {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("santedoc-moteurs-\(getuid())")
        return Set(
            ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter {
                $0.hasPrefix("moteur-")
            })
    }

    /// Engines started by `pid` still running.
    func engines(of pid: Int32) -> [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return all.compactMap { entry -> String? in
            guard Int32(entry) != nil,
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid ? entry : nil
        }
    }

    func testKillsDuringEveryFormatThenAnInvalidBuildNeverLeaveAMixedState() throws {
        let (a, b, broken) = try OutputIntegrityTests.projects()
        func reference(_ project: URL) throws -> [Data?] {
            let output = CommandRunner.temporaryDirectory()
            XCTAssertEqual(
                try CommandRunner.santedoc("build", project.path, "-o", output.path, "--formats", "tout").status, 0)
            return snapshot(output)
        }
        let fromA = try reference(a)
        let fromB = try reference(b)
        let output = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", a.path, "-o", output.path, "--formats", "tout").status, 0)
        let before = engineFolders()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let project = round % 2 == 0 ? b : a
            let process = Process()
            process.executableURL = CommandRunner.santedoc
            process.arguments = ["build", project.path, "-o", output.path, "--formats", "tout"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t.random(in: 0...2_500_000, using: &generator))
            let pid = process.processIdentifier
            kill(pid, SIGKILL)
            process.waitUntilExit()
            usleep(100_000)
            XCTAssertEqual(engines(of: pid), [], "kill \(round): the engines died with SanteDoc")
            let invalid = try CommandRunner.santedoc("build", broken.path, "-o", output.path, "--formats", "tout")
            XCTAssertEqual(invalid.status, 2)
            let state = snapshot(output)
            XCTAssertTrue(state == fromA || state == fromB, "kill \(round): mixed outputs after an invalid build")
            XCTAssertEqual(
                try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }, [],
                "kill \(round): a journal or a temporary left after the next run")
            // Only the killed run's: another santedoc running on the machine has folders of its own.
            XCTAssertEqual(
                engineFolders().subtracting(before).filter { $0.hasPrefix("moteur-\(pid)-") }, [],
                "kill \(round): engine folders left behind")
        }
        XCTAssertEqual(try CommandRunner.santedoc("build", a.path, "-o", output.path, "--formats", "tout").status, 0)
        XCTAssertEqual(snapshot(output), fromA)
    }

    func testKillsDuringAContractYearLeaveAWholeRecord() throws {
        let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")
        let broken = try OutputIntegrityTests.projects().broken
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let project = try CommandRunner.copy(fixture)
            let output = CommandRunner.temporaryDirectory()
            let process = Process()
            process.executableURL = CommandRunner.santedoc
            process.arguments = [
                "annexes", project.path, "-o", output.path, "--annee", "1", "--formats", "xml,html,pdf",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t.random(in: 0...3_000_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(try CommandRunner.santedoc("build", broken.path, "-o", output.path).status, 2)
            let again = try CommandRunner.santedoc(
                "annexes", project.path, "-o", output.path, "--annee", "1", "--formats", "xml,html,pdf")
            XCTAssertEqual(again.status, 0, "kill \(round): the record is whole or absent: \(again.stderr)")
            let record = project.appendingPathComponent("contrat/annee-1")
            let checked = try CommandRunner.run(
                URL(fileURLWithPath: "/usr/bin/sha256sum"), ["-c", "--quiet", "empreintes.sha256"], directory: record)
            XCTAssertEqual(checked.status, 0, "kill \(round): \(checked.stdout)")
            XCTAssertEqual(
                try FileManager.default.contentsOfDirectory(atPath: record.path).filter { $0.hasPrefix(".") }, [])
        }
    }
}
