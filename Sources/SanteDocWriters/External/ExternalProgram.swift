import Foundation
import SanteDocModel

/// A program of the machine that turns one of our outputs into another format (Typst, in
/// Python, for PDF; pandoc for ODT and DOCX). Found on the PATH once, run with bytes on
/// standard input, its standard output returned; a missing program names how to install it.
public struct ExternalProgram: Sendable {
    public var name: String
    /// The Debian package that provides it, for the message when it is missing.
    public var debianPackage: String
    /// What the program is needed for, in the user's words.
    public var purpose: String
    /// Environment variable that overrides the path (tests, unusual installs).
    public var override: String

    /// A Python package the program must import (`typst`), with its version as installed by
    /// `Scripts/setup`; nil for a plain program.
    public var module: (name: String, version: String)? = nil

    public static let typst = ExternalProgram(
        name: "python3", debianPackage: "python3", purpose: "le format PDF", override: "SANTEDOC_PYTHON",
        module: ("typst", "0.15.2"))
    public static let pandoc = ExternalProgram(
        name: "pandoc", debianPackage: "pandoc",
        purpose: "les formats ODT et DOCX", override: "SANTEDOC_PANDOC")

    /// The executable, or nil when the machine does not have it.
    public func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment[override] {
            return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The interpreter itself when it imports `module` — not a launcher in front of it (a
    /// pyenv shim reads its own settings on every start) — with the folder the module is
    /// in, or nil without the module. A short run, only when the format is asked for; a
    /// plain program is returned as is.
    public func withModule(_ executable: URL) -> (executable: URL, modulePath: String?)? {
        guard let module else { return (executable, nil) }
        // Without the site initialisation (`-S`) either: the package folders are added by hand.
        let check = """
            import importlib.util, os, site, sys, sysconfig
            for folder in (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], site.getusersitepackages()):
                if folder not in sys.path: sys.path.append(folder)
            spec = importlib.util.find_spec('\(module.name)')
            if spec is None or spec.origin is None: sys.exit(1)
            print(sys.executable)
            print(os.path.dirname(os.path.dirname(spec.origin)))
            """
        guard
            let finished = try? ChildProcess.run(
                executable.path, ["-P", "-S", "-c", check], environment: ProcessInfo.processInfo.environment,
                directory: nil, input: []),
            finished.status == 0
        else { return nil }
        let lines = String(decoding: finished.output, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count == 2, lines.allSatisfy({ $0.hasPrefix("/") }),
            FileManager.default.isExecutableFile(atPath: lines[0])
        else { return (executable, nil) }
        return (URL(fileURLWithPath: lines[0]), lines[1])
    }

    /// The diagnostic for a missing program: what it is for and how to install it.
    public func missingDiagnostic(moduleOnly: Bool = false) -> Diagnostic {
        if moduleOnly, let module {
            return Diagnostic(
                "format.moteur-absent", .error, at: nil,
                "\(purpose.capitalizedFirst) demande le module Python « \(module.name) », absent de cette machine.",
                hint: "installez-le (python3 -m pip install \(module.name)==\(module.version), ce que fait "
                    + "Scripts/setup), ou retirez ce format de --formats.")
        }
        return Diagnostic(
            "format.moteur-absent", .error, at: nil,
            "\(purpose.capitalizedFirst) demande le programme « \(name) », absent de cette machine.",
            hint: "installez le paquet Debian « \(debianPackage) » (sudo apt-get install \(debianPackage)), "
                + "ou retirez ce format de --formats.")
    }
}

/// Runs a located program to completion.
struct ProgramRun {
    let executable: URL
    let program: ExternalProgram

    /// Fixed dates and hashing make the outputs byte-identical from run to run: pandoc reads
    /// `SOURCE_DATE_EPOCH`, Python its hash seed (Typst is given its date).
    static let reproducible = ["SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"]

    /// The program's exit status, standard output and standard error, whatever the status.
    func runReporting(_ arguments: [String], input: [UInt8], directory: URL? = nil) throws -> (
        status: Int32, output: [UInt8], messages: String
    ) {
        let finished: ChildProcess.Finished
        do {
            finished = try ChildProcess.run(
                executable.path, arguments,
                environment: ProcessInfo.processInfo.environment.merging(Self.reproducible) { $1 }
                    .merging(directory.map(EngineSandbox.environment(for:)) ?? [:]) { $1 },
                directory: directory?.path, input: input)
        } catch {
            throw ExternalProgramError.failed(program: program.name, status: -1, messages: "\(error)")
        }
        return (finished.status, finished.output, String(decoding: finished.messages, as: UTF8.self))
    }

    func run(_ arguments: [String], input: [UInt8], directory: URL? = nil) throws -> (output: [UInt8], messages: String)
    {
        let finished = try runReporting(arguments, input: input, directory: directory)
        guard finished.status == 0, !finished.output.isEmpty else {
            throw ExternalProgramError.failed(
                program: program.name, status: finished.status, messages: finished.messages)
        }
        return (finished.output, finished.messages)
    }
}

public enum ExternalProgramError: UserFacingError {
    case failed(program: String, status: Int32, messages: String)
    case reported(program: String, messages: [String])

    public var description: String {
        switch self {
        case let .failed(program, status, messages):
            let first = messages.split(separator: "\n").prefix(3).joined(separator: " ; ")
            return "« \(program) » a échoué (code \(status))" + (first.isEmpty ? "." : " : \(first)")
        case let .reported(program, messages):
            return "« \(program) » signale des erreurs : " + messages.prefix(3).joined(separator: " ; ")
        }
    }
}
