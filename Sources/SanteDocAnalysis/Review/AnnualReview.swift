import SanteDocModel

/// The money question of a contract year, as the CPTS brings it to the annual review
/// (dialogue de gestion) with the CPAM and the ARS: for each indicator, whether the target
/// or which tier was reached and what it earns; for each mission, the variable part earned
/// out of its maximum; what is due for the year under the ACI's payment rules, what the
/// advances already paid, and the balance. A result not entered, or a condition only a
/// person can judge, is never counted as reached or missed: its amount stays pending.
public struct AnnualReview: Sendable {
    public struct IndicatorReview: Sendable {
        public enum Outcome: Sendable, Equatable {
            case reached
            case missed
            /// The best tier reached (index in the tiers in force).
            case tier(Int)
            /// No tier reached.
            case noTier
            case notEntered
            case notComputable(String)
        }

        public var indicator: MissionIndicator
        public var target: Condition?
        public var targetSetIn: Int?
        public var pay: IndicatorPay?
        public var paySetIn: Int?
        public var result: IndicatorResult?
        /// The target alone, when a result is there to compare.
        public var targetOutcome: ConditionOutcome?
        public var outcome: Outcome
        /// Euros earned; nil while the outcome is unknown.
        public var earned: Int?
        /// The most the indicator pays this year; nil without an amount.
        public var maximum: Int?

        /// Euros that depend on a result not entered or not computable.
        public var pending: Int {
            switch outcome {
            case .notEntered, .notComputable: return maximum ?? 0
            default: return 0
            }
        }
    }

    public struct MissionReview: Sendable {
        public var id: String
        public var title: String
        /// The variable part in force this year (nil: not published).
        public var variableMaximum: Int?
        public var indicators: [IndicatorReview]
        /// The share of the variable part no indicator carries (no amounts typed, or less than
        /// the part): only the review can attribute it.
        public var unattributed: Int
        public var achievements: [String]

        public var earned: Int { indicators.compactMap(\.earned).reduce(0, +) }
        public var pending: Int { indicators.map(\.pending).reduce(0, +) + unattributed }
    }

    /// One line of what is paid for the year: due, already advanced, balance.
    public struct PaymentLine: Sendable {
        public var id: String
        public var part: PaymentSchedule.Part
        public var title: String
        /// Due for the year (for a variable part: what was earned); nil if not published.
        public var due: Int?
        public var advanced: Int?
        /// Paid after the review.
        public var balance: Int? { due.flatMap { d in advanced.map { d - $0 } } }
        /// A variable part's amount still to be settled, at most.
        public var pending: Int
        /// The rules that make the figures (« 75 % au démarrage… ; solde (25 %)… »).
        public var rule: String
    }

    public struct YearSummary: Sendable, Equatable {
        public var year: Int
        public var earned: Int
        public var maximum: Int?
        public var pending: Int
    }

    public var year: Int
    public var period: (start: CalendarDate, end: CalendarDate)
    public var reviewDate: CalendarDate
    public var funding: YearFunding
    public var missions: [MissionReview]
    /// Missions that start after this year.
    public var notStarted: [(title: String, startYear: Int)]
    public var lines: [PaymentLine]
    /// Years 1 to `year`, for the chart of the year against the previous ones.
    public var history: [YearSummary]
    public var paymentSource: String

    public var earned: Int { missions.map(\.earned).reduce(0, +) }
    public var pending: Int { missions.map(\.pending).reduce(0, +) }
    public var variableMaximum: Int? {
        let parts = missions.map(\.variableMaximum)
        return parts.allSatisfy { $0 != nil } ? parts.compactMap { $0 }.reduce(0, +) : nil
    }

    /// Sums of a column; nil when one line is not published.
    public static func total(_ values: [Int?]) -> Int? {
        values.allSatisfy { $0 != nil } ? values.compactMap { $0 }.reduce(0, +) : nil
    }

    public var due: Int? { Self.total(lines.map(\.due)) }
    public var advanced: Int? { Self.total(lines.map(\.advanced)) }
    public var balance: Int? { Self.total(lines.map(\.balance)) }

    /// Results a review needs and does not have: where to enter them.
    public var missingResults: [IndicatorReview] {
        missions.flatMap(\.indicators).filter { $0.outcome == .notEntered }
    }
}
