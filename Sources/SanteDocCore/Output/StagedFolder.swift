import Foundation

/// A new project folder (`init`, `importer`) written beside its final place under a hidden
/// name, `.NAME.purpose-PID`, then renamed: it appears whole or not at all. A killed run
/// leaves its hidden folder; the next run for the same target and purpose removes it —
/// only a folder of that exact name, and only once its process is gone.
struct StagedFolder {
    let target: URL
    let staging: URL

    init(for target: URL, purpose: String) {
        self.target = target
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).\(purpose)-"
        Self.removeAbandoned(in: parent, prefix: prefix)
        staging = parent.appendingPathComponent(prefix + String(getpid()))
    }

    func write(_ files: [(name: String, bytes: [UInt8])]) throws {
        try OutputWriter(directory: staging).write(files)
    }

    /// Renames the folder into place. An empty target folder gives way when `replacingEmpty`;
    /// one that is no longer empty stops it.
    func install(replacingEmpty: Bool = false) throws {
        if replacingEmpty, FileManager.default.fileExists(atPath: target.path), rmdir(target.path) != 0 {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ENOTEMPTY)
        }
        try FileManager.default.moveItem(at: staging, to: target)
    }

    /// After a failure: nothing half-written stays behind.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private static func removeAbandoned(in parent: URL, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid(),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            var status = stat()
            let path = parent.appendingPathComponent(name).path
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
