import Foundation
import XCTest

/// Nothing outside the project gets into a document: page templates and stylesheets that
/// name a file of the machine or a web address are refused where they name it, the PDF
/// engine fetches nothing, no command but the preview opens a socket.
final class SandboxTests: XCTestCase {
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")

    func testTemplatesAndStylesheetsThatNameAnythingOutsideAreRefusedWhereTheyNameIt() throws {
        let project = try CommandRunner.copy(fixture)
        let models = project.appendingPathComponent("modeles")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        let page = try String(
            contentsOf: CommandRunner.repository.appendingPathComponent("Templates/html/page.mustache"), encoding: .utf8
        )
        try Data(
            page.replacingOccurrences(
                of: "<title>", with: "<link rel=\"attachment\" href=\"file:///etc/passwd\">\n<title>"
            ).utf8
        ).write(to: models.appendingPathComponent("page.mustache"))
        let style = try String(
            contentsOf: CommandRunner.repository.appendingPathComponent("Templates/html/style.css"), encoding: .utf8)
        let lines = style.split(separator: "\n", omittingEmptySubsequences: false).count
        try Data(
            (style
                + "body { background: url(file:///etc/hosts); }\n"
                + "@font-face { font-family: x; src: url(\"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\"); }\n"
                + "@import url(http://127.0.0.1:9/x.css);\n").utf8
        ).write(to: models.appendingPathComponent("style.css"))
        let out = CommandRunner.temporaryDirectory().appendingPathComponent("sortie")
        let result = try CommandRunner.santedoc("build", project.path, "-o", out.path, "--formats", "pdf")
        XCTAssertEqual(result.status, 2)
        for expected in [
            "modeles/page.mustache:6:24: erreur: Le modèle de page demande « file:///etc/passwd »",
            "modeles/style.css:\(lines):20: erreur: La feuille de style demande « file:///etc/hosts »",
            "modeles/style.css:\(lines + 1):35: erreur: La feuille de style demande « /usr/share/fonts/",
            "modeles/style.css:\(lines + 2):9: erreur: La feuille de style demande « http://127.0.0.1:9/x.css »",
        ] {
            XCTAssertTrue(result.stderr.contains(expected), "«\(expected)» in:\n\(result.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    /// Every format of a project whose sections hold raw HTML and links naming local files,
    /// and pictures of its own: no socket, no file opened outside the project, the output,
    /// the toolchain and `Templates/`. (A picture outside the project is refused before any
    /// read: `Tests/Fixtures/casse/131-image-hors-projet`.)
    func testTheEnginesOpenNothingOutsideAndNoSocket() throws {
        let project = try CommandRunner.copy(fixture)
        try FileManager.default.copyItem(
            at: CommandRunner.repository.appendingPathComponent("Tests/Fixtures/images"),
            to: project.appendingPathComponent("images"))
        let section = project.appendingPathComponent("sections/01-territoire.md")
        let text = try String(contentsOf: section, encoding: .utf8)
        try Data(
            (text
                + "\n<link rel=\"attachment\" href=\"file:///etc/passwd\"><img src=\"file:///etc/hostname\">\n\n"
                + "[lien](file:///etc/passwd) ![Carte](images/carte.png) ![Logo](images/logo.svg)\n").utf8
        ).write(to: section)
        // The PDF engine's own installation (Python and its packages) is part of the toolchain.
        // It is named by its own path, as a launcher in front of it (a pyenv shim) reads its settings.
        let python = try CommandRunner.tool(
            "python3",
            [
                "-c",
                "import sys, site; print(sys.executable); print(sys.prefix); print(sys.base_prefix); "
                    + "print(site.getusersitepackages())",
            ])
        let paths = python.stdout.split(separator: "\n").map(String.init)
        let engine = paths.dropFirst().map { $0 + "/" }
        let out = CommandRunner.temporaryDirectory()
        let trace = out.appendingPathComponent("trace.txt")
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/strace"),
            [
                "-f", "-qq", "-e", "trace=openat,open,connect,socket", "-o", trace.path,
                CommandRunner.santedoc.path, "build", project.path, "-o", out.appendingPathComponent("sortie").path,
                "--formats", "tout",
            ], environment: ["SANTEDOC_PYTHON": paths[0]])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("socket(") || $0.contains("connect(") }, [], "no socket at all")
        let allowed =
            [
                "/usr/", "/lib/", "/lib64/", "/opt/swift/", "/proc/", "/sys/", "/dev/null", "/dev/urandom",
                "/etc/fonts/",
                "/etc/ld.so.cache", "/etc/localtime", "/var/cache/fontconfig/", "/tmp/",
                project.path, out.path, CommandRunner.repository.appendingPathComponent("Templates").path,
                CommandRunner.santedoc.deletingLastPathComponent().path,
            ] + engine
        let opened = lines.filter { !$0.contains("ENOENT") && !$0.contains("ENOTDIR") }.compactMap { line -> String? in
            guard let start = line.range(of: "\"/") else { return nil }
            return String(line[line.index(after: start.lowerBound)...].prefix { $0 != "\"" })
        }
        let outside = Set(opened.filter { path in !allowed.contains { path.hasPrefix($0) } })
        XCTAssertEqual(outside.sorted(), [], "opened outside the project, the output, the toolchain and Templates/")
        XCTAssertFalse(opened.contains("/etc/passwd") || opened.contains("/etc/hostname"))
    }

    func testAProjectBuildsWithoutANetwork() throws {
        let out = CommandRunner.temporaryDirectory().appendingPathComponent("sortie")
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/unshare"),
            ["-n", CommandRunner.santedoc.path, "build", fixture.path, "-o", out.path, "--formats", "pdf,odt"])
        XCTAssertEqual(result.status, 0, "every format without any network: \(result.stderr)")
    }
}
