import ArgumentParser
import Foundation
import SanteDocCore

struct Communes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communes",
        abstract: "Écrit communes.csv depuis le fichier des populations de référence de l’INSEE.",
        discussion: """
            Lit donnees_communes.csv (archive « ensemble » des populations de référence, insee.fr ; présentation \
            actuelle avec le code complet COM, ou ancienne avec DEP et CODCOM) ou t_popref_com de DataSanté, et \
            écrit, pour les communes demandées, code INSEE, nom et population municipale dans communes.csv du \
            projet, la source en commentaire. Un communes.csv existant n’est remplacé qu’avec --remplacer : les \
            superficies saisies (et les noms, que DataSanté ne donne pas) en sont gardées.
            """)
    @OptionGroup var project: ProjectOptions
    @Option(
        name: .customLong("insee"),
        help: ArgumentHelp("Fichier de l’INSEE (donnees_communes.csv).", valueName: "fichier")
    )
    var insee: String
    @Option(help: ArgumentHelp("Codes INSEE des communes, séparés par des virgules.", valueName: "codes"))
    var codes: String?
    @Option(help: ArgumentHelp("Fichier listant les codes INSEE (un ou plusieurs par ligne).", valueName: "fichier"))
    var liste: String?
    @Option(help: ArgumentHelp("Millésime des populations de référence (par exemple 2023).", valueName: "annee"))
    var millesime: String?
    @Flag(help: "Remplace un communes.csv existant.") var remplacer = false

    func validate() throws {
        if codes == nil && liste == nil { throw ValidationError("indiquez --codes ou --liste.") }
    }

    func run() throws {
        Console.verbose = project.verbose
        var request = CommunesAction.Request(projectPath: project.directory, inseeFile: insee)
        request.codes = (codes ?? "").split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
        request.listFile = liste
        request.edition = millesime
        request.replace = remplacer
        guard let outcome = try Console.run({ try CommunesAction(diagnostics: $0).perform(request) })
        else { throw ExitCode(2) }
        print(outcome.summary)
    }
}
