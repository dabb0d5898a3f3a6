import ArgumentParser
import Foundation
import SanteDocCore
import SanteDocModel

struct SanteDoc: ParsableCommand {
    static let subcommandNames = [
        "build", "check", "annexes", "bilan", "figures", "communes", "apercu", "init", "importer", "synthese", "aide",
    ]
    static let configuration = CommandConfiguration(
        commandName: "santedoc",
        abstract: "Assemble, calcule et vérifie le projet de santé d’une CPTS.",
        discussion:
            "Sans dossier indiqué : « Project » s’il existe, sinon le dossier courant s’il contient projet.yaml.",
        subcommands: [
            Build.self, Check.self, Annexes.self, Bilan.self, Figures.self, Communes.self, Preview.self, Init.self,
            Import.self, Synthesis.self,
            Guide.self,
        ],
        helpNames: [.short, .long, .customLong("aide")])

    @Flag(name: .customLong("version"), help: "Affiche la version, les tables de l’ACI et le référentiel embarqués.")
    var showVersion = false

    func run() throws {
        guard showVersion else { throw CleanExit.helpRequest(self) }
        FileHandle.standardOutput.write(Data(VersionAction(toolkit: try Console.toolkit()).perform().utf8))
    }
}

/// `santedoc biuld`: the parser only says « argument inattendu »; a user wants the command
/// they meant.
func misspeltSubcommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), !SanteDoc.subcommandNames.contains(first),
        first != "help"
    else { return nil }
    let hint =
        Suggestions.hint(for: first, in: SanteDoc.subcommandNames)
        ?? "commandes : " + SanteDoc.subcommandNames.joined(separator: ", ") + "."
    return
        "santedoc: erreur: commande inconnue « \(first) ». \(hint)\n  « santedoc --aide » donne la liste des commandes."
}

// Parsing and running by hand, rather than `SanteDoc.main()`, so that the parser's own
// messages (help, usage errors) reach users in French, with the parser's exit statuses.
let arguments = Array(CommandLine.arguments.dropFirst())
if let message = misspeltSubcommand(arguments) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(ExitCode.validationFailure.rawValue)
}
do {
    var command = try SanteDoc.parseAsRoot(arguments)
    try command.run()
} catch {
    let code = SanteDoc.exitCode(for: error)
    let message = ParserFrench.translate(SanteDoc.fullMessage(for: error))
    if !message.isEmpty {
        let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data((message + "\n").utf8))
    }
    exit(code.rawValue)
}
