import Foundation
import SanteDocAnalysis
import SanteDocCore
import SanteDocModel

/// The side panel's data: the completeness report in the one JSON shape of SanteDoc,
/// `check --format json`'s (`CheckJSON`, documented in docs/format.md), with what a page
/// needs besides — each requirement's status in words (`label`), each requirement and
/// message linked to its place in the page when it has one (`link`), the render's version
/// and duration. The page fills it in with text nodes only; no source content travels here
/// but the messages themselves.
enum PreviewPanel {
    /// `anchors` are those of the page shown: the last valid one when this render failed.
    static func json(
        _ render: PreviewRenderer.Render, anchors: [String: String], version: Int, documentVersion: Int
    ) -> Data {
        let shown = render.diagnostics.filter { $0.severity != .note }
        var object = CheckJSON.object(report: render.report, diagnostics: shown, project: nil)
        object["version"] = version
        object["document"] = documentVersion
        object["valid"] = render.page != nil
        object["duration_ms"] =
            Double(render.duration.components.attoseconds) / 1e15 + Double(render.duration.components.seconds) * 1000
        object["diagnostics"] = zip(shown, object["diagnostics"] as? [[String: Any]] ?? []).map { diagnostic, entry in
            var entry = entry
            if let file = diagnostic.location?.file, let anchor = anchors[file] { entry["link"] = "#" + anchor }
            return entry
        }
        if let report = render.report {
            object["requirements"] = zip(report.results, object["requirements"] as? [[String: Any]] ?? []).map {
                result, entry in
                var entry = entry
                entry["label"] = CompletenessReport.statusLabel(result)
                let link = result.location.flatMap { anchors[$0.file] } ?? result.requirement.part?.rawValue
                if let link, documentVersion > 0 { entry["link"] = "#" + link }
                return entry
            }
        }
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return data ?? Data("{}".utf8)
    }
}
