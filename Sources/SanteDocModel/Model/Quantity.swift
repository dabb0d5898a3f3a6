/// A number as the user typed it: its value and how many decimals they wrote, so that it
/// is printed — and compared with a computed figure — at that precision: 8,1 stays 8,1
/// (not 8,10), and a declared 8,6 % agrees with a computed 8,57 %.
public struct Quantity: Equatable, Sendable {
    public var value: Double
    public var places: Int

    public init(_ value: Double, places: Int) {
        self.value = value
        self.places = places
    }
}
