import SanteDocModel
import Yams

/// Reads the `missions` list: objectives, actions, indicators and calendar per mission, the
/// amounts as signed and as renegotiated year by year, and what each year achieved.
struct MissionDataReader {
    let diagnostics: DiagnosticEngine

    /// Contract years a per-year key may name (`cibles_par_annee: {2: …}`).
    static let yearKeys = (Limits.contractYears.range).map(String.init)

    func read(_ top: YAMLMapping, into project: inout Project) {
        if top.keys.contains("missions") { project.missionsLocation = top.location(of: "missions") }
        var seen: [String: SourceLocation] = [:]
        for item in top.mappings(
            "missions",
            allowed: [
                "mission", "titre", "objectifs", "actions", "indicateurs", "demarrage", "deploiement",
                "part_fixe", "part_variable", "parts_par_annee", "realisations",
            ], example: "missions:\n  - mission: acces-soins\n    objectifs:\n      - …")
        {
            guard let id = item.string("mission") else {
                item.require("mission", "l’identifiant de la mission ACI", example: "mission: acces-soins")
                continue
            }
            if let first = seen[id.value] {
                diagnostics.error(
                    "missions.doublon", at: id.location,
                    "La mission « \(id.value) » est déjà décrite en \(first).",
                    hint: "regroupez ses objectifs, actions et indicateurs en une seule entrée.")
                continue
            }
            seen[id.value] = id.location
            var mission = Mission(id: id, location: item.location)
            mission.title = item.string("titre")?.value
            mission.objectives = item.locatedStrings("objectifs")
            mission.plannedStart = item.date("demarrage")
            mission.plannedDeployment = item.date("deploiement")
            mission.fixed.signed = item.integer("part_fixe", Limits.amount)
            mission.variable.signed = item.integer("part_variable", Limits.amount)
            readYearlyParts(item, into: &mission)
            mission.actions = readActions(item)
            mission.indicators = readIndicators(item)
            for (year, entries) in years(
                item, "realisations",
                example: "realisations:\n  1:\n    - \"Guichet ouvert le 1er juin ; 132 patients orientés.\"")
            {
                mission.achievements[year] = entries.locatedStrings(String(year))
            }
            project.missions.append(mission)
        }
    }

    /// `parts_par_annee: {2: {part_fixe: …, part_variable: …}}`.
    private func readYearlyParts(_ item: YAMLMapping, into mission: inout Mission) {
        for (year, parts) in years(
            item, "parts_par_annee",
            example: "parts_par_annee:\n  2: {part_fixe: 90000, part_variable: 35000}")
        {
            guard
                let amounts = parts.mapping(
                    String(year), allowed: ["part_fixe", "part_variable"],
                    example: "\(year): {part_fixe: 90000, part_variable: 35000}")
            else { continue }
            if let fixed = amounts.integer("part_fixe", Limits.amount) { mission.fixed.byYear[year] = fixed }
            if let variable = amounts.integer("part_variable", Limits.amount) {
                mission.variable.byYear[year] = variable
            }
        }
    }

    /// The contract years of a per-year mapping (`KEY: {1: …, 2: …}`), with the mapping.
    private func years(_ item: YAMLMapping, _ key: String, example: String) -> [(Int, YAMLMapping)] {
        guard let mapping = item.mapping(key, allowed: Self.yearKeys, example: example) else { return [] }
        return mapping.keys.compactMap { key in Int(key).map { ($0, mapping) } }.sorted { $0.0 < $1.0 }
    }

    private func readActions(_ mission: YAMLMapping) -> [MissionAction] {
        // An action is either a short text or a mapping with details, in any mix.
        mission.textsOrMappings(
            "actions", allowed: ["titre", "description", "pilote"],
            example: "actions:\n  - \"Action courte\"\n  - titre: \"…\"\n    pilote: \"…\""
        ).compactMap { entry in
            let item: YAMLMapping
            switch entry {
            case let .text(text): return MissionAction(title: text.value, location: text.location)
            case let .mapping(mapping): item = mapping
            }
            guard let title = item.string("titre") else {
                item.require("titre", "le titre de l’action", example: "titre: \"…\"")
                return nil
            }
            return MissionAction(
                title: title.value, description: item.string("description")?.value,
                lead: item.string("pilote")?.value, location: item.location)
        }
    }

    private func readIndicators(_ mission: YAMLMapping) -> [MissionIndicator] {
        mission.mappings(
            "indicateurs",
            allowed: [
                "libelle", "type", "valeur_initiale", "cible", "cibles_par_annee", "justificatif",
                "montant", "montants_par_annee", "paliers", "paliers_par_annee", "resultats",
            ],
            example: "indicateurs:\n  - libelle: \"…\"\n    type: resultat\n    cible: \"…\""
        ).compactMap { item in
            guard let label = item.string("libelle") else {
                item.require("libelle", "le libellé de l’indicateur", example: "libelle: \"…\"")
                return nil
            }
            // A starting value alone, or with the year and the source of its measure.
            var initialYear: Int?
            var initialSource: String?
            var initial: Located<String>?
            if case .mapping? = item["valeur_initiale"],
                let measured = item.mapping("valeur_initiale", allowed: ["valeur", "annee", "source"])
            {
                initial = measured.string("valeur")
                initialYear = measured.integer("annee", Limits.year)?.value
                initialSource = measured.string("source")?.value
                if initial == nil { measured.require("valeur", "la valeur de départ", example: "valeur: \"219\"") }
            } else {
                initial = item.string("valeur_initiale")
            }
            let evidence = item.string("justificatif")
            var indicator = MissionIndicator(
                label: label.value, kind: item.enumValue("type", IndicatorKind.self) ?? .result,
                initialValue: initial?.value, location: item.location)
            indicator.evidence = evidence?.value
            indicator.initialYear = initialYear
            indicator.initialSource = initialSource
            indicator.fieldLocations[.label] = label.location
            indicator.fieldLocations[.kind] = item.valueLocation(of: "type")
            if let initial { indicator.fieldLocations[.initialValue] = initial.location }
            if let evidence { indicator.fieldLocations[.evidence] = evidence.location }
            indicator.target.signed = target(item.string("cible"), initial: initial?.value)
            for (year, targets) in years(
                item, "cibles_par_annee", example: "cibles_par_annee:\n  1: \"≤ 150\"\n  2: \"≤ 100\"")
            {
                indicator.target.byYear[year] = target(targets.string(String(year)), initial: initial?.value)
            }
            indicator.pay.signed = pay(item, amountKey: "montant", stepsKey: "paliers", label: label.value)
            let amounts = item.mapping(
                "montants_par_annee", allowed: Self.yearKeys, example: "montants_par_annee:\n  2: 14000")
            let steps = item.mapping(
                "paliers_par_annee", allowed: Self.yearKeys,
                example: "paliers_par_annee:\n  2:\n    - {condition: \"≤ 50 patients\", montant: 9000}")
            for key in Set((amounts?.keys ?? []) + (steps?.keys ?? [])).sorted() {
                guard let year = Int(key) else { continue }
                let amount = amounts?.integer(key, Limits.amount)
                let tiers = steps.map { readSteps($0, key) } ?? []
                if amount != nil && !tiers.isEmpty {
                    diagnostics.error(
                        "indicateurs.montant-et-paliers", at: steps?.location(of: key) ?? item.location,
                        "L’indicateur « \(label.value) » a pour l’année \(year) à la fois un montant et des paliers.",
                        hint: "gardez « montants_par_annee » pour un montant unique, ou « paliers_par_annee » "
                            + "pour un montant gradué.")
                } else if let amount {
                    indicator.pay.byYear[year] = Located(.amount(amount.value), at: amount.location)
                } else if !tiers.isEmpty, let steps {
                    indicator.pay.byYear[year] = Located(.steps(tiers), at: steps.valueLocation(of: key))
                }
            }
            indicator.results = readResults(item)
            return indicator
        }
    }

    private func target(_ text: Located<String>?, initial: String?) -> Located<Condition>? {
        text.map { Located(ConditionReader.condition($0.value, tier: false, initial: initial), at: $0.location) }
    }

    /// `montant: 5000` or `paliers: [...]`, never both.
    private func pay(_ item: YAMLMapping, amountKey: String, stepsKey: String, label: String) -> Located<IndicatorPay>?
    {
        let amount = item.integer(amountKey, Limits.amount)
        let steps = readSteps(item, stepsKey)
        if amount != nil && !steps.isEmpty {
            diagnostics.error(
                "indicateurs.montant-et-paliers", at: item.location(of: stepsKey),
                "L’indicateur « \(label) » a à la fois un montant et des paliers.",
                hint: "gardez « montant » pour un montant unique, ou « paliers » pour un montant gradué.")
            return nil
        }
        if let amount { return Located(.amount(amount.value), at: amount.location) }
        return steps.isEmpty ? nil : Located(.steps(steps), at: item.valueLocation(of: stepsKey))
    }

    private func readSteps(_ item: YAMLMapping, _ key: String) -> [AmountStep] {
        item.mappings(
            key, allowed: ["condition", "montant"],
            example: "\(key):\n  - {condition: \"≤ 50 patients\", montant: 9000}"
        ).compactMap { step in
            guard let condition = step.string("condition"), let amount = step.integer("montant", Limits.amount)
            else {
                step.require("condition", "la condition du palier", example: "condition: \"≤ 50 patients\"")
                step.require("montant", "le montant du palier", example: "montant: 9000")
                return nil
            }
            return AmountStep(condition: ConditionReader.condition(condition.value, tier: true), amount: amount.value)
        }
    }

    /// `resultats: {1: {valeur: "87 patients", date: 2024-03-10, source: "…", justificatif: "…"}}`,
    /// or just `1: "87 patients"`.
    private func readResults(_ item: YAMLMapping) -> [Int: IndicatorResult] {
        let example = "resultats:\n  1: {valeur: \"87 patients\", date: 2024-03-10, source: \"Requête CPAM\"}"
        guard let results = item.mapping("resultats", allowed: Self.yearKeys, example: example) else { return [:] }
        var read: [Int: IndicatorResult] = [:]
        for key in results.keys {
            guard let year = Int(key), let node = results[key] else { continue }
            if case .scalar = node, let value = results.string(key) {
                read[year] = IndicatorResult(
                    value: value, measure: ConditionReader.measure(value.value), location: value.location)
                continue
            }
            guard
                let entry = results.mapping(
                    key, allowed: ["valeur", "date", "source", "justificatif"],
                    example: "\(key): {valeur: \"87 patients\", date: 2024-03-10, source: \"Requête CPAM\"}")
            else { continue }
            guard let value = entry.string("valeur") else {
                entry.require("valeur", "la valeur atteinte", example: "valeur: \"87 patients\"")
                continue
            }
            read[year] = IndicatorResult(
                value: value, measure: ConditionReader.measure(value.value), date: entry.date("date")?.value,
                source: entry.string("source")?.value, evidence: entry.string("justificatif")?.value,
                location: entry.location)
        }
        return read
    }
}
