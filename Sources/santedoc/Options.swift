import ArgumentParser
import Foundation
import SanteDocCore

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
