import SanteDocModel

/// `mission`: a mission of the ACI in force is engaged with objectives, actions, at
/// least one indicator and a calendar within the ACI deadlines. Optional missions are
/// checked only when engaged; a mission unknown to the ACI version in force is not due.
struct MissionCheck: RequirementCheck {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let id = requirement.parameter("mission") ?? ""
        let project = context.project
        let rule = context.fundingTable?.mission(id)
        guard let mission = project.missions.first(where: { $0.id.value == id }) else {
            guard let table = context.fundingTable else {
                return missing(
                    requirement, at: project.contract.location ?? context.sources.dataStart,
                    "Mission non décrite, et version de l’ACI (contrat.version_aci) non indiquée.")
            }
            guard let rule, rule.isCore else {
                var result = ok(
                    requirement, at: nil,
                    rule == nil
                        ? "Mission non prévue par « \(table.title) »."
                        : "Mission facultative non engagée.")
                result.isApplicable = false
                return result
            }
            return missing(
                requirement, at: project.missionsLocation ?? context.sources.dataStart,
                "Mission socle de \(table.title) non décrite.")
        }
        var gaps: [String] = []
        if mission.objectives.isEmpty { gaps.append("aucun objectif") }
        if mission.actions.isEmpty { gaps.append("aucune action") }
        if mission.indicators.isEmpty { gaps.append("aucun indicateur") }
        gaps += calendarGaps(mission, rule: rule, context: context)
        return gaps.isEmpty
            ? ok(requirement, at: mission.location)
            : incomplete(requirement, at: mission.location, gaps.joined(separator: " ; ").capitalizedFirst + ".")
    }

    private func calendarGaps(_ mission: Mission, rule: FundingTable.MissionRule?, context: CheckContext) -> [String] {
        guard let calendar = context.figures.calendar.first(where: { $0.id == mission.id.value }) else {
            return mission.plannedStart == nil ? ["calendrier non renseigné (date de signature ou dates prévues)"] : []
        }
        var gaps: [String] = []
        if calendar.latestStart == nil && mission.plannedStart == nil && rule?.startDelayMonths != nil {
            gaps.append("calendrier non calculable : indiquez contrat.date_signature")
        }
        if let planned = calendar.plannedStart, let latest = calendar.latestStart, planned > latest {
            gaps.append(
                "démarrage prévu le \(FrenchFormat.date(planned)), après la limite de l’ACI (\(FrenchFormat.date(latest)))"
            )
        }
        if let planned = calendar.plannedDeployment, let latest = calendar.latestDeployment, planned > latest {
            gaps.append(
                "déploiement prévu le \(FrenchFormat.date(planned)), après la limite de l’ACI (\(FrenchFormat.date(latest)))"
            )
        }
        return gaps
    }
}
