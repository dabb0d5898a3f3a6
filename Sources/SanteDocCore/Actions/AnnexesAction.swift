import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders

/// `santedoc annexes`: the missions and funding annexes of the ACI contract, regenerated
/// from the same sources as the projet de santé, and kept as a record (`contrat/` in the
/// project, see `ContractRegister`):
/// - `--signer` seals the signed version; from then on `annexes` reproduces the sealed
///   documents and lists, located, what today's sources would change in them;
/// - `--annee N` produces the annexes of contract year N, with the note of what changed since
///   the year before, and records them: a later run reproduces them, and refuses a source
///   change that would alter them unless `--refaire` (which keeps the old version).
public struct AnnexesAction {
    public static let folder = "annexes"
    static let names = ["annexe-missions", "annexe-financiere"]
    static let noteName = "note-de-modifications"
    /// The unsealed signed version's trees, kept beside it in the output folder so that the
    /// next run's note compares trees, not files.
    static let snapshotName = "arbre-des-annexes.json"

    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    public struct Request {
        public var projectPath: String
        public var outputPath: String
        /// A contract year (1…duration) or a calendar year (2025); nil: the signed version.
        public var year: Int?
        public var formats = DocumentFormat.defaults
        /// Seal the signed version (`--signer`), replacing an existing seal (`--remplacer`).
        public var seal = false
        public var replace = false
        /// Produce an already recorded year again (`--refaire`).
        public var redo = false

        public init(projectPath: String, outputPath: String, year: Int? = nil) {
            self.projectPath = projectPath
            self.outputPath = outputPath
            self.year = year
        }
    }

    public struct Outcome {
        /// The contract year written (nil: the signed version).
        public var year: Int?
        /// How a calendar year was read (« 2025 : année 3 du contrat… »).
        public var yearReading: String?
        /// Against the annexes before (nil: none to compare with).
        public var note: ChangeNote?
        /// The files written, relative to the output folder.
        public var files: [String]
        /// The record this run wrote or reproduced (`contrat/annee-2`), if any.
        public var record: String?
        /// True when the documents are the record's own, copied as they were recorded.
        public var reproduced = false
        /// For the sealed signed version: what today's sources would change in it.
        public var differences: [TermDifference] = []
        /// A seal replaced, a year redone: where the previous version went.
        public var replaced: String?
    }

    public enum Result {
        /// Sources or the register are invalid: nothing written (exit status 2).
        case invalid
        /// A record stands in the way (already sealed, a produced year that would change):
        /// nothing written (exit status 1).
        case refused
        case done(Outcome)
    }

    public func perform(_ request: Request) throws -> Result {
        toolkit.prepareDocBookSchema()
        try OutputWriter.prepareRun(writingTo: request.outputPath)
        guard
            let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(
                projectPath: request.projectPath)
        else { return .invalid }
        let project = result.project
        if project.missions.isEmpty {
            diagnostics.warning(
                "annexes.sans-mission", at: project.missionsLocation ?? result.sources.dataStart,
                "Aucune mission décrite : l’annexe des missions est vide.",
                hint: "décrivez les missions engagées dans projet.yaml, clé missions.")
        }
        var year: Int?
        var reading: String?
        if let requested = request.year {
            guard let resolved = result.contractYears.resolve(requested, diagnostics: diagnostics) else {
                return .invalid
            }
            (year, reading) = resolved
        }
        if request.seal, project.contract.signatureDate == nil {
            diagnostics.error(
                "contrat.signature-sans-date",
                at: project.contract.location ?? result.sources.dataStart,
                "Le contrat ne peut pas être scellé : sa date de signature manque.",
                hint: "indiquez contrat.date_signature (la date portée sur le contrat signé), puis relancez "
                    + "santedoc annexes --signer.")
            return .invalid
        }
        warnNotComputable(project)
        guard
            let renderer = try DocumentRenderer.make(
                toolkit: toolkit, project: ProjectFolder(path: request.projectPath),
                formats: request.formats, diagnostics: diagnostics)
        else { return .invalid }
        let register = ContractRegister(project: URL(fileURLWithPath: request.projectPath))
        // Deciding and writing under one lock: two runs never record the same year twice.
        let lock = request.seal || year != nil || register.exists ? try FolderLock(directory: register.root) : nil
        defer { withExtendedLifetime(lock) {} }
        // A record half-written by a killed run is finished (its journal) before it is read.
        if let lock { try OutputWriter(directory: register.root).recover(under: lock) }
        let exempt =
            request.seal && request.replace
            ? ContractRegister.signedFolder : (request.redo ? year.map(ContractRegister.yearFolder) : nil)
        // The folders this run reads: the one it reproduces or compares with, and the baseline of its note.
        let needed: Set<String> =
            request.seal
            ? [ContractRegister.signedFolder]
            : year.map {
                [
                    ContractRegister.yearFolder($0),
                    $0 == 1 ? ContractRegister.signedFolder : ContractRegister.yearFolder($0 - 1),
                ]
            }
                ?? [ContractRegister.signedFolder]
        let index = register.verify(diagnostics: diagnostics, needed: needed, exempt: exempt)
        guard !diagnostics.hasErrors else { return .invalid }
        let run = Run(
            action: self, request: request, result: result, renderer: renderer, register: register, index: index,
            lock: lock)
        if request.seal { return try run.seal() }
        if let year { return try run.produce(year, reading: reading) }
        return try run.signedVersion()
    }

    /// Free-text targets and tiers are accepted, and said once to be beyond computation.
    func warnNotComputable(_ project: Project) {
        for mission in project.missions {
            for indicator in mission.indicators {
                let targets = [indicator.target.signed].compactMap { $0 } + indicator.target.byYear.values
                let tiers = ([indicator.pay.signed].compactMap { $0 } + indicator.pay.byYear.values).flatMap {
                    located -> [Located<Condition>] in
                    guard case let .steps(steps) = located.value else { return [] }
                    return steps.map { Located($0.condition, at: located.location) }
                }
                for condition in targets + tiers where !condition.value.isComputable {
                    diagnostics.warning(
                        "indicateurs.condition-non-calculable", at: condition.location,
                        "La condition « \(condition.value.text) » de « \(indicator.label) » ne peut pas être évaluée : "
                            + "au bilan annuel, son montant restera à arbitrer.",
                        hint: "écrivez une comparaison (« ≤ 100 patients », « au moins 35 % »), un intervalle "
                            + "(« 51 à 100 patients ») ou « oui ».")
                }
            }
        }
    }

    func annexes(_ result: ProjectPipeline.Result, year: Int?) -> [Document] {
        let assembler = AnnexAssembler(
            project: result.project, figures: result.figures, regulation: result.regulation, year: year)
        return [assembler.missionsAnnex(), assembler.fundingAnnex()]
    }

    /// Sorted keys: the same trees give the same bytes.
    static func encoder() -> JSONEncoder { ContractRegister.encoder() }
}
