import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// The JSON that `check` and `figures` print: sorted keys, so outputs are stable.
public enum JSONOutput {
    public static func text(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(
                withJSONObject: object,
                options: [
                    .prettyPrinted, .sortedKeys,
                    .withoutEscapingSlashes,
                ])
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// `figures --format json`: each figure by name, numbers at the precision documents
/// show, dates in ISO form, unknown values as null.
public enum FiguresJSON {
    public static func object(_ figures: [Figure]) -> [String: Any] {
        var object: [String: Any] = [:]
        for figure in figures { object[figure.name] = value(figure.value) }
        return object
    }

    static func value(_ value: FigureValue) -> Any {
        switch value {
        case let .integer(n), let .euros(n): return n
        case let .date(date): return date.iso
        case let .text(s): return s
        case .decimal, .percent, .unknown: return value.shownNumber ?? NSNull()
        }
    }
}

/// `check --format json`: one object per project, in every case — with the completeness
/// report when the sources could be read, with `"sources_valides": false` and the
/// diagnostics when they could not.
public enum CheckJSON {
    public static func object(report: CompletenessReport?, diagnostics: [Diagnostic], project: String?) -> [String: Any]
    {
        var object: [String: Any] = [
            "sources_valides": report != nil, "complete": report?.isComplete ?? false,
            "diagnostics": diagnostics.map(entry),
        ]
        if let project { object["project"] = project }
        guard let report else { return object }
        object["referential"] = report.referential.id
        object["summary"] = report.summary
        object["blocking_satisfied"] = report.blocking.filter(\.isSatisfied).count
        object["blocking_total"] = report.blocking.count
        object["requirements"] = report.results.map { result -> [String: Any] in
            var entry: [String: Any] = [
                "id": result.requirement.id, "title": result.requirement.title,
                "severity": result.requirement.priority.rawValue, "status": result.status.rawValue,
                "source": result.requirement.source,
            ]
            if let location = result.location { entry["location"] = "\(location.file):\(location.line)" }
            if let message = result.message { entry["message"] = message }
            if !result.isApplicable { entry["applicable"] = false }
            if !result.isSatisfied, let hint = result.requirement.hint { entry["hint"] = hint }
            return entry
        }
        return object
    }

    /// A diagnostic as JSON: file, line, column, id, severity, message, suggestion.
    public static func entry(_ diagnostic: Diagnostic) -> [String: Any] {
        var entry: [String: Any] = [
            "id": diagnostic.id, "severity": diagnostic.severity.label, "message": diagnostic.message,
        ]
        if let location = diagnostic.location {
            entry["file"] = location.file
            entry["line"] = location.line
            entry["column"] = location.column
        }
        if let hint = diagnostic.hint { entry["suggestion"] = hint }
        return entry
    }
}

/// `annexes --format json`: the change note, with French keys like the rest of the output.
public enum ChangeNoteJSON {
    public static func object(_ note: ChangeNote?, year: Int?, files: [String]) -> [String: Any] {
        var object: [String: Any] = ["fichiers": files]
        if let year { object["annee"] = year }
        guard let note else { return object }
        object["comparee_a"] = note.baseline
        object["recalculee"] = note.recomputed
        object["modifications"] = note.changes.map { change -> [String: Any] in
            [
                "type": change.kind.rawValue, "endroit": change.place, "element": change.item,
                "details": change.details.map { ["colonne": $0.column, "avant": $0.old, "apres": $0.new] },
            ]
        }
        return object
    }
}
