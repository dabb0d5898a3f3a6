import FlyingFox
import Foundation

/// The preview's only routes. Everything is answered from memory; any other path is
/// 404, any method but GET and HEAD is 405, and a request naming another host than the
/// preview's (a DNS-rebinding page in the browser) is 403.
struct Router: HTTPHandler {
    let server: PreviewServer
    private let live: WebSocketHTTPHandler

    init(_ server: PreviewServer) {
        self.server = server
        live = WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: LiveChannel(state: server.state)))
    }

    static let documentPath = "/document"
    static let statePath = "/_apercu/etat"
    static let livePath = "/_apercu/direct"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return text(
                .methodNotAllowed, "Méthode non autorisée : l’aperçu se consulte seulement.", ["Allow": "GET, HEAD"])
        }
        guard isOwnHost(request.headers[HTTPHeader("Host")]) else {
            return text(.forbidden, "Hôte non autorisé.")
        }
        let response: HTTPResponse
        switch request.path {
        case "/":
            response = page(server.assets.shell, type: "text/html; charset=utf-8", policy: Self.shellPolicy)
        case Self.documentPath:
            let document = server.state.document
            response = page(
                document.page ?? Array(PreviewAssets.noPageYet.utf8), type: "text/html; charset=utf-8",
                policy: Self.documentPolicy)
        case Self.statePath:
            response = page(Array(server.state.panelJSON), type: "application/json", policy: Self.documentPolicy)
        case "/_apercu/apercu.css":
            response = page(server.assets.stylesheet, type: "text/css; charset=utf-8", policy: Self.documentPolicy)
        case "/_apercu/apercu.js":
            response = page(server.assets.script, type: "text/javascript; charset=utf-8", policy: Self.documentPolicy)
        case Self.livePath where request.method == .GET:
            guard isOwnOrigin(request.headers[HTTPHeader("Origin")]) else {
                return text(.forbidden, "Origine non autorisée.")
            }
            return try await live.handleRequest(request)
        default:
            return text(.notFound, "Page introuvable.")
        }
        guard request.method == .HEAD else { return response }
        // The headers GET would send, Content-Length included (set by `page`), no body.
        return HTTPResponse(statusCode: response.statusCode, headers: response.headers)
    }

    /// The shell runs its own script and frames the document; nothing from elsewhere.
    static let shellPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; "
        + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    /// The generated page needs no script at all: none runs, whatever its sources hold.
    static let documentPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'self'"

    private func page(_ bytes: [UInt8], type: String, policy: String) -> HTTPResponse {
        HTTPResponse(
            statusCode: .ok,
            headers: [
                .contentType: type, HTTPHeader("Content-Security-Policy"): policy,
                HTTPHeader("X-Content-Type-Options"): "nosniff", .cacheControl: "no-store",
                HTTPHeader("Referrer-Policy"): "no-referrer", .contentLength: String(bytes.count),
            ], body: Data(bytes))
    }

    private func text(_ status: HTTPStatusCode, _ message: String, _ extra: [String: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        for (name, value) in extra { headers[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: Data((message + "\n").utf8))
    }

    private var ownHosts: Set<String> {
        let port = server.settings.port
        var hosts: Set<String> = ["\(server.settings.host):\(port)"]
        if server.settings.host == PreviewServer.loopback { hosts.formUnion(["localhost:\(port)", "[::1]:\(port)"]) }
        return hosts
    }

    private func isOwnHost(_ host: String?) -> Bool {
        guard let host else { return false }
        return ownHosts.contains(host.lowercased())
    }

    /// Browsers send the page's origin with a WebSocket request: only the preview's own.
    private func isOwnOrigin(_ origin: String?) -> Bool {
        guard let origin else { return true }
        return ownHosts.contains { origin.lowercased() == "http://\($0)" }
    }
}

/// Tells an open page each new version number; the page then asks for the panel and,
/// if the document changed, reloads it. Messages from the page are ignored.
struct LiveChannel: WSMessageHandler {
    let state: PreviewState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let versions = state.subscribe()
        return AsyncStream { continuation in
            let task = Task {
                for await version in versions { continuation.yield(.text(String(version))) }
                continuation.finish()
            }
            let drain = Task {
                for await _ in client {}
                task.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in
                task.cancel()
                drain.cancel()
            }
        }
    }
}
