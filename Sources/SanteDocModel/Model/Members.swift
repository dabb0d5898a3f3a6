/// Members of the CPTS counted by profession.
public struct ProfessionCount: Sendable {
    public var profession: String
    public var count: Int
    public var location: SourceLocation

    package init(profession: String, count: Int, location: SourceLocation) {
        self.profession = profession
        self.count = count
        self.location = location
    }
}

/// A step in the history of the collective.
public struct Milestone: Sendable {
    public var year: Int
    public var date: CalendarDate?
    public var title: String
    public var members: Int?
    public var text: String?
    public var location: SourceLocation

    package init(
        year: Int, date: CalendarDate? = nil, title: String, members: Int? = nil, text: String? = nil,
        location: SourceLocation
    ) {
        self.year = year
        self.date = date
        self.title = title
        self.members = members
        self.text = text
        self.location = location
    }
}

public enum PartnerKind: String, CaseIterable, Sendable {
    case hospital = "etablissement-sante"
    case medicoSocial = "medico-social"
    case social = "social"
    case localAuthority = "collectivite"
    case institution = "institution"
    case other = "autre"

    public var label: String {
        switch self {
        case .hospital: return "Établissement de santé"
        case .medicoSocial: return "Acteur médico-social"
        case .social: return "Acteur social"
        case .localAuthority: return "Collectivité"
        case .institution: return "Institution"
        case .other: return "Autre"
        }
    }
}

public struct Partner: Sendable {
    public var name: String
    public var kind: PartnerKind
    public var agreement: Bool
    public var role: String?
    public var location: SourceLocation

    package init(name: String, kind: PartnerKind, agreement: Bool, role: String? = nil, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.agreement = agreement
        self.role = role
        self.location = location
    }
}
