/// `donnee`: a field of the identity sheet is filled in.
struct IdentityFieldCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let identity = context.project.identity
        let present: Bool
        switch requirement.parameter("champ") {
        case "identite.denomination": present = identity.name != nil
        case "identite.forme-juridique": present = identity.legalForm != nil
        case "identite.siege": present = identity.seat != nil
        default: present = false
        }
        return present ? ok(requirement, at: identity.location)
            : missing(requirement, at: identity.location, "Information absente de la fiche d’identité.")
    }
}

/// `communes`: the territory is defined by a list of communes.
struct CommuneListCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let territory = context.project.territory
        guard let location = territory.communeListLocation else {
            let declared = territory.declaredCommuneCount.map { " (\($0.value) communes déclarées)" } ?? ""
            return missing(requirement, at: SourceLocation(file: context.sources.communesFile),
                           "Aucune liste de communes\(declared) : le territoire d’action n’est pas délimité.")
        }
        return territory.communes.isEmpty ? missing(requirement, at: location, "La liste des communes est vide.")
            : ok(requirement, at: location, FrenchFormat.count(territory.communes.count, "commune listée", "communes listées") + ".")
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
        return ok(requirement, at: territory.declaredPopulation?.location,
                  "\(FrenchFormat.integer(population)) habitants (valeur déclarée, non calculée depuis les communes).")
    }
}

/// `professionnels`: members are counted by profession.
struct ProfessionalsCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let project = context.project
        guard !project.professionals.isEmpty else {
            return missing(requirement, at: context.sources.dataStart, "Aucune profession listée.")
        }
        return ok(requirement, at: project.professionalsLocation,
                  FrenchFormat.count(project.professionals.count, "profession", "professions") + ", "
                    + FrenchFormat.count(context.figures.memberTotal, "membre", "membres") + ".")
    }
}

/// `partenaires`: partner organisations are named.
struct PartnersCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let project = context.project
        guard !project.partners.isEmpty else {
            return missing(requirement, at: context.sources.dataStart, "Aucun partenaire nommé.")
        }
        let withAgreement = project.partners.filter(\.agreement).count
        return ok(requirement, at: project.partnersLocation, FrenchFormat.count(project.partners.count, "partenaire", "partenaires")
                    + ", dont \(withAgreement) sous convention.")
    }
}

/// `chronologie`: the history of the collective is told (data or a text section).
struct ChronologyCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let project = context.project
        if let first = project.chronology.first {
            return ok(requirement, at: first.location, FrenchFormat.count(project.chronology.count, "étape", "étapes") + ".")
        }
        if let section = project.sections.first(where: { $0.covers.contains { $0.value == requirement.id } && !$0.isStub }) {
            return ok(requirement, at: section.location)
        }
        return missing(requirement, at: context.sources.dataStart, "Aucune étape de l’historique.")
    }
}
