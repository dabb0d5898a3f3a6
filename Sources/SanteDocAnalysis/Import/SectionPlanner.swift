import SanteDocModel

/// Cuts an imported document into section files — one per chapter, or per sub-chapter when
/// a chapter has them (its opening text then a section of its own) — and proposes for each
/// its part and the requirements it covers, from the referential's titles and `mots_cles`:
/// a chapter's part from its title and its words, then each requirement claimed by the one
/// section of that part that speaks of it most (in its title first, else at least twice in
/// its text). A document made by SanteDoc says itself what its sections were.
public struct SectionPlanner {
    let referential: Referential
    /// Each keyword and part title in `searchForm`, computed once.
    let forms: [String: String]

    public init(referential: Referential) {
        self.referential = referential
        let phrases = referential.requirements.flatMap { $0.keywords + [$0.title] } + Part.allCases.map(\.title)
        forms = Dictionary(phrases.map { ($0, $0.searchForm) }, uniquingKeysWith: { first, _ in first })
    }

    func form(_ phrase: String) -> String { forms[phrase] ?? phrase.searchForm }

    /// The section made of what precedes the first heading.
    public static let openingTitle = "Avant-propos"

    public struct Plan: Sendable {
        public var sections: [PlannedSection]
        /// Titles of what SanteDoc computed in a document it made, left to `projet.yaml`.
        public var computed: [String]
        /// Chapters with neither text nor sub-chapters.
        public var empty: [String]
    }

    /// A chapter on its way to becoming a section, with the chapter it belongs to.
    struct Unit {
        var chapter: ImportedChapter
        var parent: ImportedChapter?
        var recorded: RecordedSection?
        var context: Part?
    }

    public func plan(_ document: ImportedDocument) -> Plan {
        var units: [Unit] = []
        var computed: [String] = []
        var empty: [String] = []
        if let record = document.record {
            var queue = record.sections.map(\.plain)[...]
            let generated = Set(record.generated.map(\.searchForm))
            func visit(_ chapter: ImportedChapter, context: Part?) {
                let title = chapter.title.searchForm
                if let next = queue.first, next.title.searchForm == title {
                    queue.removeFirst()
                    units.append(Unit(chapter: chapter, recorded: next, context: context))
                } else if generated.contains(title) {
                    computed.append(chapter.title)
                    let part = Part.allCases.first { $0.title.searchForm == title } ?? context
                    for child in chapter.children { visit(child, context: part) }
                } else {
                    units.append(Unit(chapter: chapter, context: context))
                }
            }
            for chapter in document.chapters { visit(chapter, context: nil) }
        } else {
            var chapters = document.chapters
            // One chapter holding all the others is the document's title, not a chapter.
            if chapters.count == 1, !chapters[0].children.isEmpty { chapters = chapters[0].children }
            // Text before the first heading (a preface) is kept; a cover table is data, read elsewhere.
            let opening = document.front.filter { block in
                if case let .table(table) = block.kind { return table.header.count != 2 }
                return true
            }
            if !opening.isEmpty {
                chapters.insert(ImportedChapter(title: Self.openingTitle, level: 1, blocks: opening, number: 0), at: 0)
            }
            for chapter in chapters {
                if chapter.children.isEmpty {
                    if chapter.blocks.isEmpty {
                        empty.append(chapter.title)
                    } else {
                        units.append(Unit(chapter: chapter))
                    }
                    continue
                }
                if !chapter.blocks.isEmpty {
                    var opening = chapter
                    opening.children = []
                    units.append(Unit(chapter: opening))
                }
                for child in chapter.children { units.append(Unit(chapter: child, parent: chapter)) }
            }
        }
        return Plan(sections: sections(units), computed: computed, empty: empty)
    }

    // MARK: Parts

    struct PartGuess {
        var part: Part
        var score: Int
        var reason: String
        var confidence: PlannedSection.Confidence
    }

    /// The part a title and a text speak of: its name in the title, then the words of its
    /// requirements in the title, then in the text.
    func guessPart(title: String, text: PhraseIndex) -> PartGuess? {
        let titleForm = title.searchForm
        var best: PartGuess?
        for part in Part.allCases {
            var score = 0
            var reasons: [String] = []
            if titleForm.containsPhrase(form(part.title)) {
                score += 6
                reasons.append("le titre contient « \(part.title) »")
            }
            let keywords = Set(referential.requirements.filter { $0.part == part }.flatMap(\.keywords))
            let inTitle = Self.widest(keywords.filter { titleForm.containsPhrase(form($0)) }.sorted())
            let inText = Self.widest(keywords.filter { !inTitle.contains($0) && text.contains(form($0)) }.sorted())
            score += 3 * inTitle.count + min(inText.count, 5)
            if !inTitle.isEmpty { reasons.append("le titre contient " + Self.quoted(inTitle)) }
            if !inText.isEmpty { reasons.append("le texte parle de " + Self.quoted(Array(inText.prefix(4)))) }
            guard score > (best?.score ?? 0) else { continue }
            best = PartGuess(
                part: part, score: score, reason: reasons.joined(separator: " ; "),
                confidence: score >= 6 ? .high : score >= 3 ? .medium : .low)
        }
        return best
    }

    /// The phrases found, without those another found phrase contains (« démographie » in
    /// « démographie médicale »): one piece of evidence counts once.
    static func widest(_ phrases: [String]) -> [String] {
        let forms = phrases.map(\.searchForm)
        return phrases.enumerated().filter { index, _ in
            !forms.enumerated().contains { other, form in
                other != index && form != forms[index] && form.containsPhrase(forms[index])
            }
        }.map(\.element)
    }

    static func quoted(_ words: [String]) -> String {
        words.map { "« \($0) »" }.joined(separator: ", ")
    }

    // MARK: Sections and claims

    func sections(_ units: [Unit]) -> [PlannedSection] {
        var previous: Part = .identity
        // A chapter's part, guessed once for all its sub-chapters.
        var chapterGuesses: [Int: PartGuess?] = [:]
        func chapterGuess(_ chapter: ImportedChapter) -> PartGuess? {
            if let known = chapterGuesses[chapter.number] { return known }
            let made = guessPart(title: chapter.title, text: PhraseIndex(chapter.allText))
            chapterGuesses[chapter.number] = made
            return made
        }
        var sections: [PlannedSection] = units.map { unit in
            let origin =
                unit.parent.map { "chapitre « \($0.title) », sous-chapitre « \(unit.chapter.title) »" }
                ?? "chapitre « \(unit.chapter.title) »"
            if let recorded = unit.recorded {
                let part =
                    recorded.part.flatMap(Part.init(rawValue:))
                    ?? recorded.covers.lazy.compactMap { id in self.referential.requirements.first { $0.id == id }?.part
                    }
                    .first ?? unit.context ?? previous
                previous = part
                return PlannedSection(
                    title: recorded.title, part: part, partReason: "relevée par SanteDoc dans le document",
                    partConfidence: .high,
                    claims: recorded.covers.map {
                        PlannedSection.Claim(
                            requirement: $0, confidence: .high, reason: "relevée par SanteDoc dans le document")
                    }, chapter: unit.chapter, origin: origin, recorded: recorded)
            }
            let guess: PartGuess
            if let parent = unit.parent, let fromParent = chapterGuess(parent) {
                guess = PartGuess(
                    part: fromParent.part, score: fromParent.score,
                    reason: "dans le chapitre « \(parent.title) » : \(fromParent.reason)",
                    confidence: fromParent.confidence)
            } else if let own = guessPart(title: unit.chapter.title, text: PhraseIndex(unit.chapter.allText)) {
                guess = own
            } else if let context = unit.context {
                guess = PartGuess(
                    part: context, score: 0, reason: "dans la partie « \(context.title) » du document",
                    confidence: .medium)
            } else {
                guess = PartGuess(
                    part: previous, score: 0, reason: "aucun indice : placée comme la section précédente",
                    confidence: .low)
            }
            previous = guess.part
            return PlannedSection(
                title: unit.chapter.title, part: guess.part, partReason: guess.reason, partConfidence: guess.confidence,
                claims: [], chapter: unit.chapter, origin: origin)
        }
        assignClaims(&sections)
        return sections
    }

    /// Each requirement goes to the section of its part that speaks of it most: its words in
    /// the title count three times, in the text once each (at most four); a section must have
    /// one in its title or two in its text. A document made by SanteDoc keeps its own claims.
    func assignClaims(_ sections: inout [PlannedSection]) {
        let recordedClaims = Set(sections.flatMap { $0.recorded?.covers ?? [] })
        let indexes = sections.map { ($0.title.searchForm, PhraseIndex($0.chapter.allText)) }
        for requirement in referential.requirements
        where requirement.kind != "donnee" && !recordedClaims.contains(requirement.id) {
            var best: (index: Int, score: Int, claim: PlannedSection.Claim)?
            for (index, section) in sections.enumerated()
            where section.recorded == nil && section.part == requirement.part {
                let (titleForm, text) = indexes[index]
                var inTitle = Self.widest(requirement.keywords.filter { titleForm.containsPhrase(form($0)) })
                if titleForm == form(requirement.title) { inTitle.append(requirement.title) }
                let inText = Self.widest(
                    requirement.keywords.filter { !inTitle.contains($0) && text.contains(form($0)) })
                guard !inTitle.isEmpty || inText.count >= 2 else { continue }
                let score = 3 * inTitle.count + min(inText.count, 4)
                guard score > (best?.score ?? 0) else { continue }
                let reason =
                    inTitle.isEmpty
                    ? "le texte parle de " + Self.quoted(Array(inText.prefix(4)))
                    : "le titre contient " + Self.quoted(inTitle)
                let confidence: PlannedSection.Confidence =
                    !inTitle.isEmpty ? .high : inText.count >= 3 ? .medium : .low
                best = (
                    index, score,
                    PlannedSection.Claim(requirement: requirement.id, confidence: confidence, reason: reason)
                )
            }
            if let best { sections[best.index].claims.append(best.claim) }
        }
    }
}
