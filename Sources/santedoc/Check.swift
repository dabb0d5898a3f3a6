import ArgumentParser
import Foundation
import SanteDocCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vérifie le projet face au référentiel de l’ARS.",
        discussion: "Plusieurs dossiers peuvent être vérifiés en une fois (en parallèle) ; le code de retour est "
            + "alors le plus grave : 2 si un projet a des sources invalides, 1 si un projet est incomplet.")
    @Argument(help: ArgumentHelp("Dossier(s) du projet.", valueName: "dossier")) var directories: [String] = ["Project"]
    @Option(help: "Format de sortie : text ou json.") var format: OutputFormat = .text
    @OptionGroup var referential: ReferentialOption
    @Option(help: ArgumentHelp("Nombre de projets vérifiés en même temps (par défaut : un par cœur).", valueName: "nombre"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs vaut au moins 1.") }
    }

    func run() throws {
        let diagnostics = DiagnosticEngine()
        let outcomes = CheckAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
            .perform(projectPaths: directories, referential: referential.path, jobs: jobs)
        Console.report(diagnostics)
        guard !outcomes.isEmpty else { throw ExitCode(2) }
        let several = directories.count > 1
        var texts: [String] = []
        for (directory, outcome) in zip(directories, outcomes) {
            Console.report(outcome.diagnostics, prefix: several ? directory : nil)
            guard let report = outcome.report else { continue }
            if format == .json {
                texts.append(report.json(project: several ? directory : nil))
            } else {
                texts.append((several ? "== \(directory) ==\n" : "") + report.text(useColor: Console.useColor(for: STDOUT_FILENO)))
            }
        }
        let output = format == .json && several ? "[\n" + texts.map { $0.trimmingCharacters(in: .newlines) }
            .joined(separator: ",\n") + "\n]\n" : texts.joined(separator: "\n")
        FileHandle.standardOutput.write(Data(output.utf8))
        if outcomes.contains(where: { $0.report == nil }) { throw ExitCode(2) }
        if outcomes.contains(where: { $0.report?.isComplete == false }) { throw ExitCode(1) }
    }
}
