import ArgumentParser
import Foundation
import SanteDocCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Produit le projet de santé en DocBook (XML) et en HTML.")
    @OptionGroup var project: ProjectOptions
    @Option(name: .shortAndLong, help: "Dossier de sortie.") var output = "Build"
    @Flag(help: "Échoue (code 1) si une exigence bloquante manque.") var strict = false

    func run() throws {
        let diagnostics = DiagnosticEngine()
        let outcome: BuildAction.Outcome
        do {
            outcome = try BuildAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(projectPath: project.directory, outputPath: output)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.report(diagnostics)
            throw Console.fail("\(error)")
        }
        Console.report(diagnostics)
        if outcome == .invalidSources { throw ExitCode(2) }
    }
}

struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Affiche les chiffres calculés (population, taille, financement…).")
    @OptionGroup var project: ProjectOptions
    @Option(help: "Format de sortie : text ou json.") var format: OutputFormat = .text

    func run() throws {
        let diagnostics = DiagnosticEngine()
        let output = FiguresAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
            .perform(projectPath: project.directory, json: format == .json)
        Console.report(diagnostics)
        guard let output else { throw ExitCode(2) }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Vérifie le projet face au référentiel de l’ARS.")
    @OptionGroup var project: ProjectOptions
    @Option(help: "Format de sortie : text ou json.") var format: OutputFormat = .text
    func run() throws { throw Console.fail("la commande « check » n’est pas encore disponible.") }
}

struct Annexes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Régénère les annexes du contrat ACI.")
    @OptionGroup var project: ProjectOptions
    @Option(name: .shortAndLong, help: "Dossier de sortie.") var output = "Build"
    func run() throws { throw Console.fail("la commande « annexes » n’est pas encore disponible.") }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Crée un nouveau projet avec toutes les sections à rédiger.")
    @Argument(help: "Dossier à créer.") var directory: String
    func run() throws { throw Console.fail("la commande « init » n’est pas encore disponible.") }
}
