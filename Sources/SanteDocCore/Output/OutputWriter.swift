import Foundation
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// Writes outputs so that they appear whole or not at all, even with several runs at once:
/// 1. the output folder is locked (`flock` on the folder itself): a second run waits;
/// 2. every file is written to a hidden temporary name in its folder and synced;
/// 3. a journal listing the renames is written (and synced) — from here on the new set is
///    complete on disk;
/// 4. the temporaries are renamed into place, then the journal is removed.
/// A failure before step 3 removes the temporaries and leaves every previous output
/// untouched; a run killed during step 4 is finished by the next run, which replays the
/// journal first. Every path is opened relative to the output folder's descriptor without
/// following links, so neither a journal nor a linked sub-folder can move files elsewhere.
public struct OutputWriter {
    static let journalName = ".santedoc-journal"
    /// In the journal, in place of a temporary: the file is to be removed.
    static let removal = "-"

    public let directory: URL

    public init(directory: URL) { self.directory = directory.standardizedFileURL }

    /// Writes `files` and removes `removing` (paths relative to the folder) as one change.
    /// Under `lock`, when the caller already holds the folder's lock (to decide what to write
    /// and write it without another run in between); else the folder is locked here.
    public func write(
        _ files: [(name: String, bytes: [UInt8])], removing: [String] = [], under lock: FolderLock? = nil
    ) throws {
        for file in files { try Self.checkName(file.name) }
        for name in removing { try Self.checkName(name) }
        let held = try lock ?? FolderLock(directory: directory)
        defer { withExtendedLifetime(held) {} }  // the lock lasts until every rename is done
        let folder = held.descriptor
        try replayJournal(in: folder)
        // A run killed before its journal leaves `.santedoc-tmp-PID-NAME` files (its journal's
        // too); under the lock, any such file is stale. Each folder is swept once, before this
        // run stages anything in it.
        sweepStaleTemporaries(in: folder)
        var swept: Set<String> = [""]
        let pid = ProcessInfo.processInfo.processIdentifier
        var staged: [(parent: Int32, temporary: String, final: String, path: String)] = []
        defer {  // reached with entries only on failure: nothing half-written stays behind
            for file in staged {
                unlinkat(file.parent, file.temporary, 0)
                close(file.parent)
            }
        }
        for file in files {
            let (parent, name) = try openParent(of: file.name, in: folder, creating: true)
            if swept.insert((file.name as NSString).deletingLastPathComponent).inserted {
                sweepStaleTemporaries(in: parent)
            }
            let temporary = Self.temporaryName(for: name, pid: pid)
            staged.append((parent, temporary, name, file.name))
            try writeSynced(file.bytes, to: temporary, in: parent, shownAs: file.name)
        }
        let written = Set(files.map(\.name))
        let entries =
            (staged.map { entry -> String in
                let folderPart = (entry.path as NSString).deletingLastPathComponent
                let prefix = folderPart.isEmpty ? "" : folderPart + "/"
                return "\(prefix)\(entry.temporary)\t\(entry.path)"
            } + removing.filter { !written.contains($0) }.map { "\(Self.removal)\t\($0)" }).joined(separator: "\n")
            + "\n"
        let pending = Self.temporaryName(for: Self.journalName, pid: pid)
        try writeSynced(Array(entries.utf8), to: pending, in: folder, shownAs: Self.journalName)
        guard renameat(folder, pending, folder, Self.journalName) == 0 else {
            let reason = SystemErrorText.posixText(errno)
            unlinkat(folder, pending, 0)
            throw OutputError.cannotWrite(directory.appendingPathComponent(Self.journalName).path, reason)
        }
        fsync(folder)
        for entry in staged { close(entry.parent) }
        staged.removeAll()
        try replayJournal(in: folder)
    }

    /// What every command that writes does first, valid sources or not: the output folder
    /// made whole again, the engines' folders of killed runs removed.
    public static func prepareRun(writingTo output: String) throws {
        EngineSandbox.sweepAbandoned()
        try OutputWriter(directory: URL(fileURLWithPath: output)).recover()
    }

    /// Finishes what a killed run left in an existing output folder — the renames its journal
    /// lists, its temporaries removed — before anything else: every run that writes there
    /// starts from whole outputs, even one that then stops on invalid sources.
    public func recover(under held: FolderLock? = nil) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue
        else { return }
        let lock = try held ?? FolderLock(directory: directory)
        try replayJournal(in: lock.descriptor)
        // A run killed before its journal may have staged files in sub-folders too (a contract year).
        sweepStaleTemporaries(in: lock.descriptor, depth: Self.sweptDepth)
        withExtendedLifetime(lock) {}
    }

    /// Finishes the renames a journal lists (those whose temporary still exists). Entries
    /// that are not a SanteDoc temporary beside its final file are ignored. Each folder
    /// touched is synced once, after all its renames and before the journal goes: until
    /// then, a crash leaves the journal to replay.
    private func replayJournal(in folder: Int32) throws {
        guard let text = readFile(Self.journalName, in: folder) else { return }
        var touched: [String: Int32] = [:]
        defer { for descriptor in touched.values { close(descriptor) } }
        func parentFolder(of final: String) -> Int32? {
            let key = (final as NSString).deletingLastPathComponent
            if let open = touched[key] { return open }
            guard let (parent, _) = try? openParent(of: final, in: folder, creating: false) else { return nil }
            touched[key] = parent
            return parent
        }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 2, (try? Self.checkName(parts[1])) != nil else { continue }
            let final = parts[1]
            let name = (final as NSString).lastPathComponent
            if parts[0] == Self.removal {
                if let parent = parentFolder(of: final) { unlinkat(parent, name, 0) }
                continue
            }
            let temporaryName = (parts[0] as NSString).lastPathComponent
            guard (parts[0] as NSString).deletingLastPathComponent == (final as NSString).deletingLastPathComponent,
                Self.isTemporary(temporaryName), temporaryName.hasSuffix("-" + name),
                let parent = parentFolder(of: final)
            else { continue }
            if faccessat(parent, temporaryName, F_OK, AT_SYMLINK_NOFOLLOW) == 0,
                renameat(parent, temporaryName, parent, name) != 0
            {
                throw OutputError.cannotWrite(
                    directory.appendingPathComponent(final).path, SystemErrorText.posixText(errno))
            }
        }
        for descriptor in touched.values { fsync(descriptor) }
        unlinkat(folder, Self.journalName, 0)
        fsync(folder)  // else a journal back after a crash would redo its removals, later
    }

    /// The descriptor of the folder holding `path` (relative to the output folder), opened
    /// component by component without following links, and the file's own name.
    private func openParent(of path: String, in folder: Int32, creating: Bool) throws -> (Int32, String) {
        var components = path.split(separator: "/").map(String.init)
        let name = components.removeLast()
        var current = dup(folder)
        for component in components {
            if creating { mkdirat(current, component, 0o755) }
            let next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let failure = errno
            close(current)
            guard next >= 0 else {
                let reason =
                    failure == ELOOP || failure == ENOTDIR
                    ? "« \(component) » est un lien symbolique ou un fichier : SanteDoc n’écrit pas à travers un lien"
                    : SystemErrorText.posixText(failure)
                throw OutputError.cannotWrite(directory.appendingPathComponent(path).path, reason)
            }
            current = next
        }
        return (current, name)
    }

    /// Names are relative, without `..` or hidden parts: they come from the program.
    static func checkName(_ name: String) throws {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.hasPrefix("/"), !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else {
            throw OutputError.refused(name, "nom de fichier de sortie invalide")
        }
    }

    /// How deep outputs go below the folder written (`annexes/annee-2/…`, `anciennes/annee-1-version-1/…`).
    static let sweptDepth = 3

    /// Removes the temporaries (staged outputs, the journal's own) that a run interrupted
    /// before its journal left, whichever files that run was writing — and nothing else; in
    /// the sub-folders too, `depth` levels down (never through a link).
    private func sweepStaleTemporaries(in parent: Int32, depth: Int = 0) {
        // A descriptor of its own: a `dup` would share the reading position of the folder,
        // and a second sweep of the same folder would then see nothing.
        let copy = openat(parent, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard copy >= 0 else { return }
        guard let stream = fdopendir(copy) else {
            close(copy)
            return
        }
        defer { closedir(stream) }
        var stale: [String] = []
        var folders: [String] = []
        while let entry = readdir(stream) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if Self.isTemporary(entryName) {
                stale.append(entryName)
            } else if depth > 0, [UInt8(DT_DIR), UInt8(DT_UNKNOWN)].contains(entry.pointee.d_type), entryName != ".",
                entryName != ".."
            {
                folders.append(entryName)
            }
        }
        for entry in stale { unlinkat(parent, entry, 0) }
        for folder in folders {
            let child = openat(parent, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { continue }
            sweepStaleTemporaries(in: child, depth: depth - 1)
            close(child)
        }
    }

    /// What no user file is named: SanteDoc's own prefix, the writing process's id, then
    /// the final name (`.santedoc-tmp-4242-projet-de-sante.pdf`).
    static let temporaryPrefix = ".santedoc-tmp-"

    static func temporaryName(for name: String, pid: Int32) -> String { "\(temporaryPrefix)\(pid)-\(name)" }

    /// A temporary of this writer: the prefix, digits, a dash, a name.
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix(temporaryPrefix) else { return false }
        let rest = name.dropFirst(temporaryPrefix.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && rest.dropFirst(digits.count).first == "-" && rest.count > digits.count + 1
    }

    private func readFile(_ name: String, in folder: Int32) -> String? {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Plain POSIX writes: Foundation's `createFile` goes through a hidden temporary file
    /// of its own, which a killed run would leave behind. A failed write removes its file.
    private func writeSynced(_ bytes: [UInt8], to name: String, in folder: Int32, shownAs path: String) throws {
        let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError.cannotWrite(directory.appendingPathComponent(path).path, SystemErrorText.posixText(errno))
        }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += count
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        guard failure == 0 else {
            unlinkat(folder, name, 0)
            throw OutputError.cannotWrite(
                directory.appendingPathComponent(path).path, SystemErrorText.posixText(failure))
        }
    }
}

/// The lock of an output folder (`flock` on the folder itself), created if needed and held
/// until released: other runs writing there wait. Refuses the system's root.
public final class FolderLock {
    let descriptor: Int32

    public init(directory: URL) throws {
        let root = directory.standardizedFileURL.path
        guard root != "/" else {
            throw OutputError.refused(
                root, "SanteDoc n’écrit pas à la racine du système ; indiquez un dossier (-o Build)")
        }
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(root, SystemErrorText.french(error))
        }
        descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError.cannotWrite(root, SystemErrorText.posixText(errno)) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            let reason = SystemErrorText.posixText(errno)
            close(descriptor)
            throw OutputError.cannotWrite(root, reason)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

public enum OutputError: UserFacingError {
    case cannotWrite(String, String)
    case refused(String, String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "impossible d’écrire « \(path) » : \(reason)"
        case let .refused(path, reason): return "sortie « \(path) » refusée : \(reason)"
        }
    }
}
