import ArgumentParser
import Foundation
import SanteDocCore

struct Bilan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bilan",
        abstract: "Bilan annuel du contrat (dialogue de gestion) : indicateurs atteints, part variable, solde dû.",
        discussion: """
            Calcule, pour l’année N du contrat, à partir des résultats saisis dans projet.yaml (clé « resultats » de \
            chaque indicateur) : la cible ou le palier atteint et le montant obtenu par indicateur, la part variable \
            obtenue par mission sur son maximum, et ce qui est dû pour l’année selon les règles de versement de \
            l’ACI (dû, avances déjà versées, solde). Un résultat non saisi n’est compté ni atteint ni manqué. Écrit \
            SORTIE/bilans/bilan-annee-N (DocBook, HTML, et les formats demandés). Si l’année N est enregistrée \
            (contrat/annee-N), ses cibles et montants doivent être ceux des sources.
            """)
    @OptionGroup var project: ProjectOptions
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Dossier de sortie (le bilan va dans SORTIE/bilans).", valueName: "sortie"))
    var output = "Build"
    @Option(help: .contractYear) var annee: Int
    @Option(help: .formats) var formats = "xml,html"
    @Option(help: "Résumé : text (texte) ou json.") var format: OutputFormat = .text

    func validate() throws {
        try OutputOption.validate(output)
        if annee < 1 { throw ValidationError("l’année du contrat vaut au moins 1.") }
        if case let .failure(error) = DocumentFormat.list(formats) { throw ValidationError(error.description) }
    }

    func run() throws {
        Console.verbose = project.verbose
        let result = try Console.run { diagnostics in
            try BilanAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(
                    projectPath: project.directory, outputPath: output, year: annee,
                    formats: try DocumentFormat.list(formats).get())
        }
        switch result {
        case .invalid: throw ExitCode(2)
        case .refused: throw ExitCode(1)
        case let .done(outcome):
            if format == .json {
                FileHandle.standardOutput.write(Data(JSONOutput.text(BilanJSON.object(outcome)).utf8))
            } else {
                print(
                    BilanJSON.text(outcome) + "\nBilan écrit dans « \(output) » : "
                        + outcome.files.joined(separator: ", ") + ".")
            }
        }
    }
}
