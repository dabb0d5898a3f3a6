/// A line of the territorial diagnostic, compared with wider areas.
public struct DiagnosticIndicator: Sendable {
    public enum BetterDirection: String, Sendable {
        case higher = "hausse"
        case lower = "baisse"
    }

    public var name: String
    public var unit: String?
    /// Values as typed, so they print at the precision the source gives.
    public var territory: Quantity
    public var department: Quantity?
    public var region: Quantity?
    public var france: Quantity?
    public var source: String
    public var year: Int?
    public var better: BetterDirection?
    public var location: SourceLocation

    package init(
        name: String, unit: String? = nil, territory: Quantity, department: Quantity? = nil, region: Quantity? = nil,
        france: Quantity? = nil, source: String, year: Int? = nil, better: BetterDirection? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.unit = unit
        self.territory = territory
        self.department = department
        self.region = region
        self.france = france
        self.source = source
        self.year = year
        self.better = better
        self.location = location
    }
}
