import Foundation

/// The empty folder an engine runs in (relative addresses resolve there, and find nothing),
/// named after the SanteDoc process that made it, so that a run killed mid-conversion leaves
/// nothing for long: the next run removes the folders of processes that no longer exist.
///
/// The folders live in a parent of SanteDoc's own (`santedoc-moteurs-UID` in the temporary
/// folder, private to the user): the sweep lists that parent only, never the user's
/// temporary folder, and cannot meet a file that is not ours.
public enum EngineSandbox {
    static let prefix = "moteur-"

    /// SanteDoc's parent of engine folders, made private on first use; nil when the name is
    /// taken by something that is not a private folder of this user (never used then).
    static func parent(creating: Bool) -> URL? {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("santedoc-moteurs-\(getuid())")
        if creating { _ = mkdir(parent.path, 0o700) }
        var status = stat()
        guard lstat(parent.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == getuid(),
            status.st_mode & 0o077 == 0
        else { return nil }
        return parent
    }

    static func make() throws -> URL {
        let name = "\(prefix)\(getpid())-\(UUID().uuidString)"
        // Someone else's folder under our name: a private folder of this run alone instead.
        let folder =
            parent(creating: true)?.appendingPathComponent(name)
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("santedoc-\(name)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// The environment an engine runs with: its temporary files go into its own folder.
    static func environment(for folder: URL) -> [String: String] {
        ["TMPDIR": folder.path, "TMP": folder.path, "TEMP": folder.path]
    }

    /// Removes the folders left by SanteDoc processes that were killed.
    public static func sweepAbandoned() {
        guard let parent = parent(creating: false) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }), pid > 0,
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
