import ArgumentParser
import Foundation
import SanteDocCore
import SanteDocPreview

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apercu",
        abstract: "Ouvre un aperçu du projet dans le navigateur, mis à jour à chaque modification des sources.",
        discussion:
            "L’aperçu montre la version de travail et, à côté, ce que l’ARS attend encore et les messages. "
            + "Il n’écrit rien dans Build/. Il n’écoute que sur cette machine (127.0.0.1) ; Ctrl-C l’arrête.")
    @OptionGroup var project: ProjectOptions
    @OptionGroup var referential: ReferentialOption
    @Option(help: ArgumentHelp("Port d’écoute.", valueName: "port")) var port: UInt16 = PreviewServer.defaultPort
    @Option(
        name: .customLong("hote"),
        help: ArgumentHelp(
            "Adresse d’écoute à la place de 127.0.0.1. DANGEREUX : toute machine qui atteint cette adresse lit "
                + "le projet ; à réserver à un réseau de confiance.", valueName: "adresse"))
    var host: String?
    /// For `Scripts/benchmark`: renders N times in this process and prints the timings.
    @Option(name: .customLong("mesure"), help: .hidden) var measurements: Int?

    func run() throws {
        Console.verbose = project.verbose
        let toolkit = try Console.toolkit()
        guard
            let renderer = try Console.run({ diagnostics in
                PreviewRenderer(
                    toolkit: toolkit, projectPath: project.directory, referential: referential.path,
                    diagnostics: diagnostics)
            })
        else { throw ExitCode(2) }
        if let measurements {
            FileHandle.standardOutput.write(Data(Self.measure(renderer, times: max(1, measurements)).utf8))
            return
        }
        let assets: PreviewAssets
        switch PreviewAssets.load(from: toolkit.templates) {
        case let .success(loaded): assets = loaded
        case let .failure(missing):
            throw Console.error(
                "modele.absent",
                "Modèle « \(missing.name) » introuvable dans \(toolkit.templates.appendingPathComponent("apercu").path)."
            )
        }
        let settings = PreviewServer.Settings(host: host ?? PreviewServer.loopback, port: port)
        if settings.host != PreviewServer.loopback {
            Console.note(
                "avertissement : l’aperçu écoute sur \(settings.host) : toute machine qui atteint cette adresse "
                    + "lit le projet.")
        }
        let server = PreviewServer(
            renderer: renderer, projectPath: project.directory, assets: assets, settings: settings,
            report: Self.report)
        do {
            try server.run { address in
                Console.note("aperçu de « \(project.directory) » sur \(address) — Ctrl-C pour arrêter.")
            }
        } catch let error as PreviewError {
            switch error {
            case .portInUse: throw Console.error("apercu.port-occupe", error.description, hint: error.hint)
            case .invalidHost: throw Console.error("apercu.hote", error.description, hint: error.hint)
            case .cannotListen: throw Console.fail(error.description)
            }
        }
        Console.note("aperçu arrêté.")
    }

    /// One line per render on standard error, and the errors that keep the page from updating.
    @Sendable static func report(_ render: PreviewRenderer.Render) {
        Console.reportErrors(render.diagnostics)
        let time = "\(milliseconds(render.duration)) ms"
        if render.page == nil {
            Console.note("sources invalides : l’aperçu garde la dernière version correcte (\(time)).")
        } else {
            Console.note("aperçu mis à jour en \(time)" + (render.summary.map { " — \($0)" } ?? ""))
        }
    }

    /// A first, full render, then `times` renders each after the edit of one section, as a
    /// board member working in the preview makes them.
    static func measure(_ renderer: PreviewRenderer, times: Int) -> String {
        let first = renderer.render()
        let files = first.anchors.keys.sorted()
        let durations = (0..<times).map { index in
            (files.isEmpty ? renderer.render() : renderer.render(afterEditing: files[index % files.count])).duration
        }.sorted()
        let values = durations.map(milliseconds)
        return "{\"rendus\": \(times), \"mediane_ms\": \(values[times / 2]), \"min_ms\": \(values[0]), "
            + "\"max_ms\": \(values[times - 1]), \"premier_ms\": \(milliseconds(first.duration))}\n"
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return ((Double(seconds) * 1000 + Double(attoseconds) / 1e15) * 10).rounded() / 10
    }
}
