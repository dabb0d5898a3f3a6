import SanteDocModel

/// The money of one contract year: each mission's parts as they stand that year — the
/// contract's own (as signed, or as renegotiated for that year and carried forward), else
/// the ACI maxima, with the first-year amounts of a mission priced apart in the year it
/// starts (the crisis plan) — and their total. The signed contract is `year` nil.
public struct YearFunding: Sendable {
    public struct Line: Sendable {
        public var id: String
        public var title: String
        public var fixed: Int?
        public var variable: Int?
        public var total: Int?
        /// The contract year that set the part in force (nil: the signed contract or the ACI).
        public var fixedSetIn: Int?
        public var variableSetIn: Int?
        /// The ACI's first-year amounts apply (the mission starts this year).
        public var isFirstYear: Bool
        /// Paid on top when the ARS recognises a health crisis.
        public var crisisActivation: Int?
        /// The parts are the contract's (typed by the board), not the ACI maxima.
        public var contracted: Bool
        /// Sum of the amounts of the mission's indicators in force this year, if any.
        public var indicatorTotal: Int?
        /// The contract year the mission starts in.
        public var startYear: Int

        /// Whether the indicators' amounts account for the variable part: « conforme », or
        /// what is wrong, as the funding annex prints it.
        public var indicatorVerdict: String {
            switch (indicatorTotal, variable) {
            case let (total?, variable?):
                return total == variable ? "conforme" : (total < variable ? "inférieure" : "dépassement")
            case (nil, 0?): return "sans part variable"
            case (nil, _): return "montants par indicateur à préciser"
            default: return "part variable non publiée"
            }
        }
    }

    public var year: Int?
    public var sizeClass: Int
    public var operating: Int?
    public var lines: [Line]

    /// Fonctionnement and every mission, when every amount is known.
    public var annualTotal: Int? {
        let parts = [operating] + lines.map(\.total)
        return parts.allSatisfy { $0 != nil } ? parts.compactMap { $0 }.reduce(0, +) : nil
    }

    /// True when the board entered the contract's amounts for a mission.
    public var isContracted: Bool { lines.contains(where: \.contracted) }

    public func line(_ id: String) -> Line? { lines.first { $0.id == id } }
}

extension ProjectFigures {
    /// The funding of contract `year` (nil: the signed contract, whose missions show their
    /// yearly amounts and mention first-year ones apart), or nil when it cannot be computed.
    public func funding(inYear year: Int?, project: Project) -> YearFunding? {
        guard let funding else { return nil }
        let lines = funding.missions.map { line -> YearFunding.Line in
            let mission = project.missions.first { $0.id.value == line.id }
            let start = startYear(of: line.id, project: project)
            let fixed = mission?.fixed.inForce(year)
            let variable = mission?.variable.inForce(year)
            let contracted = fixed?.value != nil || variable?.value != nil
            let firstYear = !contracted && year != nil && year == start ? line.maxima?.firstYear : nil
            let parts = FigureCalculator.parts(
                fixed: fixed?.value?.value, variable: variable?.value?.value, maxima: line.maxima,
                firstYear: firstYear)
            let amounts = mission?.indicators.compactMap { $0.maximumAmount(in: year) } ?? []
            return YearFunding.Line(
                id: line.id, title: line.title, fixed: parts.fixed, variable: parts.variable,
                total: parts.total, fixedSetIn: fixed?.setIn, variableSetIn: variable?.setIn,
                isFirstYear: firstYear != nil, crisisActivation: line.crisisActivation,
                contracted: contracted, indicatorTotal: amounts.isEmpty ? nil : amounts.reduce(0, +), startYear: start)
        }
        return YearFunding(year: year, sizeClass: funding.sizeClass, operating: funding.operating, lines: lines)
    }

    /// The contract year in which a mission starts: its planned start, else the ACI's
    /// latest start; the first year without a signature date.
    public func startYear(of id: String, project: Project) -> Int {
        guard let contractCalendar else { return 1 }
        let start =
            project.missions.first { $0.id.value == id }?.plannedStart?.value
            ?? calendar.first { $0.id == id }?.latestStart
        return start.flatMap { contractCalendar.year(containing: $0) } ?? 1
    }
}
