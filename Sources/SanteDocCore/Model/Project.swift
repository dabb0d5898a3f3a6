/// Everything the readers found in a project folder. Knows nothing of files or formats
/// beyond the locations needed to point users back at their sources.
public struct Project: Sendable {
    public var identity: Identity
    public var territory: Territory
    public var chronology: [Milestone] = []
    public var professionals: [ProfessionCount] = []
    public var professionalsLocation: SourceLocation?
    public var declaredMemberTotal: Located<Int>?
    public var partners: [Partner] = []
    public var partnersLocation: SourceLocation?
    public var governance = Governance()
    public var missions: [Mission] = []
    public var missionsLocation: SourceLocation?
    public var contract = Contract()
    public var indicators: [DiagnosticIndicator] = []
    public var indicatorsLocation: SourceLocation?
    public var sections: [TextSection] = []
    /// Version label and date of this draft, as the board writes them.
    public var draftVersion: String?
    public var draftDate: CalendarDate?
    /// Where the document's date and version are written (or are to be written).
    public var documentLocation: SourceLocation?
    /// Where each kind of source lives, so that checks can say where to write without
    /// knowing how the project is read.
    public var layout: SourceLayout
    /// The YAML file itself, where top-level keys are to be added.
    public var dataFile: String { layout.dataFile }

    public init(dataFile: String) {
        layout = SourceLayout(dataFile: dataFile)
        identity = Identity(location: SourceLocation(file: dataFile))
        territory = Territory(location: SourceLocation(file: dataFile))
    }
}

/// The names of a project's sources, as the reader found or expects them.
public struct SourceLayout: Sendable {
    public var dataFile: String
    public var communesFile = "communes.csv"
    public var sectionsFolder = "sections"

    public init(dataFile: String) { self.dataFile = dataFile }
}
