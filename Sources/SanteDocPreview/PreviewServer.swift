import Foundation
import SanteDocCore

/// `santedoc apercu`: a local web server that shows the working draft beside what the ARS
/// still expects, rebuilt in this process whenever a source changes, and tells the open
/// page to refresh.
///
/// Its own small HTTP/1.1 server (`HTTPListener`), with limits on what a request may send,
/// and server-sent events to tell the page: enough for one user on one machine. Only a
/// fixed set of paths is served, from memory: no file of the disk is ever mapped to a URL.
public final class PreviewServer: Sendable {
    public struct Settings: Sendable {
        public var host: String
        public var port: UInt16

        public init(host: String = PreviewServer.loopback, port: UInt16 = PreviewServer.defaultPort) {
            self.host = host
            self.port = port
        }
    }

    public static let loopback = "127.0.0.1"
    public static let defaultPort: UInt16 = 8000

    let renderer: PreviewRenderer
    let watcher: ProjectWatcher
    let state = PreviewState()
    let assets: PreviewAssets
    let settings: Settings
    let report: @Sendable (PreviewRenderer.Render) -> Void

    /// `report` is told of every render (the command prints a line for each).
    public init(
        renderer: PreviewRenderer, projectPath: String, assets: PreviewAssets, settings: Settings,
        report: @escaping @Sendable (PreviewRenderer.Render) -> Void
    ) {
        self.renderer = renderer
        watcher = ProjectWatcher(root: URL(fileURLWithPath: projectPath))
        self.assets = assets
        self.settings = settings
        self.report = report
    }

    /// Serves until Ctrl-C (SIGINT or SIGTERM): renders once, watches the folder, answers
    /// requests. Throws `PreviewError` when the address cannot be used.
    public func run(listening: @escaping @Sendable (String) -> Void) throws {
        let listener = try HTTPListener(host: settings.host, port: settings.port)
        rebuild()
        let stopping = StopFlag()
        watcher.start(stop: { stopping.isSet }, changed: { [self] in rebuild() })
        // Ctrl-C stops the server cleanly: open pages are told, sockets closed.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for source in signals {
            source.setEventHandler { [state] in
                stopping.set()
                state.close()
                listener.stop()
            }
            source.resume()
        }
        listening("http://\(settings.host):\(settings.port)/")
        let router = Router(self)
        listener.serve { router.route($0) }
        stopping.set()
        for source in signals { source.cancel() }
    }

    func rebuild() {
        let render = renderer.render()
        state.publish(render)
        report(render)
    }
}

/// Why the preview could not start, in French.
public enum PreviewError: Error, CustomStringConvertible {
    case portInUse(UInt16)
    case invalidHost(String)
    case cannotListen(String, UInt16, String)

    public var description: String {
        switch self {
        case let .portInUse(port): return "Le port \(port) est déjà utilisé par un autre programme."
        case let .invalidHost(host): return "L’adresse « \(host) » ne peut pas servir l’aperçu sur cette machine."
        case let .cannotListen(host, port, reason): return "Impossible d’écouter sur \(host):\(port) (\(reason))."
        }
    }

    public var hint: String {
        switch self {
        case let .portInUse(port):
            return "choisissez un autre port : santedoc apercu --port \(port == UInt16.max ? port - 1 : port + 1)"
        case .invalidHost: return "sans --hote, l’aperçu écoute sur 127.0.0.1, la seule adresse sûre."
        case .cannotListen: return "essayez un autre port avec --port."
        }
    }
}

/// Set once by a signal or the end of the server, read by the watcher thread.
///
/// `@unchecked Sendable`: a flag shared across threads, read and written under `lock`.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
