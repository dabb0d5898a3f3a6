import FoundationEssentials
import SanteDocModel
import SanteDocReaders

/// `santedoc --version`: the program's version and the regulation it carries, since the
/// figures depend on both.
public struct VersionAction {
    public static let number = "0.2.0"

    let toolkit: Toolkit

    public init(toolkit: Toolkit) { self.toolkit = toolkit }

    public func perform() -> String {
        // The regulation and the referential are read at once, on two cores: the answer is
        // wanted at once.
        let toolkit = self.toolkit
        let read = concurrentMap(count: 2, width: 2) { index -> Loaded in
            index == 0
                ? .regulation(RegulationLibrary.load(templates: toolkit.templates, diagnostics: DiagnosticEngine()))
                : .referential(ReferentialLoader(toolkit: toolkit, diagnostics: DiagnosticEngine()).load(nil))
        }
        guard case let .regulation(regulation) = read[0], case let .referential(referential) = read[1] else {
            return "santedoc \(Self.number)\n"
        }
        var lines = ["santedoc \(Self.number)"]
        lines.append("Tables de l’ACI (\(toolkit.templates.appendingPathComponent("aci").path)) :")
        for table in regulation.fundingTables.values.sorted(by: { $0.id < $1.id }) {
            lines.append(
                "  \(table.id) — \(table.title), en vigueur le \(table.effectiveDate.map(FrenchFormat.date) ?? "?")")
        }
        if let referential {
            lines.append(
                "Référentiel de l’ARS : \(referential.id) — \(referential.title) (\(referential.requirements.count) exigences)"
            )
        }
        let legal = regulation.legalTexts.map(\.title).joined(separator: " ; ")
        if !legal.isEmpty { lines.append("Textes cités : \(legal)") }
        return lines.joined(separator: "\n") + "\n"
    }

    enum Loaded: Sendable {
        case regulation(RegulationLibrary)
        case referential(Referential?)
    }
}
