/// A mission of the ACI engaged by the CPTS, with what the contract annexes need.
public struct Mission: Sendable {
    /// The ACI mission id (`acces-soins`, `parcours`…), as in the regulation tables.
    public var id: Located<String>
    public var title: String?
    public var objectives: [String] = []
    public var actions: [MissionAction] = []
    public var indicators: [MissionIndicator] = []
    public var plannedStart: Located<CalendarDate>?
    public var plannedDeployment: Located<CalendarDate>?
    /// Amounts of the signed contract, when the board records them.
    public var contractedFixed: Located<Int>?
    public var contractedVariable: Located<Int>?
    public var location: SourceLocation

    public init(id: Located<String>, location: SourceLocation) {
        self.id = id
        self.location = location
    }
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
    public var label: String
    public var kind: IndicatorKind
    public var initialValue: String?
    public var target: String?
    /// Targets renegotiated for a given contract year (year → target).
    public var targetsByYear: [Int: String] = [:]
    public var evidence: String?
    /// Euro amount of the variable part attached to this indicator.
    public var amount: Int?
    /// Graduated amounts, as real contracts write them ("≤ 50 patients → 9 000 €").
    public var steps: [AmountStep] = []
    public var location: SourceLocation

    /// The most this indicator can earn in a year.
    public var maximumAmount: Int? { amount ?? steps.map(\.amount).max() }

    /// The target in force in contract `year` and the year that set it (nil: the signed
    /// contract): a target renegotiated in year k holds until a later year changes it.
    public func target(inForce year: Int?) -> (target: String?, setIn: Int?) {
        guard let year, let setIn = targetsByYear.keys.filter({ $0 <= year }).max() else { return (target, nil) }
        return (targetsByYear[setIn], setIn)
    }

    package init(
        label: String, kind: IndicatorKind, initialValue: String? = nil, target: String? = nil,
        targetsByYear: [Int: String] = [:], evidence: String? = nil, amount: Int? = nil, steps: [AmountStep] = [],
        location: SourceLocation
    ) {
        self.label = label
        self.kind = kind
        self.initialValue = initialValue
        self.target = target
        self.targetsByYear = targetsByYear
        self.evidence = evidence
        self.amount = amount
        self.steps = steps
        self.location = location
    }
}

public struct AmountStep: Sendable {
    public var condition: String
    public var amount: Int

    package init(condition: String, amount: Int) {
        self.condition = condition
        self.amount = amount
    }
}

/// The ACI contract (or the one being prepared).
public struct Contract: Sendable {
    public var aciVersion: Located<String>?
    public var signatureDate: Located<CalendarDate>?
    /// Where the contract is signed, for the signature page.
    public var signaturePlace: String?
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

    package init(organisation: String? = nil, name: String? = nil, role: String? = nil) {
        self.organisation = organisation
        self.name = name
        self.role = role
    }
}
