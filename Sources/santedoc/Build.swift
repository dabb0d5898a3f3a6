import ArgumentParser
import Foundation
import SanteDocCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Produit le projet de santé en DocBook (XML) et en HTML.")
    @OptionGroup var project: ProjectOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Dossier de sortie.", valueName: "sortie")) var output = "Build"
    @Flag(help: "Échoue (code 1) si une exigence bloquante manque.") var strict = false
    @Option(help: ArgumentHelp("Référentiel ARS à utiliser (fichier YAML) à la place du référentiel national.",
                               valueName: "fichier")) var referentiel: String?

    func run() throws {
        let diagnostics = DiagnosticEngine()
        let outcome = try Console.run(diagnostics) {
            try BuildAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(projectPath: project.directory, outputPath: output, strict: strict, referential: referentiel)
        }
        switch outcome {
        case .invalidSources: throw ExitCode(2)
        case .built(complete: false) where strict: throw ExitCode(1)
        case .built: break
        }
    }
}
