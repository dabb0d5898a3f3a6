import Foundation
import SanteDocModel
import Yams

/// Reads a referential file; a malformed one is reported with its locations.
public enum ReferentialReader {
    public static let defaultFile = "referentiel/ars-socle.yaml"

    /// `kinds` are the checks there are (`RequirementChecker.catalogue`): the reader knows
    /// their names and asks each whether it can use its parameters, not how they check.
    public static func load(
        _ url: URL, displayName: String, kinds catalogue: RequirementKinds, diagnostics: DiagnosticEngine
    ) -> Referential? {
        guard let file = RegulationLibrary.loadMapping(url, displayName: displayName, diagnostics: diagnostics) else {
            return nil
        }
        file.rejectUnknownKeys(allowed: ["id", "titre", "exigences"])
        var seen: [String: SourceLocation] = [:]
        let kinds = catalogue.names
        let requirements: [Requirement] = file.mappings(
            "exigences",
            allowed: [
                "id", "titre", "severite", "source", "conseil", "partie", "verification", "mots_cles",
            ],
            example: "- id: diagnostic.etat-sante"
        ).compactMap { item in
            guard let id = item.string("id"), let title = item.string("titre"),
                let check = item.mapping(
                    "verification", allowed: ["type", "champ", "mots_min", "mission", "instances", "si_mission"]),
                let kind = check.string("type")
            else {
                for key in ["id", "titre", "verification"] {
                    item.require(key, "la clé « \(key) »", example: "\(key): …")
                }
                return nil
            }
            let priority = item.enumValue("severite", Requirement.Priority.self) ?? .blocking
            guard kinds.contains(kind.value) else {
                diagnostics.error(
                    "referentiel.type-inconnu", at: kind.location, "Type de vérification « \(kind.value) » inconnu.",
                    hint: Suggestions.hint(for: kind.value, in: kinds) ?? "types : " + kinds.joined(separator: ", ")
                        + ".")
                return nil
            }
            if let first = seen[id.value] {
                diagnostics.error(
                    "referentiel.doublon", at: id.location, "L’exigence « \(id.value) » est déjà définie en \(first).")
                return nil
            }
            seen[id.value] = id.location
            var parameters: [String: [String]] = [:]
            for key in ["champ", "mots_min", "mission", "instances", "si_mission"] where check[key] != nil {
                parameters[key] = check.strings(key)
            }
            if let problem = catalogue.problem(kind.value, parameters) {
                diagnostics.error(
                    problem.id, at: check.valueLocation(of: problem.key), problem.message, hint: problem.hint)
                return nil
            }
            return Requirement(
                id: id.value, title: title.value, priority: priority,
                source: item.string("source")?.value ?? "", hint: item.string("conseil")?.value,
                kind: kind.value, parameters: parameters, part: item.enumValue("partie", Part.self),
                keywords: item.strings("mots_cles"), location: item.location)
        }
        return Referential(
            id: file.string("id")?.value ?? displayName, title: file.string("titre")?.value ?? "",
            requirements: requirements)
    }
}
