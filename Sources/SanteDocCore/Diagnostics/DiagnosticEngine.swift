import Foundation

/// Collects every diagnostic of a run in one place. Stages only add; printing is a
/// separate consumer (`DiagnosticFormatter`).
public final class DiagnosticEngine: @unchecked Sendable {
    private var stored: [Diagnostic] = []
    /// A value read twice must not be reported twice.
    private var seen: Set<Diagnostic> = []
    private let lock = NSLock()

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        guard seen.insert(diagnostic).inserted else { return }
        stored.append(diagnostic)
    }

    public func error(_ id: String, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        emit(Diagnostic(id, .error, at: location, message, hint: hint))
    }

    public func warning(_ id: String, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        emit(Diagnostic(id, .warning, at: location, message, hint: hint))
    }

    /// Diagnostics in a stable order: by file and position, then as emitted.
    public var diagnostics: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return stored.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    public var hasErrors: Bool {
        lock.lock(); defer { lock.unlock() }
        return stored.contains { $0.severity == .error }
    }
}
