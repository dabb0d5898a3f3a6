import SanteDocAnalysis
import SanteDocModel

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
    /// Where each text section goes (the referential's placement).
    let placement: (TextSection) -> Part?

    public init(
        project: Project, figures: ProjectFigures, regulation: RegulationLibrary, resolvedSections: [TextSection],
        edition: Edition = .workingDraft, placement: @escaping (TextSection) -> Part? = { $0.part }
    ) {
        self.project = project
        self.figures = figures
        self.regulation = regulation
        sections = resolvedSections
        self.edition = edition
        self.placement = placement
    }

    /// `extraChapters` (the completeness chapter) belong to the working draft only.
    public func assemble(extraChapters: [Section] = []) -> Document {
        // Base ids only: `IdentifierAllocator` makes them unique and valid before writing.
        var chapters: [Section] = Part.allCases.map { part in
            var chapter = Section(
                id: part.rawValue, title: part.title, blocks: generatedBlocks(for: part),
                sections: part == .missions ? missionSections() : [])
            for text in sections where placement(text) == part {
                chapter.sections.append(
                    Section(
                        id: "section-" + text.title, title: text.title,
                        blocks: WrittenTextConversion.blocks(text.blocks),
                        sections: text.subsections.map(WrittenTextConversion.section), origin: text.file))
            }
            if chapter.blocks.isEmpty && chapter.sections.isEmpty {
                chapter.blocks = [
                    .note(
                        Note(
                            .toWrite, title: "À compléter",
                            blocks: [.text("Cette partie n’est pas encore rédigée.")]))
                ]
            }
            return chapter
        }
        if let communes = communeAnnex() { chapters.append(communes) }
        if edition == .workingDraft { chapters += extraChapters }
        if edition == .final { chapters = chapters.compactMap { $0.withoutNotesToWrite() } }
        let name = project.identity.name?.value ?? "CPTS (dénomination à préciser)"
        var document = Document(
            title: name, subtitle: "Projet de santé", cover: cover(), chapters: chapters,
            date: project.draftDate.map(FrenchFormat.date), version: project.draftVersion,
            isWorkingDraft: edition == .workingDraft)
        document.pictures = project.pictures
        document.record = record(of: chapters)
        return document
    }

    /// Each written section as the document shows it (title, figures in place of their
    /// placeholders) with the file, part and claims it came from; every other title is
    /// SanteDoc's own.
    func record(of chapters: [Section]) -> SanteDocRecord {
        var written: [RecordedSection] = []
        var generated: [String] = []
        var captions: Set<String> = []
        func collectCaptions(_ section: Section) {
            for case let .table(table) in section.blocks { captions.insert(table.caption) }
            section.sections.forEach(collectCaptions)
        }
        func visit(_ section: Section) {
            if let file = section.origin, let text = project.sections.first(where: { $0.file == file }) {
                collectCaptions(section)
                let figures = PlaceholderResolver.names(in: text).map { name in
                    RecordedSection.Figure(name: name, value: self.figures.all[name]?.formatted ?? "")
                }
                written.append(
                    RecordedSection(
                        file: file, title: section.title, part: text.part?.rawValue, covers: text.covers.map(\.value),
                        figures: figures))
                return
            }
            generated.append(section.title)
            section.sections.forEach(visit)
        }
        chapters.forEach(visit)
        return SanteDocRecord(sections: written, generated: generated, captions: captions.sorted())
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
