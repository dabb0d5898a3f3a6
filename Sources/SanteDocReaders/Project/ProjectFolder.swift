import Foundation
import SanteDocModel

/// Read-only access to a project folder. Paths are relative to it, and nothing outside
/// it is read: `..`, absolute paths and links leading out are refused.
public struct ProjectFolder: ProjectSources {
    public let root: URL
    /// Larger files are refused: a projet de santé is text, not a data dump.
    public static let maximumFileSize = 8 * 1024 * 1024

    public init(path: String) {
        root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    }

    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path)
    }

    /// Names of the files with `ext` directly inside `folder`, sorted.
    public func files(in folder: String, withExtension ext: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }

    /// The text of a file, or nil after reporting why it cannot be used.
    public func readText(_ relativePath: String, diagnostics: DiagnosticEngine) -> String? {
        let start = SourceLocation(file: relativePath)
        guard let url = confinedURL(relativePath) else {
            diagnostics.error(
                "fichier.hors-projet", at: start,
                "« \(relativePath) » mène hors du dossier du projet ; SanteDoc ne lit que les fichiers du projet.",
                hint: "copiez le fichier dans le dossier du projet au lieu d’un lien ou d’un chemin « ../ ».")
            return nil
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > Self.maximumFileSize {
            diagnostics.error(
                "fichier.trop-grand", at: start,
                "« \(relativePath) » dépasse \(Self.maximumFileSize / 1024 / 1024) Mo.",
                hint: "découpez le texte en plusieurs sections ou allégez le tableau.")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error("fichier.illisible", at: start, "Impossible de lire « \(relativePath) ».")
            return nil
        }
        return TextDecoding.decode(data, file: relativePath, diagnostics: diagnostics)
    }

    /// The file's URL when it stays inside the project, nil otherwise.
    public func confinedURL(_ relativePath: String) -> URL? {
        guard !relativePath.hasPrefix("/") else { return nil }
        let resolved = root.appendingPathComponent(relativePath).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return resolved.path.hasPrefix(rootPath) ? resolved : nil
    }
}
