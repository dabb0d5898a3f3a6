import SanteDocModel

/// Where a project's files come from: a folder on disk (`ProjectFolder`), or memory
/// (`InMemoryProject`, for the fuzzer and tests). Readers only ever see this.
public protocol ProjectSources: Sendable {
    func exists(_ relativePath: String) -> Bool
    /// Names of the files with `ext` directly inside `folder`, sorted, as `folder/name`.
    func files(in folder: String, withExtension ext: String) -> [String]
    /// The text of a file, or nil after reporting why it cannot be used.
    func readText(_ relativePath: String, diagnostics: DiagnosticEngine) -> String?
    /// The bytes of a file of at most `maximum` bytes (a picture), or nil after reporting why
    /// it cannot be used, at `location` (where the file is named).
    func readBytes(_ relativePath: String, maximum: Int, at location: SourceLocation, diagnostics: DiagnosticEngine)
        -> [UInt8]?
    /// Whether the path names a folder (a file in its place is an error of the reader).
    func isFolder(_ relativePath: String) -> Bool
    /// The size of a file, without reading it (nil: no such file).
    func byteCount(_ relativePath: String) -> Int?
}

extension ProjectSources {
    /// A folder the project may have (`sections`, `modeles`): absent, or a folder; a file of
    /// that name is reported where it is, rather than read as an empty folder.
    public func checkFolder(_ name: String, diagnostics: DiagnosticEngine) -> Bool {
        guard exists(name), !isFolder(name) else { return true }
        diagnostics.error(
            "fichier.pas-un-dossier", at: SourceLocation(file: name),
            "« \(name) » est un fichier, alors que SanteDoc y attend un dossier.",
            hint: "renommez ce fichier, puis créez un dossier « \(name) » pour y ranger les fichiers.")
        return false
    }
}

/// A project held in memory, file name → bytes.
public struct InMemoryProject: ProjectSources {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) { self.files = files }

    public func exists(_ relativePath: String) -> Bool {
        files[relativePath] != nil || isFolder(relativePath)
    }

    public func isFolder(_ relativePath: String) -> Bool {
        files.keys.contains { $0.hasPrefix(relativePath + "/") }
    }

    public func byteCount(_ relativePath: String) -> Int? { files[relativePath]?.count }

    public func files(in folder: String, withExtension ext: String) -> [String] {
        files.keys.filter {
            $0.hasPrefix(folder + "/") && $0.hasSuffix("." + ext) && !$0.dropFirst(folder.count + 1).contains("/")
        }
        .sorted()
    }

    public func readBytes(
        _ relativePath: String, maximum: Int, at location: SourceLocation, diagnostics: DiagnosticEngine
    ) -> [UInt8]? {
        guard let bytes = files[relativePath] else {
            diagnostics.error("fichier.illisible", at: location, "Impossible de lire « \(relativePath) ».")
            return nil
        }
        guard bytes.count <= maximum else {
            ProjectFolder.reportTooLarge(relativePath, maximum: maximum, at: location, diagnostics: diagnostics)
            return nil
        }
        return bytes
    }

    public func readText(_ relativePath: String, diagnostics: DiagnosticEngine) -> String? {
        guard let bytes = files[relativePath] else {
            diagnostics.error(
                "fichier.illisible", at: SourceLocation(file: relativePath), "Impossible de lire « \(relativePath) ».")
            return nil
        }
        guard bytes.count <= ProjectFolder.maximumFileSize else {
            ProjectFolder.reportTooLarge(
                relativePath, maximum: ProjectFolder.maximumFileSize, at: SourceLocation(file: relativePath),
                diagnostics: diagnostics)
            return nil
        }
        return TextDecoding.decode(bytes, file: relativePath, diagnostics: diagnostics)
    }
}
