import ArgumentParser
import Foundation
import SanteDocCore

struct SanteDoc: ParsableCommand {
    /// Every subcommand names itself: the parser would otherwise derive the name from the type's
    /// by reflection, a costly runtime lookup at each start.
    static let subcommandNames = configuration.subcommands.compactMap { $0.configuration.commandName }
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
        try Self.printVersion()
    }

    static func printVersion() throws {
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
        CommandLineText.hint(for: first, among: SanteDoc.subcommandNames)
        ?? "commandes : " + SanteDoc.subcommandNames.joined(separator: ", ") + "."
    return
        "santedoc: erreur: commande inconnue « \(first) ». \(hint)\n  « santedoc --aide » donne la liste des commandes."
}

// Parsing and running by hand, rather than `SanteDoc.main()`, so that the parser's own
// messages (help, usage errors) reach users in French, with the parser's exit statuses.
let arguments = Array(CommandLine.arguments.dropFirst())
// The DocBook schema's parse is the longest step of the commands that validate; it starts
// first, on the second core, before the argument parser's own start-up (docs/performance.md).
if let first = arguments.first,
    ([Build.self, Annexes.self, Bilan.self] as [ParsableCommand.Type]).contains(where: {
        $0.configuration.commandName == first
    }),
    !arguments.contains(where: { ["-h", "--help", "--aide"].contains($0) })
{
    Toolkit.prepareDocBookSchemaAtStart()
}
if let message = misspeltSubcommand(arguments) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(ExitCode.validationFailure.rawValue)
}
do {
    // Answered before the parser starts, whose reflection costs a fifth of this answer.
    if arguments == ["--version"] {
        try SanteDoc.printVersion()
        exit(0)
    }
    var command = try SanteDoc.parseAsRoot(arguments)
    try command.run()
} catch let failure as CommandFailure {  // already told
    exit(failure.status)
} catch {
    let code = SanteDoc.exitCode(for: error)
    let message = ParserFrench.translate(SanteDoc.fullMessage(for: error))
    if !message.isEmpty {
        let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data((message + "\n").utf8))
    }
    exit(code.rawValue)
}
