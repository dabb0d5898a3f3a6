import ArgumentParser
import Foundation
import SanteDocAnalysis
import SanteDocCore
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

struct Annexes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Régénère les annexes du contrat ACI (missions, financement, échéancier, signatures).",
        discussion: """
            Sans --annee : les annexes du contrat signé, dans SORTIE/annexes. Avec --annee N : celles de l’année N \
            du contrat, dans SORTIE/annexes/annee-N, avec la note des modifications depuis l’année N−1 (ou la version \
            signée) ; les autres années ne sont jamais modifiées.
            """)
    @OptionGroup var project: ProjectOptions
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Dossier de sortie (les annexes vont dans SORTIE/annexes).", valueName: "sortie"))
    var output = "Build"
    @Option(
        help: ArgumentHelp(
            "Année du contrat, de 1 à sa durée (5 ans pour l’ACI), ou année civile (par exemple 2025).",
            valueName: "n")) var annee: Int?
    @Option(
        help: ArgumentHelp(
            "Formats à produire, séparés par des virgules : xml, html, pdf, odt, docx, ou tout.",
            valueName: "formats")) var formats = "xml,html"
    @Option(help: "Résumé des modifications : text ou json.") var format: OutputFormat = .text

    func validate() throws {
        if let annee, annee < 1 { throw ValidationError("l’année du contrat vaut au moins 1.") }
        if case let .failure(error) = DocumentFormat.list(formats) { throw ValidationError(error.description) }
    }

    func run() throws {
        Console.verbose = project.verbose
        let diagnostics = DiagnosticEngine()
        let outcome = try Console.run(diagnostics) {
            try AnnexesAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(
                    projectPath: project.directory, outputPath: output, year: annee,
                    formats: try DocumentFormat.list(formats).get())
        }
        guard let outcome else { throw ExitCode(2) }
        if format == .json {
            FileHandle.standardOutput.write(
                Data(
                    JSONOutput.text(
                        ChangeNoteJSON.object(
                            outcome.note, year: outcome.year,
                            files: outcome.files)
                    ).utf8))
            return
        }
        if let reading = outcome.yearReading { print(reading) }
        if let note = outcome.note {
            print(
                note.changes.isEmpty
                    ? "Annexes inchangées depuis \(note.baseline)."
                    : "Modifications depuis \(note.baseline) :\n"
                        + note.changes.map { "  - " + $0.line }.joined(separator: "\n"))
        }
        print("Annexes écrites dans « \(output) » : " + outcome.files.joined(separator: ", ") + ".")
    }
}
