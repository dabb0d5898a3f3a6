import ArgumentParser
import Foundation
import SanteDocCore

struct ProjectOptions: ParsableArguments {
    @Argument(help: "Dossier du projet.")
    var directory = "Project"
}

enum OutputFormat: String, ExpressibleByArgument {
    case text, json
}

/// Prints diagnostics to standard error, coloured only on a terminal without NO_COLOR.
struct Console {
    /// `prefix` names the project when several are checked at once.
    static func report(_ diagnostics: DiagnosticEngine, prefix: String? = nil) {
        let formatter = DiagnosticFormatter(useColor: useColor(for: STDERR_FILENO))
        for diagnostic in diagnostics.diagnostics {
            let line = (prefix.map { "\($0)/" } ?? "") + formatter.format(diagnostic)
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Colour only on a terminal, never when NO_COLOR is set (https://no-color.org).
    static func useColor(for descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("santedoc: erreur: " + message + "\n").utf8))
        return ExitCode(2)
    }

    static func toolkit() throws -> Toolkit {
        guard let toolkit = Toolkit.locate() else {
            throw fail("dossier « Templates » introuvable ; indiquez-le avec la variable SANTEDOC_TEMPLATES.")
        }
        return toolkit
    }
}
