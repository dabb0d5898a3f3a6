import SanteDocModel

/// Reads the `missions` list: objectives, actions, indicators and calendar per mission.
struct MissionDataReader {
    let diagnostics: DiagnosticEngine

    func read(_ top: YAMLMapping, into project: inout Project) {
        if top["missions"] != nil { project.missionsLocation = top.location(of: "missions") }
        var seen: [String: SourceLocation] = [:]
        for item in top.mappings(
            "missions",
            allowed: [
                "mission", "titre", "objectifs", "actions", "indicateurs", "demarrage", "deploiement",
                "part_fixe", "part_variable",
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
            mission.objectives = item.strings("objectifs")
            mission.plannedStart = item.date("demarrage")
            mission.plannedDeployment = item.date("deploiement")
            mission.contractedFixed = item.integer("part_fixe", Limits.amount)
            mission.contractedVariable = item.integer("part_variable", Limits.amount)
            mission.actions = readActions(item)
            mission.indicators = readIndicators(item)
            project.missions.append(mission)
        }
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
                "montant", "paliers",
            ],
            example: "indicateurs:\n  - libelle: \"…\"\n    type: resultat\n    cible: \"…\""
        ).compactMap { item in
            guard let label = item.string("libelle") else {
                item.require("libelle", "le libellé de l’indicateur", example: "libelle: \"…\"")
                return nil
            }
            var indicator = MissionIndicator(
                label: label.value, kind: item.enumValue("type", IndicatorKind.self) ?? .result,
                initialValue: item.string("valeur_initiale")?.value, target: item.string("cible")?.value,
                evidence: item.string("justificatif")?.value, amount: item.integer("montant", Limits.amount)?.value,
                location: item.location)
            if let years = item.mapping(
                "cibles_par_annee", allowed: (1...10).map(String.init),
                example: "cibles_par_annee:\n  1: \"≤ 150\"\n  2: \"≤ 100\"")
            {
                for key in years.keys {
                    if let year = Int(key), let target = years.string(key) {
                        indicator.targetsByYear[year] = target.value
                    }
                }
            }
            indicator.steps = item.mappings(
                "paliers", allowed: ["condition", "montant"],
                example: "paliers:\n  - {condition: \"≤ 50 patients\", montant: 9000}"
            ).compactMap { step in
                guard let condition = step.string("condition"), let amount = step.integer("montant", Limits.amount)
                else {
                    step.require("condition", "la condition du palier", example: "condition: \"≤ 50 patients\"")
                    step.require("montant", "le montant du palier", example: "montant: 9000")
                    return nil
                }
                return AmountStep(condition: condition.value, amount: amount.value)
            }
            if indicator.amount != nil && !indicator.steps.isEmpty {
                diagnostics.error(
                    "indicateurs.montant-et-paliers", at: item.location(of: "paliers"),
                    "L’indicateur « \(label.value) » a à la fois un montant et des paliers.",
                    hint: "gardez « montant » pour un montant unique, ou « paliers » pour un montant gradué.")
            }
            return indicator
        }
    }
}
