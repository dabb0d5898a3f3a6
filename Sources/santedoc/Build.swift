import ArgumentParser
import Foundation
import SanteDocAnalysis
import SanteDocCore
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
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
    @Option(
        help: ArgumentHelp(
            "Formats à produire, séparés par des virgules : xml, html, pdf, odt, docx, ou tout.",
            valueName: "formats")) var formats = "xml,html"
    @OptionGroup var referential: ReferentialOption

    func validate() throws {
        try OutputOption.validate(output)
        if case let .failure(error) = DocumentFormat.list(formats) { throw ValidationError(error.description) }
    }

    func run() throws {
        Console.verbose = project.verbose
        let diagnostics = DiagnosticEngine()
        var request = BuildAction.Request(projectPath: project.directory, outputPath: output)
        request.strict = strict
        request.referential = referential.path
        request.edition = final ? .final : .workingDraft
        request.formats = try DocumentFormat.list(formats).get()
        let outcome = try Console.run(diagnostics) {
            try BuildAction(toolkit: try Console.toolkit(), diagnostics: diagnostics).perform(request)
        }
        switch outcome {
        case .invalidSources:
            throw ExitCode(2)
        case let .refused(report):
            FileHandle.standardOutput.write(Data(report.text(useColor: Console.useColor(for: STDOUT_FILENO)).utf8))
            Console.note("édition définitive refusée : des exigences bloquantes manquent (rien n’a été écrit).")
            throw ExitCode(1)
        case let .built(files, report):
            print(
                "\(final ? "Édition définitive" : "Version de travail") écrite dans « \(output) » : "
                    + files.joined(separator: ", ") + ". Complétude : " + report.summary)
            if strict && !report.isComplete { throw ExitCode(1) }
        }
    }
}
