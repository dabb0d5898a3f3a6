import SanteDocModel
import Synchronization

/// Sections already read, for a process that reads the same project again and again
/// (`santedoc apercu`): a section file whose text has not changed since the last read is
/// not parsed again. Reading a section depends on its file name and text only, so the
/// cached result — with the diagnostics the read emitted, replayed each time — is what a
/// new read would give. Only the files of the last read are kept.
public final class SectionReadCache: Sendable {
    struct Entry: Sendable {
        var text: String
        var read: MarkdownSectionReader.Read?
        var diagnostics: [Diagnostic]
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// Forgets one file, as if it had been edited (for the preview's timing).
    public func forget(_ file: String) {
        _ = entries.withLock { $0.removeValue(forKey: file) }
    }

    func read(_ file: String, text: String, diagnostics: DiagnosticEngine) -> MarkdownSectionReader.Read? {
        let entry: Entry
        if let cached = entries.withLock({ $0[file] }), cached.text == text {
            entry = cached
        } else {
            let local = DiagnosticEngine()
            let read = MarkdownSectionReader(file: file, diagnostics: local).read(text)
            entry = Entry(text: text, read: read, diagnostics: local.diagnostics)
            entries.withLock { $0[file] = entry }
        }
        entry.diagnostics.forEach(diagnostics.emit)
        return entry.read
    }

    /// Drops the files that are no longer in the project.
    func keep(only files: Set<String>) {
        entries.withLock { entries in
            for file in entries.keys where !files.contains(file) { entries.removeValue(forKey: file) }
        }
    }
}
