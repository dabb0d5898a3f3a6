/// One expectation of the ARS referential, read from `Templates/referentiel/`.
public struct Requirement: Sendable {
    /// How much a requirement weighs: a blocking one stops the final edition.
    public enum Priority: String, CaseIterable, Sendable {
        case blocking = "bloquant"
        case recommended = "recommande"

        var diagnosticSeverity: Severity { self == .blocking ? .error : .warning }
    }

    public var id: String
    public var title: String
    public var priority: Priority
    public var source: String
    public var hint: String?
    /// The kind of check (`section`, `mission`…) and its parameters.
    public var kind: String
    public var parameters: [String: [String]]
    /// The part of the projet de santé where what it asks for is written (`partie`).
    public var part: Part?
    /// Words and phrases a text about this requirement uses (`mots_cles`), for placing the
    /// chapters of an imported document.
    public var keywords: [String]
    public var location: SourceLocation

    public func parameter(_ name: String) -> String? { parameters[name]?.first }

    package init(
        id: String, title: String, priority: Priority, source: String, hint: String? = nil, kind: String,
        parameters: [String: [String]], part: Part? = nil, keywords: [String] = [], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.priority = priority
        self.source = source
        self.hint = hint
        self.kind = kind
        self.parameters = parameters
        self.part = part
        self.keywords = keywords
        self.location = location
    }
}

public struct Referential: Sendable {
    public var id: String
    public var title: String
    public var requirements: [Requirement]
    private var placement: Placement

    public init(id: String, title: String, requirements: [Requirement]) {
        self.id = id
        self.title = title
        self.requirements = requirements
        placement = Placement(requirements)
    }

    /// Where a text section goes: the part its front matter names, else the part of the
    /// first requirement it covers that the referential places, else the part of the
    /// requirements of the same family (`diagnostic.` ids), so that a misspelt id still
    /// lands in its chapter while its own warning says what is wrong.
    public func part(of section: TextSection) -> Part? {
        if let part = section.part { return part }
        let covered = section.covers.map(\.value)
        return covered.lazy.compactMap { placement.byID[$0] }.first
            ?? covered.lazy.compactMap { placement.byFamily[Placement.family(of: $0)] }.first
    }

    /// This referential, placing the sections it says nothing about as `other` does: a
    /// regional referential that lists only its own additions still finds a chapter for
    /// the national requirements a section covers.
    public func placing(like other: Referential) -> Referential {
        var merged = self
        merged.placement.byID.merge(other.placement.byID) { own, _ in own }
        merged.placement.byFamily.merge(other.placement.byFamily) { own, _ in own }
        return merged
    }

    private struct Placement: Sendable {
        var byID: [String: Part] = [:]
        var byFamily: [String: Part] = [:]

        init(_ requirements: [Requirement]) {
            for requirement in requirements {
                guard let part = requirement.part else { continue }
                byID[requirement.id] = byID[requirement.id] ?? part
                byFamily[Self.family(of: requirement.id)] = byFamily[Self.family(of: requirement.id)] ?? part
            }
        }

        static func family(of id: String) -> String { String(id.prefix { $0 != "." }) }
    }
}

/// A parameter the referential gives that its check cannot use, found when the
/// referential is read so that its author, not the project, hears about it.
public struct ParameterProblem: Sendable {
    public let id: String
    public let key: String
    public let message: String
    public let hint: String?

    public init(id: String, key: String, message: String, hint: String?) {
        self.id = id
        self.key = key
        self.message = message
        self.hint = hint
    }
}

/// What reading a referential needs to know of the checks: the kinds there are, and
/// whether a kind can use the parameters it is given.
public struct RequirementKinds: Sendable {
    public let names: [String]
    public let problem: @Sendable (_ kind: String, _ parameters: [String: [String]]) -> ParameterProblem?

    public init(
        names: [String],
        problem: @escaping @Sendable (_ kind: String, _ parameters: [String: [String]]) -> ParameterProblem?
    ) {
        self.names = names
        self.problem = problem
    }
}
