import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel

extension AnnexesAction {
    /// One run of `annexes`, once the sources are read and the register checked.
    struct Run {
        let action: AnnexesAction
        let request: Request
        let result: ProjectPipeline.Result
        let renderer: DocumentRenderer
        let register: ContractRegister
        let index: ContractRegister.Index
        let lock: FolderLock?

        var diagnostics: DiagnosticEngine { action.diagnostics }
        var output: URL { URL(fileURLWithPath: request.outputPath) }
        var cpts: String { result.project.identity.name?.value ?? "CPTS" }
        var signedFolder: String { ContractRegister.signedFolder }

        // MARK: The signed version

        /// `--signer`: records the signed version, once (or again with `--remplacer`).
        func seal() throws -> Result {
            if index.entry(signedFolder) != nil, !request.replace {
                diagnostics.error(
                    "contrat.deja-scelle", at: SourceLocation(file: ContractRegister.path(signedFolder)),
                    "Le contrat signé est déjà scellé (« \(ContractRegister.path(signedFolder)) ») : SanteDoc ne "
                        + "remplace pas ce qui a été signé.",
                    hint: "si le contrat a été signé à nouveau (avenant, erreur à la signature), scellez avec "
                        + "--signer --remplacer : l’ancien scellement est gardé dans « "
                        + ContractRegister.path(ContractRegister.replacedFolder) + " ».")
                return .refused
            }
            let trees = action.annexes(result, year: nil)
            let documents = try renderer.render(Array(zip(AnnexesAction.names, trees)))
            let terms = ContractTerms.of(result.project, figures: result.figures, year: nil)
            let date = result.project.contract.signatureDate.map { FrenchFormat.date($0.value) } ?? ""
            let replaced = try record(
                documents, trees: trees, terms: terms, note: nil, at: signedFolder, as: "contrat signé le \(date)")
            let files = try writeOutputs(documents, in: AnnexesAction.folder)
            return .done(
                Outcome(
                    year: nil, yearReading: nil, note: nil, files: files,
                    record: ContractRegister.path(signedFolder), replaced: replaced))
        }

        /// Without `--annee`: the sealed documents as they were sealed, with what today's
        /// sources would change in them; before any seal, the annexes of today's sources.
        func signedVersion() throws -> Result {
            guard index.entry(signedFolder) != nil else { return try unsealed() }
            guard let sealed = register.record(signedFolder, diagnostics: diagnostics) else { return .invalid }
            let terms = ContractTerms.of(result.project, figures: result.figures, year: nil)
            let differences = ContractTerms.differences(recorded: sealed.terms, current: terms)
            for difference in differences {
                diagnostics.warning(
                    "contrat.ecart-signature",
                    at: difference.location
                        ?? SourceLocation(file: ContractRegister.path(signedFolder, ContractRegister.termsName)),
                    "Différent du contrat signé : \(difference.sentence).",
                    hint: "le contrat signé reste tel que scellé ; si la modification vaut pour une année du contrat, "
                        + "saisissez-la pour cette année (cibles_par_annee, montants_par_annee, parts_par_annee).")
            }
            let files = try writeOutputs(
                try reproduced(sealed, names: AnnexesAction.names, note: nil), in: AnnexesAction.folder)
            return .done(
                Outcome(
                    year: nil, yearReading: nil, note: nil, files: files, record: ContractRegister.path(signedFolder),
                    reproduced: true, differences: differences))
        }

        /// Before the seal: today's annexes, compared with the previous run's.
        private func unsealed() throws -> Result {
            let trees = action.annexes(result, year: nil)
            var note: ChangeNote?
            let stored = output.appendingPathComponent(AnnexesAction.folder)
                .appendingPathComponent(AnnexesAction.snapshotName)
            if let data = FileManager.default.contents(atPath: stored.path),
                let previous = try? JSONDecoder().decode([Document].self, from: data), previous.count == trees.count
            {
                note = ChangeNote.compare(
                    year: 0, baseline: "les annexes précédentes", recomputed: false, previous: previous, current: trees)
            }
            let documents = try renderer.render(Array(zip(AnnexesAction.names, trees)))
            let snapshot = (AnnexesAction.snapshotName, Array(try ContractRegister.encoder().encode(trees)))
            let files = try writeOutputs(documents + [snapshot], in: AnnexesAction.folder)
            return .done(Outcome(year: nil, yearReading: nil, note: note, files: files, record: nil))
        }

        // MARK: A contract year

        func produce(_ year: Int, reading: String?) throws -> Result {
            let folder = ContractRegister.yearFolder(year)
            let trees = action.annexes(result, year: year)
            let terms = ContractTerms.of(result.project, figures: result.figures, year: year)
            let outputFolder = "\(AnnexesAction.folder)/\(folder)"
            var replaced: String?
            if index.entry(folder) != nil {
                // Redone, the record may be damaged (that may be why): read it without a word.
                let recorded = register.record(folder, diagnostics: request.redo ? DiagnosticEngine() : diagnostics)
                if recorded == nil && !request.redo { return .invalid }
                if let recorded, recorded.trees == trees {
                    // Unchanged: the record's own documents, whatever SanteDoc version reads them.
                    let files = try writeOutputs(
                        try reproduced(
                            recorded, names: AnnexesAction.names + [AnnexesAction.noteName], note: recorded.note,
                            year: year),
                        in: outputFolder)
                    return .done(
                        Outcome(
                            year: year, yearReading: reading, note: recorded.note, files: files,
                            record: ContractRegister.path(folder), reproduced: true))
                }
                if let recorded, !request.redo {
                    refuse(year, recorded: recorded, trees: trees, terms: terms)
                    return .refused
                }
                replaced = folder
            }
            let note = changeNote(year, current: trees)
            let period = result.contractYears.period(year)
            let documents = try renderer.render(
                Array(zip(AnnexesAction.names, trees)) + [
                    (AnnexesAction.noteName, note.document(cpts: cpts, period: period))
                ])
            let moved = try record(documents, trees: trees, terms: terms, note: note, at: folder, as: "année \(year)")
            warnRetroactive(before: year)
            let files = try writeOutputs(documents, in: outputFolder)
            return .done(
                Outcome(
                    year: year, yearReading: reading, note: note, files: files, record: ContractRegister.path(folder),
                    replaced: replaced == nil ? nil : moved))
        }

        /// A produced year that today's sources would alter: each difference where it is
        /// written, then what to do.
        private func refuse(_ year: Int, recorded: ContractRegister.Record, trees: [Document], terms: [ContractTerm]) {
            let lines = ContractRegister.differences(recorded, trees: trees, terms: terms)
            ContractRegister.reportChanged(year, lines, diagnostics: diagnostics)
            let folder = ContractRegister.yearFolder(year)
            diagnostics.error(
                "contrat.annee-deja-produite", at: SourceLocation(file: ContractRegister.path(folder)),
                "Les annexes de l’année \(year) sont déjà produites (« \(ContractRegister.path(folder)) ») et les sources "
                    + "les changeraient sur " + FrenchFormat.count(lines.count, "point", "points")
                    + " : rien n’est écrit.",
                hint: "si ces changements valent à partir d’une année suivante, saisissez-les pour cette année-là "
                    + "(cibles_par_annee, montants_par_annee, parts_par_annee) ; pour refaire l’année \(year) en gardant "
                    + "l’ancienne version : santedoc annexes --annee \(year) --refaire.")
        }

        /// Recorded years before `year`, and the seal, that today's sources would change: the
        /// change was probably meant for this year only.
        private func warnRetroactive(before year: Int) {
            let earlier = [(signedFolder, nil as Int?)] + (1..<year).map { (ContractRegister.yearFolder($0), $0) }
            for (folder, past) in earlier where index.entry(folder) != nil {
                guard let recorded = register.record(folder, diagnostics: diagnostics) else { continue }
                let terms = ContractTerms.of(result.project, figures: result.figures, year: past)
                let what = past.map { "l’année \($0), déjà produite" } ?? "le contrat signé"
                for difference in ContractTerms.differences(recorded: recorded.terms, current: terms) {
                    diagnostics.warning(
                        "contrat.modification-retroactive", at: difference.location,
                        "Cette modification change aussi \(what) (« \(ContractRegister.path(folder)) »), qui reste "
                            + "tel qu’il a été enregistré : \(difference.sentence).",
                        hint: "pour qu’elle ne vaille qu’à partir de l’année \(year), saisissez-la pour cette année "
                            + "(cibles_par_annee, montants_par_annee, parts_par_annee : {\(year): …}).")
                }
            }
        }

        /// Against the recorded annexes of the year before (the sealed version for year 1);
        /// if none were recorded, against those recomputed from today's sources.
        private func changeNote(_ year: Int, current: [Document]) -> ChangeNote {
            let previous = year == 1 ? signedFolder : ContractRegister.yearFolder(year - 1)
            let baseline = year == 1 ? "la version signée" : "l’année \(year - 1)"
            if index.entry(previous) != nil, let recorded = register.record(previous, diagnostics: diagnostics),
                recorded.trees.count == current.count
            {
                return ChangeNote.compare(
                    year: year, baseline: baseline, recomputed: false, previous: recorded.trees, current: current)
            }
            return ChangeNote.compare(
                year: year, baseline: baseline, recomputed: true,
                previous: action.annexes(result, year: year == 1 ? nil : year - 1), current: current)
        }

        // MARK: Files

        /// Writes a record (moving the one it replaces); returns where the old one went.
        private func record(
            _ documents: [(name: String, bytes: [UInt8])], trees: [Document], terms: [ContractTerm], note: ChangeNote?,
            at folder: String, as contenu: String
        ) throws -> String? {
            let encoder = ContractRegister.encoder()
            var files = documents
            files.append((ContractRegister.treesName, Array(try encoder.encode(trees))))
            files.append((ContractRegister.termsName, Array(try encoder.encode(terms))))
            if let note { files.append((ContractRegister.noteName, Array(try encoder.encode(note)))) }
            let change = try register.changes(recording: files, at: folder, as: contenu, index: index)
            try OutputWriter(directory: register.root).write(change.files, removing: change.removing, under: lock)
            let moved = change.index.dossiers.map(\.dossier).filter {
                $0.hasPrefix("\(ContractRegister.replacedFolder)/\(folder)-version-") && index.entry($0) == nil
            }
            return moved.first.map { ContractRegister.path($0) }
        }

        /// The documents of a record as recorded; a format asked for and not recorded is
        /// made from the recorded trees (it is not added to the record).
        private func reproduced(
            _ record: ContractRegister.Record, names: [String], note: ChangeNote?, year: Int? = nil
        ) throws -> [(name: String, bytes: [UInt8])] {
            var documents: [(name: String, document: Document)] = Array(zip(names, record.trees))
            if let note, let year {
                documents.append(
                    (AnnexesAction.noteName, note.document(cpts: cpts, period: result.contractYears.period(year))))
            }
            let wanted = documents.flatMap { name, _ in request.formats.map { "\(name).\($0.fileExtension)" } }
            guard wanted.contains(where: { record.bytes($0) == nil }) else {
                return wanted.compactMap { name in record.bytes(name).map { (name, $0) } }
            }
            let made = try renderer.render(documents)
            return wanted.compactMap { name in
                record.bytes(name).map { (name, $0) } ?? made.first { $0.name == name }
            }
        }

        private func writeOutputs(_ files: [(name: String, bytes: [UInt8])], in folder: String) throws -> [String] {
            let placed = files.map { ("\(folder)/\($0.name)", $0.bytes) }
            try OutputWriter(directory: output).write(placed)
            return placed.map(\.0)
        }
    }
}
