import Foundation

/// Collects every diagnostic of a run in one place. Stages only add; printing is a
/// separate consumer (`DiagnosticFormatter`). Beyond `Limits.diagnostics`, diagnostics are
/// counted rather than kept: a file with a hundred thousand bad lines gets a readable
/// report, in bounded time and memory.
///
/// `@unchecked Sendable`: commands run projects and conversions concurrently, each
/// reporting here; the mutable list is only touched under `lock`.
public final class DiagnosticEngine: @unchecked Sendable {
    private var stored: [Diagnostic] = []
    /// A value read twice must not be reported twice.
    private var seen: Set<Diagnostic> = []
    private var dropped = 0
    private var anyError = false
    private let lock = NSLock()

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        if diagnostic.severity == .error { anyError = true }
        guard stored.count < Limits.diagnostics else {
            dropped += 1
            return
        }
        guard seen.insert(diagnostic).inserted else { return }
        stored.append(diagnostic)
    }

    public func error(_ id: String, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        emit(Diagnostic(id, .error, at: location, message, hint: hint))
    }

    public func warning(_ id: String, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        emit(Diagnostic(id, .warning, at: location, message, hint: hint))
    }

    /// Diagnostics in a stable order: by file and position, then as emitted; a last one
    /// says how many were not kept.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        var sorted = stored.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
        if dropped > 0 {
            sorted.append(
                Diagnostic(
                    "diagnostics.trop-nombreux", .warning, at: nil,
                    "\(FrenchFormat.integer(dropped)) autres messages ne sont pas affichés.",
                    hint: "corrigez les premiers, puis relancez la commande."))
        }
        return sorted
    }

    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return anyError
    }
}
