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

extension ImportReport {
    /// The population and commune count the document states, against its commune table, from
    /// which SanteDoc computes them (the stated values are not written to projet.yaml).
    public mutating func crossCheckCommunes() {
        guard let communes = data.communes else { return }
        let populations = data.communePopulations.compactMap { $0 }
        let total = populations.count == communes.rows.count ? populations.reduce(0, +) : nil
        for (path, computed, what) in [
            ("territoire.population", total, "population"),
            ("territoire.nombre_communes", communes.rows.count, "nombre de communes"),
        ] {
            guard let field = data.field(path), case let .integer(stated) = field.value, let computed else { continue }
            if stated == computed {
                guesses.append(
                    "Valeur « \(what) » du document (\(FrenchFormat.integer(stated)), \(field.origin)) conforme au "
                        + "tableau des communes, dont SanteDoc la calcule.")
            } else {
                toCheck.append(
                    "Valeur « \(what) » du document : \(FrenchFormat.integer(stated)) (\(field.origin)) ; le tableau des "
                        + "communes donne \(FrenchFormat.integer(computed)), et SanteDoc calcule à partir du tableau.")
            }
        }
    }
}
