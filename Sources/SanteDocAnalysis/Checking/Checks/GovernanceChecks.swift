import SanteDocModel

/// `instances`: the governing bodies the referential lists are described.
struct GoverningBodiesCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let governance = context.project.governance
        let expected = (requirement.parameters["instances"] ?? []).compactMap(GoverningBodyKind.init(rawValue:))
        let absent = expected.filter { !governance.has($0) }
        let location = governance.location ?? context.sources.dataStart
        if absent.isEmpty { return ok(requirement, at: location) }
        let names = absent.map { $0.label.lowercased() }.joined(separator: ", ")
        return absent.count == expected.count
            ? missing(requirement, at: location, "Instances non décrites : \(names).")
            : incomplete(requirement, at: location, "Instances non décrites : \(names).")
    }
}

/// `coordination`: someone coordinates the CPTS.
struct CoordinationCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let governance = context.project.governance
        guard let coordinator = governance.coordinator else {
            return missing(
                requirement, at: governance.location ?? context.sources.dataStart,
                "Fonction de coordination non décrite.")
        }
        return ok(requirement, at: coordinator.location)
    }
}

/// `financement`: the funding can be computed from the ACI version and the missions.
struct FundingCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let project = context.project
        let location = project.contract.aciVersion?.location ?? project.contract.location ?? context.sources.dataStart
        guard project.contract.aciVersion != nil else {
            return missing(requirement, at: location, "Version de l’ACI non indiquée (contrat.version_aci).")
        }
        guard let funding = context.figures.funding else {
            return missing(
                requirement, at: location, "Financement non calculable : version de l’ACI ou population inconnue.")
        }
        guard funding.annualTotal != nil else {
            let unknown =
                (funding.operating == nil ? ["le fonctionnement"] : [])
                + funding.missions.filter { $0.total == nil }.map {
                    "« \(funding.table.mission($0.id)?.title ?? $0.id) »"
                }
            return incomplete(
                requirement, at: location,
                "Montants non publiés pour la taille \(funding.sizeClass) : "
                    + unknown.joined(separator: ", ") + " ; saisissez ceux du contrat signé (part_fixe, part_variable)."
            )
        }
        let label = funding.isContracted ? "Total annuel du contrat" : "Total annuel maximal"
        return ok(requirement, at: location, "\(label) : \(FigureValue.euros(funding.annualTotal!).formatted).")
    }
}
