/// A target or a tier of an indicator, as the contract writes it (« ≤ 50 patients »,
/// « 51 à 100 patients », « au moins 35 % », « oui »), with the test it states when the
/// program can read one. The text is what documents print; the test is what the annual
/// review evaluates. A condition without a test is free text: accepted, printed, but not
/// computable.
public struct Condition: Sendable, Equatable, Codable {
    public enum Test: Sendable, Equatable, Codable {
        case atMost(Double)
        case lessThan(Double)
        case atLeast(Double)
        case moreThan(Double)
        case equal(Double)
        /// Both bounds included (« 51 à 100 »).
        case between(Double, Double)
        /// A yes/no target (« oui », « publié »): reached when the result says it is done.
        case done
    }

    /// As written in the sources.
    public var text: String
    public var test: Test?
    /// The unit written after the number (« patients », « % »), if any.
    public var unit: String?
    /// A bare number (« 35 % ») is a target to reach in the direction the indicator moves
    /// from its starting value (down from 219 to 100: at most 100), at least it without one:
    /// true when the test was read that way rather than written.
    public var isInferred: Bool

    public init(text: String, test: Test?, unit: String? = nil, isInferred: Bool = false) {
        self.text = text
        self.test = test
        self.unit = unit
        self.isInferred = isInferred
    }

    public var isComputable: Bool { test != nil }
}

/// What an indicator pays when its target is met: one amount, or graduated amounts by tier.
public enum IndicatorPay: Sendable, Equatable {
    case amount(Int)
    case steps([AmountStep])

    /// The most the indicator can earn in a year.
    public var maximum: Int {
        switch self {
        case let .amount(amount): return amount
        case let .steps(steps): return steps.map(\.amount).max() ?? 0
        }
    }
}

public struct AmountStep: Sendable, Equatable {
    public var condition: Condition
    public var amount: Int

    public init(condition: Condition, amount: Int) {
        self.condition = condition
        self.amount = amount
    }
}
