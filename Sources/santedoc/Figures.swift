import ArgumentParser
import Foundation
import SanteDocCore

struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Affiche les chiffres calculés (population, taille, financement…).")
    @OptionGroup var project: ProjectOptions
    @Option(help: "Format de sortie : text ou json.") var format: OutputFormat = .text

    func run() throws {
        Console.verbose = project.verbose
        let output = try Console.run { diagnostics in
            FiguresAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(projectPath: project.directory, json: format == .json)
        }
        guard let output else { throw ExitCode(2) }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
