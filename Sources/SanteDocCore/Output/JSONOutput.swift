import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel

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

/// `annexes --format json`: the change note, the record and the differences with the sealed
/// version, with French keys like the rest of the output.
public enum ChangeNoteJSON {
    public static func object(_ outcome: AnnexesAction.Outcome) -> [String: Any] {
        var object: [String: Any] = ["fichiers": outcome.files, "reproduites": outcome.reproduced]
        if let year = outcome.year { object["annee"] = year }
        if let record = outcome.record { object["registre"] = record }
        if let replaced = outcome.replaced { object["version_precedente"] = replaced }
        if outcome.year == nil && outcome.record != nil {
            object["ecarts_avec_la_signature"] = outcome.differences.map { difference -> [String: Any] in
                var entry: [String: Any] = ["element": difference.label]
                if let old = difference.old { entry["avant"] = old }
                if let new = difference.new { entry["apres"] = new }
                if let location = difference.location { entry["endroit"] = location.description }
                return entry
            }
        }
        guard let note = outcome.note else { return object }
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

/// `bilan --format json` and the terminal summary: the review of a contract year, French keys.
public enum BilanJSON {
    public static func object(_ outcome: BilanAction.Outcome) -> [String: Any] {
        let review = outcome.review
        func optional(_ value: Int?) -> Any { value.map { $0 as Any } ?? NSNull() }
        var object: [String: Any] = [
            "annee": review.year, "cpts": outcome.cpts,
            "periode": ["debut": review.period.start.iso, "fin": review.period.end.iso],
            "dialogue_de_gestion": review.reviewDate.iso,
            "part_variable_maximale": optional(review.variableMaximum), "part_variable_obtenue": review.earned,
            "en_attente": review.pending, "du": optional(review.due), "deja_verse": optional(review.advanced),
            "solde_a_verser": optional(review.balance), "fichiers": outcome.files,
            "regles_de_versement": review.paymentSource,
        ]
        if let record = outcome.record { object["registre"] = record }
        object["missions"] = review.missions.map { mission -> [String: Any] in
            [
                "mission": mission.id, "titre": mission.title,
                "part_variable_maximale": optional(mission.variableMaximum),
                "part_variable_obtenue": mission.earned, "en_attente": mission.pending,
                "non_attribuee": mission.unattributed, "realisations": mission.achievements,
                "indicateurs": mission.indicators.map(indicator),
            ]
        }
        object["versements"] = review.lines.map { line -> [String: Any] in
            [
                "poste": line.title, "mission": line.id, "part": line.part.rawValue, "du": optional(line.due),
                "deja_verse": optional(line.advanced), "solde": optional(line.balance), "en_attente": line.pending,
                "regle": line.rule,
            ]
        }
        object["historique"] = review.history.map { summary -> [String: Any] in
            [
                "annee": summary.year, "part_variable_maximale": optional(summary.maximum),
                "part_variable_obtenue": summary.earned, "en_attente": summary.pending,
            ]
        }
        return object
    }

    static func indicator(_ review: AnnualReview.IndicatorReview) -> [String: Any] {
        var entry: [String: Any] = [
            "libelle": review.indicator.label, "constat": outcome(review.outcome),
            "montant_obtenu": review.earned.map { $0 as Any } ?? NSNull(),
            "montant_maximal": review.maximum.map { $0 as Any } ?? NSNull(),
            "endroit": review.indicator.location.description,
        ]
        if let target = review.target {
            entry["cible"] = target.text
            if let reading = target.reading { entry["cible_lue"] = reading }
        }
        if let year = review.targetSetIn { entry["cible_fixee_en_annee"] = year }
        if let result = review.result {
            var value: [String: Any] = ["valeur": result.value.value]
            if let date = result.date { value["date"] = date.iso }
            if let source = result.source { value["source"] = source }
            if let evidence = result.evidence { value["justificatif"] = evidence }
            entry["resultat"] = value
        }
        if case let .tier(index) = review.outcome, case let .steps(steps)? = review.pay {
            entry["palier_atteint"] = steps[index].condition.text
        }
        if case let .notComputable(reason) = review.outcome { entry["raison"] = reason }
        return entry
    }

    static func outcome(_ outcome: AnnualReview.IndicatorReview.Outcome) -> String {
        switch outcome {
        case .reached: return "atteint"
        case .missed: return "non-atteint"
        case .tier: return "palier-atteint"
        case .noTier: return "aucun-palier"
        case .notEntered: return "non-saisi"
        case .notComputable: return "non-calculable"
        }
    }

    /// The summary the terminal prints.
    public static func text(_ outcome: BilanAction.Outcome) -> String {
        let review = outcome.review
        func euros(_ amount: Int?) -> String { amount.map { FigureValue.euros($0).formatted } ?? "non publié" }
        var lines: [String] = []
        if let reading = outcome.yearReading { lines.append(reading) }
        lines.append(
            "Bilan de l’année \(review.year) (du \(FrenchFormat.date(review.period.start)) au "
                + "\(FrenchFormat.date(review.period.end))) — \(outcome.cpts)")
        for mission in review.missions {
            lines.append(
                "  \(mission.title) : part variable obtenue \(euros(mission.earned)) sur \(euros(mission.variableMaximum))"
                    + (mission.pending > 0 ? " (\(euros(mission.pending)) en attente)" : ""))
        }
        lines.append(
            "Dû au titre de l’année : \(euros(review.due)) ; déjà versé : \(euros(review.advanced)) ; "
                + "solde à verser après le dialogue de gestion : \(euros(review.balance))"
                + (review.pending > 0 ? ", plus au plus \(euros(review.pending)) selon l’arbitrage." : "."))
        return lines.joined(separator: "\n")
    }
}
