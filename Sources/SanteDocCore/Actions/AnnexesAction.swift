import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// `santedoc annexes`: the missions and funding annexes of the ACI contract, regenerated
/// from the same sources as the projet de santé. With a contract year, they go to their
/// own folder (`annexes/annee-N/`), never touching other years, with the note of what
/// changed since the year before.
public struct AnnexesAction {
    public static let folder = "annexes"
    static let names = ["annexe-missions", "annexe-financiere"]
    static let noteName = "note-de-modifications"
    /// The annexes' trees, kept beside them so that next year's note compares trees, not files.
    static let snapshotName = "arbre-des-annexes.json"

    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    public struct Outcome {
        /// The contract year written (nil: the signed version).
        public var year: Int?
        /// How a calendar year was read (« 2025 : année 3 du contrat… »).
        public var yearReading: String?
        /// Against the annexes previously written (nil: none to compare with).
        public var note: ChangeNote?
        /// The files written, relative to the output folder.
        public var files: [String]
    }

    /// `year`: a contract year (1…duration) or a calendar year (2025).
    public func perform(
        projectPath: String, outputPath: String, year requested: Int?,
        formats: [DocumentFormat] = DocumentFormat.defaults
    ) throws -> Outcome? {
        toolkit.prepareDocBookSchema()
        guard let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(projectPath: projectPath)
        else {
            return nil
        }
        let project = result.project
        if project.missions.isEmpty {
            diagnostics.warning(
                "annexes.sans-mission", at: project.missionsLocation ?? result.sources.dataStart,
                "Aucune mission décrite : l’annexe des missions est vide.",
                hint: "décrivez les missions engagées dans projet.yaml, clé missions.")
        }
        var year: Int?
        var reading: String?
        if let requested {
            guard let resolved = resolve(requested, result) else { return nil }
            (year, reading) = resolved
        }
        guard
            let renderer = try DocumentRenderer.make(
                toolkit: toolkit, project: ProjectFolder(path: projectPath),
                formats: formats, diagnostics: diagnostics)
        else { return nil }
        let current = annexes(result, year: year)
        let output = URL(fileURLWithPath: outputPath)
        let folder = year.map { "\(Self.folder)/annee-\($0)" } ?? Self.folder
        var documents = Array(zip(Self.names.map { "\(folder)/\($0)" }, current))
        let note = changeNote(result, year: year, current: current, output: output)
        if let note, let year {
            let period = calendar(result).map { calendar -> String in
                let p = calendar.period(year)
                return "du \(FrenchFormat.date(p.start)) au \(FrenchFormat.date(p.end))"
            }
            documents.append(
                (
                    "\(folder)/\(Self.noteName)",
                    note.document(cpts: project.identity.name?.value ?? "CPTS", period: period)
                ))
        }
        let snapshot = try Self.encoder().encode(current)
        let files = try renderer.render(documents) + [("\(folder)/\(Self.snapshotName)", Array(snapshot))]
        try OutputWriter(directory: output).write(files)
        return Outcome(year: year, yearReading: reading, note: note, files: files.map(\.name))
    }

    func annexes(_ result: ProjectPipeline.Result, year: Int?) -> [Document] {
        let assembler = AnnexAssembler(
            project: result.project, figures: result.figures, regulation: result.regulation, year: year)
        return [assembler.missionsAnnex(), assembler.fundingAnnex()]
    }

    func calendar(_ result: ProjectPipeline.Result) -> ContractCalendar? {
        result.project.contract.signatureDate.map { ContractCalendar(signature: $0.value, years: duration(result)) }
    }

    func duration(_ result: ProjectPipeline.Result) -> Int {
        result.figures.funding?.table.contractYears ?? result.regulation.defaultTable()?.contractYears ?? 5
    }

    /// A contract year within the contract's duration, or a calendar year mapped to the
    /// contract year that starts in it.
    func resolve(_ requested: Int, _ result: ProjectPipeline.Result) -> (Int, String?)? {
        let years = duration(result)
        let location = result.project.contract.signatureDate?.location ?? result.project.contract.location
        guard requested >= 1000 else {
            guard (1...years).contains(requested) else {
                diagnostics.error(
                    "annexes.annee-hors-contrat", at: location,
                    "L’année \(requested) n’existe pas : le contrat dure \(years) ans (années 1 à \(years)).",
                    hint: "indiquez une année de 1 à \(years), ou l’année civile (par exemple 2025).")
                return nil
            }
            return (requested, nil)
        }
        guard let calendar = calendar(result) else {
            diagnostics.error(
                "annexes.annee-hors-contrat", at: location ?? result.sources.dataStart,
                "L’année civile \(requested) ne peut pas être rapportée au contrat : sa date de signature manque.",
                hint: "indiquez contrat.date_signature dans projet.yaml, ou l’année du contrat (1 à \(years)).")
            return nil
        }
        guard let year = calendar.year(startingIn: requested) else {
            let first = calendar.signature.year
            let last = calendar.anniversary(years).year
            diagnostics.error(
                "annexes.annee-hors-contrat", at: location,
                "L’année \(requested) est hors du contrat : ses années commencent de \(first) à \(last).",
                hint: "indiquez une année civile de \(first) à \(last), ou l’année du contrat (1 à \(years)).")
            return nil
        }
        let period = calendar.period(year)
        return (
            year,
            "L’année \(requested) est l’année \(year) du contrat (du \(FrenchFormat.date(period.start)) "
                + "au \(FrenchFormat.date(period.end)))."
        )
    }

    /// The change note against the archived annexes of the year before (the signed version
    /// for year 1); if none were archived, against those recomputed from today's sources.
    func changeNote(_ result: ProjectPipeline.Result, year: Int?, current: [Document], output: URL) -> ChangeNote? {
        let previousFolder: String
        let baseline: String
        switch year {
        case nil: (previousFolder, baseline) = (Self.folder, "les annexes précédentes")
        case 1?: (previousFolder, baseline) = (Self.folder, "la version signée")
        case let year?: (previousFolder, baseline) = ("\(Self.folder)/annee-\(year - 1)", "l’année \(year - 1)")
        }
        let stored = output.appendingPathComponent(previousFolder).appendingPathComponent(Self.snapshotName)
        if let data = FileManager.default.contents(atPath: stored.path),
            let previous = try? JSONDecoder().decode([Document].self, from: data), previous.count == current.count
        {
            return ChangeNote.compare(
                year: year ?? 0, baseline: baseline, recomputed: false, previous: previous, current: current)
        }
        guard let year else { return nil }
        return ChangeNote.compare(
            year: year, baseline: baseline, recomputed: true,
            previous: annexes(result, year: year == 1 ? nil : year - 1), current: current)
    }

    /// Sorted keys: the same trees give the same bytes.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}
