import ArgumentParser
import Foundation
import SanteDocCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Produit le projet de santé (version de travail, ou édition définitive pour l’ARS).",
        discussion: """
            Sans --final : la version de travail du bureau, avec le chapitre « État de complétude » et les \
            consignes « À rédiger » encore présentes. Avec --final : l’édition transmise à l’ARS, sans vocabulaire \
            interne, datée par « document.date » ; elle est refusée (code 1, rien n’est écrit) tant qu’une exigence \
            bloquante manque. Chaque production écrit aussi « completude.html », l’état de complétude pour le bureau.
            """)
    @OptionGroup var project: ProjectOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Dossier de sortie.", valueName: "sortie")) var output = "Build"
    @Flag(help: "Échoue (code 1) si une exigence bloquante manque.") var strict = false
    @Flag(help: "Édition définitive, à transmettre à l’ARS.") var final = false
    @Option(help: .formats) var formats = "xml,html"
    @OptionGroup var referential: ReferentialOption

    func validate() throws {
        try OutputOption.validate(output)
        if case let .failure(error) = DocumentFormat.list(formats) { throw ValidationError(error.description) }
    }

    func run() throws {
        Console.verbose = project.verbose
        var request = BuildAction.Request(projectPath: project.directory, outputPath: output)
        request.strict = strict
        request.referential = referential.path
        request.isFinal = final
        request.formats = try DocumentFormat.list(formats).get()
        let outcome = try Console.run { diagnostics in
            try BuildAction(toolkit: try Console.toolkit(), diagnostics: diagnostics).perform(request)
        }
        let shown = outcome.console(
            output: output, final: final, strict: strict, useColor: Console.useColor(for: STDOUT_FILENO))
        if let text = shown.text { FileHandle.standardOutput.write(Data(text.utf8)) }
        if let note = shown.note { Console.note(note) }
        if shown.status != 0 { throw ExitCode(shown.status) }
    }
}
