/// A civil date without time zone: contract dates are days, not instants.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `AAAA-MM-JJ`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The same day `months` later, clamped to the end of a shorter month (31 Aug + 6 = 28/29 Feb).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let y = index / 12
        let m = index % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.days(inMonth: m, year: y)))!
    }

    /// The day before, for the last day of a period.
    public var previousDay: CalendarDate {
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1)! }
        let earlier = adding(months: -1)
        return CalendarDate(
            year: earlier.year, month: earlier.month,
            day: CalendarDate.days(inMonth: earlier.month, year: earlier.year))!
    }

    /// Days since 1 January of year 1 (proleptic Gregorian), to count days between dates.
    public var ordinal: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CalendarDate.days(inMonth: m, year: year) }
        return days + day - 1
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { other.ordinal - ordinal }

    /// Before any date a file gives, for ordering dates that may be unknown.
    public static let distantPast = CalendarDate(year: 1, month: 1, day: 1)!

    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (l: CalendarDate, r: CalendarDate) -> Bool {
        (l.year, l.month, l.day) < (r.year, r.month, r.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
