/// The part of the projet de santé a text section belongs to.
public enum Part: String, CaseIterable, Sendable {
    case identity = "identite"
    case chronology = "chronologie"
    case legislation = "legislation"
    case diagnostic = "diagnostic"
    case missions = "missions"
    case funding = "financement"
    case governance = "gouvernance"

    public var title: String {
        switch self {
        case .identity: return "Fiche d’identité"
        case .chronology: return "Chronologie"
        case .legislation: return "Cadre législatif"
        case .diagnostic: return "Diagnostic territorial"
        case .missions: return "Missions"
        case .funding: return "Financement"
        case .governance: return "Gouvernance"
        }
    }

}

/// A Markdown section written by the board.
public struct TextSection: Sendable {
    public var file: String
    public var title: String
    /// The part the front matter names; without one, the referential places the section
    /// by the requirements it covers.
    public var part: Part?
    /// Requirement ids this section claims to cover.
    public var covers: [Located<String>]
    /// Where the front matter is.
    public var header: SourceLocation
    public var blocks: [WrittenBlock]
    /// Parts opened by headings inside the text.
    public var subsections: [WrittenSubsection]
    /// True while the section still holds the guidance written by `santedoc init`.
    public var isStub: Bool
    public var wordCount: Int
    public var location: SourceLocation
    /// Places in the document its links point to (`[voir](#tableau-financement)`), where
    /// they are written, to check once the document exists.
    public var anchors: [Located<String>] = []
    /// The pictures the text shows, by their path in the project, where each is named.
    public var pictures: [Located<String>] = []

    package init(
        file: String, title: String, part: Part? = nil, covers: [Located<String>], header: SourceLocation,
        blocks: [WrittenBlock], subsections: [WrittenSubsection], isStub: Bool, wordCount: Int, location: SourceLocation
    ) {
        self.file = file
        self.title = title
        self.part = part
        self.covers = covers
        self.header = header
        self.blocks = blocks
        self.subsections = subsections
        self.isStub = isStub
        self.wordCount = wordCount
        self.location = location
    }
}
