import SanteDocModel

/// What `santedoc importer` did, for the coordinator who checks it: which file each part of
/// the document became, what was read and from where, what was guessed, what needs a human,
/// what could not be read, and where the new project stands against the referential.
public struct ImportReport: Sendable {
    public struct File: Sendable, Equatable {
        public var name: String
        public var origin: String

        public init(name: String, origin: String) {
            self.name = name
            self.origin = origin
        }
    }

    /// The imported document's name and the new project's folder.
    public var source: String
    public var project: String
    public var files: [File] = []
    public var sections: [PlannedSection] = []
    public var data = ImportedData()
    public var guesses: [String] = []
    public var toCheck: [String] = []
    public var unread: [String] = []
    /// What a document made by SanteDoc computed, left to `projet.yaml`.
    public var computed: [String] = []
    /// The new project checked at once: nil when its sources did not read.
    public var completeness: CompletenessReport?
    /// What reading the new project said (its first errors when it does not read).
    public var problems: [Diagnostic] = []

    public init(source: String, project: String) {
        self.source = source
        self.project = project
    }
}
