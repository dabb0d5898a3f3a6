import ArgumentParser
import Foundation
import SanteDocCore

struct Annexes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annexes",
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
    @Option(help: .contractYear) var annee: Int?
    @Option(help: .formats) var formats = "xml,html"
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
        var request = AnnexesAction.Request(projectPath: project.directory, outputPath: output, year: annee)
        request.formats = try DocumentFormat.list(formats).get()
        request.seal = signer
        request.replace = remplacer
        request.redo = refaire
        let result = try Console.run { diagnostics in
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
            print(outcome.summary(output: output))
        }
        if strict && !outcome.differences.isEmpty { throw ExitCode(1) }
    }
}
