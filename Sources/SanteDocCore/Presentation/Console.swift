import Foundation
import SanteDocModel

/// A failure already told on standard error: the command exits with `status`.
public struct CommandFailure: Error {
    public let status: Int32
}

/// What a command shows on the terminal besides its result: the diagnostics (standard
/// error, colour only on a terminal without NO_COLOR, remarks for maintainers only with
/// `--verbose`), one-line notes, and the failures that are no diagnostic of the sources.
/// The command line hands its actions the engine `run` gives it, so it names no type of
/// the stages.
public enum Console {
    /// Remarks (`note`) are for maintainers: printed with `--verbose` only.
    nonisolated(unsafe) public static var verbose = false

    /// Runs an action with a fresh engine, then prints what it reported; an unexpected
    /// error (a bug, an unwritable folder) becomes a French message and exit status 2.
    public static func run<T>(_ action: (DiagnosticEngine) throws -> T) throws -> T {
        let diagnostics = DiagnosticEngine()
        do {
            let result = try action(diagnostics)
            report(diagnostics)
            return result
        } catch let failure as CommandFailure {
            report(diagnostics)
            throw failure
        } catch {
            report(diagnostics)
            throw fail(SystemErrorText.french(error))
        }
    }

    /// `prefix` names the project when several are checked at once.
    public static func report(_ diagnostics: DiagnosticEngine, prefix: String? = nil) {
        report(diagnostics.diagnostics, prefix: prefix)
    }

    /// The errors among `diagnostics` (those that keep the preview from updating).
    public static func reportErrors(_ diagnostics: [Diagnostic]) {
        report(diagnostics.filter { $0.severity == .error }, prefix: nil)
    }

    /// One error of the command itself (a missing page of the documentation, a port in
    /// use), said as a diagnostic; the command then exits with status 2.
    public static func error(_ id: String, _ message: String, hint: String? = nil) -> CommandFailure {
        report([Diagnostic(id, .error, at: nil, message, hint: hint)], prefix: nil)
        return CommandFailure(status: 2)
    }

    private static func report(_ diagnostics: [Diagnostic], prefix: String?) {
        let formatter = DiagnosticFormatter(useColor: useColor(for: STDERR_FILENO))
        for diagnostic in diagnostics where verbose || diagnostic.severity != .note {
            let line = (prefix.map { "\($0)/" } ?? "") + formatter.format(diagnostic)
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Colour only on a terminal, never when NO_COLOR is set (https://no-color.org).
    public static func useColor(for descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// A one-line remark on standard error, after the diagnostics.
    public static func note(_ message: String) {
        FileHandle.standardError.write(Data(("santedoc: " + message + "\n").utf8))
    }

    /// A failure that is no diagnostic of the sources (a folder that cannot be written, an
    /// engine that breaks), under the catalogue's id `systeme.erreur`.
    public static func fail(_ message: String) -> CommandFailure {
        FileHandle.standardError.write(Data(("santedoc: erreur: " + message + " [systeme.erreur]\n").utf8))
        return CommandFailure(status: 2)
    }

    /// The `Templates/` folder and the schema, or a failure saying how to reinstall.
    public static func toolkit() throws -> Toolkit {
        guard let toolkit = Toolkit.locate() else {
            if let explicit = ProcessInfo.processInfo.environment["SANTEDOC_TEMPLATES"] {
                throw fail(
                    "SANTEDOC_TEMPLATES nomme « \(explicit) », qui n’est pas un dossier Templates de SanteDoc "
                        + "(il n’a pas de sous-dossier aci) ; corrigez la variable ou retirez-la.")
            }
            throw fail(
                "dossier « Templates » introuvable à côté du programme (\(Toolkit.runningExecutable?.path ?? "?")) ; "
                    + "réinstallez SanteDoc avec Scripts/install, ou indiquez le dossier avec la variable SANTEDOC_TEMPLATES."
            )
        }
        return toolkit
    }
}
