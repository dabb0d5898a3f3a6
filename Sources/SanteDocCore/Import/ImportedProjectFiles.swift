import Foundation
import SanteDocAnalysis
import SanteDocModel
import SanteDocReaders

/// The files of the project an import makes: the `init` skeleton of `projet.yaml` with what
/// the document gave filled in (each value with where it was read, as a comment), one
/// section file per planned section, the commune and indicator tables as CSV, the pictures.
struct ImportedProjectFiles {
    let sourceName: String
    let skeleton: String
    let plan: SectionPlanner.Plan
    let data: ImportedData
    let notes: [String: String]
    let captions: Set<String>
    /// Each picture by the path the document's Markdown names it with, and the descriptions
    /// the document gives them, in reading order.
    let pictures: [String: [UInt8]]
    let descriptions: [String]

    static let picturesFolder = "images"
    static let communesHeader = CommuneListReader.columns.joined(separator: ";")

    func make(into report: inout ImportReport) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        var projectData = ProjectDataFile(skeleton: skeleton)
        projectData.fill(data, hasCommuneList: data.communes != nil)
        projectData.introduce(source: sourceName)
        files.append((ProjectReader.dataFile, Array(projectData.text.utf8)))
        report.files.append(.init(name: ProjectReader.dataFile, origin: "valeurs lues : \(data.fields.count)"))

        var pictureNames = PictureNames(pictures: pictures, descriptions: descriptions)
        var names = Set<String>()
        for (index, section) in plan.sections.enumerated() {
            let name = fileName(for: section, index: index, taken: &names)
            var text = SectionText(section: section, notes: notes, captions: captions)
            let body = text.render(pictures: &pictureNames)
            files.append((name, Array(body.utf8)))
            report.toCheck += text.lostFigures.map {
                "\(name) : le chiffre \($0) n’a pas été retrouvé dans le texte, qui garde la valeur imprimée."
            }
            report.files.append(.init(name: name, origin: section.origin))
        }
        for (name, bytes) in pictureNames.files {
            files.append((name, bytes))
            report.files.append(.init(name: name, origin: "image du document"))
        }
        report.toCheck += pictureNames.toDescribe
        report.unread += pictureNames.refused

        let communes = ProjectReader.sources.communesFile
        files.append(
            offer(
                data.communes, as: communes, emptyHeader: Self.communesHeader, kind: "Tableau des communes",
                toCheck: { table in
                    table.toComplete.isEmpty
                        ? nil : "\(communes) : colonnes à remplir (\(table.toComplete.joined(separator: ", ")))."
                }, into: &report))
        let indicators = ProjectReader.sources.indicatorsFile
        files.append(
            offer(
                data.indicators, as: indicators, emptyHeader: IndicatorTableReader.columns.joined(separator: ";"),
                kind: "Tableau d’indicateurs",
                toCheck: { table in
                    table.toComplete.contains("source")
                        ? "\(indicators) : la source de chaque indicateur est à préciser (« à préciser » a été écrit "
                            + "à sa place)." : nil
                }, into: &report))
        return files
    }

    /// A table of the document offered as a CSV file of the project (its header alone when the
    /// document has none), and what the report says of it.
    private func offer(
        _ table: ImportedData.Table?, as file: String, emptyHeader: String, kind: String,
        toCheck: (ImportedData.Table) -> String?, into report: inout ImportReport
    ) -> (String, [UInt8]) {
        guard let table else { return (file, Array((emptyHeader + "\n").utf8)) }
        report.files.append(.init(name: file, origin: table.origin))
        report.guesses.append(
            "\(kind) reconnu à ses en-têtes (\(table.origin)) : \(table.rows.count) lignes dans \(file).")
        if let note = toCheck(table) { report.toCheck.append(note) }
        return (file, Array(csv(table).utf8))
    }

    /// `sections/04-demographie-medicale.md`; a document made by SanteDoc keeps its file
    /// names, when they are plain names in `sections/`.
    func fileName(for section: PlannedSection, index: Int, taken: inout Set<String>) -> String {
        let folder = ProjectReader.sources.sectionsFolder
        if let recorded = section.recorded?.file, recorded.hasPrefix(folder + "/"), recorded.hasSuffix(".md"),
            recorded.dropFirst(folder.count + 1).allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }),
            !recorded.contains(".."), taken.insert(recorded).inserted
        {
            return recorded
        }
        let slug = String(FrenchFormat.slug(section.title).prefix(60))
        var name = String(format: "%@/%02d-%@.md", folder, index + 1, slug.isEmpty ? "section" : slug)
        var suffix = 2
        while !taken.insert(name).inserted {
            name = String(format: "%@/%02d-%@-%d.md", folder, index + 1, slug, suffix)
            suffix += 1
        }
        return name
    }

    func csv(_ table: ImportedData.Table) -> String { CSVText.file([table.columns] + table.rows) }
}

/// The pictures of the imported document, renamed into `images/` as the sections name
/// them, each with a description (the document's, or one to write).
struct PictureNames {
    let pictures: [String: [UInt8]]
    let descriptions: [String]
    var files: [(String, [UInt8])] = []
    var toDescribe: [String] = []
    var refused: [String] = []
    private var named: [String: String] = [:]
    private var order = 0

    init(pictures: [String: [UInt8]], descriptions: [String]) {
        self.pictures = pictures
        self.descriptions = descriptions
    }

    /// The Markdown for the picture the document names `path` with `alternative`, or a note
    /// saying why it could not be kept.
    mutating func markdown(path: String, alternative: String) -> String {
        order += 1
        let given = alternative.trimmingCharacters(in: .whitespaces)
        let described =
            !given.isEmpty ? given : (order <= descriptions.count ? descriptions[order - 1] : "")
        guard let bytes = pictures[path] else {
            refused.append("Image « \(path) » introuvable dans le document converti.")
            return "> \(WrittenBlock.guidanceMarker) : une image du document n’a pas pu être importée."
        }
        let file = (path as NSString).lastPathComponent
        guard let format = PictureReader.format(of: bytes), bytes.count <= Limits.pictureBytes else {
            let why =
                bytes.count > Limits.pictureBytes
                ? "plus de \(Limits.pictureBytes / 1024 / 1024) Mo" : "format non pris en charge"
            refused.append("Image « \(file) » non importée (\(why)) : enregistrez-la en PNG ou JPEG.")
            return "> \(WrittenBlock.guidanceMarker) : image « \(file) » non importée (\(why)) ; enregistrez-la en "
                + "PNG dans \(ImportedProjectFiles.picturesFolder)/ et insérez-la ici."
        }
        let name: String
        if let existing = named[path] {
            name = existing
        } else {
            name =
                "\(ImportedProjectFiles.picturesFolder)/image-\(named.count + 1).\(format == .jpeg ? "jpg" : format.rawValue)"
            named[path] = name
            files.append((name, bytes))
        }
        let text: String
        if described.isEmpty {
            text = "Image \(named.count) importée (description à écrire)"
            toDescribe.append("\(name) : sa description (texte alternatif) est à écrire.")
        } else {
            text = described
        }
        let escaped = text.replacingOccurrences(of: "]", with: "\\]").replacingOccurrences(of: "[", with: "\\[")
        return "![\(escaped)](\(name))"
    }
}
