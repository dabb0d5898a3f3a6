import ArgumentParser
import Foundation
import SanteDocCore

struct Annexes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Régénère les annexes du contrat ACI.")
    @OptionGroup var project: ProjectOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Dossier de sortie (les annexes vont dans SORTIE/annexes).", valueName: "sortie"))
    var output = "Build"
    @Option(help: ArgumentHelp("Année du contrat (1 à 5) : cibles et période de cette année.", valueName: "n")) var annee: Int?
    @Option(help: ArgumentHelp("Formats à produire, séparés par des virgules : xml, html, pdf, odt, docx, ou tout.",
                               valueName: "formats")) var formats = "xml,html"

    func validate() throws {
        if let annee, !(1...10).contains(annee) { throw ValidationError("l’année du contrat va de 1 à 10.") }
        if case let .failure(error) = DocumentFormat.list(formats) { throw ValidationError(error.description) }
    }

    func run() throws {
        Console.verbose = project.verbose
        let diagnostics = DiagnosticEngine()
        let outcome = try Console.run(diagnostics) {
            try AnnexesAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(projectPath: project.directory, outputPath: output, year: annee,
                         formats: try DocumentFormat.list(formats).get())
        }
        guard let outcome else { throw ExitCode(2) }
        if let changes = outcome.changes {
            print(changes.isEmpty ? "Annexes inchangées." : "Changements depuis les annexes précédentes :\n"
                  + changes.map { "  - " + $0 }.joined(separator: "\n"))
        }
        print("Annexes écrites dans « \(output) » : " + outcome.files.joined(separator: ", ") + ".")
    }
}
