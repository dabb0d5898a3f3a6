/// Builds the projet de santé's document tree: one chapter per part, generated tables
/// from the figures first, then the board's text sections for that part.
public struct DocumentAssembler {
    /// Beyond this many communes the list moves from the identity chapter to an annex
    /// chapter at the end, so the identity sheet stays readable.
    static let communesInline = 40

    let project: Project
    let figures: ProjectFigures
    let regulation: RegulationLibrary
    let sections: [TextSection]
    let edition: Edition

    public init(project: Project, figures: ProjectFigures, regulation: RegulationLibrary, resolvedSections: [TextSection],
                edition: Edition = .workingDraft) {
        self.project = project
        self.figures = figures
        self.regulation = regulation
        sections = resolvedSections
        self.edition = edition
    }

    /// `extraChapters` (the completeness chapter) belong to the working draft only.
    public func assemble(extraChapters: [Section] = []) -> Document {
        var ids = IdentifierAllocator()
        var chapters: [Section] = Part.allCases.map { part in
            var chapter = Section(id: ids.unique(part.rawValue), title: part.title, blocks: generatedBlocks(for: part),
                                  sections: generatedSections(for: part, ids: &ids))
            for text in sections where text.part == part {
                let id = ids.unique("section-" + FrenchFormat.slug(text.title))
                chapter.sections.append(Section(id: id, title: text.title, blocks: text.blocks,
                                                sections: text.subsections.map { ids.assign($0, prefix: id) }))
            }
            if chapter.blocks.isEmpty && chapter.sections.isEmpty {
                chapter.blocks = [.note(Note(.toWrite, title: "À compléter",
                                             blocks: [.text("Cette partie n’est pas encore rédigée.")]))]
            }
            return chapter
        }
        if let communes = communeAnnex() { chapters.append(ids.assign(communes, prefix: "")) }
        if edition == .workingDraft { chapters += extraChapters.map { ids.assign($0, prefix: "") } }
        if edition == .final { chapters = chapters.compactMap { $0.withoutNotesToWrite() } }
        let name = project.identity.name?.value ?? "CPTS (dénomination à préciser)"
        return Document(title: name, subtitle: "Projet de santé", cover: cover(), chapters: chapters,
                        date: project.draftDate.map(FrenchFormat.date), version: project.draftVersion,
                        isWorkingDraft: edition == .workingDraft)
    }

    private func cover() -> [CoverLine] {
        var cover: [CoverLine] = []
        if let territory = project.territory.name { cover.append(CoverLine("Territoire", territory)) }
        if let department = project.territory.department { cover.append(CoverLine("Département", department.name)) }
        if let population = figures.all["territoire.population"], population.isKnown {
            cover.append(CoverLine("Population couverte", population.formatted + " habitants"))
        }
        if let version = project.contract.aciVersion, let table = regulation.fundingTables[version.value] {
            cover.append(CoverLine("Cadre conventionnel", table.title))
        }
        return cover
    }

    private func generatedBlocks(for part: Part) -> [Block] {
        switch part {
        case .identity: return identityBlocks()
        case .chronology: return chronologyBlocks()
        case .legislation: return legislationBlocks()
        case .diagnostic: return diagnosticBlocks()
        case .missions: return missionSummaryBlocks()
        case .funding: return fundingBlocks()
        case .governance: return governanceBlocks()
        }
    }

    private func generatedSections(for part: Part, ids: inout IdentifierAllocator) -> [Section] {
        part == .missions ? missionSections(ids: &ids) : []
    }
}

extension Section {
    /// The section as the submission edition prints it: notes to the board removed, and
    /// nil when nothing else is left (a section that still holds only its guidance).
    func withoutNotesToWrite() -> Section? {
        var copy = self
        copy.blocks = blocks.filter { block in
            if case let .note(note) = block { return note.kind != .toWrite }
            return true
        }
        copy.sections = sections.compactMap { $0.withoutNotesToWrite() }
        return copy.blocks.isEmpty && copy.sections.isEmpty ? nil : copy
    }
}

/// Gives every section an id that is unique in the document and valid as an XML NCName.
struct IdentifierAllocator {
    private var used: Set<String> = []

    mutating func unique(_ base: String) -> String {
        var candidate = base.first?.isLetter == true ? base : "s-" + base
        var n = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    mutating func assign(_ section: Section, prefix: String) -> Section {
        let base = (prefix.isEmpty ? "" : prefix + "-") + FrenchFormat.slug(section.title)
        let id = section.id.isEmpty ? unique(base) : unique(section.id)
        return Section(id: id, title: section.title, blocks: section.blocks,
                       sections: section.sections.map { assign($0, prefix: id) })
    }
}
