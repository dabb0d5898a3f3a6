import ArgumentParser
import Foundation
import SanteDocCore
import SanteDocModel

struct ProjectOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Dossier du projet (par défaut : « Project » s’il existe, sinon le dossier courant "
                + "s’il contient projet.yaml).", valueName: "dossier"))
    var given: String?

    @Flag(name: .shortAndLong, help: "Détaille aussi les remarques destinées aux mainteneurs (cellules de Templates/).")
    var verbose = false

    var directory: String { given ?? defaultProjectDirectory() }
}

/// `--referentiel`, shared by the commands that check the project.
struct ReferentialOption: ParsableArguments {
    @Option(
        name: .customLong("referentiel"),
        help: ArgumentHelp(
            "Référentiel ARS à utiliser (fichier YAML) à la place du référentiel national.",
            valueName: "fichier"))
    var path: String?
}

/// `-o SORTIE`, shared by the commands that write.
enum OutputOption {
    /// An empty folder name would write into the current folder: said, not guessed.
    static func validate(_ output: String) throws {
        if output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("le dossier de sortie (-o) est vide : indiquez un dossier, par exemple -o Build.")
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument {
    case text, json
}

/// Prints diagnostics to standard error, coloured only on a terminal without NO_COLOR.
struct Console {
    /// Remarks (`note`) are for maintainers: printed with `--verbose` only.
    nonisolated(unsafe) static var verbose = false

    /// `prefix` names the project when several are checked at once.
    static func report(_ diagnostics: DiagnosticEngine, prefix: String? = nil) {
        let formatter = DiagnosticFormatter(useColor: useColor(for: STDERR_FILENO))
        for diagnostic in diagnostics.diagnostics where verbose || diagnostic.severity != .note {
            let line = (prefix.map { "\($0)/" } ?? "") + formatter.format(diagnostic)
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Colour only on a terminal, never when NO_COLOR is set (https://no-color.org).
    static func useColor(for descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// A one-line remark on standard error, after the diagnostics.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data(("santedoc: " + message + "\n").utf8))
    }

    /// A failure that is no diagnostic of the sources (a folder that cannot be written, an
    /// engine that breaks), under the catalogue's id `systeme.erreur`.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("santedoc: erreur: " + message + " [systeme.erreur]\n").utf8))
        return ExitCode(2)
    }

    /// Runs an action, then prints what it reported; an unexpected error (a bug, an
    /// unwritable folder) becomes a French message and exit status 2.
    static func run<T>(_ diagnostics: DiagnosticEngine, _ action: () throws -> T) throws -> T {
        do {
            let result = try action()
            report(diagnostics)
            return result
        } catch let exit as ExitCode {
            throw exit
        } catch {
            report(diagnostics)
            throw fail(SystemErrorText.french(error))
        }
    }

    static func toolkit() throws -> Toolkit {
        guard let toolkit = Toolkit.locate() else {
            throw fail(
                "dossier « Templates » introuvable à côté du programme (\(Toolkit.runningExecutable?.path ?? "?")) ; "
                    + "réinstallez SanteDoc avec Scripts/install, ou indiquez le dossier avec la variable SANTEDOC_TEMPLATES."
            )
        }
        return toolkit
    }
}
