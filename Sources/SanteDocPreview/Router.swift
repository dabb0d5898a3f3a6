/// The preview's only routes. Everything is answered from memory; any other path is
/// 404, any method but GET and HEAD is 405, a request that does not name the preview's
/// own host exactly once (a DNS-rebinding page in the browser, a duplicated Host field)
/// is 403 or 400.
struct Router: Sendable {
    let server: PreviewServer

    init(_ server: PreviewServer) { self.server = server }

    static let documentPath = "/document"
    static let statePath = "/_apercu/etat"
    static let livePath = "/_apercu/direct"
    /// Seconds between two keep-alive comments on the live channel (a closed page is then
    /// noticed).
    static let heartbeat = 15.0

    func route(_ request: RequestHead) -> HTTPListener.Routed {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .response(
                .text(405, "Méthode non autorisée : l’aperçu se consulte seulement.", [("Allow", "GET, HEAD")]))
        }
        let hosts = request.values("host")
        guard hosts.count == 1 else {
            return .response(.text(400, "Requête invalide : l’hôte doit être nommé une fois, et une seule."))
        }
        guard isOwnHost(hosts[0]) else { return .response(.text(403, "Hôte non autorisé.")) }
        switch request.path {
        case "/":
            return .response(page(server.assets.shell, type: "text/html; charset=utf-8", policy: Self.shellPolicy))
        case Self.documentPath:
            return .response(
                page(
                    server.state.document.page ?? Array(PreviewAssets.noPageYet.utf8), type: "text/html; charset=utf-8",
                    policy: Self.documentPolicy))
        case Self.statePath:
            return .response(page(Array(server.state.panelJSON), type: "application/json", policy: Self.documentPolicy))
        case "/_apercu/apercu.css":
            return .response(
                page(server.assets.stylesheet, type: "text/css; charset=utf-8", policy: Self.documentPolicy))
        case "/_apercu/apercu.js":
            return .response(
                page(server.assets.script, type: "text/javascript; charset=utf-8", policy: Self.documentPolicy))
        case Self.livePath where request.method == "GET":
            guard request.values("origin").allSatisfy(isOwnOrigin) else {
                return .response(.text(403, "Origine non autorisée."))
            }
            let state = server.state
            // Each new version, as a server-sent event; the page then asks for the panel.
            return .events { send in
                var last = state.version
                guard send("retry: 500\ndata: \(last)\n\n") else { return }
                while true {
                    switch state.waitForChange(after: last, timeout: Self.heartbeat) {
                    case let .changed(version):
                        last = version
                        guard send("data: \(version)\n\n") else { return }
                    case .timedOut:
                        guard send(": en attente\n\n") else { return }
                    case .closed:
                        return
                    }
                }
            }
        default:
            return .response(.text(404, "Page introuvable."))
        }
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
            status: 200,
            headers: [
                ("Content-Type", type), ("Content-Security-Policy", policy), ("X-Content-Type-Options", "nosniff"),
                ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer"),
            ], body: bytes)
    }

    private var ownHosts: Set<String> {
        let port = server.settings.port
        var hosts: Set<String> = ["\(server.settings.host):\(port)"]
        if server.settings.host == PreviewServer.loopback { hosts.formUnion(["localhost:\(port)", "[::1]:\(port)"]) }
        return hosts
    }

    private func isOwnHost(_ host: String) -> Bool { ownHosts.contains(host.lowercased()) }

    /// Browsers send the page's origin with a live-channel request: only the preview's own.
    private func isOwnOrigin(_ origin: String) -> Bool {
        ownHosts.contains { origin.lowercased() == "http://\($0)" }
    }
}
