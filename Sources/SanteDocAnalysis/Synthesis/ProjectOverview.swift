import SanteDocModel

/// One projet de santé as an ARS officer compares it with the others: who, where, how big,
/// under which contract, how complete, how much a year, and the next deadline — each value
/// the same as `figures` and `check` give for the project.
public struct ProjectOverview: Sendable {
    public struct Deadline: Sendable, Equatable {
        public var date: CalendarDate
        public var what: String
    }

    public struct Gap: Sendable, Equatable {
        public var id: String
        public var title: String
        public var blocking: Bool
    }

    public var name: String
    public var department: String?
    public var population: Int?
    public var sizeClass: Int?
    public var aciVersion: String?
    public var signature: CalendarDate?
    public var blockingSatisfied: Int
    public var blockingTotal: Int
    public var recommendedSatisfied: Int
    public var recommendedTotal: Int
    public var complete: Bool
    /// The requirements not satisfied, blocking first.
    public var gaps: [Gap]
    /// The year's maximum funding and the ACI ceiling of the size class, when computable.
    public var annualFunding: Int?
    public var ceiling: Int?
    public var ceilingCheck: String
    /// The first mission deadline on or after the day the synthesis is made for.
    public var nextDeadline: Deadline?

    public static let ceilingUnknown = "plafond non publié"
    public static let fundingUnknown = "financement non calculable"

    public init(project: Project, figures: FigureSet, report: CompletenessReport, on day: CalendarDate) {
        name = project.identity.name?.value ?? "CPTS sans dénomination"
        department = project.territory.department.map { department in
            department.code.map { "\(department.name) (\($0))" } ?? department.name
        }
        func integer(_ name: String) -> Int? {
            switch figures[name] {
            case let .integer(n), let .euros(n): return n
            default: return nil
            }
        }
        population = integer("territoire.population")
        sizeClass = integer("territoire.taille-aci")
        if case let .text(version) = figures["contrat.version-aci"] { aciVersion = version }
        if case let .date(date) = figures["contrat.date-signature"] { signature = date }
        let blocking = report.results.filter { $0.requirement.priority == .blocking }
        let recommended = report.results.filter { $0.requirement.priority == .recommended }
        blockingSatisfied = blocking.filter(\.isSatisfied).count
        blockingTotal = blocking.count
        recommendedSatisfied = recommended.filter(\.isSatisfied).count
        recommendedTotal = recommended.count
        complete = report.isComplete
        gaps = (blocking + recommended).filter { !$0.isSatisfied }.map {
            Gap(id: $0.requirement.id, title: $0.requirement.title, blocking: $0.requirement.priority == .blocking)
        }
        annualFunding = integer("financement.total-annuel")
        ceiling = integer("financement.plafond")
        switch (annualFunding, ceiling) {
        case let (funding?, ceiling?) where funding <= ceiling: ceilingCheck = "dans le plafond"
        case let (funding?, ceiling?):
            ceilingCheck = "au-dessus du plafond de " + FigureValue.euros(funding - ceiling).formatted
        case (_?, nil): ceilingCheck = Self.ceilingUnknown
        case (nil, _): ceilingCheck = Self.fundingUnknown
        }
        nextDeadline =
            figures.figures.compactMap { figure -> Deadline? in
                guard figure.name.hasPrefix("calendrier."), case let .date(date) = figure.value, date >= day else {
                    return nil
                }
                return Deadline(date: date, what: figure.label)
            }.min { ($0.date, $0.what) < ($1.date, $1.what) }
    }
}
