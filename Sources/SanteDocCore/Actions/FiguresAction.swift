import SanteDocAnalysis
import SanteDocModel

/// `santedoc figures`: every computed figure, as an aligned French table or as JSON.
public struct FiguresAction {
    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    /// The text to print, or nil when the sources are invalid.
    public func perform(projectPath: String, json: Bool) -> String? {
        guard let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(projectPath: projectPath)
        else {
            return nil
        }
        let figures = result.figures.all.figures
        return json ? JSONOutput.text(FiguresJSON.object(figures)) : Self.table(figures)
    }

    static func table(_ figures: [Figure]) -> String {
        let nameWidth = figures.map(\.name.count).max() ?? 0
        let labelWidth = min(50, figures.map(\.label.count).max() ?? 0)
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        var lines = [pad("Nom", nameWidth) + "  " + pad("Libellé", labelWidth) + "  Valeur"]
        for figure in figures {
            var value = figure.value.formatted
            if case let .unknown(reason, _) = figure.value { value += " (\(reason))" }
            let label = figure.label.count > labelWidth ? figure.label.prefix(labelWidth - 1) + "…" : figure.label
            lines.append(pad(figure.name, nameWidth) + "  " + pad(label, labelWidth) + "  " + value)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
