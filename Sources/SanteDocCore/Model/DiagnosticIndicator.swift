/// A line of the territorial diagnostic, compared with wider areas.
public struct DiagnosticIndicator: Sendable {
    public enum BetterDirection: String, Sendable { case higher = "hausse", lower = "baisse" }

    public var name: String
    public var unit: String?
    public var territory: Double
    public var department: Double?
    public var region: Double?
    public var france: Double?
    public var source: String
    public var year: Int?
    public var better: BetterDirection?
    public var location: SourceLocation
}
