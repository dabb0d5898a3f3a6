/// Reads the `missions` list: objectives, actions, indicators and calendar per mission.
struct MissionDataReader {
    let diagnostics: DiagnosticEngine

    func read(_ top: YAMLMapping, into project: inout Project) {
        if top["missions"] != nil { project.missionsLocation = top.location(of: "missions") }
        var seen: [String: SourceLocation] = [:]
        for item in top.mappings("missions", allowed: [
            "mission", "titre", "objectifs", "actions", "indicateurs", "demarrage", "deploiement",
            "part_fixe", "part_variable"], example: "missions:\n  - mission: acces-soins\n    objectifs:\n      - …") {
            guard let id = item.string("mission") else {
                item.require("mission", "l’identifiant de la mission ACI", example: "mission: acces-soins")
                continue
            }
            if let first = seen[id.value] {
                diagnostics.error("missions.doublon", at: id.location,
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
            mission.contractedFixed = item.integer("part_fixe")
            mission.contractedVariable = item.integer("part_variable")
            mission.actions = readActions(item)
            mission.indicators = readIndicators(item)
            project.missions.append(mission)
        }
    }

    private func readActions(_ mission: YAMLMapping) -> [MissionAction] {
        guard let node = mission["actions"] else { return [] }
        // An action is either a short text or a mapping with details.
        if case let .sequence(sequence) = node, sequence.allSatisfy({ $0.scalar != nil }) {
            return mission.locatedStrings("actions").map { MissionAction(title: $0.value, location: $0.location) }
        }
        return mission.mappings("actions", allowed: ["titre", "description", "pilote"],
                                example: "actions:\n  - titre: \"…\"\n    pilote: \"…\"").compactMap { item in
            guard let title = item.string("titre") else {
                item.require("titre", "le titre de l’action", example: "titre: \"…\"")
                return nil
            }
            return MissionAction(title: title.value, description: item.string("description")?.value,
                                 lead: item.string("pilote")?.value, location: item.location)
        }
    }

    private func readIndicators(_ mission: YAMLMapping) -> [MissionIndicator] {
        mission.mappings("indicateurs", allowed: ["libelle", "type", "valeur_initiale", "cible", "justificatif", "montant"],
                         example: "indicateurs:\n  - libelle: \"…\"\n    type: resultat\n    cible: \"…\"").compactMap { item in
            guard let label = item.string("libelle") else {
                item.require("libelle", "le libellé de l’indicateur", example: "libelle: \"…\"")
                return nil
            }
            return MissionIndicator(label: label.value, kind: enumValue(item, "type", IndicatorKind.self) ?? .result,
                                    initialValue: item.string("valeur_initiale")?.value, target: item.string("cible")?.value,
                                    evidence: item.string("justificatif")?.value, amount: item.integer("montant")?.value,
                                    location: item.location)
        }
    }
}
