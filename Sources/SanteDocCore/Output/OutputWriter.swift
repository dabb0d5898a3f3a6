import Foundation

/// Writes outputs so that they appear whole or not at all: every file is first written
/// to a temporary name in its destination folder and synced, then all are renamed into
/// place. A failure before the renames leaves every previous output untouched.
public struct OutputWriter {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    public func write(_ files: [(name: String, bytes: [UInt8])]) throws {
        sweepStaleTemporaries(for: files.map(\.name))
        var staged: [(temporary: URL, final: URL)] = []
        defer { for file in staged { try? FileManager.default.removeItem(at: file.temporary) } }
        for file in files {
            let final = directory.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = final.deletingLastPathComponent()
                .appendingPathComponent(".\(final.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(file.bytes)) else {
                throw OutputError.cannotWrite(final.path)
            }
            try sync(temporary)
            staged.append((temporary, final))
        }
        for file in staged {
            guard rename(file.temporary.path, file.final.path) == 0 else { throw OutputError.cannotWrite(file.final.path) }
        }
        staged.removeAll()
    }

    /// Removes `.NAME.PID.tmp` files left by an interrupted earlier run.
    private func sweepStaleTemporaries(for names: [String]) {
        for name in names {
            let final = directory.appendingPathComponent(name)
            let folder = final.deletingLastPathComponent()
            let prefix = ".\(final.lastPathComponent)."
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
            }
        }
    }

    private func sync(_ url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.synchronize()
    }
}

public enum OutputError: Error, CustomStringConvertible {
    case cannotWrite(String)

    public var description: String {
        switch self {
        case let .cannotWrite(path): return "impossible d’écrire « \(path) »"
        }
    }
}
