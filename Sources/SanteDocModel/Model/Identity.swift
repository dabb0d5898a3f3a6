/// The identity sheet of the CPTS.
public struct Identity: Sendable {
    public var name: Located<String>?
    public var legalForm: Located<String>?
    public var seat: Address?
    public var creationDate: CalendarDate?
    public var contact: String?
    public var website: String?
    /// Where the identity sheet was read (nil: the project has none yet).
    public var location: SourceLocation?

    public init() {}
}

public struct Address: Sendable {
    public var street: String
    public var postalCode: String
    public var city: String
    public var location: SourceLocation

    public var singleLine: String { "\(street), \(postalCode) \(city)" }

    package init(street: String, postalCode: String, city: String, location: SourceLocation) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.location = location
    }
}
