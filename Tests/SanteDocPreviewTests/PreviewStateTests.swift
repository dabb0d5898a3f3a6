import Foundation
import SanteDocTestSupport
import XCTest

@testable import SanteDocCore
@testable import SanteDocModel
@testable import SanteDocPreview

/// The preview's state, and its routes, on the complete fixture rendered in memory.
enum PreviewFixture {
    static func server() throws -> PreviewServer {
        let templates = TestSupport.templates
        let diagnostics = DiagnosticEngine()
        let renderer = try XCTUnwrap(
            PreviewRenderer(
                toolkit: Toolkit(templates: templates),
                projectPath: TestSupport.fixtures.appendingPathComponent("complet").path, referential: nil,
                regulation: TestSupport.regulation(), diagnostics: diagnostics))
        let assets = try PreviewAssets.load(from: templates).get()
        return PreviewServer(
            renderer: renderer, projectPath: TestSupport.fixtures.appendingPathComponent("complet").path,
            assets: assets, settings: .init(), report: { _ in })
    }
}

final class PreviewStateTests: XCTestCase {
    func testAValidRenderIsServedAnInvalidOneKeepsThePreviousPage() throws {
        let server = try PreviewFixture.server()
        let state = server.state
        XCTAssertNil(state.document.page, "nothing before the first render")
        let good = server.renderer.render()
        state.publish(good)
        XCTAssertEqual(state.version, 1)
        XCTAssertEqual(state.document.version, 1)
        XCTAssertEqual(state.document.page, good.page)

        var broken = good
        broken.page = nil
        broken.report = nil
        broken.diagnostics = [
            Diagnostic("yaml.syntaxe", .error, at: SourceLocation(file: "projet.yaml", line: 3), "YAML illisible.")
        ]
        state.publish(broken)
        XCTAssertEqual(state.version, 2)
        XCTAssertEqual(state.document.version, 1, "the page stays the last valid one")
        XCTAssertEqual(state.document.page, good.page)
        let panel = try XCTUnwrap(JSONSerialization.jsonObject(with: state.panelJSON) as? [String: Any])
        XCTAssertEqual(panel["valid"] as? Bool, false)
        XCTAssertEqual(panel["document"] as? Int, 1)
        let messages = try XCTUnwrap(panel["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(messages.first?["id"] as? String, "yaml.syntaxe")
        XCTAssertEqual(messages.first?["line"] as? Int, 3)
    }

    func testThePanelIsCheckJSONWithItsLinks() throws {
        let server = try PreviewFixture.server()
        let render = server.renderer.render()
        server.state.publish(render)
        let panel = try XCTUnwrap(JSONSerialization.jsonObject(with: server.state.panelJSON) as? [String: Any])
        let report = try XCTUnwrap(render.report)
        let check = CheckJSON.object(report: report, diagnostics: [], project: nil)
        XCTAssertEqual(panel["summary"] as? String, check["summary"] as? String)
        XCTAssertEqual(panel["complete"] as? Bool, true)
        let requirements = try XCTUnwrap(panel["requirements"] as? [[String: Any]])
        XCTAssertEqual(requirements.count, (check["requirements"] as? [[String: Any]])?.count)
        XCTAssertTrue(requirements.allSatisfy { $0["label"] is String }, "each status in words")
        let health = try XCTUnwrap(requirements.first { $0["id"] as? String == "diagnostic.etat-sante" })
        XCTAssertEqual(health["link"] as? String, "#" + (render.anchors["sections/03-etat-sante.md"] ?? "?"))
    }

    func testOpenPagesAreToldOfEachVersionAndOfTheEnd() throws {
        let server = try PreviewFixture.server()
        let state = server.state
        XCTAssertEqual(state.waitForChange(after: 0, timeout: 0.01), .timedOut)
        state.publish(server.renderer.render())
        XCTAssertEqual(state.waitForChange(after: 0, timeout: 0.01), .changed(1))
        state.close()
        XCTAssertEqual(state.waitForChange(after: 1, timeout: 5), .closed)
    }
}

final class RouterTests: XCTestCase {
    func request(_ target: String, method: String = "GET", host: [String] = ["127.0.0.1:8000"]) -> RequestHead {
        RequestHead(method: method, target: target, version: "HTTP/1.1", fields: host.map { (name: "host", value: $0) })
    }

    func response(_ routed: HTTPListener.Routed) throws -> HTTPResponse {
        guard case let .response(response) = routed else {
            XCTFail("a stream where a response was expected")
            throw CancellationError()
        }
        return response
    }

    func testOnlyItsOwnHostOnceAndOnlyReading() throws {
        let router = Router(try PreviewFixture.server())
        XCTAssertEqual(try response(router.route(request("/", method: "POST"))).status, 405)
        XCTAssertEqual(try response(router.route(request("/", host: []))).status, 400)
        XCTAssertEqual(try response(router.route(request("/", host: ["evil.example", "127.0.0.1:8000"]))).status, 400)
        XCTAssertEqual(try response(router.route(request("/", host: ["evil.example"]))).status, 403)
        XCTAssertEqual(try response(router.route(request("/etc/passwd"))).status, 404)
        XCTAssertEqual(try response(router.route(request("/", method: "HEAD"))).status, 200)
    }

    func testTheDocumentRunsNoScriptAndThePanelIsJSON() throws {
        let server = try PreviewFixture.server()
        let router = Router(server)
        let waiting = try response(router.route(request("/document")))
        XCTAssertEqual(waiting.status, 200, "a page saying the render is on its way")
        server.state.publish(server.renderer.render())
        let document = try response(router.route(request("/document?v=1")))
        let policy = document.headers.first { $0.0 == "Content-Security-Policy" }?.1 ?? ""
        XCTAssertTrue(policy.hasPrefix("default-src 'none'") && !policy.contains("script-src"), policy)
        XCTAssertTrue(String(decoding: document.body, as: UTF8.self).contains("<main id=\"contenu\">"))
        let panel = try response(router.route(request(Router.statePath)))
        XCTAssertEqual(panel.headers.first { $0.0 == "Content-Type" }?.1, "application/json")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(panel.body)) as? [String: Any])
    }
}
