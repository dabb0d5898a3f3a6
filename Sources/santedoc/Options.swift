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

extension ArgumentHelp {
    /// `--formats` of the commands that write documents.
    static let formats = ArgumentHelp(
        "Formats à produire, séparés par des virgules : xml, html, pdf, odt, docx, ou tout.", valueName: "formats")
    /// `--annee` of `annexes` and `bilan`.
    static let contractYear = ArgumentHelp(
        "Année du contrat, de 1 à sa durée (5 ans pour l’ACI), ou année civile (par exemple 2025).", valueName: "n")
}
