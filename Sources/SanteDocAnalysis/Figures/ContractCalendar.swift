import SanteDocModel

/// The years of a contract: year k runs from the (k−1)th anniversary of the signature to
/// the day before the next one.
public struct ContractCalendar: Sendable, Equatable {
    public var signature: CalendarDate
    public var years: Int

    public init(signature: CalendarDate, years: Int) {
        self.signature = signature
        self.years = years
    }

    public var range: ClosedRange<Int> { 1...max(1, years) }

    /// The start of year `k` (the signature for k = 1, its anniversaries after).
    public func anniversary(_ k: Int) -> CalendarDate { signature.adding(months: 12 * (k - 1)) }

    public func period(_ k: Int) -> (start: CalendarDate, end: CalendarDate) {
        (anniversary(k), anniversary(k + 1).previousDay)
    }

    /// The contract year a date falls in, if within the contract.
    public func year(containing date: CalendarDate) -> Int? {
        guard date >= signature else { return nil }
        return range.first { date <= period($0).end }
    }

    /// The contract year that starts in calendar year `calendarYear` (2025 → the year whose
    /// anniversary falls in 2025), if within the contract.
    public func year(startingIn calendarYear: Int) -> Int? {
        let k = calendarYear - signature.year + 1
        return range.contains(k) ? k : nil
    }
}
