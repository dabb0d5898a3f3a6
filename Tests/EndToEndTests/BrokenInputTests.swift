import Foundation
import XCTest

/// Replays `Tests/Fixtures/casse/*`: each case overlays the complete fixture with its own
/// files and runs one command (by default `build {projet} -o {sortie} --verbose`).
///
/// Case files: any file not starting with `_` is copied over the project;
/// `_supprimer.txt` paths to remove; `_commande.txt` the command; `_arguments.txt` extra
/// arguments; `_attendu.txt` lines expected on standard error; `_code.txt` the exit status
/// (2 by default); `_environnement.txt` `NOM=valeur` lines; `_modeles/` files laid over a
/// copy of `Templates/` (and `_modeles-supprimer.txt`) that the command then uses;
/// `_generer.txt` `CHEMIN TAILLE` files of that many bytes, or `CHEMIN répéter N LIGNE` to
/// append N copies of a line (stress cases are generated, not committed as megabytes); `_liens.txt` `CHEMIN CIBLE`
/// symbolic links; `_dossiers.txt` folders; `_sans-position.txt` allows errors that are
/// about no file (`santedoc: erreur:`); `_avant.txt` commands run first (a seal, a year
/// produced — `{preparation}` is their own output folder; `{depot}` the repository), then `_retouches.txt` edits
/// the project: `remplacer CHEMIN` followed by the old and the new text on the next two
/// lines, `ajouter CHEMIN` and the text to append, `supprimer CHEMIN` (`\n` is a line break,
/// an empty line an empty text), so that a case states only what it changes.
final class BrokenInputTests: XCTestCase {
    static let corpus = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/casse")
    static let base = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")

    struct Run {
        var name: String
        var status: Int32
        var stderr: String
        /// Whether the output folder exists after the run.
        var wrote: Bool
    }

    /// Every case, run once for all the tests that read them.
    static let runs: [Run] = {
        let cases = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()) ?? []
        // A case that cannot be set up is a failure of its own, never dropped.
        return cases.map { name in
            do { return try run(corpus.appendingPathComponent(name)) } catch {
                return Run(name: name, status: -1, stderr: "mise en place impossible : \(error)", wrote: false)
            }
        }
    }()

    static func run(_ folder: URL) throws -> Run {
        let work = CommandRunner.temporaryDirectory()
        let project = work.appendingPathComponent("projet")
        let output = work.appendingPathComponent("sortie")
        try FileManager.default.copyItem(at: base, to: project)
        try apply(folder, to: project, work: work)
        func substitute(_ text: String) -> String {
            text.replacingOccurrences(of: "{projet}", with: project.path).replacingOccurrences(
                of: "{sortie}", with: output.path
            ).replacingOccurrences(of: "{preparation}", with: work.appendingPathComponent("preparation").path)
                .replacingOccurrences(of: "{depot}", with: CommandRunner.repository.path)
        }
        for command in try lines(folder.appendingPathComponent("_avant.txt")) {
            let prepared = try CommandRunner.run(
                CommandRunner.santedoc, command.split(separator: " ").map { substitute(String($0)) })
            guard [0, 1].contains(prepared.status) else {
                throw CaseError.setUp("\(folder.lastPathComponent): « \(command) » : \(prepared.stderr)")
            }
        }
        try retouch(folder.appendingPathComponent("_retouches.txt"), project: project)
        let command =
            try lines(folder.appendingPathComponent("_commande.txt")).first
            ?? "build {projet} -o {sortie} --verbose"
        let arguments =
            command.split(separator: " ").map { substitute(String($0)) }
            + (try lines(folder.appendingPathComponent("_arguments.txt"))).map(substitute)
        var environment: [String: String] = [:]
        for line in try lines(folder.appendingPathComponent("_environnement.txt")) {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { environment[parts[0]] = substitute(parts[1]) }
        }
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("_modeles").path)
            || FileManager.default.fileExists(atPath: folder.appendingPathComponent("_modeles-supprimer.txt").path)
        {
            environment["SANTEDOC_TEMPLATES"] = try templates(for: folder, in: work).path
        }
        let result = try CommandRunner.run(CommandRunner.santedoc, arguments, environment: environment)
        return Run(
            name: folder.lastPathComponent, status: result.status,
            stderr: result.stderr.replacingOccurrences(of: project.path, with: "{projet}")
                .replacingOccurrences(of: output.path, with: "{sortie}"),
            wrote: FileManager.default.fileExists(atPath: output.path))
    }

    func testEveryCaseGivesItsDiagnosticAndExitStatus() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
        XCTAssertEqual(Self.runs.count, cases.count, "every case of the corpus runs")
        for run in Self.runs {
            let folder = Self.corpus.appendingPathComponent(run.name)
            let expectedStatus = Int32(try Self.lines(folder.appendingPathComponent("_code.txt")).first ?? "2") ?? 2
            XCTAssertEqual(run.status, expectedStatus, "\(run.name): \(run.stderr)")
            for expected in try Self.lines(folder.appendingPathComponent("_attendu.txt")) {
                XCTAssertTrue(run.stderr.contains(expected), "\(run.name): expected «\(expected)» in:\n\(run.stderr)")
            }
            let unlocatedAllowed = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("_sans-position.txt").path)
            for line in run.stderr.split(separator: "\n") where line.contains("erreur:") {
                let located =
                    line.range(of: #"^\S+:\d+:\d+: erreur: \S.* \[[a-z0-9.\-]+\]$"#, options: .regularExpression) != nil
                let general =
                    line.range(of: #"^santedoc: erreur: \S.* \[[a-z0-9.\-]+\]$"#, options: .regularExpression) != nil
                XCTAssertTrue(
                    located || (unlocatedAllowed && general), "\(run.name): not a located error line: \(line)")
            }
            for line in run.stderr.split(separator: "\n") where line.contains("Error") || line.contains("error:") {
                XCTFail("\(run.name): English on standard error: \(line)")
            }
        }
    }

    func testNothingIsWrittenWhenSourcesAreInvalid() throws {
        for run in Self.runs where run.status == 2 {
            XCTAssertFalse(run.wrote, "\(run.name): a failed command writes nothing")
        }
    }

    // MARK: Case set-up

    static func apply(_ folder: URL, to project: URL, work: URL) throws {
        for path in try lines(folder.appendingPathComponent("_supprimer.txt")) {
            try FileManager.default.removeItem(at: project.appendingPathComponent(path))
        }
        try overlay(folder, onto: project, skippingUnderscored: true)
        for line in try lines(folder.appendingPathComponent("_generer.txt")) {
            let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
            let target = project.appendingPathComponent(parts[0])
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if parts.count == 2, let size = Int(parts[1]) {
                try Data(repeating: UInt8(ascii: "a"), count: size).write(to: target)
            } else if parts.count == 4, parts[1] == "répéter", let count = Int(parts[2]) {
                // `CHEMIN répéter N LIGNE` appends N copies of LIGNE (`\n` for a line break) to the file.
                let unit = parts[3].replacingOccurrences(of: "\\n", with: "\n") + "\n"
                let existing = (try? Data(contentsOf: target)) ?? Data()
                try (existing + Data(String(repeating: unit, count: count).utf8)).write(to: target)
            }
        }
        for line in try lines(folder.appendingPathComponent("_liens.txt")) {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 2 else { continue }
            try FileManager.default.createSymbolicLink(
                atPath: project.appendingPathComponent(parts[0]).path,
                withDestinationPath: parts[1])
        }
        for path in try lines(folder.appendingPathComponent("_dossiers.txt")) {
            try FileManager.default.createDirectory(
                at: project.appendingPathComponent(path), withIntermediateDirectories: true)
        }
    }

    enum CaseError: Error { case setUp(String) }

    /// `_retouches.txt`: small edits of the project after its preparation.
    static func retouch(_ url: URL, project: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        var lines = try String(contentsOf: url, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { $0.replacingOccurrences(of: "\\n", with: "\n") }[...]
        func next() throws -> String {
            guard let line = lines.popFirst() else { throw CaseError.setUp("\(url.path): texte attendu") }
            return line
        }
        while let command = lines.popFirst() {
            let parts = command.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let target = project.appendingPathComponent(parts[1])
            switch parts[0] {
            case "supprimer": try FileManager.default.removeItem(at: target)
            case "ajouter":  // to the end of the file, created if need be
                let text = try next()
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try (((try? Data(contentsOf: target)) ?? Data()) + Data(text.utf8)).write(to: target)
            case "remplacer":
                let (old, new) = (try next(), try next())
                let text = try String(contentsOf: target, encoding: .utf8)
                guard text.contains(old) else { throw CaseError.setUp("« \(old) » absent de \(parts[1])") }
                try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: target)
            default: throw CaseError.setUp("\(url.path): « \(parts[0]) » inconnu")
            }
        }
    }

    /// A copy of `Templates/` with the case's own regulation files laid over it.
    static func templates(for folder: URL, in work: URL) throws -> URL {
        let copy = work.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Templates"), to: copy)
        for path in try lines(folder.appendingPathComponent("_modeles-supprimer.txt")) {
            try FileManager.default.removeItem(at: copy.appendingPathComponent(path))
        }
        let own = folder.appendingPathComponent("_modeles")
        if FileManager.default.fileExists(atPath: own.path) { try overlay(own, onto: copy, skippingUnderscored: false) }
        return copy
    }

    static func overlay(_ source: URL, onto target: URL, skippingUnderscored: Bool) throws {
        let enumerator = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.path.dropFirst(source.path.count + 1))
            if skippingUnderscored, relative.hasPrefix("_") {
                if try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true {
                    enumerator?.skipDescendants()
                }
                continue
            }
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let destination = target.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: url, to: destination)
        }
    }

    static func lines(_ url: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter {
            !$0.isEmpty
        }
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
        let replay = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "santedoc-fuzz")
        let result = try CommandRunner.run(replay, files)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "\(files.count) entrées relues sans plantage\n")
    }
}
