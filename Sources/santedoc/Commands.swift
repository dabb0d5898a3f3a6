import ArgumentParser
import Foundation
import SanteDocCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Produit le projet de santé en DocBook (XML) et en HTML.")
    @OptionGroup var project: ProjectOptions
    @Option(name: .shortAndLong, help: "Dossier de sortie.") var output = "Build"
    @Flag(help: "Échoue (code 1) si une exigence bloquante manque.") var strict = false
    @Option(help: "Référentiel ARS à utiliser (fichier YAML) à la place du référentiel national.") var referentiel: String?

    func run() throws {
        let diagnostics = DiagnosticEngine()
        let outcome: BuildAction.Outcome
        do {
            outcome = try BuildAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(projectPath: project.directory, outputPath: output, strict: strict, referential: referentiel)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.report(diagnostics)
            throw Console.fail("\(error)")
        }
        Console.report(diagnostics)
        switch outcome {
        case .invalidSources: throw ExitCode(2)
        case .built(complete: false) where strict: throw ExitCode(1)
        case .built: break
        }
    }
}

struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Affiche les chiffres calculés (population, taille, financement…).")
    @OptionGroup var project: ProjectOptions
    @Option(help: "Format de sortie : text ou json.") var format: OutputFormat = .text

    func run() throws {
        let diagnostics = DiagnosticEngine()
        let output = FiguresAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
            .perform(projectPath: project.directory, json: format == .json)
        Console.report(diagnostics)
        guard let output else { throw ExitCode(2) }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vérifie le projet face au référentiel de l’ARS.",
        discussion: "Plusieurs dossiers peuvent être vérifiés en une fois (en parallèle) ; le code de retour est "
            + "alors le plus grave : 2 si un projet a des sources invalides, 1 si un projet est incomplet.")
    @Argument(help: "Dossier(s) du projet.") var directories: [String] = ["Project"]
    @Option(help: "Format de sortie : text ou json.") var format: OutputFormat = .text
    @Option(help: "Référentiel ARS à utiliser (fichier YAML) à la place du référentiel national.") var referentiel: String?
    @Option(help: "Nombre de projets vérifiés en même temps (par défaut : un par cœur).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs vaut au moins 1.") }
    }

    func run() throws {
        let diagnostics = DiagnosticEngine()
        let outcomes = CheckAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
            .perform(projectPaths: directories, referential: referentiel, jobs: jobs)
        Console.report(diagnostics)
        guard !outcomes.isEmpty else { throw ExitCode(2) }
        let several = directories.count > 1
        var texts: [String] = []
        for (directory, outcome) in zip(directories, outcomes) {
            Console.report(outcome.diagnostics, prefix: several ? directory : nil)
            guard let report = outcome.report else { continue }
            if format == .json {
                texts.append(report.json(project: several ? directory : nil))
            } else {
                texts.append((several ? "== \(directory) ==\n" : "") + report.text(useColor: Console.useColor(for: STDOUT_FILENO)))
            }
        }
        let output = format == .json && several ? "[\n" + texts.map { $0.trimmingCharacters(in: .newlines) }
            .joined(separator: ",\n") + "\n]\n" : texts.joined(separator: "\n")
        FileHandle.standardOutput.write(Data(output.utf8))
        if outcomes.contains(where: { $0.report == nil }) { throw ExitCode(2) }
        if outcomes.contains(where: { $0.report?.isComplete == false }) { throw ExitCode(1) }
    }
}

struct Annexes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Régénère les annexes du contrat ACI.")
    @OptionGroup var project: ProjectOptions
    @Option(name: .shortAndLong, help: "Dossier de sortie (les annexes vont dans SORTIE/annexes).") var output = "Build"
    @Option(help: "Année du contrat (1 à 5) : cibles et période de cette année.") var annee: Int?

    func validate() throws {
        if let annee, !(1...10).contains(annee) { throw ValidationError("l’année du contrat va de 1 à 10.") }
    }

    func run() throws {
        let diagnostics = DiagnosticEngine()
        let outcome: AnnexesAction.Outcome?
        do {
            outcome = try AnnexesAction(toolkit: try Console.toolkit(), diagnostics: diagnostics)
                .perform(projectPath: project.directory, outputPath: output, year: annee)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.report(diagnostics)
            throw Console.fail("\(error)")
        }
        Console.report(diagnostics)
        guard let outcome else { throw ExitCode(2) }
        if let changes = outcome.changes {
            print(changes.isEmpty ? "Annexes inchangées." : "Changements depuis les annexes précédentes :\n"
                  + changes.map { "  - " + $0 }.joined(separator: "\n"))
        } else {
            print("Annexes écrites dans « \(output)/\(AnnexesAction.folder) ».")
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Crée un nouveau projet avec toutes les sections à rédiger.")
    @Argument(help: "Dossier à créer.") var directory: String
    func run() throws {
        let diagnostics = DiagnosticEngine()
        let created = InitAction(toolkit: try Console.toolkit(), diagnostics: diagnostics).perform(directory: directory)
        Console.report(diagnostics)
        guard created else { throw ExitCode(2) }
        print("Projet créé dans « \(directory) ». Prochaine étape : santedoc check \(directory)")
    }
}
