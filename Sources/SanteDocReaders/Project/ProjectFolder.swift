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

    public func isFolder(_ relativePath: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(
            atPath: root.appendingPathComponent(relativePath).path, isDirectory: &folder)
            && folder.boolValue
    }

    public func byteCount(_ relativePath: String) -> Int? {
        var status = stat()
        guard lstat(root.appendingPathComponent(relativePath).path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    /// Names of the files with `ext` directly inside `folder`, sorted.
    public func files(in folder: String, withExtension ext: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }

    /// The text of a file, or nil after reporting why it cannot be used. One `realpath`,
    /// one `open`, one `fstat`: the preview reads every source on each change.
    public func readText(_ relativePath: String, diagnostics: DiagnosticEngine) -> String? {
        readBytes(
            relativePath, maximum: Self.maximumFileSize, at: SourceLocation(file: relativePath),
            diagnostics: diagnostics
        ).flatMap { TextDecoding.decode($0, file: relativePath, diagnostics: diagnostics) }
    }

    public func readBytes(
        _ relativePath: String, maximum: Int, at start: SourceLocation, diagnostics: DiagnosticEngine
    ) -> [UInt8]? {
        guard let path = confinedPath(relativePath) else {
            diagnostics.error(
                "fichier.hors-projet", at: start,
                "« \(relativePath) » mène hors du dossier du projet ; SanteDoc ne lit que les fichiers du projet.",
                hint: "copiez le fichier dans le dossier du projet au lieu d’un lien ou d’un chemin « ../ ».")
            return nil
        }
        // Non-blocking, so that a named pipe in place of a file is refused instead of waited on.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        var status = stat()
        guard descriptor >= 0 else {
            diagnostics.error("fichier.illisible", at: start, "Impossible de lire « \(relativePath) ».")
            return nil
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            diagnostics.error("fichier.illisible", at: start, "Impossible de lire « \(relativePath) ».")
            return nil
        }
        guard Int(status.st_size) <= maximum else {
            Self.reportTooLarge(relativePath, maximum: maximum, at: start, diagnostics: diagnostics)
            return nil
        }
        guard let bytes = Self.readAll(descriptor, expected: Int(status.st_size), maximum: maximum) else {
            diagnostics.error("fichier.illisible", at: start, "Impossible de lire « \(relativePath) ».")
            return nil
        }
        return bytes
    }

    static func reportTooLarge(_ path: String, maximum: Int, at location: SourceLocation, diagnostics: DiagnosticEngine)
    {
        let size = "« \(path) » dépasse \(maximum / 1024 / 1024) Mo."
        if maximum == maximumFileSize {
            diagnostics.error(
                "fichier.trop-grand", at: location, size,
                hint: "découpez le texte en plusieurs sections ou allégez le tableau.")
        } else {
            diagnostics.error(
                "image.trop-grande", at: location, size,
                hint: "enregistrez l’image en plus petit (une largeur de 2 000 pixels suffit à une page A4).")
        }
    }

    /// Reads to the end, at most one byte past the size limit (a file growing meanwhile).
    static func readAll(_ descriptor: Int32, expected: Int, maximum: Int = maximumFileSize) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= maximum else { return nil }
                bytes += [UInt8](repeating: 0, count: bytes.count)
            }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { break }
            count += read
        }
        return Array(bytes[0..<count])
    }

    /// The file's URL when it stays inside the project, nil otherwise.
    public func confinedURL(_ relativePath: String) -> URL? {
        confinedPath(relativePath).map { URL(fileURLWithPath: $0, isDirectory: false) }
    }

    /// The file's real path when it stays inside the project: every link resolved by one
    /// `realpath(3)`; a file that does not exist keeps its lexical path.
    func confinedPath(_ relativePath: String) -> String? {
        guard !relativePath.hasPrefix("/") else { return nil }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let joined = rootPath + relativePath
        let resolved: String
        if let real = realpath(joined, nil) {
            resolved = String(cString: real)
            free(real)
        } else {
            resolved =
                URL(fileURLWithPath: joined, isDirectory: false).standardizedFileURL
                .resolvingSymlinksInPath().path
        }
        return resolved.hasPrefix(rootPath) ? resolved : nil
    }
}
