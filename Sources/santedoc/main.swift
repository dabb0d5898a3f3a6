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

SanteDoc.main()
