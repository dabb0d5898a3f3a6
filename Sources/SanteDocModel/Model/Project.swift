/// Everything the readers found in a project folder. Knows nothing of files or formats
/// beyond the locations of what it holds, to point users back at their sources; where
/// absent things belong is the readers' `SourceMap`.
public struct Project: Sendable {
    public var identity = Identity()
    public var territory = Territory()
    public var chronology: [Milestone] = []
    /// Where the history is written (or its key, still empty).
    public var chronologyLocation: SourceLocation?
    public var professionals: [ProfessionCount] = []
    public var professionalsLocation: SourceLocation?
    public var declaredMemberTotal: Located<Int>?
    public var partners: [Partner] = []
    public var partnersLocation: SourceLocation?
    public var governance = Governance()
    public var missions: [Mission] = []
    public var missionsLocation: SourceLocation?
    public var contract = Contract()
    /// The regional health plan the projet serves (`prs`), if stated.
    public var regionalPlan: RegionalPlan?
    public var indicators: [DiagnosticIndicator] = []
    public var indicatorsLocation: SourceLocation?
    public var sections: [TextSection] = []
    /// The data fields filled in the sources, by their path (`identite.contact`), and where:
    /// what a `donnee` requirement asks for.
    public var declaredFields: [String: SourceLocation] = [:]
    /// The pictures the sections show, by their path in the project folder.
    public var pictures: [String: Picture] = [:]
    /// Version label and date of this draft, as the board writes them.
    public var draftVersion: String?
    public var draftDate: CalendarDate?
    /// Where the document's date and version are written (or are to be written).
    public var documentLocation: SourceLocation?

    public init() {}
}
