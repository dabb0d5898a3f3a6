import Foundation

/// Writes outputs so that they appear whole or not at all:
/// 1. every file is written to a hidden temporary name in its folder and synced;
/// 2. a journal listing the renames is written (and synced) — from here on the new set
///    is complete on disk;
/// 3. the temporaries are renamed into place, then the journal is removed.
/// A failure before step 2 leaves every previous output untouched; a run killed during
/// step 3 is finished by the next run, which replays the journal first. So the files of
/// one command always belong to the same run.
public struct OutputWriter {
    static let journalName = ".santedoc-journal"

    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    public func write(_ files: [(name: String, bytes: [UInt8])]) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try replayJournal()
        sweepStaleTemporaries(for: files.map(\.name))
        var staged: [(temporary: URL, final: URL)] = []
        defer { for file in staged { try? FileManager.default.removeItem(at: file.temporary) } }
        for file in files {
            let final = directory.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = final.deletingLastPathComponent()
                .appendingPathComponent(".\(final.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try writeSynced(Data(file.bytes), to: temporary)
            staged.append((temporary, final))
        }
        let journal = directory.appendingPathComponent(Self.journalName)
        let entries = staged.map { "\(relative($0.temporary))\t\(relative($0.final))" }.joined(separator: "\n") + "\n"
        let pendingJournal = directory.appendingPathComponent(Self.journalName + ".tmp")
        try writeSynced(Data(entries.utf8), to: pendingJournal)
        try move(pendingJournal, to: journal)
        try replayJournal()
        staged.removeAll()
    }

    /// Finishes the renames a journal lists (those whose temporary still exists).
    private func replayJournal() throws {
        let journal = directory.appendingPathComponent(Self.journalName)
        guard let data = FileManager.default.contents(atPath: journal.path) else { return }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 2, !parts.contains(where: { $0.contains("..") || $0.hasPrefix("/") }) else { continue }
            let temporary = directory.appendingPathComponent(parts[0]), final = directory.appendingPathComponent(parts[1])
            if FileManager.default.fileExists(atPath: temporary.path) { try move(temporary, to: final) }
        }
        try FileManager.default.removeItem(at: journal)
    }

    /// Removes `.NAME.PID.tmp` files left by a run interrupted before its journal.
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

    private func relative(_ url: URL) -> String {
        String(url.path.dropFirst(directory.path.count + 1))
    }

    /// Plain POSIX writes: Foundation's `createFile` goes through a hidden temporary file
    /// of its own, which a killed run would leave behind.
    private func writeSynced(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputError.cannotWrite(url.path) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            guard buffer.count > 0 else { return true }
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else { throw OutputError.cannotWrite(url.path) }
    }

    private func move(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else { throw OutputError.cannotWrite(destination.path) }
    }
}

public enum OutputError: UserFacingError {
    case cannotWrite(String)

    public var description: String {
        switch self {
        case let .cannotWrite(path): return "impossible d’écrire « \(path) »"
        }
    }
}
