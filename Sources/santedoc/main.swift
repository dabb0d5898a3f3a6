import ArgumentParser
import Foundation
import SanteDocCore

struct SanteDoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "santedoc",
        abstract: "Assemble, calcule et vérifie le projet de santé d’une CPTS.",
        discussion: "Le dossier du projet vaut « Project » s’il n’est pas indiqué.",
        subcommands: [Build.self, Check.self, Annexes.self, Figures.self, Init.self],
        helpNames: [.short, .long, .customLong("aide")])
}

// Parsing and running by hand, rather than `SanteDoc.main()`, so that the parser's own
// messages (help, usage errors) reach users in French, with the parser's exit statuses.
do {
    var command = try SanteDoc.parseAsRoot()
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
