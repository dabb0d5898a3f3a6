import Foundation
import SanteDocDocument
import SanteDocModel

/// PDF from the document tree, by Typst (its Python package): the tree goes in as data
/// (`TypstInput`), a template lays it out (`Templates/typst/document.typ`, or the project's
/// `modeles/document.typ`). Typst numbers the table of contents, draws the bookmarks, the
/// running footer and the table headers on every page, embeds font subsets, and writes a
/// tagged PDF: PDF/UA-1 (headings, tables with header cells, figures with their text) and
/// PDF/A-2a for the archive — in a fraction of the time a CSS paged-media engine takes.
///
/// The engine reads nothing but what it is given: its root is an empty folder, the data
/// comes on standard input, the template is checked for reads before (`PageResourceCheck`),
/// and no package can be imported.
public struct PDFWriter: Sendable {
    let run: ProgramRun
    /// Where the `typst` package is: Python then starts without its site initialisation
    /// (`-S`), which reads the installation's `.pth` hooks and whatever they name.
    let modulePath: String?
    let template: String

    /// `python3`: the interpreter whose `typst` package compiles.
    public init(python: URL, modulePath: String?, template: String) {
        run = ProgramRun(executable: python, program: .typst)
        self.modulePath = modulePath
        self.template = template
    }

    /// The data the template lays out, for one document.
    public static func input(_ document: Document) throws -> [UInt8] { try TypstInput(document).json() }

    /// The document's pictures, written where the engine's data names them.
    static func place(_ pictures: [String: Picture], in folder: URL) throws {
        for (path, picture) in pictures {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(picture.bytes).write(to: file)
        }
    }

    /// Reads the document's data on standard input and the template from the file named
    /// first; writes the PDF on standard output, Typst's warnings on standard error. A
    /// missing package is the line « MODULE-ABSENT », an error « ERREUR: … ».
    static let driver = """
        import sys
        if len(sys.argv) > 3:
            sys.path.insert(0, sys.argv[3])
        try:
            import typst
        except ImportError:
            print("MODULE-ABSENT", file=sys.stderr)
            sys.exit(3)
        root = sys.argv[2]
        data = sys.stdin.buffer.read().decode("utf-8")
        try:
            pdf, warnings = typst.compile_with_warnings(
                sys.argv[1], root=root, sys_inputs={"document": data}, pdf_standards=["a-2a", "ua-1"],
                timestamp=0, package_path=root, package_cache_path=root)
        except typst.TypstError as error:
            print("ERREUR: " + error.message.replace("\\n", " "), file=sys.stderr)
            sys.exit(1)
        for warning in warnings:
            print("WARNING: " + warning.message.replace("\\n", " "), file=sys.stderr)
        sys.stdout.buffer.write(pdf)
        """

    /// The PDF and Typst's warnings (a project's own template may use what Typst deprecates);
    /// its errors fail the write.
    public func write(input: [UInt8], pictures: [String: Picture] = [:]) throws -> (pdf: [UInt8], warnings: [String]) {
        // The engine's root: an empty folder but for the template and the document's pictures.
        let sandbox = try EngineSandbox.make()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        try Self.place(pictures, in: sandbox)
        let file = sandbox.appendingPathComponent("document.typ")
        try Data(template.utf8).write(to: file)
        let options = modulePath == nil ? ["-P"] : ["-P", "-S"]
        let finished = try run.runReporting(
            options + ["-c", Self.driver, file.path, sandbox.path] + (modulePath.map { [$0] } ?? []), input: input,
            directory: sandbox)
        let lines = finished.messages.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("ERREUR: ") }.map { String($0.dropFirst(8)) }
        guard errors.isEmpty else { throw ExternalProgramError.reported(program: "typst", messages: errors) }
        guard finished.status == 0, !finished.output.isEmpty else {
            throw ExternalProgramError.failed(program: "typst", status: finished.status, messages: finished.messages)
        }
        return (finished.output, lines.filter { $0.hasPrefix("WARNING: ") }.map { String($0.dropFirst(9)) })
    }
}

/// ODT and DOCX from our DocBook, by pandoc, with a reference document that carries the
/// styles (headings, tables, title page) so the file looks like the HTML and the PDF.
public struct OfficeDocumentWriter: Sendable {
    public enum Kind: String, Sendable { case odt, docx }

    let run: ProgramRun
    let kind: Kind
    let referenceDocument: URL
    /// The same with the working draft's mark at the head of every page.
    let draftReferenceDocument: URL

    public init(executable: URL, kind: Kind, referenceDocument: URL, draftReferenceDocument: URL) {
        run = ProgramRun(executable: executable, program: .pandoc)
        self.kind = kind
        self.referenceDocument = referenceDocument
        self.draftReferenceDocument = draftReferenceDocument
    }

    /// `docBook` is the book written for office readers (`DocBookWriter.Reader.office`); the
    /// document gives its charts, drawn as pictures beside it, its headings for the table of
    /// contents and its signature tables.
    public func write(docBook: [UInt8], of document: Document) throws -> [UInt8] {
        let sandbox = try EngineSandbox.make()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        // The book names no file but its pictures, written here; relative names resolve in
        // this folder and find nothing else. (pandoc's --sandbox would refuse the pictures
        // too, and pandoc 2.17 cannot write a DOCX under it.)
        let charts = DocBookWriter.pictures(of: document).map { ($0.name, Picture(format: .svg, bytes: $0.bytes)) }
        try PDFWriter.place(document.pictures.merging(charts) { $1 }, in: sandbox)
        let archive = try run.run(
            [
                "--from", "docbook", "--to", kind.rawValue, "--reference-doc",
                (document.isWorkingDraft ? draftReferenceDocument : referenceDocument).path,
                "--resource-path", sandbox.path, "--toc", "--toc-depth=2", "--output", "-",
            ] + (try record(document, in: sandbox)), input: docBook, directory: sandbox
        ).output
        let signed = Set(document.tables.filter { $0.style == .signatures }.compactMap(\.id))
        let contents = document.chapters.count > 1
        let finished =
            kind == .odt
            ? try OfficeFinishing.odt(archive, signatureTables: signed, contents: contents)
            : try OfficeFinishing.docx(archive, signatureTables: signed, contents: contents)
        return ZipTimestamps.normalized(finished)
    }

    /// The record of the written sections, as a document property (`santedoc importer`
    /// reads it back): in a metadata file, since a long projet's record would not fit in
    /// one argument, and in base 64, which pandoc's Markdown reading of metadata leaves as is.
    func record(_ document: Document, in sandbox: URL) throws -> [String] {
        guard let record = document.record, !record.sections.isEmpty else { return [] }
        let file = sandbox.appendingPathComponent("enregistrement.yaml")
        try Data("\(OfficeDocumentInspection.recordProperty): \(OfficeDocumentInspection.encode(record))\n".utf8)
            .write(to: file)
        return ["--metadata-file", file.path]
    }
}
