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
        let text = String(decoding: finished.messages, as: UTF8.self)
        guard finished.status == 0, !finished.output.isEmpty else {
            throw ExternalProgramError.failed(program: program.name, status: finished.status, messages: text)
        }
        return (finished.output, text)
    }
}

public enum ExternalProgramError: UserFacingError {
    case failed(program: String, status: Int32, messages: String)
    case reported(program: String, messages: [String])
    /// Resources outside the document that the engine asked for, refused.
    case refusedResources(program: String, [String])

    public var description: String {
        switch self {
        case let .failed(program, status, messages):
            let first = messages.split(separator: "\n").prefix(3).joined(separator: " ; ")
            return "« \(program) » a échoué (code \(status))" + (first.isEmpty ? "." : " : \(first)")
        case let .reported(program, messages):
            return "« \(program) » signale des erreurs : " + messages.prefix(3).joined(separator: " ; ")
        case let .refusedResources(program, urls):
            return "« \(program) » a demandé des ressources hors du document, refusées : "
                + urls.prefix(3).map { "« \($0) »" }.joined(separator: ", ")
        }
    }
}
