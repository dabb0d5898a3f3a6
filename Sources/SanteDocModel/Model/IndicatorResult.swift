/// The value an indicator reached in a contract year, as the CPTS records it for the annual
/// review (dialogue de gestion): what was measured, when, by whom, and the proof.
public struct IndicatorResult: Sendable {
    /// As written (« 87 patients », « oui »).
    public var value: Located<String>
    public var measure: Measure
    public var date: CalendarDate?
    /// Who measured it (« Requête CPAM du 10 mars 2024 »).
    public var source: String?
    /// The proof kept for the CPAM and the ARS (a document name or a file of the project).
    public var evidence: String?
    public var location: SourceLocation

    public init(
        value: Located<String>, measure: Measure, date: CalendarDate? = nil, source: String? = nil,
        evidence: String? = nil, location: SourceLocation
    ) {
        self.value = value
        self.measure = measure
        self.date = date
        self.source = source
        self.evidence = evidence
        self.location = location
    }
}

/// A result read as a quantity the program can compare.
public enum Measure: Sendable, Equatable {
    case number(Double, unit: String?)
    case yes
    case no
    /// Neither a number nor yes/no: only a person can judge it.
    case text
}
