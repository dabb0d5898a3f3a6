import Foundation
import FoundationEssentials
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders

/// `santedoc bilan --annee N`: the annual review of contract year N (dialogue de gestion) —
/// per indicator the target or tier reached and what it earns, per mission the variable part
/// earned out of its maximum, and what the CPAM owes for the year — computed from the results
/// recorded in the sources, as a document (`bilans/bilan-annee-N`) and a summary. When the
/// year's annexes are recorded (`contrat/annee-N`), the review is refused if the sources no
/// longer state the same targets and amounts.
public struct BilanAction {
    public static let folder = "bilans"

    let toolkit: Toolkit
    let diagnostics: DiagnosticEngine

    public init(toolkit: Toolkit, diagnostics: DiagnosticEngine) {
        self.toolkit = toolkit
        self.diagnostics = diagnostics
    }

    public struct Outcome {
        public var review: AnnualReview
        public var yearReading: String?
        public var files: [String]
        /// The recorded year the review was checked against, if any.
        public var record: String?
        public var cpts: String
    }

    public enum Result {
        case invalid
        case refused
        case done(Outcome)
    }

    public func perform(
        projectPath: String, outputPath: String, year requested: Int,
        formats: [DocumentFormat] = DocumentFormat.defaults
    ) throws -> Result {
        toolkit.prepareDocBookSchema()
        try OutputWriter.prepareRun(writingTo: outputPath)
        guard let result = ProjectPipeline(toolkit: toolkit, diagnostics: diagnostics).run(projectPath: projectPath),
            let (year, reading) = result.contractYears.resolve(requested, diagnostics: diagnostics)
        else { return .invalid }
        let project = result.project
        guard let review = ReviewCalculator.review(year: year, project: project, figures: result.figures) else {
            diagnostics.error(
                "bilan.incalculable", at: project.contract.location ?? result.sources.dataStart,
                "Le bilan de l’année \(year) ne peut pas être calculé : il faut la date de signature, la version de "
                    + "l’ACI et la population du territoire.",
                hint: "complétez contrat.date_signature, contrat.version_aci et la population (communes.csv ou "
                    + "territoire.population).")
            return .invalid
        }
        let register = ContractRegister(project: URL(fileURLWithPath: projectPath))
        var record: String?
        if register.exists {
            let lock = try FolderLock(directory: register.root)
            defer { withExtendedLifetime(lock) {} }
            try OutputWriter(directory: register.root).recover(under: lock)
            let folder = ContractRegister.yearFolder(year)
            let index = register.verify(diagnostics: diagnostics, needed: [folder])
            guard !diagnostics.hasErrors else { return .invalid }
            if index.entry(folder) != nil {
                guard let recorded = register.record(folder, diagnostics: diagnostics) else { return .invalid }
                let assembler = AnnexAssembler(
                    project: project, figures: result.figures, regulation: result.regulation, year: year)
                let trees = [assembler.missionsAnnex(), assembler.fundingAnnex()]
                let terms = ContractTerms.of(project, figures: result.figures, year: year)
                if recorded.trees != trees {
                    let lines = ContractRegister.differences(recorded, trees: trees, terms: terms)
                    ContractRegister.reportChanged(year, lines, diagnostics: diagnostics)
                    diagnostics.error(
                        "bilan.annee-modifiee", at: SourceLocation(file: ContractRegister.path(folder)),
                        "Le bilan de l’année \(year) se calcule sur les cibles et montants enregistrés dans « "
                            + ContractRegister.path(folder)
                            + " », que les sources ne reprennent plus : rien n’est écrit.",
                        hint:
                            "revenez aux valeurs de l’année \(year) dans les sources (ou saisissez les nouvelles pour "
                            + "une année suivante) ; si l’année \(year) doit changer : santedoc annexes --annee \(year) "
                            + "--refaire, puis le bilan.")
                    return .refused
                }
                record = ContractRegister.path(folder)
            }
        }
        report(review, projectPath: projectPath)
        guard
            let renderer = try DocumentRenderer.make(
                toolkit: toolkit, project: ProjectFolder(path: projectPath), formats: formats,
                diagnostics: diagnostics)
        else { return .invalid }
        let document = ReviewAssembler(
            review: review, project: project, figures: result.figures, regulation: result.regulation
        ).document()
        let files = try renderer.render([("\(Self.folder)/bilan-annee-\(year)", document)])
        try OutputWriter(directory: URL(fileURLWithPath: outputPath)).write(files)
        return .done(
            Outcome(
                review: review, yearReading: reading, files: files.map(\.name), record: record,
                cpts: project.identity.name?.value ?? "CPTS"))
    }

    /// What the review lacks, where to enter it.
    private func report(_ review: AnnualReview, projectPath: String) {
        let year = review.year
        for mission in review.missions {
            for indicator in mission.indicators {
                let amount =
                    indicator.maximum.map {
                        " : son montant (\(FigureValue.euros($0).formatted) au plus) reste en attente"
                    } ?? ""
                switch indicator.outcome {
                case .notEntered:
                    diagnostics.warning(
                        "bilan.resultat-non-saisi", at: indicator.indicator.location,
                        "Résultat de l’année \(year) non saisi pour « \(indicator.indicator.label) »\(amount).",
                        hint:
                            "ajoutez à l’indicateur « resultats: {\(year): {valeur: …, date: AAAA-MM-JJ, source: …}} »."
                    )
                case let .notComputable(reason):
                    diagnostics.warning(
                        "bilan.non-calculable", at: indicator.result?.location ?? indicator.indicator.location,
                        "« \(indicator.indicator.label) », année \(year) : \(reason)\(amount).",
                        hint: "écrivez la cible ou les paliers comme une comparaison (« ≤ 100 patients », « au moins "
                            + "35 % ») ou un intervalle (« 51 à 100 patients »), et le résultat comme un nombre, ou "
                            + "« oui » / « non ».")
                default: break
                }
                if let evidence = indicator.result?.evidence, let result = indicator.result,
                    Self.namesAFile(evidence), !Self.fileExists(evidence, in: projectPath)
                {
                    diagnostics.warning(
                        "bilan.justificatif-absent", at: result.location,
                        "Le justificatif « \(evidence) » de « \(indicator.indicator.label) » n’est pas dans le dossier du "
                            + "projet.",
                        hint:
                            "placez le fichier dans le projet (par exemple justificatifs/annee-\(year)/) à ce chemin, "
                            + "ou décrivez le justificatif en toutes lettres.")
                }
            }
        }
    }

    /// A proof written as a path (`justificatifs/annee-1/ald.pdf`) rather than described.
    static func namesAFile(_ text: String) -> Bool {
        !text.contains(" ")
            && (text.contains("/") || text.range(of: #"\.[A-Za-z0-9]{2,5}$"#, options: .regularExpression) != nil)
    }

    /// Whether the project holds that file — only looked at, never read, never outside.
    static func fileExists(_ relative: String, in projectPath: String) -> Bool {
        let root = URL(fileURLWithPath: projectPath).standardizedFileURL.resolvingSymlinksInPath()
        let target = root.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        guard !relative.hasPrefix("/"), target.path.hasPrefix(root.path + "/") else { return false }
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: target.path, isDirectory: &directory) && !directory.boolValue
    }
}
