/// When the ACI money is paid, as the accord writes it (art. 9), read from the `versements`
/// group of `Templates/aci/*.yaml`: for each line, instalments as shares of the annual
/// amount, at a moment of the contract year.
public struct PaymentRules: Sendable, Equatable {
    public enum Moment: String, Sendable, CaseIterable {
        /// The signature of the contract.
        case signature
        /// The day the mission starts.
        case start = "demarrage"
        /// The start of the contract year (the signature's anniversary).
        case anniversary = "anniversaire"
        /// After the annual review (dialogue de gestion), at the next anniversary.
        case review = "bilan"
    }

    public struct Instalment: Sendable, Equatable {
        /// Percent of the annual amount.
        public var share: Int
        public var moment: Moment
        /// In the year a mission starts, the amount is pro-rated to the days left until
        /// the next anniversary.
        public var proRata: Bool
        /// The variable part: a maximum, paid according to the indicators reached.
        public var byIndicators: Bool

        package init(share: Int, moment: Moment, proRata: Bool, byIndicators: Bool) {
            self.share = share
            self.moment = moment
            self.proRata = proRata
            self.byIndicators = byIndicators
        }
    }

    public var operatingFirstYear: [Instalment]
    public var operatingLaterYears: [Instalment]
    public var fixedStartYear: [Instalment]
    public var fixedLaterYears: [Instalment]
    public var variable: [Instalment]
    /// Where the rules were read.
    public var source: String

    package init(
        operatingFirstYear: [Instalment], operatingLaterYears: [Instalment], fixedStartYear: [Instalment],
        fixedLaterYears: [Instalment], variable: [Instalment], source: String
    ) {
        self.operatingFirstYear = operatingFirstYear
        self.operatingLaterYears = operatingLaterYears
        self.fixedStartYear = fixedStartYear
        self.fixedLaterYears = fixedLaterYears
        self.variable = variable
        self.source = source
    }
}
