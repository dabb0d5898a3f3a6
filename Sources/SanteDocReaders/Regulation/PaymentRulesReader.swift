import SanteDocModel
import Yams

/// Reads `versements`; every list of instalments must add up to the whole amount.
struct PaymentRulesReader {
    let diagnostics: DiagnosticEngine

    func read(_ group: YAMLMapping, sources: [String: String]) -> PaymentRules? {
        group.rejectUnknownKeys(allowed: ["source", "fonctionnement", "part_fixe", "part_variable"])
        let operating = group.mapping("fonctionnement", allowed: ["premiere_annee", "annees_suivantes"])
        let fixed = group.mapping("part_fixe", allowed: ["annee_de_demarrage", "annees_suivantes"])
        let variable = group.mapping("part_variable", allowed: ["toutes_les_annees"])
        guard let operating, let fixed, let variable,
            let operatingFirst = instalments(operating, "premiere_annee"),
            let operatingLater = instalments(operating, "annees_suivantes"),
            let fixedStart = instalments(fixed, "annee_de_demarrage"),
            let fixedLater = instalments(fixed, "annees_suivantes"),
            let variableAll = instalments(variable, "toutes_les_annees")
        else {
            diagnostics.error(
                "aci.versements", at: group.location,
                "Règles de versement incomplètes : fonctionnement, part_fixe et part_variable sont attendus.",
                hint: "voir Templates/aci/aci-2019.yaml, groupe « versements ».")
            return nil
        }
        let key = group.string("source")?.value ?? ""
        return PaymentRules(
            operatingFirstYear: operatingFirst, operatingLaterYears: operatingLater,
            fixedStartYear: fixedStart, fixedLaterYears: fixedLater, variable: variableAll,
            source: sources[key] ?? key)
    }

    private func instalments(_ mapping: YAMLMapping, _ key: String) -> [PaymentRules.Instalment]? {
        let items = mapping.mappings(
            key, allowed: ["part", "moment", "prorata", "selon_indicateurs"],
            example: "- {part: 75, moment: anniversaire}")
        let list = items.compactMap { item -> PaymentRules.Instalment? in
            guard let share = item.integer("part", Limits.percent),
                let moment = item.enumValue("moment", PaymentRules.Moment.self)
            else {
                item.require("part", "la part versée (en %)", example: "part: 75")
                item.require("moment", "le moment du versement", example: "moment: anniversaire")
                return nil
            }
            return PaymentRules.Instalment(
                share: share.value, moment: moment, proRata: item.boolean("prorata") ?? false,
                byIndicators: item.boolean("selon_indicateurs") ?? false)
        }
        guard !list.isEmpty, list.count == items.count else { return nil }
        let total = list.map(\.share).reduce(0, +)
        guard total == 100 else {
            diagnostics.error(
                "aci.versements", at: mapping.location(of: key),
                "Les versements de « \(mapping.path).\(key) » totalisent \(total) %, pas 100 %.",
                hint: "corrigez les parts pour que chaque montant soit versé en entier.")
            return nil
        }
        return list
    }
}
