import ArgumentParser
import Foundation
import SanteDocCore

/// `santedoc aide format|diagnostics`: the user documentation, shipped beside the regulation
/// data (`…/share/santedoc/docs` once installed, `docs/` in the repository), since
/// `projet.yaml`'s header sends its reader there.
struct Guide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aide",
        abstract: "Affiche la documentation : le format du projet, ou le catalogue des messages.",
        discussion: """
            « santedoc aide format » : les fichiers du projet (projet.yaml, sections, CSV, contrat, bilan) ; \
            « santedoc aide diagnostics » : chaque message, sa cause et sa correction.
            """)

    enum Topic: String, ExpressibleByArgument, CaseIterable {
        case format, diagnostics
        var file: String { "\(rawValue).md" }
    }

    @Argument(help: ArgumentHelp("format ou diagnostics.", valueName: "sujet")) var topic: Topic = .format

    func run() throws {
        let folder = try Console.toolkit().templates.deletingLastPathComponent().appendingPathComponent("docs")
        let file = folder.appendingPathComponent(topic.file)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Console.error(
                "aide.absente", "Documentation introuvable (« \(file.path) »).",
                hint: "réinstallez SanteDoc (Scripts/install copie docs/ à côté de Templates/).")
        }
        FileHandle.standardOutput.write(data)
    }
}
