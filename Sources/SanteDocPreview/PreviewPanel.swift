import Foundation
import SanteDocAnalysis
import SanteDocCore
import SanteDocModel

/// The side panel's data, as JSON the page fills in with text nodes only: the completeness
/// report and the messages of the latest render, each linked to its place in the page
/// when it has one. No source content travels here but the messages themselves.
enum PreviewPanel {
    /// `anchors` are those of the page shown: the last valid one when this render failed.
    static func json(
        _ render: PreviewRenderer.Render, anchors: [String: String], version: Int, documentVersion: Int
    ) -> Data {
        var object: [String: Any] = [
            "version": version,
            "document": documentVersion,
            "valide": render.page != nil,
            "duree_ms": Double(render.duration.components.attoseconds) / 1e15
                + Double(render.duration.components.seconds) * 1000,
            "messages": render.diagnostics.filter { $0.severity != .note }.map { message($0, anchors) },
        ]
        if let report = render.report {
            object["resume"] = report.summary
            object["exigences"] = report.results.map { result -> [String: Any] in
                var entry: [String: Any] = [
                    "id": result.requirement.id, "titre": result.requirement.title,
                    "statut": result.isApplicable ? result.status.rawValue : "sans-objet",
                    "libelle": CompletenessReport.statusLabel(result),
                    "bloquant": result.requirement.priority == .blocking,
                ]
                if let message = result.message { entry["message"] = message }
                if !result.isSatisfied, let hint = result.requirement.hint { entry["conseil"] = hint }
                let link = result.location.flatMap { anchors[$0.file] } ?? result.requirement.part?.rawValue
                if let link, documentVersion > 0 { entry["lien"] = "#" + link }
                return entry
            }
        }
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return data ?? Data("{}".utf8)
    }

    static func message(_ diagnostic: Diagnostic, _ anchors: [String: String]) -> [String: Any] {
        var entry: [String: Any] = [
            "id": diagnostic.id, "gravite": diagnostic.severity.label, "message": diagnostic.message,
            "erreur": diagnostic.severity == .error,
        ]
        if let location = diagnostic.location {
            entry["position"] = location.description
            if let anchor = anchors[location.file] { entry["lien"] = "#" + anchor }
        }
        if let hint = diagnostic.hint { entry["conseil"] = hint }
        return entry
    }
}
