import ArgumentParser
import Foundation
import SanteDocCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importer",
        abstract: "Crée un projet à partir d’un projet de santé existant (Word, LibreOffice ou Markdown).",
        discussion: "Lit FICHIER (.docx, .odt ou .md) sans le modifier et crée DOSSIER (nouveau, ou vide) : une "
            + "section par chapitre ou sous-chapitre, avec les exigences qu’elle semble couvrir ; projet.yaml "
            + "prérempli de ce que le document donne sûrement (dénomination, siège, population, membres par "
            + "profession, date de signature…), chaque valeur suivie de son origine ; communes.csv et "
            + "indicateurs.csv quand le document en a les tableaux ; ses images. Le rapport (aussi dans "
            + "DOSSIER/import.html) dit ce qui a été deviné, ce qu’une personne doit vérifier et ce qui n’a pas "
            + "pu être lu. Codes de retour : 0 importé, 2 rien n’a été écrit.")
    @Argument(help: ArgumentHelp("Document à importer (.docx, .odt, .md).", valueName: "fichier")) var source: String
    @Argument(help: ArgumentHelp("Dossier du projet à créer.", valueName: "dossier")) var directory: String
    @OptionGroup var referential: ReferentialOption

    func run() throws {
        let report = try Console.run { diagnostics in
            ImportAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(source: source, target: directory, referential: referential.path)
        }
        guard let report else { throw ExitCode(2) }
        FileHandle.standardOutput.write(Data(report.text(useColor: Console.useColor(for: STDOUT_FILENO)).utf8))
    }
}
