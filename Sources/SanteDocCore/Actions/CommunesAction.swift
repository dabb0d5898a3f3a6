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
        public var communes: [InseePopulationReader.Commune]
        public var population: Int
        public var referenceText: String
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
        var seen: Set<String> = []
        var communes: [InseePopulationReader.Commune] = []
        for code in wanted where seen.insert(code.value).inserted {
            guard let commune = index[code.value] else {
                diagnostics.error(
                    "communes.code-inconnu", at: code.location.file == "--codes" ? nil : code.location,
                    "Code de commune « \(code.value) » absent du fichier de l’INSEE (\(request.inseeFile)).",
                    hint: Suggestions.hint(for: code.value, in: Array(index.keys))
                        ?? "vérifiez le code INSEE (5 caractères : 24037 pour Bergerac), pas le code postal.")
                continue
            }
            communes.append(commune)
        }
        guard !diagnostics.hasErrors else { return nil }
        let edition = request.edition.map { " \($0)" } ?? ""
        let reference =
            "INSEE, populations de référence\(edition) (\((request.inseeFile as NSString).lastPathComponent)), "
            + "population municipale (PMUN)"
        var csv = "# Source : \(reference)\ncode_insee;commune;population;superficie_km2\n"
        for commune in communes {
            let name = commune.name.contains(";") ? "\"\(commune.name)\"" : commune.name
            csv += "\(commune.code);\(name);\(commune.population);\n"
        }
        try OutputWriter(directory: URL(fileURLWithPath: request.projectPath)).write([(target, Array(csv.utf8))])
        return Outcome(
            file: target, communes: communes, population: communes.map(\.population).reduce(0, +),
            referenceText: reference)
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
