import ArgumentParser
import SanteDocCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Crée un nouveau projet avec toutes les sections à rédiger.")
    @Argument(help: ArgumentHelp("Dossier à créer.", valueName: "dossier")) var directory: String
    func run() throws {
        let created = try Console.run { diagnostics in
            InitAction(toolkit: try Console.toolkit(), diagnostics: diagnostics).perform(directory: directory)
        }
        guard created else { throw ExitCode(2) }
        print("Projet créé dans « \(directory) ». Prochaine étape : santedoc check \(directory)")
    }
}
