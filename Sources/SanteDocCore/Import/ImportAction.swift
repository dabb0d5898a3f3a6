import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// `santedoc importer FICHIER DOSSIER`: a projet already written in Word, LibreOffice or
/// Markdown becomes a new project folder that `check` reads at once — its chapters as
/// sections with the requirements they seem to cover, what it gives reliably in
/// `projet.yaml` and the CSV files, its pictures — with a report of what was guessed, what
/// needs a human and what could not be read (`import.html` in the folder). The document is
/// only read; the folder is written whole, or not at all.
public struct ImportAction {
    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public static let reportName = "import"
    public static let formats = ["docx", "odt", "md", "markdown"]

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    /// The report, or nil after saying why nothing was written.
    public func perform(source: String, target: String, referential path: String?) -> ImportReport? {
        let sourceURL = URL(fileURLWithPath: source)
        let targetURL = URL(fileURLWithPath: target)
        guard let bytes = readSource(sourceURL), checkTarget(targetURL, named: target),
            let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(path),
            let vocabulary = ImportVocabularyReader.load(templates: toolkit.templates, diagnostics: diagnostics)
        else { return nil }
        let regulation = RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        let initializer = InitAction(toolkit: toolkit, diagnostics: diagnostics)
        guard let skeleton = initializer.dataSkeleton(regulation),
            let schema = initializer.modelFile("projet.schema.json"),
            let converted = convert(bytes, from: sourceURL)
        else { return nil }
        guard
            var document = ImportedDocumentReader(file: sourceURL.lastPathComponent, diagnostics: diagnostics)
                .read(converted.markdown)
        else { return nil }
        document.unread = converted.inspection.unread
        document.record = converted.inspection.record

        var report = ImportReport(source: sourceURL.lastPathComponent, project: target)
        let plan = SectionPlanner(referential: referential).plan(document)
        report.sections = plan.sections
        report.data = ImportedDataReader(vocabulary: vocabulary).read(document)
        report.computed = plan.computed
        report.unread = document.unread
        describe(plan, into: &report)
        var files = ImportedProjectFiles(
            sourceName: sourceURL.lastPathComponent, skeleton: skeleton, plan: plan, data: report.data,
            notes: document.notes, captions: Set(document.record?.captions ?? []), pictures: converted.pictures,
            descriptions: converted.inspection.pictureDescriptions
        ).make(into: &report)
        files.append(("projet.schema.json", Array(schema)))

        // Written beside the target, checked there, then renamed: the folder appears whole.
        let folder = StagedFolder(for: targetURL, purpose: "import")
        do {
            try folder.write(files)
            check(folder.staging.path, referential: referential, regulation: regulation, into: &report)
            let kept = Self.keepingPrintedValues(&files, report.problems, sections: plan.sections)
            if !kept.isEmpty {
                report.toCheck += kept
                try folder.write(files)
                check(folder.staging.path, referential: referential, regulation: regulation, into: &report)
            }
            if let page = try reportPage(report, folder: folder.staging) {
                try folder.write([page])
            }
            try folder.install(replacingEmpty: true)
        } catch {
            folder.discard()
            diagnostics.error(
                "import.ecriture", at: nil, "Impossible de créer « \(target) » : \(SystemErrorText.french(error)).",
                hint: "choisissez un dossier dont le parent existe et où vous pouvez écrire.")
            return nil
        }
        return report
    }

    // MARK: Steps

    private func readSource(_ url: URL) -> [UInt8]? {
        let name = url.lastPathComponent
        guard Self.formats.contains(url.pathExtension.lowercased()) else {
            diagnostics.error(
                "import.format", at: SourceLocation(file: name),
                "« \(name) » n’est pas un document que SanteDoc sait importer.",
                hint: "importez un fichier .docx (Word), .odt (LibreOffice) ou .md (Markdown) ; depuis Word, "
                    + "« Enregistrer sous » le format .docx.")
            return nil
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        else {
            diagnostics.error(
                "import.introuvable", at: nil, "Le document « \(url.path) » est introuvable.",
                hint: "vérifiez son nom et son dossier (santedoc importer FICHIER DOSSIER).")
            return nil
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Limits.importedDocumentBytes else {
            diagnostics.error(
                "limite.document-importe", at: SourceLocation(file: name),
                "« \(name) » pèse plus de \(Limits.importedDocumentBytes / 1024 / 1024) Mo : ce n’est pas un projet "
                    + "de santé que SanteDoc peut importer en une fois.",
                hint: "allégez ses images (une largeur de 2 000 pixels suffit) ou importez-le en plusieurs parties.")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(
                "import.introuvable", at: nil, "Le document « \(url.path) » ne peut pas être lu.",
                hint: "vérifiez que vous avez le droit de le lire.")
            return nil
        }
        return Array(data)
    }

    /// A new folder, or an empty one: an import never writes over a project.
    private func checkTarget(_ url: URL, named name: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return true }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? ["?"]
        guard isFolder.boolValue, contents.isEmpty else {
            diagnostics.error(
                "import.existe", at: nil,
                "« \(name) » existe déjà et n’est pas un dossier vide : SanteDoc n’importe que dans un nouveau dossier.",
                hint: "choisissez un nouveau nom de dossier.")
            return false
        }
        return true
    }

    struct Converted {
        var markdown: String
        var pictures: [String: [UInt8]]
        var inspection: OfficeDocumentInspection
    }

    private func convert(_ bytes: [UInt8], from url: URL) -> Converted? {
        let name = url.lastPathComponent
        guard let kind = OfficeDocumentConverter.Kind(rawValue: url.pathExtension.lowercased()) else {
            guard let text = TextDecoding.decode(bytes, file: name, diagnostics: diagnostics) else { return nil }
            return Converted(
                markdown: text, pictures: MarkdownPictures.read(text, beside: url),
                inspection: OfficeDocumentInspection())
        }
        guard let pandoc = ExternalProgram.pandoc.locate() else {
            diagnostics.emit(ExternalProgram.pandoc.missingDiagnostic())
            return nil
        }
        func unreadable(_ why: String) -> Converted? {
            diagnostics.error(
                "import.illisible", at: SourceLocation(file: name),
                "« \(name) » ne se lit pas comme un document \(kind == .docx ? "Word (.docx)" : "OpenDocument (.odt)") : "
                    + why,
                hint: "ouvrez-le dans votre traitement de texte, enregistrez-le de nouveau au format "
                    + "\(kind.rawValue), puis importez cette copie.")
            return nil
        }
        guard let inspection = try? OfficeDocumentInspection.inspect(bytes, kind: kind) else {
            return unreadable("ce n’est pas une archive \(kind.rawValue.uppercased()) lisible.")
        }
        do {
            let converter = OfficeDocumentConverter(
                executable: pandoc, filter: toolkit.templates.appendingPathComponent("import/normaliser.lua"))
            let (markdown, pictures) = try converter.convert(bytes, kind: kind)
            return Converted(markdown: markdown, pictures: pictures, inspection: inspection)
        } catch let error as UserFacingError {
            return unreadable("\(error.description).")
        } catch {
            return unreadable("\(SystemErrorText.french(error)).")
        }
    }

    /// The guesses and the points to check that the plan holds.
    private func describe(_ plan: SectionPlanner.Plan, into report: inout ImportReport) {
        for section in plan.sections where section.recorded == nil {
            if section.partConfidence != .high {
                report.guesses.append(
                    "« \(section.title) » placée dans « \(section.part.title) » (confiance "
                        + "\(section.partConfidence.rawValue) : \(section.partReason)).")
            }
            for claim in section.claims where claim.confidence != .high {
                report.guesses.append(
                    "« \(section.title) » couvrirait « \(claim.requirement) » (confiance "
                        + "\(claim.confidence.rawValue) : \(claim.reason)).")
            }
        }
        for title in plan.empty { report.toCheck.append("Chapitre « \(title) » vide : aucune section créée.") }
        for conflict in report.data.conflicts { report.toCheck.append("Deux valeurs pour \(conflict).") }
        for value in report.data.unreadable {
            report.toCheck.append(value.prefix(1).uppercased() + value.dropFirst() + ".")
        }
        report.crossCheckCommunes()
        if report.data.members.isEmpty {
            report.toCheck.append("Membres par profession non trouvés : à saisir dans projet.yaml (professionnels).")
        }
        if report.data.communes == nil {
            report.toCheck.append("Tableau des communes non trouvé : à saisir dans communes.csv.")
        }
    }

    /// A figure a document made by SanteDoc printed, which the new project cannot compute
    /// yet (its missions are not imported): the printed value goes back in place of its
    /// `{{name}}`, found where the check points, and is said.
    static func keepingPrintedValues(
        _ files: inout [(name: String, bytes: [UInt8])], _ problems: [Diagnostic], sections: [PlannedSection]
    ) -> [String] {
        var kept: [String] = []
        let values = Dictionary(
            sections.flatMap { $0.recorded?.figures ?? [] }.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }
        )
        for problem in problems where problem.id == "chiffre.inconnu" {
            guard let location = problem.location, let index = files.firstIndex(where: { $0.name == location.file })
            else { continue }
            var lines = String(decoding: files[index].bytes, as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard location.line >= 1, location.line <= lines.count else { continue }
            let line = lines[location.line - 1]
            let start = line.index(line.startIndex, offsetBy: min(location.column - 1, line.count))
            guard let close = line.range(of: "}}", range: start..<line.endIndex), line[start...].hasPrefix("{{") else {
                continue
            }
            let name = line[line.index(start, offsetBy: 2)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let value = values[name] else { continue }
            lines[location.line - 1] = line.replacingCharacters(in: start..<close.upperBound, with: value)
            files[index].bytes = Array(lines.joined(separator: "\n").utf8)
            kept.append(
                "\(location.file) : {{\(name)}} ne se calcule pas encore dans ce projet (ses missions ou son contrat "
                    + "restent à saisir) ; la valeur imprimée « \(value) » est gardée : remettez {{\(name)}} ensuite.")
        }
        return kept
    }

    /// The new project read and checked as `check` would, before it is renamed into place.
    private func check(
        _ folder: String, referential: Referential, regulation: RegulationLibrary, into report: inout ImportReport
    ) {
        let engine = DiagnosticEngine()
        let result = ProjectPipeline(toolkit: toolkit, diagnostics: engine, regulation: regulation)
            .run(projectPath: folder)
        report.completeness = result.map { $0.completeness(against: referential, diagnostics: engine) }
        report.problems = engine.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
    }

    private func reportPage(_ report: ImportReport, folder: URL) throws -> (name: String, bytes: [UInt8])? {
        let quiet = DiagnosticEngine()
        guard
            let renderer = try DocumentRenderer.make(
                toolkit: toolkit, project: ProjectFolder(path: folder.path), formats: [.html], diagnostics: quiet)
        else { return nil }
        return try renderer.render([(Self.reportName, ImportReportAssembler(report: report).document())]).first {
            $0.name.hasSuffix(".html")
        }
    }
}
