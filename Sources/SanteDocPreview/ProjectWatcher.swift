import Foundation

/// Notices changes in a project folder by comparing, a few times a second, the name,
/// size and modification time of every file (hidden files and `Build/` left out): simple,
/// and the same on every file system, where notification APIs differ.
final class ProjectWatcher: Sendable {
    private let root: URL
    private let interval: Duration

    init(root: URL, interval: Duration = .milliseconds(150)) {
        self.root = root.standardizedFileURL
        self.interval = interval
    }

    /// What the folder holds now; two equal fingerprints mean nothing changed.
    func fingerprint() -> [String] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        var entries: [String] = []
        while let url = enumerator.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count))
            if relative == "/Build" {
                enumerator.skipDescendants()
                continue
            }
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                continue
            }
            let time = values.contentModificationDate?.timeIntervalSince1970 ?? 0
            entries.append("\(relative)\t\(values.fileSize ?? 0)\t\(time)")
        }
        return entries.sorted()
    }

    /// Calls `changed` on a thread of its own each time the folder differs from the last
    /// look, until `stop` returns true.
    func start(stop: @escaping @Sendable () -> Bool, changed: @escaping @Sendable () -> Void) {
        let interval = self.interval
        Thread.detachNewThread { [self] in
            var last = fingerprint()
            while !stop() {
                Thread.sleep(
                    forTimeInterval: Double(interval.components.attoseconds) / 1e18
                        + Double(interval.components.seconds))
                let now = fingerprint()
                if now != last {
                    last = now
                    changed()
                }
            }
        }
    }
}
