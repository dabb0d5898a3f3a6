/// One expectation of the ARS referential, read from `Templates/referentiel/`.
public struct Requirement: Sendable {
    public enum Severity: String, CaseIterable, Sendable {
        case blocking = "bloquant"
        case recommended = "recommande"

        var diagnosticSeverity: SanteDocCore.Severity { self == .blocking ? .error : .warning }
    }

    public var id: String
    public var title: String
    public var severity: Severity
    public var source: String
    public var hint: String?
    /// The kind of check (`section`, `mission`…) and its parameters.
    public var kind: String
    public var parameters: [String: [String]]
    public var location: SourceLocation

    public func parameter(_ name: String) -> String? { parameters[name]?.first }
}

public struct Referential: Sendable {
    public var id: String
    public var title: String
    public var requirements: [Requirement]
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
