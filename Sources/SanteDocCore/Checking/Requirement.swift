/// One expectation of the ARS referential, read from `Templates/referentiel/`.
public struct Requirement: Sendable {
    /// How much a requirement weighs: a blocking one stops the final edition.
    public enum Priority: String, CaseIterable, Sendable {
        case blocking = "bloquant"
        case recommended = "recommande"

        var diagnosticSeverity: SanteDocCore.Severity { self == .blocking ? .error : .warning }
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
    public var location: SourceLocation

    public func parameter(_ name: String) -> String? { parameters[name]?.first }
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
