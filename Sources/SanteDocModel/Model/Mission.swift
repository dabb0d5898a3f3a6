/// A mission of the ACI engaged by the CPTS, with what the contract annexes and the annual
/// reviews need.
public struct Mission: Sendable {
    /// The ACI mission id (`acces-soins`, `parcours`…), as in the regulation tables.
    public var id: Located<String>
    public var title: String?
    public var objectives: [Located<String>] = []
    public var actions: [MissionAction] = []
    public var indicators: [MissionIndicator] = []
    public var plannedStart: Located<CalendarDate>?
    public var plannedDeployment: Located<CalendarDate>?
    /// Amounts of the signed contract, when the board records them, and as renegotiated
    /// for later contract years.
    public var fixed = Renegotiable<Int>()
    public var variable = Renegotiable<Int>()
    /// What was carried out, by contract year, for the annual review.
    public var achievements: [Int: [Located<String>]] = [:]
    public var location: SourceLocation

    public init(id: Located<String>, location: SourceLocation) {
        self.id = id
        self.location = location
    }

    /// Whether the board entered the contract's own amounts (for any year).
    public var isContracted: Bool { fixed.isStated || variable.isStated }
}

public struct MissionAction: Sendable {
    public var title: String
    public var description: String?
    public var lead: String?
    public var location: SourceLocation

    package init(title: String, description: String? = nil, lead: String? = nil, location: SourceLocation) {
        self.title = title
        self.description = description
        self.lead = lead
        self.location = location
    }
}

public enum IndicatorKind: String, CaseIterable, Sendable {
    case means = "moyens"
    case result = "resultat"

    public var label: String { self == .means ? "Moyens" : "Résultat" }
}

public struct MissionIndicator: Sendable {
    /// The parts of an indicator, each written somewhere in the sources.
    public enum Field: Sendable, Hashable { case label, kind, initialValue, evidence }

    public var label: String
    public var kind: IndicatorKind
    public var initialValue: String?
    /// When and by whom the starting value was measured (`valeur_initiale: {valeur, annee, source}`).
    public var initialYear: Int?
    public var initialSource: String?
    /// The target, as signed and as renegotiated for later years.
    public var target = Renegotiable<Condition>()
    /// The proof the contract names (« Requête de la CPAM »).
    public var evidence: String?
    /// What the indicator pays, as signed and as renegotiated.
    public var pay = Renegotiable<IndicatorPay>()
    /// Contract year → the value reached.
    public var results: [Int: IndicatorResult] = [:]
    public var location: SourceLocation
    /// Where each part was written, to point at the line when it differs from a record.
    public var fieldLocations: [Field: SourceLocation] = [:]

    /// The most this indicator can earn in contract `year` (nil: as signed).
    public func maximumAmount(in year: Int?) -> Int? { pay.value(in: year)?.maximum }

    package init(label: String, kind: IndicatorKind, initialValue: String? = nil, location: SourceLocation) {
        self.label = label
        self.kind = kind
        self.initialValue = initialValue
        self.location = location
    }

    public func location(of field: Field) -> SourceLocation { fieldLocations[field] ?? location }
}

/// The ACI contract (or the one being prepared).
public struct Contract: Sendable {
    public var aciVersion: Located<String>?
    /// True when no version is written and it was taken as the one in force at signature.
    public var aciVersionInferred = false
    /// When the contract was amended by the avenant `aciVersion` names, if it was signed
    /// before that avenant came into force.
    public var amendmentDate: Located<CalendarDate>?
    public var signatureDate: Located<CalendarDate>?
    /// Where the contract is signed, for the signature page.
    public var signaturePlace: Located<String>?
    /// The three parties' representatives, when the board records them.
    public var signatories: [Signatory.Party: Signatory] = [:]
    public var location: SourceLocation?

    public init() {}
}

/// Who signs for a party of the tripartite contract.
public struct Signatory: Sendable {
    public enum Party: String, CaseIterable, Sendable {
        case cpts, cpam, ars

        public var label: String {
            switch self {
            case .cpts: return "Pour la CPTS"
            case .cpam: return "Pour la caisse primaire d’assurance maladie"
            case .ars: return "Pour l’agence régionale de santé"
            }
        }

        /// The usual title when the board gives none.
        public var defaultRole: String {
            switch self {
            case .cpts: return "Président ou présidente"
            case .cpam: return "Directeur ou directrice"
            case .ars: return "Directeur général ou directrice générale"
            }
        }
    }

    public var organisation: String?
    public var name: String?
    public var role: String?
    public var location: SourceLocation?

    package init(organisation: String? = nil, name: String? = nil, role: String? = nil, location: SourceLocation? = nil)
    {
        self.organisation = organisation
        self.name = name
        self.role = role
        self.location = location
    }
}
