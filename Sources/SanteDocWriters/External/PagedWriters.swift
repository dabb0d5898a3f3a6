import Foundation
import SanteDocDocument
import SanteDocModel

/// PDF from our HTML page and its print stylesheet, by WeasyPrint: a CSS paged-media
/// engine that gives the table of contents its page numbers (`target-counter`), the
/// running footer (`string-set`), PDF bookmarks from the headings, embedded font subsets
/// and table headers repeated on every page.
///
/// WeasyPrint is driven through its Python API rather than its command, to give it a
/// resource fetcher that serves nothing but what is written in the page itself (`data:`
/// addresses): whatever a page or a stylesheet names — a file of the machine, a web
/// address — is refused, never read. The page templates are checked for such references
/// before (`PageResourceCheck`, with their line); this is the guarantee behind the check.
public struct PDFWriter: Sendable {
    let run: ProgramRun
    /// Paged-media rules (page numbers, running footer, bookmarks) that only a print
    /// engine reads, kept out of the page so the HTML stays valid for browsers.
    let pagedStylesheet: String

    /// `weasyprint`: the command of the machine, whose Python runs the driver.
    public init(executable: URL, pagedStylesheet: String) {
        run = ProgramRun(executable: Self.interpreter(of: executable), program: .weasyPrint)
        self.pagedStylesheet = pagedStylesheet
    }

    /// The Python of the `weasyprint` script (its first line), so that the driver imports
    /// the WeasyPrint the command would run.
    static func interpreter(of executable: URL) -> URL {
        guard let handle = try? FileHandle(forReadingFrom: executable),
            let head = try? handle.read(upToCount: 256)
        else { return URL(fileURLWithPath: "/usr/bin/python3") }
        try? handle.close()
        let first = String(decoding: head.prefix { $0 != 10 }, as: UTF8.self)
        guard first.hasPrefix("#!") else { return URL(fileURLWithPath: "/usr/bin/python3") }
        let words = first.dropFirst(2).split(separator: " ").map(String.init)
        if words.first?.hasSuffix("/env") == true, let program = words.dropFirst().first {
            return URL(fileURLWithPath: "/usr/bin/\(program)")
        }
        return URL(fileURLWithPath: words.first ?? "/usr/bin/python3")
    }

    /// Reads the page on standard input and the paged stylesheet from the file named first,
    /// writes the PDF on standard output; a refused resource is a line « REFUS: url ».
    static let driver = """
        import logging, sys
        import weasyprint
        from weasyprint.urls import default_url_fetcher

        def fetch(url, timeout=10, ssl_context=None):
            if url.startswith("data:"):
                return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
            print("REFUS: " + url, file=sys.stderr)
            raise PermissionError("ressource hors du document")

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger = logging.getLogger("weasyprint")
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
        page = sys.stdin.buffer.read().decode("utf-8")
        with open(sys.argv[1], encoding="utf-8") as css:
            stylesheet = weasyprint.CSS(string=css.read(), url_fetcher=fetch, base_url=sys.argv[2])
        html = weasyprint.HTML(string=page, base_url=sys.argv[2], url_fetcher=fetch)
        sys.stdout.buffer.write(html.write_pdf(stylesheets=[stylesheet]))
        """

    /// The PDF, and WeasyPrint's warnings (a project's own stylesheet may use CSS it
    /// ignores); its errors, and any resource it asked for, fail the write.
    public func write(html: [UInt8]) throws -> (pdf: [UInt8], warnings: [String]) {
        // Relative URLs resolve in an empty folder, and the fetcher serves none of them.
        let sandbox = try EngineSandbox.make()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let stylesheet = sandbox.appendingPathComponent("impression.css")
        try Data(pagedStylesheet.utf8).write(to: stylesheet)
        let (pdf, messages) = try run.run(
            ["-I", "-c", Self.driver, stylesheet.path, sandbox.path + "/"], input: html, directory: sandbox)
        let lines = messages.split(separator: "\n").map(String.init)
        let refused = lines.filter { $0.hasPrefix("REFUS: ") }.map { String($0.dropFirst(7)) }
        guard refused.isEmpty else { throw ExternalProgramError.refusedResources(program: "weasyprint", refused) }
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
        let sandbox = try EngineSandbox.make()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        // Our DocBook names no file and no address, and relative ones resolve in an empty
        // folder. For ODT, pandoc's --sandbox also forbids it any other read; pandoc 2.17
        // cannot write a DOCX under it (it no longer finds its own data files).
        let sandboxed = kind == .odt ? ["--sandbox"] : []
        let archive = try run.run(
            sandboxed + [
                "--from", "docbook", "--to", kind.rawValue, "--reference-doc", referenceDocument.path,
                "--resource-path", sandbox.path, "--output", "-",
            ], input: docBook, directory: sandbox
        ).output
        return ZipTimestamps.normalized(kind == .odt ? try OpenDocumentCells.ruled(archive) : archive)
    }
}
