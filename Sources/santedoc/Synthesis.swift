import ArgumentParser
import Foundation
import SanteDocCore

struct Synthesis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthese",
        abstract: "Synthèse de plusieurs projets pour l’ARS : une page triable, son PDF, CSV et JSON.",
        discussion: "Vérifie tous les projets en parallèle, puis écrit dans SORTIE : synthese.html (une ligne par "
            + "projet : CPTS, département, population, taille, version de l’ACI, signature, complétude, exigences "
            + "manquantes, financement annuel et plafond, prochaine échéance ; des totaux par département et par "
            + "taille), synthese.pdf, synthese.csv, synthese.json, et la page de chaque projet "
            + "(projets/NOM/completude.html, ou erreurs.html quand ses sources ne se lisent pas). Un projet "
            + "illisible est listé avec sa première erreur, jamais omis. Codes de retour : 0 écrit, 2 rien écrit.")
    @Argument(help: ArgumentHelp("Dossiers des projets.", valueName: "dossier")) var directories: [String]
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Dossier de sortie.", valueName: "sortie"))
    var output = "Synthese"
    @OptionGroup var referential: ReferentialOption
    @Option(
        help: ArgumentHelp("Nombre de projets vérifiés en même temps (par défaut : un par cœur).", valueName: "nombre"))
    var jobs: Int?
    @Option(
        name: .customLong("date"),
        help: ArgumentHelp(
            "Jour à partir duquel compter les échéances (par défaut : aujourd’hui).", valueName: "AAAA-MM-JJ"))
    var day: String?
    @Option(help: ArgumentHelp("Formats écrits : html, pdf, csv, json (par défaut : tous).", valueName: "formats"))
    var formats = "html,pdf,csv,json"

    func validate() throws {
        if directories.isEmpty { throw ValidationError("indiquez au moins un dossier de projet.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs vaut au moins 1.") }
        try OutputOption.validate(output)
        if let day, SynthesisAction.day(day) == nil {
            throw ValidationError("--date « \(day) » n’est pas une date AAAA-MM-JJ (par exemple 2026-12-07).")
        }
        _ = try chosenFormats()
    }

    func chosenFormats() throws -> [SynthesisAction.Format] {
        try formats.split(separator: ",").map { word in
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = SynthesisAction.Format(rawValue: name) else {
                throw ValidationError(
                    "format « \(name) » inconnu ; formats possibles : "
                        + SynthesisAction.Format.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            return format
        }
    }

    func run() throws {
        let request = SynthesisAction.Request(
            projects: directories, output: output, referential: referential.path,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            day: SynthesisAction.day(day)!,
            formats: try chosenFormats())
        let written = try Console.run { diagnostics in
            try SynthesisAction(toolkit: try Console.toolkit(), diagnostics: diagnostics).perform(request)
        }
        guard let written else { throw ExitCode(2) }
        print(SynthesisAction.summary(written.entries, files: written.files, output: output))
    }
}
