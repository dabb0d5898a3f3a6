/// Failures of libxml2, as Swift errors.
public enum XMLSupportError: Error, Equatable, CustomStringConvertible {
    case serializationFailed
    case schemaUnreadable(path: String, messages: [String])
    case parseFailed(messages: [String])

    public var description: String {
        switch self {
        case .serializationFailed:
            return "libxml2 n’a pas pu sérialiser le document"
        case let .schemaUnreadable(path, messages):
            return "schéma RELAX NG illisible (\(path)) : " + messages.joined(separator: " ; ")
        case let .parseFailed(messages):
            return "XML illisible : " + messages.joined(separator: " ; ")
        }
    }
}

/// One problem reported by libxml2, with the line of the offending node when known.
public struct XMLValidationIssue: Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "ligne \(line) : \(message)" }
}
