/// A term of the contract that the CPTS, the CPAM and the ARS can renegotiate for a given
/// contract year: the value agreed at signature, and the values set for later years, each
/// holding until a later year changes it (a target set in year 2 still holds in year 4).
public struct Renegotiable<Value: Sendable>: Sendable {
    /// As signed (nil: not stated in the contract).
    public var signed: Located<Value>?
    /// Contract year → the value agreed for it.
    public var byYear: [Int: Located<Value>]

    public init(signed: Located<Value>? = nil, byYear: [Int: Located<Value>] = [:]) {
        self.signed = signed
        self.byYear = byYear
    }

    /// The value in force in contract `year` (nil: the signed contract) and the year that
    /// set it (nil: the contract itself).
    public func inForce(_ year: Int?) -> (value: Located<Value>?, setIn: Int?) {
        guard let year, let setIn = byYear.keys.filter({ $0 <= year }).max() else { return (signed, nil) }
        return (byYear[setIn], setIn)
    }

    /// The value alone, for readers of the contract that do not need its origin.
    public func value(in year: Int?) -> Value? { inForce(year).value?.value }

    /// Whether any value was given, at signature or later.
    public var isStated: Bool { signed != nil || !byYear.isEmpty }

    /// The origin of the value in force, as the annexes print it.
    public static func origin(_ setIn: Int?) -> String { setIn.map { "en année \($0)" } ?? "au contrat" }
}
