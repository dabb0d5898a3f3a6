import Foundation
import XCTest

/// `santedoc apercu`, run as a user would: in a real browser, against hostile requests,
/// on a port already taken.
final class PreviewCommandTests: XCTestCase {
    static let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")

    func copyOfFixture() throws -> URL {
        let copy = CommandRunner.temporaryDirectory().appendingPathComponent("complet")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        return copy
    }

    /// A port nobody listens on, as the system hands it out.
    func freePort() throws -> String {
        let result = try CommandRunner.tool(
            "python3",
            [
                "-c",
                "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])",
            ])
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A preview running in the background; `stop()` sends Ctrl-C and returns its output.
    final class RunningPreview {
        let process = Process()
        let errors = Pipe()

        init(project: URL, arguments: [String]) throws {
            process.executableURL = CommandRunner.santedoc
            process.arguments = ["apercu", project.path] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
        }

        func stop() -> (status: Int32, stderr: String) {
            process.interrupt()
            process.waitUntilExit()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationStatus, text)
        }
    }

    func testTheBrowserFollowsTheSourcesAndTheBannerComesAndGoes() throws {
        let project = try copyOfFixture()
        let result = try CommandRunner.tool(
            "python3",
            [
                CommandRunner.repository.appendingPathComponent("Tests/Browser/check_preview.py").path,
                CommandRunner.santedoc.path, project.path, try freePort(),
            ])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["failures"] as? [String], [])
        XCTAssertNotNil(report["edit_seconds"] as? Double, "the edit shows up by itself (its time: Scripts/benchmark)")
        XCTAssertEqual(report["wrote_build"] as? Bool, false, "a preview writes nothing into Build/")
        XCTAssertEqual(report["stopped"] as? Bool, true, "Ctrl-C stops it cleanly")
    }

    func testOnlyItsOwnPagesAreServedAndOnlyToReadThem() throws {
        let project = try copyOfFixture()
        // Files of the folder that are not the page: none may ever be served.
        try Data("SECRET-NOTES-PRIVEES\n".utf8).write(to: project.appendingPathComponent("notes-privees.txt"))
        let port = try freePort()
        let preview = try RunningPreview(project: project, arguments: ["--port", port])
        let requests = [
            "GET /", "HEAD /", "GET /document", "GET /_apercu/etat", "GET /_apercu/apercu.js",
            "GET /../projet.yaml", "GET /%2e%2e/%2e%2e/etc/passwd", "GET /%2E%2E%2Fprojet.yaml",
            "GET /document/../../projet.yaml", "GET //etc/passwd", "GET /etc/passwd", "GET /projet.yaml",
            "GET /notes-privees.txt", "GET /sections/", "GET /_apercu/", "GET /document%00.html",
            "GET http://127.0.0.1:\(port)/../../etc/passwd",
            "POST /", "PUT /document", "DELETE /document", "OPTIONS /", "PATCH /_apercu/etat",
            "GET /document evil.example:\(port)",
        ]
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = [
            "python3", CommandRunner.repository.appendingPathComponent("Tests/Browser/probe_preview.py").path, port,
            "SECRET-NOTES-PRIVEES", "root:x:0:0", "version_aci:",
        ]
        let input = Pipe()
        let output = Pipe()
        probe.standardInput = input
        probe.standardOutput = output
        try probe.run()
        input.fileHandleForWriting.write(Data(requests.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        probe.waitUntilExit()
        let stopped = preview.stop()
        XCTAssertEqual(stopped.status, 0, stopped.stderr)

        let results = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let status = Dictionary(
            uniqueKeysWithValues: results.map { ($0["request"] as? String ?? "", $0["status"] as? Int) })
        for request in requests {
            let expected: Int
            if request.hasSuffix("evil.example:\(port)") {
                expected = 403
            } else if request.hasPrefix("GET http://") {
                expected = 400  // absolute-form: another host than the one named
            } else if !(request.hasPrefix("GET") || request.hasPrefix("HEAD")) {
                expected = 405
            } else if ["GET /", "HEAD /", "GET /document", "GET /_apercu/etat", "GET /_apercu/apercu.js"]
                .contains(request)
            {
                expected = 200
            } else {
                expected = 404
            }
            XCTAssertEqual(status[request] ?? nil, expected, request)
        }
        for result in results {
            XCTAssertEqual(result["leaks"] as? [String], [], "\(result["request"] ?? "")")
        }
        // HEAD announces the length GET sends, and sends no body.
        let byRequest = Dictionary(uniqueKeysWithValues: results.map { ($0["request"] as? String ?? "", $0) })
        let get = try XCTUnwrap(byRequest["GET /"])
        let head = try XCTUnwrap(byRequest["HEAD /"])
        XCTAssertEqual(get["length"] as? Int, get["received"] as? Int)
        XCTAssertGreaterThan(get["length"] as? Int ?? 0, 0)
        XCTAssertEqual(head["length"] as? Int, get["length"] as? Int)
        XCTAssertEqual(head["received"] as? Int, 0)
    }

    /// Hostile heads answered at once, a flood of idle connections survived, a request
    /// naming two hosts refused: against a running preview.
    func testHostileRequestsAreAnsweredAtOnceAndNeverStopTheServer() throws {
        let port = try freePort()
        let preview = try RunningPreview(project: Self.fixture, arguments: ["--port", port])
        let result = try CommandRunner.tool(
            "python3", [CommandRunner.repository.appendingPathComponent("Tests/Browser/hostile_preview.py").path, port])
        let stopped = preview.stop()
        XCTAssertEqual(stopped.status, 0, stopped.stderr)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["failures"] as? [String], [], "\(report)")
    }

    func testAPortInUseIsAFrenchError() throws {
        let port = try freePort()
        let first = try RunningPreview(project: Self.fixture, arguments: ["--port", port])
        defer { _ = first.stop() }
        // Wait until the first one listens.
        _ = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", CommandRunner.repository.appendingPathComponent("Tests/Browser/probe_preview.py").path, port])
        let second = try CommandRunner.santedoc("apercu", Self.fixture.path, "--port", port)
        XCTAssertEqual(second.status, 2)
        XCTAssertTrue(
            second.stderr.contains(
                "erreur: Le port \(port) est déjà utilisé par un autre programme. [apercu.port-occupe]"),
            second.stderr)
        XCTAssertTrue(second.stderr.contains("santedoc apercu --port"), second.stderr)
    }
}
