import Foundation

/// The empty folder an engine runs in (relative addresses resolve there, and find nothing),
/// named after the SanteDoc process that made it, so that a run killed mid-conversion leaves
/// nothing for long: the next run removes the folders of processes that no longer exist.
public enum EngineSandbox {
    static let prefix = "santedoc-moteur-"

    static func make() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Removes the folders left by SanteDoc processes that were killed.
    public static func sweepAbandoned() {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }), pid > 0,
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }
}
