import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// `santedoc --version`: the program's version and the regulation it carries, since the
/// figures depend on both.
public struct VersionAction {
    public static let number = "0.2.0"

    let toolkit: Toolkit

    public init(toolkit: Toolkit) { self.toolkit = toolkit }

    public func perform() -> String {
        let diagnostics = DiagnosticEngine()
        let regulation = RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        var lines = ["santedoc \(Self.number)"]
        lines.append("Tables de l’ACI (\(toolkit.templates.appendingPathComponent("aci").path)) :")
        for table in regulation.fundingTables.values.sorted(by: { $0.id < $1.id }) {
            lines.append(
                "  \(table.id) — \(table.title), en vigueur le \(table.effectiveDate.map(FrenchFormat.date) ?? "?")")
        }
        if let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(nil) {
            lines.append(
                "Référentiel de l’ARS : \(referential.id) — \(referential.title) (\(referential.requirements.count) exigences)"
            )
        }
        let legal = regulation.legalTexts.map(\.title).joined(separator: " ; ")
        if !legal.isEmpty { lines.append("Textes cités : \(legal)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
