import Foundation
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// Turns document trees into the files the user asked for: DocBook (validated) and HTML
/// always, since the other formats are made from them, then PDF, ODT and DOCX by their
/// engines, several at once.
struct DocumentRenderer: Sendable {
    private(set) var formats: [DocumentFormat]
    /// For the DocBook writer: its schema may still be parsing on the other core, and the
    /// HTML page need not wait for it.
    let toolkit: Toolkit
    let html: HTMLWriter
    let pdf: PDFWriter?
    let office: [OfficeDocumentWriter.Kind: OfficeDocumentWriter]
    let diagnostics: DiagnosticEngine

    /// The renderer, or nil after reporting what is missing (an engine, a template).
    static func make(
        toolkit: Toolkit, project: any ProjectSources, formats: [DocumentFormat],
        diagnostics: DiagnosticEngine
    ) throws -> DocumentRenderer? {
        var executables: [String: (executable: URL, modulePath: String?)] = [:]
        var missing = false
        for engine in [ExternalProgram.typst, .pandoc]
        where formats.contains(where: { $0.program?.name == engine.name }) {
            guard let url = engine.locate() else {
                diagnostics.emit(engine.missingDiagnostic())
                missing = true
                continue
            }
            guard let located = engine.withModule(url) else {
                diagnostics.emit(engine.missingDiagnostic(moduleOnly: true))
                missing = true
                continue
            }
            executables[engine.name] = located
        }
        let templates = PageTemplates(toolkit: toolkit, project: project, diagnostics: diagnostics)
        guard let html = templates.writer(), !missing else { return nil }
        var office: [OfficeDocumentWriter.Kind: OfficeDocumentWriter] = [:]
        for kind in [OfficeDocumentWriter.Kind.odt, .docx]
        where formats.contains(DocumentFormat(rawValue: kind.rawValue)!) {
            guard let reference = templates.referenceDocument(kind.rawValue),
                let draft = templates.referenceDocument(kind.rawValue, draft: true),
                let pandoc = executables["pandoc"]?.executable
            else {
                return nil
            }
            office[kind] = OfficeDocumentWriter(
                executable: pandoc, kind: kind, referenceDocument: reference, draftReferenceDocument: draft)
        }
        var pdf: PDFWriter?
        if let python = executables[ExternalProgram.typst.name] {
            guard let template = templates.pdfTemplate() else { return nil }
            pdf = PDFWriter(python: python.executable, modulePath: python.modulePath, template: template)
        }
        return DocumentRenderer(
            formats: formats, toolkit: toolkit, html: html,
            pdf: pdf, office: office, diagnostics: diagnostics)
    }

    /// The same writers for fewer formats (the board's `completude.html` beside the projet),
    /// without reading and checking the page templates again.
    func producing(_ formats: [DocumentFormat]) -> DocumentRenderer {
        var copy = self
        copy.formats = formats
        return copy
    }

    /// `name.xml`, `name.html`… for every document, in the order of `formats`.
    func render(_ documents: [(name: String, document: Document)]) throws -> [(name: String, bytes: [UInt8])] {
        var made: [String: [UInt8]] = [:]
        var jobs: [(name: String, format: DocumentFormat, source: [UInt8], document: Document)] = []
        for (name, assembled) in documents {
            let document = IdentifierAllocator.assign(assembled)
            let officeAsked = formats.contains { $0 == .odt || $0 == .docx }
            // The DocBook (built and validated) and the HTML page are independent: one core
            // each. A page asked for in HTML alone (completude.html) has no DocBook to check.
            let docBookAsked = formats.contains(.xml) || officeAsked
            let pair = concurrentMap(count: docBookAsked ? 2 : 1, width: 2) { index in
                Result { index == 0 ? html.write(document) : try docBook().write(document) }
            }
            made["\(name).html"] = try pair[0].get()
            if docBookAsked { made["\(name).xml"] = try pair[1].get() }
            let office = officeAsked ? try docBook().write(document, for: .office) : []
            for format in formats where format.program != nil {
                jobs.append((name, format, format == .pdf ? try PDFWriter.input(document) : office, document))
            }
        }
        let conversions = jobs
        let results = concurrentMap(count: conversions.count, width: conversions.count) { index in
            Result {
                try convert(conversions[index].source, of: conversions[index].document, to: conversions[index].format)
            }
        }
        for (index, job) in jobs.enumerated() {
            let (bytes, warnings) = try results[index].get()
            made["\(job.name).\(job.format.fileExtension)"] = bytes
            for warning in warnings {
                diagnostics.warning(
                    "pdf.avertissement", at: nil, "Typst (\(job.name).pdf) : \(warning)",
                    hint: "le modèle du PDF du projet (modeles/document.typ) utilise une forme que Typst déconseille.")
            }
        }
        return documents.flatMap { name, document in
            formats.compactMap { format in
                made["\(name).\(format.fileExtension)"].map { ("\(name).\(format.fileExtension)", $0) }
            } + (formats.contains(.xml) ? Self.pictures(of: document, besideBook: name) : [])
        }
    }

    private func docBook() throws -> DocBookWriter { DocBookWriter(schema: try toolkit.docBookSchema()) }

    /// The pictures a book names (`imagedata fileref="images/carte.png"`), written beside it.
    static func pictures(of document: Document, besideBook name: String) -> [(name: String, bytes: [UInt8])] {
        let folder = (name as NSString).deletingLastPathComponent
        return document.pictures.sorted { $0.key < $1.key }.map { path, picture in
            ((folder.isEmpty ? "" : folder + "/") + path, picture.bytes)
        }
    }

    private func convert(_ source: [UInt8], of document: Document, to format: DocumentFormat) throws -> (
        [UInt8], [String]
    ) {
        switch format {
        case .pdf: return try pdf!.write(input: source, pictures: document.pictures)
        case .odt, .docx:
            let writer = office[format == .odt ? .odt : .docx]!
            return (try writer.write(docBook: source, of: document), [])
        case .xml, .html: return (source, [])
        }
    }
}
