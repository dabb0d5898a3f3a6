/// What the importer knows of how CPTS write their data (`Templates/import/correspondances.yaml`):
/// the labels of each `projet.yaml` field, the words for a profession, the headers of the
/// commune and indicator tables.
public struct ImportVocabulary: Sendable {
    public enum ValueKind: String, CaseIterable, Sendable {
        case text = "texte"
        case integer = "entier"
        case date
        case address = "adresse"
        case person = "personne"
    }

    public struct Field: Sendable {
        /// The path in `projet.yaml` (`identite.siege`, `contrat.signataires.cpts`).
        public var path: String
        public var kind: ValueKind
        public var labels: [String]

        public init(path: String, kind: ValueKind, labels: [String]) {
            self.path = path
            self.kind = kind
            self.labels = labels
        }
    }

    public var fields: [Field]
    public var professions: [String]
    /// For each column of `communes.csv` and `indicateurs.csv`, the headers that name it.
    public var communeColumns: [(column: String, headers: [String])]
    public var indicatorColumns: [(column: String, headers: [String])]

    public init(
        fields: [Field], professions: [String], communeColumns: [(column: String, headers: [String])],
        indicatorColumns: [(column: String, headers: [String])]
    ) {
        self.fields = fields
        self.professions = professions
        self.communeColumns = communeColumns
        self.indicatorColumns = indicatorColumns
    }
}
