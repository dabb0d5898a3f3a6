import SanteDocDocument
import SanteDocModel
import XMLSupport

/// libxml2's errors already read as French sentences.
extension XMLSupportError: UserFacingError {}

/// Writes a `Document` as one DocBook 5 `<book>`, built node by node through libxml2,
/// and validated against the DocBook RELAX NG schema before any byte is returned.
public struct DocBookWriter: Sendable {
    static let namespace = "http://docbook.org/ns/docbook"
    static let xlink = "http://www.w3.org/1999/xlink"

    let schema: RelaxNGSchema?

    /// Who reads the DocBook: anyone (the published file, validated), or pandoc writing the
    /// ODT and DOCX, which keeps more when the book is shaped for it.
    public enum Reader: Sendable {
        case anyone
        /// Chapters numbered in their titles, as in the HTML and the PDF; table ids as
        /// anchors in their titles (pandoc drops a table's id, and links to it died); charts
        /// as pictures (`ID.svg`, given to pandoc beside the book) with their text. (The
        /// cover table, a preface of its own, is moved to the title page afterwards:
        /// `OfficeFinishing`.)
        case office
    }

    /// `schema` nil skips validation (unit tests of the tree only).
    public init(schema: RelaxNGSchema?) { self.schema = schema }

    public func write(_ document: Document, for reader: Reader = .anyone) throws -> [UInt8] {
        let xml = XMLDocumentBuilder()
        // `status="draft"` is what docbook-xsl reads to mark every page of a draft.
        let book = xml.makeRoot(
            "book", namespace: Self.namespace,
            attributes: [("version", "5.0")] + (document.isWorkingDraft ? [("status", "draft")] : []))
        xml.declareNamespace(Self.xlink, prefix: "xlink")
        xml.setLanguage("fr", on: book)
        let context = Context(xml: xml, reader: reader)
        context.info(document, in: book)
        context.presentation(document, in: book)
        for (index, chapter) in document.chapters.enumerated() {
            context.section(chapter, element: "chapter", in: book, number: reader == .office ? index + 1 : nil)
        }
        if let schema, reader == .anyone {
            let issues = xml.validate(against: schema)
            if !issues.isEmpty { throw WriterError.invalidDocBook(issues.map(\.description)) }
        }
        return try xml.serialized()
    }

    struct Context {
        let xml: XMLDocumentBuilder
        var reader: Reader = .anyone

        /// Title, subtitle, date and release line, the `info` elements that readers such as
        /// pandoc keep as metadata; the abstract serves docbook-xsl's title page.
        func info(_ document: Document, in book: XMLElementHandle) {
            let info = xml.append("info", to: book)
            xml.append("title", to: info, text: document.title)
            if let subtitle = document.subtitle { xml.append("subtitle", to: info, text: subtitle) }
            if let date = document.date { xml.append("date", to: info, text: date) }
            if let release = Self.releaseLine(document) { xml.append("releaseinfo", to: info, text: release) }
            if !document.cover.isEmpty {
                let abstract = xml.append("abstract", to: info)
                for line in document.cover { xml.append("para", to: abstract, text: "\(line.label) : \(line.value)") }
            }
        }

        static func releaseLine(_ document: Document) -> String? {
            let parts = [
                document.version.map { "Version : \($0)" },
                document.isWorkingDraft ? Document.workingDraftMark : nil,
            ].compactMap { $0 }
            return parts.isEmpty ? nil : parts.joined(separator: " — ")
        }

        /// The cover data again as body text, because readers drop most of `info`
        /// (pandoc keeps no abstract): a document converted to plain text, ODT or DOCX
        /// still says which territory, population and ACI version it is about.
        func presentation(_ document: Document, in book: XMLElementHandle) {
            var lines = document.cover
            if let date = document.date { lines.append(CoverLine("Date", date)) }
            if let version = document.version { lines.append(CoverLine("Version", version)) }
            if document.isWorkingDraft { lines.append(CoverLine("Statut", Document.workingDraftMark)) }
            guard !lines.isEmpty else { return }
            let preface = xml.append("preface", to: book)
            xml.setAttribute("id", Self.presentationID, namespacePrefix: "xml", on: preface)
            xml.append("title", to: preface, text: document.subtitle.map { "\($0) — présentation" } ?? "Présentation")
            table(
                Table(
                    caption: "", columns: [.init("Rubrique"), .init("Information")],
                    rows: lines.map { [[.text($0.label)], [.text($0.value)]] }, rowHeaders: true), in: preface)
        }

        func section(_ section: Section, element: String, in parent: XMLElementHandle, number: Int? = nil) {
            let node = xml.append(element, to: parent)
            xml.setAttribute("id", section.id, namespacePrefix: "xml", on: node)
            xml.append("title", to: node, text: (number.map { "\($0). " } ?? "") + section.title)
            for block in section.blocks { self.block(block, in: node) }
            if section.blocks.isEmpty && section.sections.isEmpty { xml.append("para", to: node) }
            for child in section.sections { self.section(child, element: "section", in: node) }
        }

        func block(_ block: Block, in parent: XMLElementHandle) {
            switch block {
            case let .paragraph(inlines):
                self.inlines(inlines, in: xml.append("para", to: parent))
            case let .list(ordered, items):
                let list = xml.append(ordered ? "orderedlist" : "itemizedlist", to: parent)
                for item in items {
                    let listItem = xml.append("listitem", to: list)
                    if item.isEmpty { xml.append("para", to: listItem) }
                    for child in item { self.block(child, in: listItem) }
                }
            case let .table(table):
                self.table(table, in: parent)
            case let .quote(quote):
                let node = xml.append("blockquote", to: parent)
                if let attribution = quote.attribution {
                    let element = xml.append("attribution", to: node, text: attribution)
                    if let url = quote.sourceURL, let safe = LinkTarget.safe(url) {
                        xml.appendText(" — ", to: element)
                        let link = xml.append("link", to: element, text: url)
                        xml.setAttribute("href", safe, namespacePrefix: "xlink", on: link)
                    }
                }
                for child in quote.blocks { self.block(child, in: node) }
                if quote.blocks.isEmpty { xml.append("para", to: node) }
            case let .code(text):
                xml.append("programlisting", to: parent, text: text)
            case let .note(note):
                let node = xml.append(
                    "note", to: parent, attributes: note.kind == .toWrite ? [("role", "a-rediger")] : [])
                xml.append("title", to: node, text: note.title)
                for child in note.blocks { self.block(child, in: node) }
                if note.blocks.isEmpty { xml.append("para", to: node) }
            case let .chart(chart):
                figure(chart, in: parent)
            }
        }

        /// DocBook has no chart: a figure whose text names it and points to the table that
        /// holds the same numbers (or, without one, states them), so no reader shows them
        /// twice. A paragraph rather than a `mediaobject`: readers such as pandoc take a
        /// media object for a missing image.
        func figure(_ chart: BarChart, in parent: XMLElementHandle) {
            let figure = xml.append("figure", to: parent)
            if reader == .office {
                let title = xml.append("title", to: figure)
                xml.setAttribute("id", chart.id, namespacePrefix: "xml", on: xml.append("anchor", to: title))
                xml.appendText(chart.title, to: title)
                let media = xml.append("mediaobject", to: figure)
                let image = xml.append("imagedata", to: xml.append("imageobject", to: media))
                xml.setAttribute("fileref", Self.pictureFile(chart), on: image)
                xml.append(
                    "phrase", to: xml.append("textobject", to: media), text: BarChartSVG(chart: chart).description)
                return
            }
            xml.setAttribute("id", chart.id, namespacePrefix: "xml", on: figure)
            xml.append("title", to: figure, text: chart.title)
            let para = xml.append("para", to: figure, attributes: [("role", "graphique")])
            if let source = chart.sourceTable {
                xml.appendText("Graphique « \(chart.title) » : données du tableau « ", to: para)
                // A fragment link rather than `linkend`: an IDREF would tie the figure's validity
                // to a table the validator may see in another piece (see ChunkedValidation).
                let link = xml.append("link", to: para, text: source.caption)
                xml.setAttribute("href", "#" + source.id, namespacePrefix: "xlink", on: link)
                xml.appendText(" ».", to: para)
            } else {
                xml.appendText(
                    "Graphique « \(chart.title) » : "
                        + chart.bars.map { "\($0.label) : \($0.valueText)" }.joined(separator: " ; ") + ".", to: para)
            }
        }
    }
}

extension DocBookWriter.Context {
    /// The preface that repeats the cover as body text.
    public static let presentationID = "presentation-du-document"

    /// The file a chart is drawn in, beside a book written for office readers: in a folder
    /// no picture of the project can be in (their paths have no hidden part).
    static func pictureFile(_ chart: BarChart) -> String { ".graphiques/" + chart.id + ".svg" }
}

extension DocBookWriter {
    /// The pictures a book written for office readers names, as files: name and SVG text.
    public static func pictures(of document: Document) -> [(name: String, bytes: [UInt8])] {
        document.charts.map { (Context.pictureFile($0), Array(BarChartSVG(chart: $0).standalone.utf8)) }
    }
}

public enum WriterError: UserFacingError {
    case invalidDocBook([String])

    public var description: String {
        switch self {
        case let .invalidDocBook(issues):
            return
                "erreur interne : le DocBook produit n’est pas valide (\(issues.prefix(5).joined(separator: " ; ")))."
                + " Merci de signaler ce problème avec le projet qui l’a provoqué."
        }
    }
}
