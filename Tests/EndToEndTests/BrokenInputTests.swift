import Foundation
import XCTest

/// Replays `Tests/Fixtures/casse/*`: each case overlays the complete fixture with broken
/// files (and `_supprimer.txt` removes some); `_attendu.txt` holds the expected
/// diagnostic. Every case must exit 2, print it, print only French located errors, and
/// write nothing.
final class BrokenInputTests: XCTestCase {
    let corpus = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/casse")
    let base = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")

    func testEveryBrokenProjectFailsCleanly() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 30)
        for name in cases {
            let folder = corpus.appendingPathComponent(name)
            let work = CommandRunner.temporaryDirectory()
            let project = work.appendingPathComponent("projet")
            try FileManager.default.copyItem(at: base, to: project)
            try apply(folder, to: project)
            let arguments = try lines(folder.appendingPathComponent("_arguments.txt"))
                .map { $0.replacingOccurrences(of: "{projet}", with: project.path) }
            let output = work.appendingPathComponent("sortie")
            let result = try CommandRunner.run(CommandRunner.santedoc, ["build", project.path, "-o", output.path] + arguments)
            let stderr = result.stderr.replacingOccurrences(of: project.path, with: "{projet}")
            XCTAssertEqual(result.status, 2, "\(name): \(stderr)")
            for expected in try lines(folder.appendingPathComponent("_attendu.txt")) {
                XCTAssertTrue(stderr.contains(expected), "\(name): expected «\(expected)» in:\n\(stderr)")
            }
            for line in stderr.split(separator: "\n") where line.contains("erreur:") {
                XCTAssertNotNil(line.range(of: #"^\S+:\d+:\d+: erreur: \S"#, options: .regularExpression),
                                "\(name): not a located error line: \(line)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "\(name): nothing is written")
        }
    }

    private func apply(_ folder: URL, to project: URL) throws {
        for path in try lines(folder.appendingPathComponent("_supprimer.txt")) {
            try FileManager.default.removeItem(at: project.appendingPathComponent(path))
        }
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true,
                  !url.lastPathComponent.hasPrefix("_") else { continue }
            let relative = String(url.path.dropFirst(folder.path.count + 1))
            let target = project.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: url, to: target)
        }
    }

    private func lines(_ url: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}

/// A build killed at any moment leaves each output either as it was or wholly new.
final class InterruptedBuildTests: XCTestCase {
    func testKilledBuildsNeverLeavePartialOutputs() throws {
        let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")
        let project = try CommandRunner.copy(fixture)
        let output = CommandRunner.temporaryDirectory()
        let names = ["projet-de-sante.xml", "projet-de-sante.html"]
        XCTAssertEqual(try CommandRunner.santedoc("build", project.path, "-o", output.path).status, 0)
        let old = try names.map { try Data(contentsOf: output.appendingPathComponent($0)) }

        let section = project.appendingPathComponent("sections/03-etat-sante.md")
        try Data((try String(contentsOf: section, encoding: .utf8) + "\nUn paragraphe ajouté.\n").utf8).write(to: section)
        let reference = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", project.path, "-o", reference.path).status, 0)
        let new = try names.map { try Data(contentsOf: reference.appendingPathComponent($0)) }
        XCTAssertNotEqual(old, new)

        for delay in stride(from: 0, through: 300_000, by: 20_000) {
            let process = Process()
            process.executableURL = CommandRunner.santedoc
            process.arguments = ["build", project.path, "-o", output.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let current = try names.map { try Data(contentsOf: output.appendingPathComponent($0)) }
            let journal = FileManager.default.fileExists(atPath: output.appendingPathComponent(".santedoc-journal").path)
            // Whole files always; the pair from one run, unless a journal says the next run completes it.
            XCTAssertTrue(current == old || current == new || (journal && zip(current, zip(old, new)).allSatisfy {
                $0 == $1.0 || $0 == $1.1 }), "outputs mixed or partial after a kill at \(delay) µs")
        }
        XCTAssertEqual(try CommandRunner.santedoc("build", project.path, "-o", output.path).status, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "temporary files and journals of killed runs are cleared")
    }
}

/// The fuzzing entry point, built without libFuzzer, replays every fixture file.
final class FuzzReplayTests: XCTestCase {
    func testTheFuzzEntryPointReadsEveryFixtureFile() throws {
        let fixtures = CommandRunner.repository.appendingPathComponent("Tests/Fixtures")
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true { files.append(url.path) }
        }
        let replay = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("santedoc-fuzz")
        let result = try CommandRunner.run(replay, files)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "\(files.count) entrées relues sans plantage\n")
    }
}
