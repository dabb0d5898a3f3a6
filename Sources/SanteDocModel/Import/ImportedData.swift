/// The data an imported document gives reliably, each piece with where it was read, in
/// words the coordinator can find in the document (« page de garde, ligne « Siège » »).
public struct ImportedData: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case date(CalendarDate)
        case address(street: String, postcode: String?, town: String?)
        /// A person and their function (« Présidente »).
        case person(name: String, role: String)
    }

    public struct Field: Sendable {
        /// The path in `projet.yaml`.
        public var path: String
        public var value: Value
        /// What the document said, as it said it.
        public var written: String
        public var origin: String

        public init(path: String, value: Value, written: String, origin: String) {
            self.path = path
            self.value = value
            self.written = written
            self.origin = origin
        }
    }

    public struct Member: Sendable, Equatable {
        public var profession: String
        public var count: Int

        public init(profession: String, count: Int) {
            self.profession = profession
            self.count = count
        }
    }

    /// A table offered as one of the project's CSV files.
    public struct Table: Sendable {
        /// The CSV's columns, in its order, and each row's cells in that order.
        public var columns: [String]
        public var rows: [[String]]
        public var origin: String
        /// Columns the file needs that the document's table did not have, or filled by guess.
        public var toComplete: [String]

        public init(columns: [String], rows: [[String]], origin: String, toComplete: [String] = []) {
            self.columns = columns
            self.rows = rows
            self.origin = origin
            self.toComplete = toComplete
        }
    }

    public var fields: [Field] = []
    public var members: [Member] = []
    public var membersOrigin: String?
    public var communes: Table?
    /// The population of each row of `communes`, as read (nil where a row gives none).
    public var communePopulations: [Int?] = []
    public var indicators: Table?
    /// A label found twice with different values: the first is kept, the other said.
    public var conflicts: [String] = []
    /// Values whose label was recognised but whose text could not be read (a date without a day).
    public var unreadable: [String] = []

    public init() {}

    public func field(_ path: String) -> Field? { fields.first { $0.path == path } }
}
