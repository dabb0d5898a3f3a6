/// One version of the ACI (the 2019 accord, an amendment…), read from `Templates/aci/`.
/// `nil` amounts are cells the research could not confirm: they are reported, never guessed.
public struct FundingTable: Sendable {
    public struct SizeClass: Sendable {
        public var size: Int
        public var minimum: Int
        public var maximumExcluded: Int?

        package init(size: Int, minimum: Int, maximumExcluded: Int? = nil) {
            self.size = size
            self.minimum = minimum
            self.maximumExcluded = maximumExcluded
        }
    }

    public struct MissionRule: Sendable {
        public var id: String
        public var title: String
        public var isCore: Bool
        public var startDelayMonths: Int?
        public var deploymentDelayMonths: Int?
        /// Amounts per size class; a size class absent from the file is unknown.
        public var amounts: [Int: MissionAmounts]

        package init(
            id: String, title: String, isCore: Bool, startDelayMonths: Int? = nil, deploymentDelayMonths: Int? = nil,
            amounts: [Int: MissionAmounts]
        ) {
            self.id = id
            self.title = title
            self.isCore = isCore
            self.startDelayMonths = startDelayMonths
            self.deploymentDelayMonths = deploymentDelayMonths
            self.amounts = amounts
        }
    }

    public struct MissionAmounts: Sendable {
        public var total: Int?
        public var fixed: Int?
        public var variable: Int?
        /// Paid on top when the ARS recognises a health crisis (avenant 2).
        public var crisisActivation: Int?
        /// Amounts of the mission's first contract year when they differ (the crisis plan
        /// is written in year one, then only updated).
        public var firstYear: FirstYear?
        /// Amounts read only in a negotiation draft: shown as such, never counted.
        public var draft: DraftAmounts?

        package init(
            total: Int? = nil, fixed: Int? = nil, variable: Int? = nil, crisisActivation: Int? = nil,
            firstYear: FirstYear? = nil, draft: DraftAmounts? = nil
        ) {
            self.total = total
            self.fixed = fixed
            self.variable = variable
            self.crisisActivation = crisisActivation
            self.firstYear = firstYear
            self.draft = draft
        }
    }

    /// What a negotiation draft of an avenant gave, with where it was read.
    public struct DraftAmounts: Sendable, Equatable {
        /// The mission's first year (the crisis plan written).
        public var firstYear: Int?
        /// Paid on top when the ARS recognises a crisis.
        public var activation: Int?
        public var source: String

        package init(firstYear: Int?, activation: Int?, source: String) {
            self.firstYear = firstYear
            self.activation = activation
            self.source = source
        }
    }

    /// A value two sources give differently: both kept, neither chosen.
    public struct DisputedAmount: Sendable, Equatable {
        public var amount: Int
        public var source: String

        package init(amount: Int, source: String) {
            self.amount = amount
            self.source = source
        }
    }

    /// An amendment announced but not signed (LFSS 2026): the amounts may change from a date.
    public struct Announcement: Sendable, Equatable {
        public var text: String
        public var from: CalendarDate
        public var source: String

        package init(text: String, from: CalendarDate, source: String) {
            self.text = text
            self.from = from
            self.source = source
        }
    }

    public struct FirstYear: Sendable, Equatable {
        public var total: Int?
        public var fixed: Int?
        public var variable: Int?

        package init(total: Int? = nil, fixed: Int? = nil, variable: Int? = nil) {
            self.total = total
            self.fixed = fixed
            self.variable = variable
        }
    }

    public var id: String
    public var title: String
    public var legalText: String
    public var contractYears: Int
    /// When the version came into force (`en_vigueur`), to pick the current one.
    public var effectiveDate: CalendarDate?
    public var sizeClasses: [SizeClass]
    /// How close to a size threshold (a share of it, `tailles.marge_alerte_pourcent`) a
    /// population is said to be: its size, hence the funding, depends on a few inhabitants.
    public var thresholdWarningShare: Double?
    public var operating: [Int: Int?]
    public var ceiling: [Int: Int?]
    /// Ceilings the sources disagree on, by size: the ceiling itself is then unknown.
    public var disputedCeilings: [Int: [DisputedAmount]] = [:]
    /// An amendment announced for the contract years from its date on.
    public var announcement: Announcement?
    public var missions: [MissionRule]
    /// When the money is paid (`versements`), if the version states it.
    public var payments: PaymentRules?
    public var sources: [String: String]
    /// Where each value group was read, to tell users which cell to fill.
    public var file: String

    public func sizeClass(forPopulation population: Int) -> Int? {
        sizeClasses.first { population >= $0.minimum && population < ($0.maximumExcluded ?? Int.max) }?.size
    }

    public func mission(_ id: String) -> MissionRule? { missions.first { $0.id == id } }

    /// The size classes as YAML keys (`"1"`…), the keys amount tables may use.
    package var sizeKeys: [String] { sizeClasses.map { String($0.size) } }

    /// What documents print for a cell the research could not read: the text is not
    /// published where it could be read, which says nothing about the user's data.
    public static func unpublishedAmount(size: Int) -> String { "montant non publié pour la taille \(size)" }
    public static let incompleteTotal = "non calculable : un montant n’est pas publié"

    public var coreMissions: [MissionRule] { missions.filter(\.isCore) }

    package init(
        id: String, title: String, legalText: String, contractYears: Int, effectiveDate: CalendarDate? = nil,
        sizeClasses: [SizeClass], operating: [Int: Int?], ceiling: [Int: Int?], missions: [MissionRule],
        payments: PaymentRules? = nil, sources: [String: String], file: String
    ) {
        self.id = id
        self.title = title
        self.legalText = legalText
        self.contractYears = contractYears
        self.effectiveDate = effectiveDate
        self.sizeClasses = sizeClasses
        self.operating = operating
        self.ceiling = ceiling
        self.missions = missions
        self.payments = payments
        self.sources = sources
        self.file = file
    }
}
