import Foundation
import SanteDocCore

/// What the preview shows now: the last good page, the panel of the latest render, and
/// the open pages to tell when either changes.
///
/// `@unchecked Sendable`: the watcher thread publishes while server tasks read; every
/// access to the mutable state goes through `lock`.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var page: [UInt8]?
    private var pageVersion = 0
    private var panel = Data("{}".utf8)
    private var anchors: [String: String] = [:]
    private var closed = false
    /// Signalled on every new version, and when the preview stops.
    private let changed = NSCondition()

    /// The page to serve (the last valid one) and its version.
    var document: (page: [UInt8]?, version: Int) { lock.withLock { (page, pageVersion) } }

    var panelJSON: Data { lock.withLock { panel } }

    /// The latest version published.
    var version: Int { lock.withLock { currentVersion } }
    private var currentVersion = 0

    /// Keeps `render` (its page only if the sources were valid) and tells every open page.
    func publish(_ render: PreviewRenderer.Render) {
        lock.withLock {
            currentVersion += 1
            if let page = render.page {
                self.page = page
                pageVersion = currentVersion
                anchors = render.anchors
            }
            panel = PreviewPanel.json(render, anchors: anchors, version: currentVersion, documentVersion: pageVersion)
        }
        changed.lock()
        changed.broadcast()
        changed.unlock()
    }

    enum Wait: Equatable {
        case changed(Int)
        case timedOut
        case closed
    }

    /// Waits for a version after `version`, at most `timeout` seconds, for one open page.
    func waitForChange(after version: Int, timeout: Double) -> Wait {
        let deadline = Date().addingTimeInterval(timeout)
        changed.lock()
        defer { changed.unlock() }
        while true {
            let (current, isClosed) = lock.withLock { (currentVersion, closed) }
            if isClosed { return .closed }
            if current > version { return .changed(current) }
            guard changed.wait(until: deadline) else { return .timedOut }
        }
    }

    /// Ends every open page's channel, so that the server can stop.
    func close() {
        lock.withLock { closed = true }
        changed.lock()
        changed.broadcast()
        changed.unlock()
    }
}
