import SanteDocModel

/// `chevauchement`: the territory does not overlap the neighbouring CPTS' — every commune
/// claimed twice is named, by INSEE code, with the CPTS that also claims it.
struct OverlapCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let territory = context.project.territory
        guard let neighbours = territory.neighbours else {
            return missing(
                requirement, at: territory.location ?? context.sources.dataStart,
                "Les CPTS voisines ne sont pas indiquées : le chevauchement des territoires ne peut pas être vérifié.")
        }
        guard !territory.communes.isEmpty else {
            return missing(
                requirement, at: territory.neighboursLocation,
                "La liste des communes manque : le chevauchement ne peut pas être vérifié.")
        }
        guard !neighbours.isEmpty else {
            return ok(requirement, at: territory.neighboursLocation, "Aucune CPTS voisine.")
        }
        let names = Dictionary(
            territory.communes.map { ($0.inseeCode, $0.name) }, uniquingKeysWith: { first, _ in first })
        var overlaps: [String] = []
        var first: SourceLocation?
        for neighbour in neighbours {
            let shared = Set(neighbour.communeCodes).filter { names[$0] != nil }.sorted()
            guard !shared.isEmpty else { continue }
            first = first ?? neighbour.location
            overlaps.append(
                "avec « \(neighbour.name) » : " + shared.map { "\($0) (\(names[$0]!))" }.joined(separator: ", "))
        }
        guard overlaps.isEmpty else {
            return incomplete(
                requirement, at: first, "Communes revendiquées deux fois " + overlaps.joined(separator: " ; ") + ".")
        }
        return ok(
            requirement, at: territory.neighboursLocation,
            "Aucune commune partagée avec " + FrenchFormat.count(neighbours.count, "CPTS voisine", "CPTS voisines")
                + ".")
    }
}

/// `prs`: the projet names the regional health plan and, for each mission it engages, the
/// objective of that plan the mission serves.
struct RegionalPlanCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let project = context.project
        guard let plan = project.regionalPlan else {
            return missing(
                requirement, at: context.sources.dataStart,
                "Le projet ne nomme pas le projet régional de santé (PRS) qu’il sert, ni ses objectifs.")
        }
        var gaps: [String] = []
        if plan.name == nil { gaps.append("le nom du PRS manque") }
        let served = Set(plan.objectives.map(\.mission))
        let unserved = project.missions.filter { !served.contains($0.id.value) }.map {
            context.fundingTable?.mission($0.id.value)?.title ?? $0.id.value
        }
        if !unserved.isEmpty {
            gaps.append("aucun objectif du PRS pour : " + unserved.map { "« \($0) »" }.joined(separator: ", "))
        }
        guard gaps.isEmpty else {
            return incomplete(requirement, at: plan.location, gaps.joined(separator: " ; ").capitalizedFirst + ".")
        }
        return ok(
            requirement, at: plan.location,
            FrenchFormat.count(plan.objectives.count, "objectif du PRS", "objectifs du PRS") + " servis.")
    }
}

/// `indicateurs`: every indicator of an engaged mission has a starting value — with the
/// year and the source of its measure — and a target.
struct IndicatorBaselineCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        if let none = noMission(requirement, in: context) { return none }
        var gaps: [String] = []
        var first: SourceLocation?
        for mission in context.project.missions {
            for indicator in mission.indicators {
                var lacks: [String] = []
                if indicator.initialValue == nil {
                    lacks.append("valeur de départ")
                } else if indicator.initialYear == nil || indicator.initialSource == nil {
                    lacks.append("année et source de la valeur de départ")
                }
                if !indicator.target.isStated { lacks.append("cible") }
                guard !lacks.isEmpty else { continue }
                first = first ?? indicator.location
                gaps.append("« \(indicator.label) » : " + lacks.joined(separator: ", "))
            }
        }
        guard gaps.isEmpty else {
            return incomplete(requirement, at: first, "Il manque " + gaps.joined(separator: " ; ") + ".")
        }
        return ok(requirement, at: context.project.missionsLocation)
    }
}

/// `calendrier`: every engaged mission has its planned start and deployment dates, within
/// the ACI's deadlines (an error names the deadline passed).
struct MissionCalendarCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        if let none = noMission(requirement, in: context) { return none }
        var gaps: [String] = []
        var first: SourceLocation?
        for mission in context.project.missions {
            let title = context.fundingTable?.mission(mission.id.value)?.title ?? mission.id.value
            let deadlines = context.figures.calendar.first { $0.id == mission.id.value }
            var lacks: [String] = []
            if mission.plannedStart == nil { lacks.append("date de démarrage prévue") }
            if mission.plannedDeployment == nil { lacks.append("date de déploiement prévue") }
            if let planned = mission.plannedStart?.value, let latest = deadlines?.latestStart, planned > latest {
                lacks.append("démarrage après la limite de l’ACI (\(FrenchFormat.date(latest)))")
            }
            if let planned = mission.plannedDeployment?.value, let latest = deadlines?.latestDeployment,
                planned > latest
            {
                lacks.append("déploiement après la limite de l’ACI (\(FrenchFormat.date(latest)))")
            }
            guard !lacks.isEmpty else { continue }
            first = first ?? mission.location
            gaps.append("« \(title) » : " + lacks.joined(separator: ", "))
        }
        guard gaps.isEmpty else { return incomplete(requirement, at: first, gaps.joined(separator: " ; ") + ".") }
        return ok(requirement, at: context.project.missionsLocation)
    }
}

extension RequirementCheck {
    /// Missing while no mission is described: nothing to say of indicators or dates yet.
    func noMission(_ requirement: Requirement, in context: CheckContext) -> RequirementResult? {
        guard context.project.missions.isEmpty else { return nil }
        return missing(
            requirement, at: context.project.missionsLocation ?? context.sources.dataStart,
            "Aucune mission n’est encore décrite.")
    }
}
