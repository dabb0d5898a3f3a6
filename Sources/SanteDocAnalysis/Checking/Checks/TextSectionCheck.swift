import SanteDocModel

/// `section`: a text section covers the requirement with real content — not the guidance
/// left by `santedoc init`, not a few words.
struct TextSectionCheck: RequirementCheck {
    static let defaultMinimumWords = 40

    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult {
        let minimum = requirement.parameter("mots_min").flatMap(Int.init) ?? Self.defaultMinimumWords
        // `si_mission`: due only where the ACI in force has that mission (the crisis plan).
        if let mission = requirement.parameter("si_mission"), let table = context.fundingTable,
            table.mission(mission) == nil
        {
            var result = ok(requirement, at: nil, "Mission non prévue par « \(table.title) ».")
            result.isApplicable = false
            return result
        }
        let covering = context.project.sections.filter { $0.covers.contains { $0.value == requirement.id } }
        guard !covering.isEmpty else {
            let suggested = context.sources.sectionFile(for: requirement.id)
            return missing(
                requirement, at: SourceLocation(file: suggested),
                "Aucune section ne traite « \(requirement.title) ». Créez le fichier « \(suggested) », commençant par "
                    + "l’en-tête : --- / titre: \"\(requirement.title)\" / couvre: [\(requirement.id)] / ---")
        }
        let written = covering.filter { !$0.isStub }
        guard let best = written.max(by: { $0.wordCount < $1.wordCount }) else {
            return missing(
                requirement, at: covering[0].location, "La section ne contient encore que la consigne « À rédiger ».")
        }
        // A section covering several requirements shares its words between them.
        let words = written.map { $0.wordCount / max(1, $0.covers.count) }.reduce(0, +)
        guard words >= minimum else {
            return incomplete(
                requirement, at: best.location,
                "Texte trop court : environ \(words) mots pour cette exigence, \(minimum) attendus au minimum.")
        }
        return ok(requirement, at: best.location)
    }
}
