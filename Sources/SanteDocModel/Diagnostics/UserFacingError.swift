/// An error of SanteDoc's own, whose description is already the French sentence users read.
public protocol UserFacingError: Error, CustomStringConvertible {}
