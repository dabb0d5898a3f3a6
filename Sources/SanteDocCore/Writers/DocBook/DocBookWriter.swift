import XMLSupport

/// Writes a `Document` as one DocBook 5 `<book>`, built node by node through libxml2,
/// and validated against the DocBook RELAX NG schema before any byte is returned.
public struct DocBookWriter {
    static let namespace = "http://docbook.org/ns/docbook"
    static let xlink = "http://www.w3.org/1999/xlink"

    let schema: RelaxNGSchema?

    /// `schema` nil skips validation (unit tests of the tree only).
    public init(schema: RelaxNGSchema?) { self.schema = schema }

    public func write(_ document: Document) throws -> [UInt8] {
        let xml = XMLDocumentBuilder()
        let book = xml.makeRoot("book", namespace: Self.namespace, attributes: [("version", "5.0")])
        xml.declareNamespace(Self.xlink, prefix: "xlink")
        xml.setLanguage("fr", on: book)
        var context = Context(xml: xml)
        context.info(document, in: book)
        for chapter in document.chapters { context.section(chapter, element: "chapter", in: book) }
        if let schema {
            let issues = xml.validate(against: schema)
            if !issues.isEmpty { throw WriterError.invalidDocBook(issues.map(\.description)) }
        }
        return try xml.serialized()
    }

    struct Context {
        let xml: XMLDocumentBuilder

        func info(_ document: Document, in book: XMLElementHandle) {
            let info = xml.append("info", to: book)
            xml.append("title", to: info, text: document.title)
            if let subtitle = document.subtitle { xml.append("subtitle", to: info, text: subtitle) }
            if !document.cover.isEmpty {
                let abstract = xml.append("abstract", to: info)
                for line in document.cover { xml.append("para", to: abstract, text: "\(line.label) : \(line.value)") }
            }
        }

        func section(_ section: Section, element: String, in parent: XMLElementHandle) {
            let node = xml.append(element, to: parent)
            xml.setAttribute("id", section.id, namespacePrefix: "xml", on: node)
            xml.append("title", to: node, text: section.title)
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
                    if let url = quote.sourceURL {
                        xml.appendText(" — ", to: element)
                        let link = xml.append("link", to: element, text: url)
                        xml.setAttribute("href", url, namespacePrefix: "xlink", on: link)
                    }
                }
                for child in quote.blocks { self.block(child, in: node) }
                if quote.blocks.isEmpty { xml.append("para", to: node) }
            case let .code(text):
                xml.append("programlisting", to: parent, text: text)
            case let .note(title, blocks):
                let node = xml.append("note", to: parent)
                xml.append("title", to: node, text: title)
                for child in blocks { self.block(child, in: node) }
                if blocks.isEmpty { xml.append("para", to: node) }
            case let .chart(chart):
                // DocBook has no chart: the same data as a table keeps the document complete.
                self.table(Table(id: chart.id, caption: chart.title, columns: [.init(chart.labelTitle), .init(chart.valueTitle, .right)],
                                 rows: chart.bars.map { [[.text($0.label)], [.text($0.valueText)]] }, rowHeaders: true),
                           in: parent)
            }
        }
    }
}

public enum WriterError: Error, CustomStringConvertible {
    case invalidDocBook([String])

    public var description: String {
        switch self {
        case let .invalidDocBook(issues):
            return "erreur interne : le DocBook produit n’est pas valide (\(issues.prefix(5).joined(separator: " ; ")))."
                + " Merci de signaler ce problème avec le projet qui l’a provoqué."
        }
    }
}
