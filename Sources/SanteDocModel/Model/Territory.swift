/// The territory of action, which the law itself requires the projet de santé to state.
public struct Territory: Sendable {
    public var name: String?
    public var department: Department?
    /// Typed by the board; checked against the commune list when there is one.
    public var declaredPopulation: Located<Int>?
    public var declaredCommuneCount: Located<Int>?
    public var declaredArea: Located<Quantity>?
    /// Declared share of the department, to be reproduced by the computation.
    public var declaredDepartmentShare: Located<Quantity>?
    public var declaredSizeClass: Located<Int>?
    public var populationReference: String?
    public var communes: [Commune] = []
    /// Where the commune list lives, when the project has one.
    public var communeListLocation: SourceLocation?
    /// Where the territory was described (nil: not yet).
    public var location: SourceLocation?
    /// The neighbouring CPTS and the communes each claims, to tell an overlap; nil when the
    /// project does not say (an empty list: it has none).
    public var neighbours: [NeighbourCPTS]?
    public var neighboursLocation: SourceLocation?

    public init() {}
}

/// A neighbouring CPTS, with the INSEE codes of its communes as its own list gives them.
public struct NeighbourCPTS: Sendable {
    public var name: String
    /// The file of its communes, in the project.
    public var file: String
    public var communeCodes: [String]
    public var location: SourceLocation

    package init(name: String, file: String, communeCodes: [String], location: SourceLocation) {
        self.name = name
        self.file = file
        self.communeCodes = communeCodes
        self.location = location
    }
}

/// The regional health plan (projet régional de santé) the projet says it serves, with the
/// objectives each mission contributes to: with the territory, what an ARS checks first.
public struct RegionalPlan: Sendable {
    public var name: Located<String>?
    public var objectives: [(mission: String, objective: String, location: SourceLocation)]
    public var location: SourceLocation

    package init(
        name: Located<String>?, objectives: [(mission: String, objective: String, location: SourceLocation)],
        location: SourceLocation
    ) {
        self.name = name
        self.objectives = objectives
        self.location = location
    }
}

public struct Department: Sendable {
    public var name: String
    public var code: String?
    public var population: Located<Int>?
    public var populationSource: String?

    package init(name: String, code: String? = nil, population: Located<Int>? = nil, populationSource: String? = nil) {
        self.name = name
        self.code = code
        self.population = population
        self.populationSource = populationSource
    }
}

public struct Commune: Sendable {
    public var inseeCode: String
    public var name: String
    /// INSEE *population municipale*, which can be summed without double counting.
    public var population: Int
    public var area: Double?
    public var location: SourceLocation

    package init(inseeCode: String, name: String, population: Int, area: Double? = nil, location: SourceLocation) {
        self.inseeCode = inseeCode
        self.name = name
        self.population = population
        self.area = area
        self.location = location
    }
}
