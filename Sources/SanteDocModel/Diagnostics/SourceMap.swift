/// Where each kind of source lives, as the project reader found or expects it: the checks
/// point users there when something is missing, without knowing how a project is read.
public struct SourceMap: Sendable, Equatable {
    public var dataFile = "projet.yaml"
    public var communesFile = "communes.csv"
    public var indicatorsFile = "indicateurs.csv"
    public var sectionsFolder = "sections"

    public init() {}

    /// The start of the data file, where a top-level key is to be added.
    public var dataStart: SourceLocation { SourceLocation(file: dataFile) }

    /// A file name for a section covering `requirement` (`sections/diagnostic-etat-sante.md`).
    public func sectionFile(for requirement: String) -> String {
        "\(sectionsFolder)/\(requirement.replacingOccurrences(of: ".", with: "-")).md"
    }
}
