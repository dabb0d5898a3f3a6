import Foundation

/// Where each kind of source lives, as the project reader found or expects it (the names
/// are the reader's: `ProjectReader.sources`): the checks point users there when something
/// is missing, without knowing how a project is read.
public struct SourceMap: Sendable, Equatable {
    public var dataFile: String
    public var communesFile: String
    public var indicatorsFile: String
    public var sectionsFolder: String

    public init(dataFile: String, communesFile: String, indicatorsFile: String, sectionsFolder: String) {
        self.dataFile = dataFile
        self.communesFile = communesFile
        self.indicatorsFile = indicatorsFile
        self.sectionsFolder = sectionsFolder
    }

    /// The start of the data file, where a top-level key is to be added.
    public var dataStart: SourceLocation { SourceLocation(file: dataFile) }

    /// A file name for a section covering `requirement` (`sections/diagnostic-etat-sante.md`).
    public func sectionFile(for requirement: String) -> String {
        "\(sectionsFolder)/\(requirement.replacingOccurrences(of: ".", with: "-")).md"
    }
}
