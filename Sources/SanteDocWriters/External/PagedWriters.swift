import Foundation
import SanteDocDocument
import SanteDocModel

/// PDF from our HTML page and its print stylesheet, by WeasyPrint: a CSS paged-media
/// engine that gives the table of contents its page numbers (`target-counter`), the
/// running footer (`string-set`), PDF bookmarks from the headings, embedded font subsets
/// and table headers repeated on every page.
public struct PDFWriter: Sendable {
    let run: ProgramRun
    /// Paged-media rules (page numbers, running footer, bookmarks) that only a print
    /// engine reads, kept out of the page so the HTML stays valid for browsers.
    let pagedStylesheet: String

    public init(executable: URL, pagedStylesheet: String) {
        run = ProgramRun(executable: executable, program: .weasyPrint)
        self.pagedStylesheet = pagedStylesheet
    }

    /// The PDF, and WeasyPrint's warnings (a project's own stylesheet may use CSS it
    /// ignores); its errors fail the write.
    public func write(html: [UInt8]) throws -> (pdf: [UInt8], warnings: [String]) {
        // Relative URLs resolve in an empty folder: the page is self-contained, and nothing
        // of the machine is read on its behalf.
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("santedoc-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: sandbox, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let stylesheet = sandbox.appendingPathComponent("impression.css")
        try Data(pagedStylesheet.utf8).write(to: stylesheet)
        let (pdf, messages) = try run.run(
            [
                "--encoding", "utf-8", "--base-url", sandbox.path + "/",
                "--stylesheet", stylesheet.path, "-", "-",
            ], input: html, directory: sandbox)
        let lines = messages.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("ERROR") || $0.hasPrefix("CRITICAL") }
        guard errors.isEmpty else { throw ExternalProgramError.reported(program: "weasyprint", messages: errors) }
        return (pdf, lines.filter { $0.hasPrefix("WARNING") })
    }
}

/// ODT and DOCX from our DocBook, by pandoc, with a reference document that carries the
/// styles (headings, tables, title page) so the file looks like the HTML and the PDF.
public struct OfficeDocumentWriter: Sendable {
    public enum Kind: String, Sendable { case odt, docx }

    let run: ProgramRun
    let kind: Kind
    let referenceDocument: URL

    public init(executable: URL, kind: Kind, referenceDocument: URL) {
        run = ProgramRun(executable: executable, program: .pandoc)
        self.kind = kind
        self.referenceDocument = referenceDocument
    }

    public func write(docBook: [UInt8]) throws -> [UInt8] {
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent(
            "santedoc-\(kind)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: sandbox, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let archive = try run.run(
            [
                "--from", "docbook", "--to", kind.rawValue, "--reference-doc", referenceDocument.path,
                "--resource-path", sandbox.path, "--output", "-",
            ], input: docBook, directory: sandbox
        ).output
        return ZipTimestamps.normalized(kind == .odt ? try OpenDocumentCells.ruled(archive) : archive)
    }
}
