import Foundation

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
        guard let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(projectPath: projectPath) else {
            return nil
        }
        let figures = result.figures.all.figures
        return json ? Self.json(figures) : Self.table(figures)
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

    static func json(_ figures: [Figure]) -> String {
        var object: [String: Any] = [:]
        for figure in figures { object[figure.name] = jsonValue(figure.value) }
        return JSONOutput.text(object)
    }

    static func jsonValue(_ value: FigureValue) -> Any {
        switch value {
        case let .integer(n), let .euros(n): return n
        case let .decimal(d, places, _), let .percent(d, places):
            guard d.isFinite else { return NSNull() }
            return Double(FrenchFormat.decimal(d, places: places).replacingOccurrences(of: "\u{00A0}", with: "")
                .replacingOccurrences(of: ",", with: ".")) ?? d
        case let .date(date): return date.iso
        case let .text(s): return s
        case .unknown: return NSNull()
        }
    }
}
