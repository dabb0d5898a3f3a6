public enum GoverningBodyKind: String, CaseIterable, Sendable {
    case generalAssembly = "assemblee-generale"
    case board = "conseil-administration"
    case bureau = "bureau"
    case committee = "commission"

    public var label: String {
        switch self {
        case .generalAssembly: return "Assemblée générale"
        case .board: return "Conseil d’administration"
        case .bureau: return "Bureau"
        case .committee: return "Commission"
        }
    }
}

public struct GoverningBody: Sendable {
    public var kind: GoverningBodyKind
    public var name: String?
    public var composition: String?
    public var meetings: String?
    public var location: SourceLocation

    package init(
        kind: GoverningBodyKind, name: String? = nil, composition: String? = nil, meetings: String? = nil,
        location: SourceLocation
    ) {
        self.kind = kind
        self.name = name
        self.composition = composition
        self.meetings = meetings
        self.location = location
    }
}

public struct Governance: Sendable {
    public var bodies: [GoverningBody] = []
    public var coordinator: Coordinator?
    public var location: SourceLocation?

    public init() {}

    public func has(_ kind: GoverningBodyKind) -> Bool { bodies.contains { $0.kind == kind } }
}

public struct Coordinator: Sendable {
    public var name: String?
    public var role: String
    public var workingTime: String?
    public var location: SourceLocation

    package init(name: String? = nil, role: String, workingTime: String? = nil, location: SourceLocation) {
        self.name = name
        self.role = role
        self.workingTime = workingTime
        self.location = location
    }
}
