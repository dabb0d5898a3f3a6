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

    /// The `Templates/` folder: `SANTEDOC_TEMPLATES` when the user sets it (an explicit
    /// choice wins), else the one the program carries, found from the program's own file —
    /// its real path, so that a link on the PATH works: `../share/santedoc/Templates` as
    /// installed by `Scripts/install`, or a `Templates/` beside or above it, as in a checkout.
    public static func locate(
        executable: URL? = runningExecutable,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Toolkit? {
        let schema = environment["SANTEDOC_DOCBOOK_RNG"] ?? defaultSchemaPath
        var candidates: [URL] = []
        if let explicit = environment["SANTEDOC_TEMPLATES"] {
            candidates.append(URL(fileURLWithPath: explicit))  // alone: a wrong choice is said, not replaced
        } else if let executable {
            var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(directory.deletingLastPathComponent().appendingPathComponent("share/santedoc/Templates"))
            for _ in 0..<6 {
                candidates.append(directory.appendingPathComponent("Templates"))
                directory.deleteLastPathComponent()
            }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("aci").path) }
            .map { Toolkit(templates: $0.standardizedFileURL, schemaPath: schema) }
    }

    /// This process's executable, whatever name it was started by (`argv[0]` is just
    /// `santedoc` when found through the PATH).
    public static var runningExecutable: URL? {
        let link = URL(fileURLWithPath: "/proc/self/exe")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) {
            return URL(fileURLWithPath: target)
        }
        return Bundle.main.executableURL
    }

    private static let schemaCache = SchemaCache()

    /// The compiled DocBook schema, parsed on first use only.
    public func docBookSchema() throws -> RelaxNGSchema {
        try Self.schemaCache.schema(at: schemaPath)
    }

    /// Starts parsing the schema on another core while the sources are read: it is the
    /// largest single cost of a build (see docs/performance.md).
    public func prepareDocBookSchema() {
        Self.prepareSchema(at: schemaPath)
    }

    /// The same, before the command line is read and the templates are found: for the
    /// commands that validate, the parse then overlaps the argument parser's start-up too.
    /// The variable is read with `getenv`: Foundation's whole environment would cost the
    /// parse its head start.
    public static func prepareDocBookSchemaAtStart() {
        prepareSchema(at: getenv("SANTEDOC_DOCBOOK_RNG").map { String(cString: $0) } ?? defaultSchemaPath)
    }

    private static func prepareSchema(at path: String) {
        guard schemaCache.claimPreparation(of: path) else { return }
        XMLLibrary.initialize()
        Self.waitForPreparationAtExit
        Self.preparation.enter()
        Thread.detachNewThread {
            _ = try? Self.schemaCache.schema(at: path)
            Self.preparation.leave()
        }
    }

    /// A build that stops early (invalid sources) exits while the schema may still be
    /// parsed: libxml2's own clean-up at exit would then free what the parse is using.
    /// Exit waits for the parse first (an `atexit` handler runs before the library's).
    private static let preparation = DispatchGroup()
    private static let waitForPreparationAtExit: Void = {
        atexit { Toolkit.preparation.wait() }
    }()
}

/// `@unchecked Sendable`: mutable state shared by every thread of a process, each access
/// under a lock.
final class SchemaCache: @unchecked Sendable {
    private var schemas: [String: RelaxNGSchema] = [:]
    private var prepared: Set<String> = []
    private let lock = NSLock()
    /// Not `lock`, held for the whole of a parse.
    private let preparationLock = NSLock()

    /// True the first time only: one preparing thread per schema.
    func claimPreparation(of path: String) -> Bool {
        preparationLock.withLock { prepared.insert(path).inserted }
    }

    func schema(at path: String) throws -> RelaxNGSchema {
        lock.lock()
        defer { lock.unlock() }
        if let schema = schemas[path] { return schema }
        let schema = try RelaxNGSchema(path: path)
        schemas[path] = schema
        return schema
    }
}
