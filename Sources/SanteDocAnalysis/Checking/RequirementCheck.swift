import SanteDocModel

/// What every check may look at: the project and its computed figures.
public struct CheckContext {
    public var project: Project
    public var figures: ProjectFigures
    public var regulation: RegulationLibrary
    /// Where sources live, to point at the file where something missing belongs.
    public var sources: SourceMap

    /// The ACI version the project names, if known.
    var fundingTable: FundingTable? {
        project.contract.aciVersion.flatMap { regulation.fundingTables[$0.value] }
    }
}

/// A small named unit that evaluates one kind of requirement.
protocol RequirementCheck: Sendable {
    func check(_ requirement: Requirement, in context: CheckContext) -> RequirementResult
    /// A parameter the referential gives that this check cannot use, found when the
    /// referential is read so that its author, not the project, hears about it.
    func problem(in parameters: [String: [String]]) -> ParameterProblem?
}

extension RequirementCheck {
    func problem(in parameters: [String: [String]]) -> ParameterProblem? { nil }

    func ok(_ requirement: Requirement, at location: SourceLocation? = nil, _ message: String? = nil)
        -> RequirementResult
    {
        RequirementResult(requirement: requirement, status: .ok, location: location, message: message)
    }

    func missing(_ requirement: Requirement, at location: SourceLocation?, _ message: String) -> RequirementResult {
        RequirementResult(requirement: requirement, status: .missing, location: location, message: message)
    }

    func incomplete(_ requirement: Requirement, at location: SourceLocation?, _ message: String) -> RequirementResult {
        RequirementResult(requirement: requirement, status: .incomplete, location: location, message: message)
    }
}

/// Runs every requirement of a referential through the check of its kind.
public struct RequirementChecker {
    static let kinds: [String: any RequirementCheck] = [
        "donnee": DataFieldCheck(), "communes": CommuneListCheck(), "population": PopulationCheck(),
        "professionnels": ProfessionalsCheck(), "partenaires": PartnersCheck(), "section": TextSectionCheck(),
        "mission": MissionCheck(), "instances": GoverningBodiesCheck(), "coordination": CoordinationCheck(),
        "chronologie": ChronologyCheck(), "financement": FundingCheck(), "chevauchement": OverlapCheck(),
        "prs": RegionalPlanCheck(), "indicateurs": IndicatorBaselineCheck(), "calendrier": MissionCalendarCheck(),
    ]

    let context: CheckContext

    /// The kinds as the referential reader needs them; a `donnee` check names one of
    /// `dataFields`, the fields the project reader knows (`ProjectDataReader.dataFieldPaths`).
    public static func catalogue(dataFields: [String]) -> RequirementKinds {
        RequirementKinds(names: kinds.keys.sorted()) { kind, parameters in
            kind == "donnee"
                ? DataFieldCheck.problem(in: parameters, known: dataFields) : kinds[kind]?.problem(in: parameters)
        }
    }

    public init(
        project: Project, figures: ProjectFigures, regulation: RegulationLibrary, sources: SourceMap
    ) {
        context = CheckContext(project: project, figures: figures, regulation: regulation, sources: sources)
    }

    public func evaluate(_ referential: Referential) -> [RequirementResult] {
        referential.requirements.compactMap { requirement in
            Self.kinds[requirement.kind]?.check(requirement, in: context)
        }
    }
}

/// What a check found for one requirement.
public struct RequirementResult: Sendable {
    public enum Status: String, Sendable { case ok, missing, incomplete }

    public var requirement: Requirement
    public var status: Status
    /// Where the user should write to satisfy it.
    public var location: SourceLocation?
    public var message: String?
    /// False when the requirement does not concern this project (an optional mission not
    /// engaged, a mission the ACI version in force does not have): satisfied, but shown
    /// as "sans objet" rather than as done.
    public var isApplicable = true

    public var isSatisfied: Bool { status == .ok }
}
