import ArgumentParser
import Foundation
import SanteDocAnalysis
import SanteDocCore
import SanteDocDocument
import SanteDocModel

struct Annexes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Régénère les annexes du contrat ACI (missions, financement, échéancier, signatures).",
        discussion: """
            Avec --signer : scelle la version signée du contrat dans le dossier du projet (contrat/signature), \
            documents, valeurs des sources et empreintes compris ; un second scellement est refusé sans --remplacer. \
            Sans --annee : les annexes du contrat signé dans SORTIE/annexes — celles du scellement, telles quelles, \
            avec la liste de ce que les sources y changeraient (--strict : code 1 s’il y en a). Avec --annee N : \
            celles de l’année N du contrat, dans SORTIE/annexes/annee-N, avec la note des modifications depuis \
            l’année N−1 (ou la version signée) ; l’année est enregistrée dans contrat/annee-N et n’est plus jamais \
            réécrite : si les sources la changeraient, la commande est refusée (code 1) sauf avec --refaire, qui garde \
            l’ancienne version dans contrat/anciennes.
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
    @Option(help: "Résumé : text (texte) ou json.") var format: OutputFormat = .text
    @Flag(help: "Scelle la version signée du contrat (une seule fois).") var signer = false
    @Flag(help: "Avec --signer : remplace le scellement existant, gardé dans contrat/anciennes.") var remplacer = false
    @Flag(help: "Avec --annee : refait une année déjà produite, l’ancienne version gardée dans contrat/anciennes.")
    var refaire = false
    @Flag(help: "Échoue (code 1) si les sources diffèrent du contrat signé.") var strict = false

    func validate() throws {
        try OutputOption.validate(output)
        if let annee, annee < 1 { throw ValidationError("l’année du contrat vaut au moins 1.") }
        if case let .failure(error) = DocumentFormat.list(formats) { throw ValidationError(error.description) }
        if signer && annee != nil {
            throw ValidationError("--signer scelle la version signée : il ne se combine pas avec --annee.")
        }
        if remplacer && !signer { throw ValidationError("--remplacer s’emploie avec --signer.") }
        if refaire && annee == nil { throw ValidationError("--refaire s’emploie avec --annee N.") }
    }

    func run() throws {
        Console.verbose = project.verbose
        let diagnostics = DiagnosticEngine()
        var request = AnnexesAction.Request(projectPath: project.directory, outputPath: output, year: annee)
        request.formats = try DocumentFormat.list(formats).get()
        request.seal = signer
        request.replace = remplacer
        request.redo = refaire
        let result = try Console.run(diagnostics) {
            try AnnexesAction(toolkit: try Console.toolkit(), diagnostics: diagnostics).perform(request)
        }
        let outcome: AnnexesAction.Outcome
        switch result {
        case .invalid: throw ExitCode(2)
        case .refused: throw ExitCode(1)
        case let .done(done): outcome = done
        }
        if format == .json {
            FileHandle.standardOutput.write(Data(JSONOutput.text(ChangeNoteJSON.object(outcome)).utf8))
        } else {
            print(Self.summary(outcome, output: output))
        }
        if strict && !outcome.differences.isEmpty { throw ExitCode(1) }
    }

    static func summary(_ outcome: AnnexesAction.Outcome, output: String) -> String {
        var lines: [String] = []
        if let reading = outcome.yearReading { lines.append(reading) }
        if let note = outcome.note {
            lines.append(
                note.changes.isEmpty
                    ? "Annexes inchangées depuis \(note.baseline)."
                    : "Modifications depuis \(note.baseline) :\n"
                        + note.changes.map { "  - " + $0.line }.joined(separator: "\n"))
        }
        if let replaced = outcome.replaced { lines.append("Version précédente gardée dans « \(replaced) ».") }
        switch (outcome.record, outcome.year, outcome.reproduced) {
        case (nil, _, _):
            lines.append(
                "Contrat non scellé : ces annexes suivent les sources. Une fois le contrat signé, "
                    + "scellez-le : santedoc annexes --signer.")
        case let (record?, nil, true):
            lines.append(
                outcome.differences.isEmpty
                    ? "Contrat signé reproduit tel que scellé (« \(record) ») ; les sources n’y changent rien."
                    : "Contrat signé reproduit tel que scellé (« \(record) ») ; les sources diffèrent sur "
                        + FrenchFormat.count(outcome.differences.count, "point", "points") + " (voir ci-dessus).")
        case let (record?, nil, false): lines.append("Contrat signé scellé dans « \(record) ».")
        case let (record?, year?, true):
            lines.append("Année \(year) reproduite telle qu’enregistrée (« \(record) »).")
        case let (record?, year?, false): lines.append("Année \(year) enregistrée dans « \(record) ».")
        }
        lines.append("Annexes écrites dans « \(output) » : " + outcome.files.joined(separator: ", ") + ".")
        return lines.joined(separator: "\n")
    }
}
