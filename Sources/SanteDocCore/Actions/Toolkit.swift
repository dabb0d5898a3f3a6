import Foundation
import XMLSupport

/// What the pipeline needs besides the project: the `Templates/` folder and the DocBook
/// schema. Found once per process; the schema is parsed once and shared.
public struct Toolkit: Sendable {
    public static let defaultSchemaPath = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"

    public let templates: URL
    public let schemaPath: String

    public init(templates: URL, schemaPath: String = Toolkit.defaultSchemaPath) {
        self.templates = templates
        self.schemaPath = schemaPath
    }

    /// `SANTEDOC_TEMPLATES`, else the `Templates/` folder next to (or above) the
    /// executable, else the one in the current directory.
    public static func locate(executable: String = CommandLine.arguments[0]) -> Toolkit? {
        let environment = ProcessInfo.processInfo.environment
        let schema = environment["SANTEDOC_DOCBOOK_RNG"] ?? defaultSchemaPath
        if let explicit = environment["SANTEDOC_TEMPLATES"] {
            return Toolkit(templates: URL(fileURLWithPath: explicit), schemaPath: schema)
        }
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("Templates"))
            directory.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Templates"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("aci").path) }
            .map { Toolkit(templates: $0, schemaPath: schema) }
    }

    private static let schemaCache = SchemaCache()

    /// The compiled DocBook schema, parsed on first use only.
    public func docBookSchema() throws -> RelaxNGSchema {
        try Self.schemaCache.schema(at: schemaPath)
    }

    /// Starts parsing the schema on another core while the sources are read: it is the
    /// largest single cost of a build (see docs/performance.md).
    public func prepareDocBookSchema() {
        let path = schemaPath
        XMLLibrary.initialize()
        Thread.detachNewThread { _ = try? Self.schemaCache.schema(at: path) }
    }
}

final class SchemaCache: @unchecked Sendable {
    private var schemas: [String: RelaxNGSchema] = [:]
    private let lock = NSLock()

    func schema(at path: String) throws -> RelaxNGSchema {
        lock.lock(); defer { lock.unlock() }
        if let schema = schemas[path] { return schema }
        let schema = try RelaxNGSchema(path: path)
        schemas[path] = schema
        return schema
    }
}
