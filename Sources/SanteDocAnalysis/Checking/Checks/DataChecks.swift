import Foundation
import SanteDocModel

/// `donnee`: a field of the data, named by its path (`identite.contact`), is filled in. The
/// paths are the reader's (`RequirementChecker.catalogue(dataFields:)` checks them when the
/// referential is read); referentials may write `forme-juridique` for `forme_juridique`.
struct DataFieldCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let path = Self.normalized(requirement.parameter("champ") ?? "")
        if let location = context.project.declaredFields[path] { return ok(requirement, at: location) }
        let file = context.sources.dataFile
        let what = path.hasPrefix("identite.") ? "de la fiche d’identité (\(file))" : "de \(file)"
        return missing(
            requirement, at: parentLocation(of: path, in: context), "Information absente \(what) : « \(path) ».")
    }

    static func normalized(_ path: String) -> String { path.replacingOccurrences(of: "-", with: "_") }

    /// The path of a `donnee` check among `known` (the fields the reader knows).
    static func problem(in parameters: [String: [String]], known: [String]) -> ParameterProblem? {
        guard let path = parameters["champ"]?.first else {
            return ParameterProblem(
                id: "referentiel.champ-absent", key: "type",
                message: "Une vérification « donnee » doit nommer son champ.",
                hint: "par exemple : verification: {type: donnee, champ: identite.contact}")
        }
        guard !known.contains(normalized(path)) else { return nil }
        return ParameterProblem(
            id: "referentiel.champ-inconnu", key: "champ",
            message: "Champ « \(path) » inconnu : SanteDoc ne sait pas le lire dans les données du projet.",
            hint: Suggestions.hint(for: normalized(path), in: known.sorted())
                ?? "champs possibles : " + known.sorted().joined(separator: ", ") + ".")
    }

    /// The mapping the field belongs in, where a user adds it.
    private func parentLocation(of path: String, in context: CheckContext) -> SourceLocation {
        let project = context.project
        let parent: SourceLocation?
        switch path.prefix(while: { $0 != "." }) {
        case "identite": parent = project.identity.location
        case "territoire": parent = project.territory.location
        case "document": parent = project.documentLocation
        case "gouvernance": parent = project.governance.location
        default: parent = nil
        }
        return parent ?? context.sources.dataStart
    }
}

/// `communes`: the territory is defined by a list of communes.
struct CommuneListCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let territory = context.project.territory
        guard let location = territory.communeListLocation else {
            let declared = territory.declaredCommuneCount.map { " (\($0.value) communes déclarées)" } ?? ""
            return missing(
                requirement, at: SourceLocation(file: context.sources.communesFile),
                "Aucune liste de communes\(declared) : le territoire d’action n’est pas délimité.")
        }
        return territory.communes.isEmpty
            ? missing(requirement, at: location, "La liste des communes est vide.")
            : ok(
                requirement, at: location,
                FrenchFormat.count(territory.communes.count, "commune listée", "communes listées") + ".")
    }
}

/// `population`: the population covered is known, preferably computed from the communes.
struct PopulationCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let territory = context.project.territory
        guard let population = context.figures.territory.population else {
            return missing(requirement, at: territory.location, "Population inconnue.")
        }
        if context.figures.territory.populationFromCommunes {
            return ok(requirement, at: territory.communeListLocation, "\(FrenchFormat.integer(population)) habitants.")
        }
        return ok(
            requirement, at: territory.declaredPopulation?.location,
            "\(FrenchFormat.integer(population)) habitants (valeur déclarée, non calculée depuis les communes).")
    }
}

/// `professionnels`: members are counted by profession.
struct ProfessionalsCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let project = context.project
        guard !project.professionals.isEmpty else {
            return missing(
                requirement, at: project.professionalsLocation ?? context.sources.dataStart, "Aucune profession listée."
            )
        }
        return ok(
            requirement, at: project.professionalsLocation,
            FrenchFormat.count(project.professionals.count, "profession", "professions") + ", "
                + FrenchFormat.count(context.figures.memberTotal, "membre", "membres") + ".")
    }
}

/// `partenaires`: partner organisations are named.
struct PartnersCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let project = context.project
        guard !project.partners.isEmpty else {
            return missing(
                requirement, at: project.partnersLocation ?? context.sources.dataStart, "Aucun partenaire nommé.")
        }
        let withAgreement = project.partners.filter(\.agreement).count
        return ok(
            requirement, at: project.partnersLocation,
            FrenchFormat.count(project.partners.count, "partenaire", "partenaires")
                + ", dont \(withAgreement) sous convention.")
    }
}

/// `chronologie`: the history of the collective is told (data or a text section).
struct ChronologyCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let project = context.project
        if let first = project.chronology.first {
            return ok(
                requirement, at: first.location, FrenchFormat.count(project.chronology.count, "étape", "étapes") + ".")
        }
        if let section = project.sections.first(where: {
            $0.covers.contains { $0.value == requirement.id } && !$0.isStub
        }) {
            return ok(requirement, at: section.location)
        }
        return missing(
            requirement, at: project.chronologyLocation ?? context.sources.dataStart, "Aucune étape de l’historique.")
    }
}
