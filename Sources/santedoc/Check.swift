import ArgumentParser
import Foundation
import SanteDocCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie le projet face au référentiel de l’ARS.",
        discussion: "Plusieurs dossiers peuvent être vérifiés en une fois (en parallèle) ; le code de retour est "
            + "alors le plus grave : 2 si un projet a des sources invalides, 1 si un projet est incomplet. "
            + "Avec --format json, un objet JSON est toujours écrit, même quand les sources sont invalides.")
    @Argument(
        help: ArgumentHelp(
            "Dossier(s) du projet (par défaut : « Project » s’il existe, sinon le dossier courant).",
            valueName: "dossier"))
    var directories: [String] = []
    @Option(help: "Format de sortie : text ou json.") var format: OutputFormat = .text
    @OptionGroup var referential: ReferentialOption
    @Option(
        help: ArgumentHelp("Nombre de projets vérifiés en même temps (par défaut : un par cœur).", valueName: "nombre"))
    var jobs: Int?
    @Flag(name: .shortAndLong, help: "Détaille aussi les remarques destinées aux mainteneurs (cellules de Templates/).")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs vaut au moins 1.") }
    }

    func run() throws {
        Console.verbose = verbose
        let projects = directories.isEmpty ? [defaultProjectDirectory()] : directories
        let (outcomes, unreadable) = try Console.run { diagnostics in
            let outcomes = CheckAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(
                    projectPaths: projects, referential: referential.path,
                    jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            return (outcomes, outcomes.isEmpty ? CheckAction.unreadableJSON(diagnostics) : "")
        }
        if outcomes.isEmpty {  // the referential or the regulation itself is unreadable
            if format == .json { write(unreadable) }
            throw ExitCode(2)
        }
        for (directory, outcome) in zip(projects, outcomes) {
            Console.report(outcome.diagnostics, prefix: projects.count > 1 ? directory : nil)
        }
        let shown = CheckAction.console(
            outcomes, projects: projects, json: format == .json, useColor: Console.useColor(for: STDOUT_FILENO))
        write(shown.text)
        if shown.status != 0 { throw ExitCode(shown.status) }
    }

    private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
