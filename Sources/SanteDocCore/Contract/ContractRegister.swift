import Crypto
import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel

/// The record of the ACI contract, kept in the project folder (`contrat/`) so that it travels
/// with the sources and into version control, never under `Build/`: the signed version
/// (`signature/`, sealed by `annexes --signer`) and each contract year as produced
/// (`annee-N/`). Each folder holds its documents, its annex trees, the source values its
/// annexes state and the SHA-256 of every file (`empreintes.sha256`, as `sha256sum -c`
/// reads it); `registre.json` lists the folders with the SHA-256 of their manifest. No
/// command rewrites a record: replacing one first moves it to `anciennes/`.
///
/// The checksums detect a file edited or removed by accident; they are not a signature.
struct ContractRegister {
    static let folder = "contrat"
    static let indexName = "registre.json"
    static let manifestName = "empreintes.sha256"
    static let treesName = "arbre-des-annexes.json"
    static let termsName = "termes.json"
    static let noteName = "note-de-modifications.json"
    static let readmeName = "LISEZMOI.txt"
    static let signedFolder = "signature"
    static let replacedFolder = "anciennes"
    static func yearFolder(_ year: Int) -> String { "annee-\(year)" }

    struct Entry: Codable, Equatable {
        var dossier: String
        /// What the folder holds, in words (« contrat signé », « année 2 »).
        var contenu: String
        /// SHA-256 of the folder's `empreintes.sha256`.
        var empreinte: String
        /// A version that was already altered by hand when it was replaced: what differs from
        /// its checksums was reported then, and is only remarked on since.
        var alteredBeforeReplacement: Bool? = nil

        enum CodingKeys: String, CodingKey {
            case dossier, contenu, empreinte
            case alteredBeforeReplacement = "alteree_avant_remplacement"
        }
    }

    struct Index: Codable, Equatable {
        var format = 1
        var dossiers: [Entry] = []

        func entry(_ folder: String) -> Entry? { dossiers.first { $0.dossier == folder } }
    }

    /// A record folder as read back.
    struct Record {
        var folder: String
        /// Every file of the folder but the manifest, by name.
        var files: [(name: String, bytes: [UInt8])]
        var trees: [Document]
        var terms: [ContractTerm]
        var note: ChangeNote?

        func bytes(_ name: String) -> [UInt8]? { files.first { $0.name == name }?.bytes }
    }

    /// The project folder.
    let project: URL

    var root: URL { project.appendingPathComponent(Self.folder) }
    var exists: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// Where a record's file is, as messages show it (relative to the project).
    static func path(_ folder: String, _ name: String? = nil) -> String {
        [Self.folder, folder, name].compactMap { $0 }.joined(separator: "/")
    }

    // MARK: Reading and checking

    /// The index, every folder it lists checked against its checksums. What was edited,
    /// removed or added by hand is reported at the file concerned: as an error in a folder
    /// the run relies on (`needed`), as a warning elsewhere — so that a damaged record never
    /// stands in the way of repairing another — and for the folder about to be replaced
    /// (`exempt`), kept as it is as an older version.
    func verify(diagnostics: DiagnosticEngine, needed: Set<String>, exempt: String? = nil, only: String? = nil) -> Index
    {
        // A folder with nothing recorded yet (just created, or emptied by hand) is a new register.
        guard exists, read(Self.indexName) != nil || !folders().isEmpty else { return Index() }
        let indexPath = Self.path(Self.indexName)
        guard let data = read(Self.indexName), let index = try? JSONDecoder().decode(Index.self, from: Data(data))
        else {
            diagnostics.error(
                "contrat.registre-illisible", at: SourceLocation(file: indexPath),
                "Le registre du contrat (« \(indexPath) ») est absent ou illisible : ce qui a été scellé ou produit "
                    + "ne peut plus être vérifié.",
                hint: "restaurez le dossier « contrat » depuis une sauvegarde ou l’historique "
                    + "(git checkout -- contrat) ; SanteDoc ne le recrée pas de lui-même.")
            return Index()
        }
        for entry in index.dossiers where only == nil || entry.dossier == only {
            func place(_ file: String?) -> SourceLocation { SourceLocation(file: Self.path(entry.dossier, file)) }
            // Said as an error where the run depends on the folder, else as a warning or a remark.
            func report(_ problem: Diagnostic) {
                var problem = problem
                if entry.dossier == exempt {
                    problem.severity = .warning
                    problem.hint =
                        "la version remplacée est gardée telle quelle dans « \(Self.path(Self.replacedFolder)) »."
                } else if entry.alteredBeforeReplacement == true {
                    problem.severity = .note
                } else if !needed.contains(entry.dossier) {
                    problem.severity = .warning
                }
                diagnostics.emit(problem)
            }
            let restore =
                "restaurez-le depuis une sauvegarde ou l’historique (git checkout -- \(Self.path(entry.dossier))) ; "
                + Self.redo(entry.dossier)
            guard isDirectory(entry.dossier) else {
                report(
                    Diagnostic(
                        "contrat.dossier-disparu", .error, at: place(nil),
                        "Le dossier « \(Self.path(entry.dossier)) » (\(entry.contenu)) a disparu alors que le registre "
                            + "le liste.", hint: restore))
                continue
            }
            guard let manifest = read("\(entry.dossier)/\(Self.manifestName)") else {
                report(
                    Diagnostic(
                        "contrat.fichier-disparu", .error, at: place(Self.manifestName),
                        "Les empreintes de « \(Self.path(entry.dossier)) » (\(entry.contenu)) ont disparu.",
                        hint: restore))
                continue
            }
            guard Self.sha256(manifest) == entry.empreinte else {
                report(
                    Diagnostic(
                        "contrat.fichier-modifie", .error, at: place(Self.manifestName),
                        "Les empreintes de « \(Self.path(entry.dossier)) » (\(entry.contenu)) ont été modifiées "
                            + "depuis leur enregistrement.", hint: restore))
                continue
            }
            let listed = Self.parseManifest(manifest)
            for (name, digest) in listed {
                guard let bytes = read("\(entry.dossier)/\(name)") else {
                    report(
                        Diagnostic(
                            "contrat.fichier-disparu", .error, at: place(name),
                            "Ce fichier de « \(Self.path(entry.dossier)) » (\(entry.contenu)) a disparu.", hint: restore
                        ))
                    continue
                }
                if Self.sha256(bytes) != digest {
                    report(
                        Diagnostic(
                            "contrat.fichier-modifie", .error, at: place(name),
                            "Ce fichier de « \(Self.path(entry.dossier)) » (\(entry.contenu)) a été modifié depuis son "
                                + "enregistrement (empreinte SHA-256 différente).", hint: restore))
                }
            }
            let known = Set(listed.map(\.name) + [Self.manifestName])
            for name in files(in: entry.dossier) where !known.contains(name) {
                diagnostics.warning(
                    "contrat.fichier-en-trop", at: SourceLocation(file: Self.path(entry.dossier, name)),
                    "Ce fichier a été ajouté à « \(Self.path(entry.dossier)) » (\(entry.contenu)) après son "
                        + "enregistrement : il n’en fait pas partie.",
                    hint: "déplacez-le hors du dossier « \(Self.folder) », que SanteDoc seul écrit.")
            }
        }
        let listed = Set(index.dossiers.map(\.dossier))
        for name in folders() where !listed.contains(name) && only == nil {
            diagnostics.warning(
                "contrat.dossier-inconnu", at: SourceLocation(file: Self.path(name)),
                "Le dossier « \(Self.path(name)) » n’est pas dans le registre du contrat : il n’est ni vérifié ni utilisé.",
                hint: "déplacez-le hors du dossier « \(Self.folder) », que SanteDoc seul écrit.")
        }
        return index
    }

    /// How to produce a folder again, for the hint of a damaged one.
    static func redo(_ folder: String) -> String {
        if folder == signedFolder { return "ou scellez à nouveau : santedoc annexes --signer --remplacer." }
        if folder.hasPrefix("annee-"), let year = Int(folder.dropFirst(6)) {
            return "ou refaites l’année : santedoc annexes --annee \(year) --refaire."
        }
        return "c’est une version remplacée, gardée pour mémoire."
    }

    /// A listed folder's content, or nil after an error naming the file that cannot be read.
    func record(_ folder: String, diagnostics: DiagnosticEngine) -> Record? {
        guard let manifest = read("\(folder)/\(Self.manifestName)") else { return nil }
        var files: [(String, [UInt8])] = []
        for (name, _) in Self.parseManifest(manifest) {
            guard let bytes = read("\(folder)/\(name)") else { return nil }
            files.append((name, bytes))
        }
        var record = Record(folder: folder, files: files, trees: [], terms: [], note: nil)
        func decode<T: Decodable>(_ type: T.Type, _ name: String) -> T? {
            guard let bytes = record.bytes(name) else { return nil }
            guard let value = try? JSONDecoder().decode(type, from: Data(bytes)) else {
                diagnostics.error(
                    "contrat.registre-illisible", at: SourceLocation(file: Self.path(folder, name)),
                    "Ce fichier du registre du contrat est illisible (JSON attendu, écrit par SanteDoc).",
                    hint: "restaurez-le depuis une sauvegarde ou l’historique ; " + Self.redo(folder))
                return nil
            }
            return value
        }
        guard let trees = decode([Document].self, Self.treesName),
            let terms = decode([ContractTerm].self, Self.termsName)
        else { return nil }
        record.trees = trees
        record.terms = terms
        record.note = record.bytes(Self.noteName) == nil ? nil : decode(ChangeNote.self, Self.noteName)
        return record
    }

    /// What today's sources change in a record: each term where it is now written; when the
    /// values are the same but the documents differ (SanteDoc itself changed), the changes
    /// of the documents.
    static func differences(_ recorded: Record, trees: [Document], terms: [ContractTerm]) -> [(
        location: SourceLocation?, sentence: String
    )] {
        let lines = ContractTerms.differences(recorded: recorded.terms, current: terms).map {
            ($0.location, $0.sentence)
        }
        guard lines.isEmpty else { return lines }
        let location = SourceLocation(file: path(recorded.folder, treesName))
        return zip(recorded.trees, trees).flatMap { DocumentDiff.changes(from: $0, to: $1) }.map { (location, $0.line) }
    }

    /// One error per difference that would alter a recorded year.
    static func reportChanged(
        _ year: Int, _ lines: [(location: SourceLocation?, sentence: String)], diagnostics: DiagnosticEngine
    ) {
        for (location, sentence) in lines {
            diagnostics.error(
                "contrat.annee-modifiee",
                at: location ?? SourceLocation(file: path(yearFolder(year), termsName)),
                "Changerait l’année \(year), déjà produite : \(sentence).")
        }
    }

    // MARK: Writing

    /// The files of one change to the register: `files` recorded at `folder`, with their
    /// manifest, and the index updated; what `folder` held before moved, as it is on disk
    /// (damaged or not), to `anciennes/FOLDER-version-K`.
    func changes(
        recording files: [(name: String, bytes: [UInt8])], at folder: String, as contenu: String, index: Index
    ) throws -> (files: [(name: String, bytes: [UInt8])], removing: [String], index: Index) {
        var index = index
        var written: [(name: String, bytes: [UInt8])] = []
        var removing: [String] = []
        if let entry = index.entry(folder), !self.files(in: folder).isEmpty {
            let check = DiagnosticEngine()
            _ = verify(diagnostics: check, needed: [folder], only: folder)
            let version = (1...).first { index.entry("\(Self.replacedFolder)/\(folder)-version-\($0)") == nil }!
            let moved = "\(Self.replacedFolder)/\(folder)-version-\(version)"
            let manifest = read("\(folder)/\(Self.manifestName)") ?? []
            for name in self.files(in: folder) {
                guard let bytes = read("\(folder)/\(name)") else { continue }
                written.append(("\(moved)/\(name)", bytes))
                removing.append("\(folder)/\(name)")
            }
            index.dossiers.removeAll { $0.dossier == folder }
            index.dossiers.append(
                Entry(
                    dossier: moved, contenu: "\(entry.contenu), version remplacée n° \(version)",
                    empreinte: Self.sha256(manifest), alteredBeforeReplacement: check.hasErrors ? true : nil))
        }
        let manifest = Self.manifest(files)
        written += files.map { ("\(folder)/\($0.name)", $0.bytes) }
        written.append(("\(folder)/\(Self.manifestName)", manifest))
        removing.removeAll { path in written.contains { $0.name == path } }
        index.dossiers.removeAll { $0.dossier == folder }
        index.dossiers.append(Entry(dossier: folder, contenu: contenu, empreinte: Self.sha256(manifest)))
        index.dossiers.sort { Self.order($0.dossier) < Self.order($1.dossier) }
        written.append((Self.indexName, Array(try Self.encoder().encode(index)) + [0x0A]))
        if read(Self.readmeName) == nil { written.append((Self.readmeName, Array(Self.readme.utf8))) }
        return (written, removing, index)
    }

    /// The signature first, the years in order, older versions last.
    static func order(_ folder: String) -> (Int, Int, String) {
        if folder == signedFolder { return (0, 0, folder) }
        if folder.hasPrefix("annee-"), let year = Int(folder.dropFirst(6)) { return (1, year, folder) }
        return (2, 0, folder)
    }

    static let readme = """
        Registre du contrat ACI, écrit par SanteDoc — ne modifiez pas ces fichiers.

        signature/   la version signée du contrat, scellée par « santedoc annexes --signer » ;
        annee-N/     les annexes de l’année N du contrat, telles que produites par « santedoc annexes --annee N » ;
        anciennes/   les versions remplacées (--remplacer, --refaire), gardées pour mémoire.

        Chaque dossier contient ses documents, l’arbre de ses annexes (arbre-des-annexes.json), les valeurs des
        sources qu’elles reprennent (termes.json) et les empreintes SHA-256 de chaque fichier (empreintes.sha256,
        vérifiable par « sha256sum -c empreintes.sha256 ») ; registre.json liste les dossiers. SanteDoc vérifie
        ces empreintes à chaque commande : un fichier modifié ou supprimé est signalé.

        Gardez ce dossier avec les sources du projet (sauvegarde, gestion de versions).

        """

    // MARK: Files

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// `sha256sum` lines, sorted by name.
    static func manifest(_ files: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        Array(files.sorted { $0.name < $1.name }.map { "\(sha256($0.bytes))  \($0.name)\n" }.joined().utf8)
    }

    static func parseManifest(_ bytes: [UInt8]) -> [(name: String, digest: String)] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else { return nil }
            let name = String(parts[1].drop { $0 == " " || $0 == "*" })
            guard (try? OutputWriter.checkName(name)) != nil, !name.contains("/") else { return nil }
            return (name, String(parts[0]))
        }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// A regular file of the register (never through a link), or nil.
    private func read(_ relative: String) -> [UInt8]? {
        let path = root.appendingPathComponent(relative).path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            relative.split(separator: "/").allSatisfy({ $0 != ".." }),
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return Array(data)
    }

    private func isDirectory(_ relative: String) -> Bool {
        let path = root.appendingPathComponent(relative).path
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeDirectory
    }

    /// The plain files of a record folder.
    private func files(in folder: String) -> [String] {
        let path = root.appendingPathComponent(folder).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { name in
            !name.hasPrefix(".") && !isDirectory("\(folder)/\(name)")
        }.sorted()
    }

    /// Record folders present on disk: the signature, years, and older versions. An empty
    /// folder records nothing (a run killed before its journal leaves one behind).
    private func folders() -> [String] {
        func visible(_ relative: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(relative).path)) ?? [])
                .filter { !$0.hasPrefix(".") }
        }
        let top = visible("").filter { isDirectory($0) && $0 != Self.replacedFolder }
        let older = visible(Self.replacedFolder).filter { isDirectory("\(Self.replacedFolder)/\($0)") }
            .map { "\(Self.replacedFolder)/\($0)" }
        return (top + older).filter { !visible($0).isEmpty }.sorted()
    }
}
