import Foundation
import SanteDocModel
import SanteDocReaders

/// `santedoc communes`: writes the project's `communes.csv` from INSEE's commune file, for
/// the codes given, with the municipal population (PMUN) and the edition in a comment line.
/// An existing `communes.csv` is replaced only when asked, and nothing else of the project
/// is touched.
public struct CommunesAction {
    let diagnostics: DiagnosticEngine

    public init(diagnostics: DiagnosticEngine) { self.diagnostics = diagnostics }

    public struct Request {
        public var projectPath: String
        public var inseeFile: String
        /// Codes typed on the command line, and/or a file of codes (one or more a line).
        public var codes: [String] = []
        public var listFile: String?
        public var edition: String?
        public var replace = false

        public init(projectPath: String, inseeFile: String) {
            self.projectPath = projectPath
            self.inseeFile = inseeFile
        }
    }

    public struct Outcome {
        public var file: String
        public var communes: [Written]
        public var population: Int
        public var referenceText: String
    }

    /// A line of the list written: INSEE's population, the name from the file (or from the
    /// list replaced, for DataSanté's file that names none), the area kept from that list.
    public struct Written: Equatable, Sendable {
        public var code: String
        public var name: String
        public var population: Int
        public var area: String?
    }

    public func perform(_ request: Request) throws -> Outcome? {
        guard ProjectPipeline.exists(request.projectPath, diagnostics: diagnostics) else { return nil }
        let target = ProjectReader.sources.communesFile
        let destination = URL(fileURLWithPath: request.projectPath).appendingPathComponent(target)
        if FileManager.default.fileExists(atPath: destination.path), !request.replace {
            diagnostics.error(
                "communes.existe", at: SourceLocation(file: target),
                "« \(target) » existe déjà : SanteDoc ne le remplace pas sans qu’on le lui demande.",
                hint: "relancez avec --remplacer pour l’écrire à nouveau depuis le fichier de l’INSEE.")
            return nil
        }
        var wanted: [Located<String>] = request.codes.map { Located($0, at: SourceLocation(file: "--codes")) }
        if let list = request.listFile {
            guard let text = read(list) else { return nil }
            for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            {
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                for code in content.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," || $0 == "\t" }) {
                    wanted.append(Located(String(code), at: SourceLocation(file: list, line: index + 1)))
                }
            }
        }
        guard !wanted.isEmpty else {
            diagnostics.error(
                "communes.aucun-code", at: nil, "Aucun code de commune indiqué.",
                hint: "donnez les codes INSEE (--codes 24037,24061) ou un fichier qui les liste (--liste codes.txt).")
            return nil
        }
        guard let text = read(request.inseeFile),
            let index = InseePopulationReader(file: request.inseeFile, diagnostics: diagnostics).read(text)
        else { return nil }
        let previous = previousList(at: destination)
        var seen: Set<String> = []
        var communes: [Written] = []
        for code in wanted where seen.insert(code.value).inserted {
            guard let commune = index[code.value] else {
                diagnostics.error(
                    "communes.code-inconnu", at: code.location.file == "--codes" ? nil : code.location,
                    "Code de commune « \(code.value) » absent du fichier de l’INSEE (\(request.inseeFile)).",
                    hint: Suggestions.hint(for: code.value, in: Array(index.keys))
                        ?? "vérifiez le code INSEE (5 caractères : 24037 pour Bergerac), pas le code postal.")
                continue
            }
            guard let name = commune.name ?? previous[commune.code]?.name else {
                diagnostics.error(
                    "communes.sans-nom", at: code.location.file == "--codes" ? nil : code.location,
                    "Le fichier « \(request.inseeFile) » ne donne pas le nom de la commune « \(code.value) ».",
                    hint: "prenez le fichier donnees_communes.csv de l’INSEE, qui nomme les communes, ou gardez un "
                        + "communes.csv qui les nomme et relancez avec --remplacer.")
                continue
            }
            communes.append(
                Written(
                    code: commune.code, name: name, population: commune.population, area: previous[commune.code]?.area))
        }
        guard !diagnostics.hasErrors else { return nil }
        let edition = request.edition.map { " \($0)" } ?? ""
        let publisher = index.values.contains { $0.name == nil } ? "DataSanté" : "INSEE"
        let reference =
            "\(publisher), populations de référence\(edition) "
            + "(\((request.inseeFile as NSString).lastPathComponent)), population municipale"
        var csv = "# Source : \(reference)\n" + CommuneListReader.columns.joined(separator: ";") + "\n"
        for commune in communes {
            let name = commune.name.contains(";") ? "\"\(commune.name)\"" : commune.name
            csv += "\(commune.code);\(name);\(commune.population);\(commune.area ?? "")\n"
        }
        try OutputWriter(directory: URL(fileURLWithPath: request.projectPath)).write([(target, Array(csv.utf8))])
        return Outcome(
            file: target, communes: communes, population: communes.map(\.population).reduce(0, +),
            referenceText: reference)
    }

    /// The names and areas of the list about to be replaced, by code: what INSEE's file does
    /// not give is kept. A list that does not read is simply not used.
    private func previousList(at url: URL) -> [String: (name: String, area: String?)] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        let quiet = DiagnosticEngine()
        let text = TextDecoding.decode(Array(data), file: url.lastPathComponent, diagnostics: quiet) ?? ""
        let communes = CommuneListReader(file: url.lastPathComponent, diagnostics: quiet).read(text)
        return Dictionary(
            communes.map { commune in
                // As typed in a French spreadsheet: `40,5`, `88`.
                let area = commune.area.map { $0 == $0.rounded() ? String(Int($0)) : "\($0)".replacing(".", with: ",") }
                return (commune.inseeCode, (commune.name, area))
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// A file the user named (outside the project, since asked), or nil after an error.
    private func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(
                "communes.fichier", at: nil, "Impossible de lire « \(path) ».",
                hint:
                    "indiquez le chemin du fichier téléchargé (donnees_communes.csv, une fois l’archive décompressée).")
            return nil
        }
        return TextDecoding.decode(Array(data), file: path, diagnostics: diagnostics)
    }
}
