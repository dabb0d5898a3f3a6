import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// Turns document trees into the files the user asked for: DocBook (validated) and HTML
/// always, since the other formats are made from them, then PDF, ODT and DOCX by their
/// engines, several at once.
struct DocumentRenderer: Sendable {
    let formats: [DocumentFormat]
    let docBook: DocBookWriter
    let html: HTMLWriter
    let pdf: PDFWriter?
    let office: [OfficeDocumentWriter.Kind: OfficeDocumentWriter]
    let diagnostics: DiagnosticEngine

    /// The renderer, or nil after reporting what is missing (an engine, a template).
    static func make(
        toolkit: Toolkit, project: any ProjectSources, formats: [DocumentFormat],
        diagnostics: DiagnosticEngine
    ) throws -> DocumentRenderer? {
        var executables: [String: URL] = [:]
        var missing = false
        for engine in [ExternalProgram.weasyPrint, .pandoc]
        where formats.contains(where: { $0.program?.name == engine.name }) {
            guard let url = engine.locate() else {
                diagnostics.emit(engine.missingDiagnostic())
                missing = true
                continue
            }
            executables[engine.name] = url
        }
        let templates = PageTemplates(toolkit: toolkit, project: project, diagnostics: diagnostics)
        guard let html = templates.writer(), !missing else { return nil }
        var office: [OfficeDocumentWriter.Kind: OfficeDocumentWriter] = [:]
        for kind in [OfficeDocumentWriter.Kind.odt, .docx]
        where formats.contains(DocumentFormat(rawValue: kind.rawValue)!) {
            guard let reference = templates.referenceDocument(kind.rawValue), let pandoc = executables["pandoc"] else {
                return nil
            }
            office[kind] = OfficeDocumentWriter(executable: pandoc, kind: kind, referenceDocument: reference)
        }
        var pdf: PDFWriter?
        if let weasyPrint = executables["weasyprint"] {
            guard let paged = templates.pagedStylesheet() else { return nil }
            pdf = PDFWriter(executable: weasyPrint, pagedStylesheet: paged)
        }
        return DocumentRenderer(
            formats: formats, docBook: try DocBookWriter(schema: toolkit.docBookSchema()), html: html,
            pdf: pdf, office: office, diagnostics: diagnostics)
    }

    /// `name.xml`, `name.html`… for every document, in the order of `formats`.
    func render(_ documents: [(name: String, document: Document)]) throws -> [(name: String, bytes: [UInt8])] {
        var made: [String: [UInt8]] = [:]
        var jobs: [(name: String, format: DocumentFormat, source: [UInt8])] = []
        for (name, assembled) in documents {
            let document = IdentifierAllocator.assign(assembled)
            let xml = try docBook.write(document)
            let page = html.write(document)
            made["\(name).xml"] = xml
            made["\(name).html"] = page
            for format in formats where format.program != nil {
                jobs.append((name, format, format == .pdf ? page : xml))
            }
        }
        let conversions = jobs
        let results = concurrentMap(count: conversions.count, width: conversions.count) { index in
            Result { try convert(conversions[index].source, to: conversions[index].format) }
        }
        for (index, job) in jobs.enumerated() {
            let (bytes, warnings) = try results[index].get()
            made["\(job.name).\(job.format.fileExtension)"] = bytes
            for warning in warnings {
                diagnostics.warning(
                    "pdf.avertissement", at: nil, "WeasyPrint (\(job.name).pdf) : \(warning)",
                    hint: "la feuille de style du projet (modeles/style.css) utilise une règle que le PDF ignore.")
            }
        }
        return documents.flatMap { name, _ in
            formats.compactMap { format in
                made["\(name).\(format.fileExtension)"].map { ("\(name).\(format.fileExtension)", $0) }
            }
        }
    }

    private func convert(_ source: [UInt8], to format: DocumentFormat) throws -> ([UInt8], [String]) {
        switch format {
        case .pdf: return try pdf!.write(html: source)
        case .odt: return (try office[.odt]!.write(docBook: source), [])
        case .docx: return (try office[.docx]!.write(docBook: source), [])
        case .xml, .html: return (source, [])
        }
    }
}
