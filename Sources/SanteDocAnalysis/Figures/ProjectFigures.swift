import SanteDocModel

/// Every figure of a project, typed for the document tables and flattened (by dotted
/// name) for placeholders and `santedoc figures`.
public struct ProjectFigures: Sendable {
    public struct TerritoryFigures: Sendable {
        public var population: Int?
        public var populationFromCommunes = false
        public var communeCount: Int?
        public var area: Double?
        public var density: Double?
        public var departmentShare: Double?
        public var sizeClass: Int?
    }

    public struct ProfessionFigure: Sendable {
        public var profession: String
        public var slug: String
        public var count: Int
        public var density: Double?
    }

    public struct MissionFunding: Sendable {
        public var id: String
        public var title: String
        public var fixed: Int?
        public var variable: Int?
        public var total: Int?
        public var crisisActivation: Int?
        /// The mission's first-year amounts when the ACI gives different ones (and the
        /// board entered no contract amounts).
        public var firstYear: FundingTable.FirstYear?
        /// Sum of the euro amounts attached to the mission's indicators, if any.
        public var indicatorTotal: Int?
        /// True when the amounts come from the signed contract rather than the ACI maxima.
        public var contracted: Bool
        /// The ACI's maxima for the project's size, from which a year without contract
        /// amounts is priced.
        public var maxima: FundingTable.MissionAmounts?
    }

    public struct Funding: Sendable {
        public var table: FundingTable
        public var sizeClass: Int
        public var operating: Int?
        public var missions: [MissionFunding]
        public var annualTotal: Int?
        public var ceiling: Int?
        public var contractTotal: Int?
        /// The ceilings the sources disagree on for this size (the ceiling is then unknown).
        public var disputedCeilings: [FundingTable.DisputedAmount] = []

        /// How the ceiling reads when it is not one number: « 380 000 € (…) ou 450 000 € (…) ».
        public var ceilingText: String {
            if let ceiling { return FigureValue.euros(ceiling).formatted }
            guard !disputedCeilings.isEmpty else { return "plafond non publié pour la taille \(sizeClass)" }
            return "plafond contesté : "
                + disputedCeilings.map { "\(FigureValue.euros($0.amount).formatted) (\($0.source))" }.joined(
                    separator: " ou ")
        }

        /// True when the board entered the signed contract's amounts: they are then the
        /// contract's amounts, not the ACI's maxima.
        public var isContracted: Bool { missions.contains(where: \.contracted) }
    }

    public struct MissionCalendar: Sendable {
        public var id: String
        public var title: String
        public var latestStart: CalendarDate?
        public var latestDeployment: CalendarDate?
        public var plannedStart: CalendarDate?
        public var plannedDeployment: CalendarDate?
    }

    public struct IndicatorComparison: Sendable {
        public enum Verdict: String, Sendable {
            case better = "meilleur"
            case worse = "moins bon"
            case equal = "égal"
        }
        public var indicator: DiagnosticIndicator
        public var slug: String
        public var gapDepartment: Quantity?
        public var gapRegion: Quantity?
        public var gapFrance: Quantity?
        public var verdictFrance: Verdict?
    }

    public var territory = TerritoryFigures()
    public var professionals: [ProfessionFigure] = []
    public var memberTotal = 0
    public var memberDensity: Double?
    public var funding: Funding?
    public var calendar: [MissionCalendar] = []
    /// The contract's years, from the signature date and the ACI's contract length.
    public var contractCalendar: ContractCalendar?
    public var indicators: [IndicatorComparison] = []
    public var all = FigureSet()
}
