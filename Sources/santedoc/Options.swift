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
    static func report(_ diagnostics: DiagnosticEngine) {
        let color = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let formatter = DiagnosticFormatter(useColor: color)
        for diagnostic in diagnostics.diagnostics {
            FileHandle.standardError.write(Data((formatter.format(diagnostic) + "\n").utf8))
        }
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
