import ArgumentParser
import Foundation
import SanteDocCore
import SanteDocModel

struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Affiche les chiffres calculés (population, taille, financement…).")
    @OptionGroup var project: ProjectOptions
    @Option(help: "Format de sortie : text ou json.") var format: OutputFormat = .text

    func run() throws {
        Console.verbose = project.verbose
        let diagnostics = DiagnosticEngine()
        let output = FiguresAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
            .perform(projectPath: project.directory, json: format == .json)
        Console.report(diagnostics)
        guard let output else { throw ExitCode(2) }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
