import Foundation
import SanteDocCore

/// What the preview shows now: the last good page, the panel of the latest render, and
/// the open pages to tell when either changes.
///
/// `@unchecked Sendable`: the watcher thread publishes while server tasks read; every
/// access to the mutable state goes through `lock`.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var version = 0
    private var page: [UInt8]?
    private var pageVersion = 0
    private var panel = Data("{}".utf8)
    private var anchors: [String: String] = [:]
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]

    /// The page to serve (the last valid one) and its version.
    var document: (page: [UInt8]?, version: Int) { lock.withLock { (page, pageVersion) } }

    var panelJSON: Data { lock.withLock { panel } }

    /// Keeps `render` (its page only if the sources were valid) and tells every open page.
    func publish(_ render: PreviewRenderer.Render) {
        let listeners = lock.withLock { () -> [AsyncStream<Int>.Continuation] in
            version += 1
            if let page = render.page {
                self.page = page
                pageVersion = version
                anchors = render.anchors
            }
            panel = PreviewPanel.json(render, anchors: anchors, version: version, documentVersion: pageVersion)
            return Array(self.listeners.values)
        }
        let current = lock.withLock { version }
        for listener in listeners { listener.yield(current) }
    }

    /// Versions as they are published, for one open page, until it goes away.
    func subscribe() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.listeners.removeValue(forKey: id) }
        }
        lock.withLock { listeners[id] = continuation }
        return stream
    }

    /// Ends every open page's stream, so that the server can stop.
    func close() {
        let listeners = lock.withLock { Array(self.listeners.values) }
        for listener in listeners { listener.finish() }
    }
}
