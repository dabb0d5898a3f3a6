import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders

/// What the commands print and the status they exit with, decided here rather than in the
/// command line (`santedoc` only wires arguments to actions and prints what it is given).
extension BuildAction.Request {
    /// The submission edition for the ARS, rather than the board's working draft.
    public var isFinal: Bool {
        get { edition == .final }
        set { edition = newValue ? .final : .workingDraft }
    }
}

extension BuildAction.Outcome {
    /// The report or summary for standard output, a note for standard error, the exit status.
    public func console(output: String, final: Bool, strict: Bool, useColor: Bool) -> (
        text: String?, note: String?, status: Int32
    ) {
        switch self {
        case .invalidSources:
            return (nil, nil, 2)
        case let .refused(report):
            return (
                report.text(useColor: useColor),
                "édition définitive refusée : des exigences bloquantes manquent (rien n’a été écrit).", 1
            )
        case let .built(files, report):
            let text =
                "\(final ? "Édition définitive" : "Version de travail") écrite dans « \(output) » : "
                + files.joined(separator: ", ") + ". Complétude : " + report.summary + "\n"
            return (text, nil, strict && !report.isComplete ? 1 : 0)
        }
    }
}

extension CheckAction {
    /// The reports of every project checked (text or JSON, each project named when there
    /// are several) and the gravest status: 2 for invalid sources, 1 for an incomplete project.
    public static func console(
        _ outcomes: [Outcome], projects: [String], json: Bool, useColor: Bool
    ) -> (text: String, status: Int32) {
        let several = projects.count > 1
        var objects: [[String: Any]] = []
        var texts: [String] = []
        for (directory, outcome) in zip(projects, outcomes) {
            if json {
                objects.append(
                    CheckJSON.object(
                        report: outcome.report, diagnostics: outcome.diagnostics.diagnostics,
                        project: several ? directory : nil))
            } else if let report = outcome.report {
                texts.append((several ? "== \(directory) ==\n" : "") + report.text(useColor: useColor))
            }
        }
        let text = json ? JSONOutput.text(several ? objects as Any : objects[0]) : texts.joined(separator: "\n")
        if outcomes.contains(where: { $0.report == nil }) { return (text, 2) }
        return (text, outcomes.contains(where: { $0.report?.isComplete == false }) ? 1 : 0)
    }

    /// The JSON written when the referential or the regulation itself cannot be read.
    public static func unreadableJSON(_ diagnostics: DiagnosticEngine) -> String {
        JSONOutput.text(CheckJSON.object(report: nil, diagnostics: diagnostics.diagnostics, project: nil))
    }
}

extension PreviewRenderer.Render {
    /// « 23/23 exigences bloquantes satisfaites, 9/9 recommandées. », once the project reads.
    public var summary: String? { report?.summary }
}

/// Where a command looks for the project when none is named: `Project/` if present, else
/// the current folder when it holds `projet.yaml`.
public func defaultProjectDirectory() -> String { ProjectLocator.defaultDirectory() }

extension CommunesAction.Outcome {
    /// What `communes` prints once the list is written.
    public var summary: String {
        "« \(file) » écrit : \(FrenchFormat.count(communes.count, "commune", "communes")), "
            + "\(FrenchFormat.integer(population)) habitants (population municipale).\n"
            + "La source est notée en tête du fichier (« \(referenceText) ») : les documents la citent, "
            + "sauf si projet.yaml en donne une autre (territoire.reference_population)."
    }
}

extension SynthesisAction {
    /// The day `--date` names (AAAA-MM-JJ), today without one, nil when it is no date.
    public static func day(_ iso: String?) -> CalendarDate? {
        if let iso { return CalendarDate(iso: iso) }
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: today.year ?? 2026, month: today.month ?? 1, day: today.day ?? 1)
    }
}

/// Words of the command line itself.
public enum CommandLineText {
    /// « vouliez-vous dire « build » ? » for `santedoc biuld`, nil when nothing is close.
    public static func hint(for word: String, among commands: [String]) -> String? {
        Suggestions.hint(for: word, in: commands)
    }
}
