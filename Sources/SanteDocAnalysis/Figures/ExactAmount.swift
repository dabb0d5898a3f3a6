/// An amount in euros kept exact until it is printed: pro-rata shares (75 % of a part times
/// 288 days out of 366) are fractions of a euro, and a sum of rounded lines can drift from
/// the rounded sum. Totals are computed exactly and rounded once.
public struct ExactAmount: Sendable, Equatable, Comparable {
    public private(set) var numerator: Int
    public private(set) var denominator: Int

    public init(_ numerator: Int, over denominator: Int = 1) {
        precondition(denominator > 0)
        let divisor = Self.gcd(abs(numerator), denominator)
        self.numerator = numerator / max(divisor, 1)
        self.denominator = denominator / max(divisor, 1)
    }

    public static let zero = ExactAmount(0)

    public static func + (lhs: ExactAmount, rhs: ExactAmount) -> ExactAmount {
        let divisor = gcd(lhs.denominator, rhs.denominator)
        let denominator = lhs.denominator / divisor * rhs.denominator
        return ExactAmount(
            lhs.numerator * (denominator / lhs.denominator) + rhs.numerator * (denominator / rhs.denominator),
            over: denominator)
    }

    public static func - (lhs: ExactAmount, rhs: ExactAmount) -> ExactAmount {
        lhs + ExactAmount(-rhs.numerator, over: rhs.denominator)
    }

    public static func < (lhs: ExactAmount, rhs: ExactAmount) -> Bool { (lhs - rhs).numerator < 0 }

    /// To the nearest euro, halves up (amounts are never negative).
    public var rounded: Int {
        let twice = 2 * numerator + denominator
        let quotient = twice / (2 * denominator)
        return twice < 0 && twice % (2 * denominator) != 0 ? quotient - 1 : quotient
    }

    public var value: Double { Double(numerator) / Double(denominator) }

    /// Rounds each amount so that they add up exactly to their rounded total: each is the
    /// rounded running total up to it, minus the rounded running total before it. Every
    /// line then stays within a euro of its exact value.
    public static func roundedAddingUp(_ amounts: [ExactAmount]) -> [Int] {
        var running = ExactAmount.zero
        var previous = 0
        return amounts.map { amount in
            running = running + amount
            let current = running.rounded
            defer { previous = current }
            return current - previous
        }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
