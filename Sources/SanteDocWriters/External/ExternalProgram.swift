import Foundation
import SanteDocDocument
import SanteDocModel

/// A program of the machine that turns one of our outputs into another format (WeasyPrint
/// for PDF, pandoc for ODT and DOCX). Found on the PATH once, run with bytes on standard
/// input, its standard output returned; a missing program names the Debian package.
public struct ExternalProgram: Sendable {
    public var name: String
    /// The Debian package that provides it, for the message when it is missing.
    public var debianPackage: String
    /// What the program is needed for, in the user's words.
    public var purpose: String
    /// Environment variable that overrides the path (tests, unusual installs).
    public var override: String

    public static let weasyPrint = ExternalProgram(
        name: "weasyprint", debianPackage: "weasyprint",
        purpose: "le format PDF", override: "SANTEDOC_WEASYPRINT")
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

    /// The diagnostic for a missing program: what it is for and how to install it.
    public func missingDiagnostic() -> Diagnostic {
        Diagnostic(
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

    /// Fixed dates and hashing make the outputs byte-identical from run to run: pandoc and
    /// fontTools (inside WeasyPrint) read `SOURCE_DATE_EPOCH`, Python its hash seed.
    static let reproducible = ["SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"]

    func run(_ arguments: [String], input: [UInt8], directory: URL? = nil) throws -> (output: [UInt8], messages: String)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(Self.reproducible) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw ExternalProgramError.failed(program: program.name, status: -1, messages: "\(error)")
        }
        // Feed and drain on separate threads: either pipe can fill up and block the other.
        let output = ByteSink()
        let messages = ByteSink()
        let group = DispatchGroup()
        for (handle, sink) in [(stdout.fileHandleForReading, output), (stderr.fileHandleForReading, messages)] {
            group.enter()
            DispatchQueue.global().async {
                sink.bytes = Array(handle.readDataToEndOfFile())
                group.leave()
            }
        }
        let writer = stdin.fileHandleForWriting
        try? writer.write(contentsOf: Data(input))
        try? writer.close()
        group.wait()
        process.waitUntilExit()
        let text = String(decoding: messages.bytes, as: UTF8.self)
        guard process.terminationStatus == 0, !output.bytes.isEmpty else {
            throw ExternalProgramError.failed(program: program.name, status: process.terminationStatus, messages: text)
        }
        return (output.bytes, text)
    }
}

/// `@unchecked Sendable`: written by the reading thread only, read after `wait()`, which
/// orders the two accesses in a way the compiler cannot see.
private final class ByteSink: @unchecked Sendable {
    var bytes: [UInt8] = []
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
