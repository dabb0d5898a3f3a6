/// A section file an import proposes: a chapter or sub-chapter of the document, the part it
/// goes in, and the requirements it seems to cover, each with how sure and why, for the
/// coordinator to confirm.
public struct PlannedSection: Sendable {
    public enum Confidence: String, Sendable, Comparable {
        case high = "élevée"
        case medium = "moyenne"
        case low = "faible"

        private var rank: Int { self == .high ? 2 : self == .medium ? 1 : 0 }
        public static func < (l: Self, r: Self) -> Bool { l.rank < r.rank }
    }

    public struct Claim: Sendable, Equatable {
        public var requirement: String
        public var confidence: Confidence
        public var reason: String

        public init(requirement: String, confidence: Confidence, reason: String) {
            self.requirement = requirement
            self.confidence = confidence
            self.reason = reason
        }
    }

    public var title: String
    public var part: Part
    /// Why this part, in words (« le chapitre s’intitule « Diagnostic territorial » »).
    public var partReason: String
    public var partConfidence: Confidence
    public var claims: [Claim]
    /// Its blocks, then its sub-chapters (which become its `##` headings).
    public var chapter: ImportedChapter
    /// Where it was in the document (« chapitre « Diagnostic territorial » »).
    public var origin: String
    /// For a document made by SanteDoc, the section it was.
    public var recorded: RecordedSection?

    public init(
        title: String, part: Part, partReason: String, partConfidence: Confidence, claims: [Claim],
        chapter: ImportedChapter, origin: String, recorded: RecordedSection? = nil
    ) {
        self.title = title
        self.part = part
        self.partReason = partReason
        self.partConfidence = partConfidence
        self.claims = claims
        self.chapter = chapter
        self.origin = origin
        self.recorded = recorded
    }
}
