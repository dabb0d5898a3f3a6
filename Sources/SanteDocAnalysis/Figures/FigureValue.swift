import SanteDocModel

/// A computed figure. Formatting happens once, here, so every document and annex
/// prints the same figure the same way.
public enum FigureValue: Equatable, Sendable {
    case integer(Int)
    case decimal(Double, places: Int, unit: String?)
    case percent(Double, places: Int)
    case euros(Int)
    case date(CalendarDate)
    case text(String)
    /// Not computable from the sources. `reason` tells the user which data is missing (it
    /// may name keys and files); `shown` is what documents print, in plain words.
    case unknown(reason: String, shown: String)

    /// French presentation: `64 455`, `14,65 %`, `370 000 €`, `17 juin 2020`.
    public var formatted: String {
        switch self {
        case let .integer(n): return FrenchFormat.integer(n)
        case let .decimal(d, places, unit):
            return FrenchFormat.decimal(d, places: places)
                + (unit.map { "\u{00A0}" + FrenchFormat.unit($0, agreeingWith: d, places: places) } ?? "")
        case let .percent(d, places): return FrenchFormat.decimal(d, places: places) + "\u{00A0}%"
        case let .euros(n): return FrenchFormat.integer(n) + "\u{00A0}€"
        case let .date(date): return FrenchFormat.date(date)
        case let .text(s): return s
        case let .unknown(_, shown): return shown
        }
    }

    /// The value as a number at the precision documents show it (`14.65` for `14,65 %`),
    /// for machine-readable outputs; nil for dates, texts and unknown values.
    public var shownNumber: Double? {
        switch self {
        case let .integer(n), let .euros(n): return Double(n)
        case let .decimal(d, places, _), let .percent(d, places):
            guard d.isFinite else { return nil }
            let scale = FrenchFormat.scale(places)
            return (d * scale).rounded(.toNearestOrAwayFromZero) / scale
        case .date, .text, .unknown: return nil
        }
    }

    /// The figure, or why it cannot be computed.
    static func known<T>(
        _ value: T?, _ make: (T) -> FigureValue, _ reason: String,
        shown: String = FigureValue.notAvailable
    ) -> FigureValue {
        value.map(make) ?? .unknown(reason: reason, shown: shown)
    }

    /// Printed in documents for data the sources do not give.
    public static let notAvailable = "non disponible"

    public var isKnown: Bool {
        if case .unknown = self { return false }
        return true
    }

}

/// A named figure, as used in placeholders and by `santedoc figures`.
public struct Figure: Equatable, Sendable {
    public var name: String
    public var label: String
    public var value: FigureValue
}

/// Every figure of a project, in a stable order.
public struct FigureSet: Sendable {
    public private(set) var figures: [Figure] = []
    private var index: [String: Int] = [:]

    public init() {}

    mutating func add(_ name: String, _ label: String, _ value: FigureValue) {
        if let existing = index[name] {
            figures[existing] = Figure(name: name, label: label, value: value)
        } else {
            index[name] = figures.count
            figures.append(Figure(name: name, label: label, value: value))
        }
    }

    public subscript(name: String) -> FigureValue? { index[name].map { figures[$0].value } }

    public var names: [String] { figures.map(\.name) }
}
