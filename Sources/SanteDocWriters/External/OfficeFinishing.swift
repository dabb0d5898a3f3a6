import Foundation
import XMLSupport
import ZIPFoundation

/// What pandoc leaves out of the DOCX and ODT it writes from our book, added to its parts
/// through libxml2's tree (`XMLTree`), so that partners who open them in Word or
/// LibreOffice read what the PDF shows:
/// - a table of contents that is there on opening: one entry per chapter and section,
///   each linked to its heading with its page number as a page-reference field that the
///   word processor computes when it lays the pages out (pandoc's own TOC field stays empty
///   until someone updates it, and LibreOffice never computes one when converting);
/// - the cover table on the title page, before the table of contents (pandoc puts the
///   book's preface after it, under a heading of its own);
/// - signature rows at least 3 cm high, room to sign;
/// - for the ODT, ruled cells (`OpenDocumentCells`).
enum OfficeFinishing {
    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let xlink = "http://www.w3.org/1999/xlink"
    /// The name of the bookmark of the n-th heading, which its entry links to.
    static func mark(_ number: Int) -> String { "sommaire-\(number)" }
    /// 3 cm, in twentieths of a point.
    static let signatureRowTwips = "1701"
    /// Where the page number sits: the text width of the A4 page of the reference document.
    static let tocTabTwips = "10080"

    /// A finished DOCX. `signatureTables` are the ids of the tables signed by hand;
    /// `contents` false leaves no table of contents (a document of one chapter).
    static func docx(_ archive: [UInt8], signatureTables: Set<String>, contents: Bool) throws -> [UInt8] {
        try rewrite(
            archive,
            [
                "word/document.xml": { try docxDocument($0, signatureTables: signatureTables, contents: contents) },
                // Word refreshes the page references (and any field) when the file is opened.
                "word/settings.xml": docxSettings,
            ])
    }

    static func odt(_ archive: [UInt8], signatureTables: Set<String>, contents: Bool) throws -> [UInt8] {
        try rewrite(
            archive,
            [
                "content.xml": { try odtContent($0, signatureTables: signatureTables, contents: contents) }
            ])
    }

    // MARK: DOCX

    static func w(_ local: String) -> XMLName { XMLName(word, local) }

    static func docxDocument(_ bytes: [UInt8], signatureTables: Set<String>, contents: Bool) throws -> [UInt8] {
        let tree = try XMLTree(parsing: bytes, name: "document.xml")
        let contentsBlock = tree.elements(w("docPartGallery")).first {
            tree.attribute(w("val"), of: $0) == "Table of Contents"
        }.flatMap(tree.parent(of:)).flatMap(tree.parent(of:)).flatMap(tree.parent(of:))
        if let start = tree.elements(w("bookmarkStart")).first(where: {
            tree.attribute(w("name"), of: $0) == DocBookWriter.Context.presentationID
        }), let heading = tree.nextElement(after: start), tree.isNamed(heading, w("p")),
            let grid = tree.nextElement(after: heading), tree.isNamed(grid, w("tbl"))
        {
            if let contentsBlock { tree.move(grid, .before, contentsBlock) }
            tree.remove(heading)
        }
        var headings: [(mark: String, title: String, level: Int)] = []
        for paragraph in tree.elements(w("p")) {
            guard let properties = tree.children(of: paragraph).first(where: { tree.isNamed($0, w("pPr")) }),
                let style = tree.children(of: properties).first(where: { tree.isNamed($0, w("pStyle")) }),
                let level = ["Heading1": 1, "Heading2": 2][tree.attribute(w("val"), of: style) ?? ""]
            else { continue }
            let mark = Self.mark(headings.count + 1)
            let id = String(90_000 + headings.count)
            let end = try tree.insert(w("bookmarkEnd"), .after, properties, attributes: [(w("id"), id)])
            try tree.insert(w("bookmarkStart"), .before, end, attributes: [(w("id"), id), (w("name"), mark)])
            headings.append((mark, tree.text(of: paragraph), level))
        }
        if let block = contentsBlock,
            let content = tree.children(of: block).first(where: { tree.isNamed($0, w("sdtContent")) })
        {
            guard contents, !headings.isEmpty else {
                tree.remove(block)
                return try finishSignatures(tree, signatureTables)
            }
            tree.removeChildren(of: content)
            let title = try tree.insert(w("p"), .lastChild, content)
            try paragraphStyle("TOCHeading", in: title, tree)
            try tree.insert(w("t"), .lastChild, try tree.insert(w("r"), .lastChild, title), text: "Sommaire")
            for heading in headings { try docxEntry(heading, in: content, tree) }
        }
        return try finishSignatures(tree, signatureTables)
    }

    static func finishSignatures(_ tree: XMLTree, _ signatureTables: Set<String>) throws -> [UInt8] {
        for start in tree.elements(w("bookmarkStart")) {
            guard let name = tree.attribute(w("name"), of: start), signatureTables.contains(name),
                let caption = tree.parent(of: start), let grid = tree.nextElement(after: caption),
                tree.isNamed(grid, w("tbl"))
            else { continue }
            // Every row but the header's: the room to sign.
            for row in tree.children(of: grid).filter({ tree.isNamed($0, w("tr")) }).dropFirst() {
                let properties =
                    try tree.children(of: row).first(where: { tree.isNamed($0, w("trPr")) })
                    ?? tree.insert(w("trPr"), .firstChild, row)
                try tree.insert(
                    w("trHeight"), .lastChild, properties,
                    attributes: [(w("val"), signatureRowTwips), (w("hRule"), "atLeast")])
            }
        }
        return try tree.serialized()
    }

    static func paragraphStyle(_ name: String, in paragraph: XMLNode, _ tree: XMLTree) throws {
        let properties = try tree.insert(w("pPr"), .lastChild, paragraph)
        try tree.insert(w("pStyle"), .lastChild, properties, attributes: [(w("val"), name)])
    }

    /// « 1. Fiche d’identité ........ 3 »: the title linked to its heading, a dotted tab,
    /// and a PAGEREF field (its page is computed when the pages are laid out).
    static func docxEntry(_ heading: (mark: String, title: String, level: Int), in content: XMLNode, _ tree: XMLTree)
        throws
    {
        let paragraph = try tree.insert(w("p"), .lastChild, content)
        try paragraphStyle("TOC\(heading.level)", in: paragraph, tree)
        let properties = tree.children(of: paragraph)[0]
        let tabs = try tree.insert(w("tabs"), .lastChild, properties)
        try tree.insert(
            w("tab"), .lastChild, tabs,
            attributes: [(w("val"), "right"), (w("leader"), "dot"), (w("pos"), tocTabTwips)])
        let link = try tree.insert(w("hyperlink"), .lastChild, paragraph, attributes: [(w("anchor"), heading.mark)])
        func run() throws -> XMLNode { try tree.insert(w("r"), .lastChild, link) }
        try tree.insert(w("t"), .lastChild, try run(), attributes: [], text: heading.title)
        try tree.insert(w("tab"), .lastChild, try run())
        try tree.insert(w("fldChar"), .lastChild, try run(), attributes: [(w("fldCharType"), "begin")])
        try tree.insert(w("instrText"), .lastChild, try run(), text: " PAGEREF \(heading.mark) \\h ")
        try tree.insert(w("fldChar"), .lastChild, try run(), attributes: [(w("fldCharType"), "separate")])
        try tree.insert(w("fldChar"), .lastChild, try run(), attributes: [(w("fldCharType"), "end")])
    }

    static func docxSettings(_ bytes: [UInt8]) throws -> [UInt8] {
        let tree = try XMLTree(parsing: bytes, name: "settings.xml")
        guard let root = tree.root else { return bytes }
        if !tree.children(of: root).contains(where: { tree.isNamed($0, w("updateFields")) }) {
            try tree.insert(w("updateFields"), .lastChild, root, attributes: [(w("val"), "true")])
        }
        return try tree.serialized()
    }

    // MARK: ODT

    static func odtContent(_ bytes: [UInt8], signatureTables: Set<String>, contents: Bool) throws -> [UInt8] {
        let tree = try XMLTree(parsing: bytes, name: "content.xml")
        _ = try OpenDocumentCells.editor.apply(to: tree)
        if let start = tree.elements(XMLName(text, "bookmark-start")).first(where: {
            tree.attribute(XMLName(text, "name"), of: $0) == DocBookWriter.Context.presentationID
        }), let heading = tree.parent(of: start), let grid = tree.nextElement(after: heading),
            tree.isNamed(grid, XMLName(table, "table"))
        {
            if let index = tree.elements(XMLName(text, "table-of-content")).first { tree.move(grid, .before, index) }
            tree.remove(heading)
        }
        var headings: [(mark: String, title: String, level: Int)] = []
        for heading in tree.elements(XMLName(text, "h")) {
            guard let level = Int(tree.attribute(XMLName(text, "outline-level"), of: heading) ?? ""), level <= 2
            else { continue }
            let mark = Self.mark(headings.count + 1)
            headings.append((mark, tree.text(of: heading), level))
            try tree.insert(
                XMLName(text, "bookmark"), .firstChild, heading, attributes: [(XMLName(text, "name"), mark)])
        }
        for index in tree.elements(XMLName(text, "table-of-content")) {
            guard contents, !headings.isEmpty else {
                tree.remove(index)
                continue
            }
            let body = try tree.insert(XMLName(text, "index-body"), .lastChild, index)
            let title = try tree.insert(
                XMLName(text, "index-title"), .lastChild, body, attributes: [(XMLName(text, "name"), "sommaire")])
            try tree.insert(
                XMLName(text, "p"), .lastChild, title,
                attributes: [(XMLName(text, "style-name"), "Contents_20_Heading")], text: "Sommaire")
            for heading in headings {
                let entry = try tree.insert(
                    XMLName(text, "p"), .lastChild, body,
                    attributes: [(XMLName(text, "style-name"), "Contents_20_\(heading.level)")])
                let link = try tree.insert(
                    XMLName(text, "a"), .lastChild, entry,
                    attributes: [(XMLName(xlink, "type"), "simple"), (XMLName(xlink, "href"), "#" + heading.mark)],
                    text: heading.title)
                try tree.insert(XMLName(text, "tab"), .lastChild, link)
                try tree.insert(
                    XMLName(text, "bookmark-ref"), .lastChild, link,
                    attributes: [
                        (XMLName(text, "reference-format"), "page"), (XMLName(text, "ref-name"), heading.mark),
                    ])
            }
        }
        var signed = false
        for mark in tree.elements(XMLName(text, "bookmark")) {
            guard let name = tree.attribute(XMLName(text, "name"), of: mark), signatureTables.contains(name),
                let caption = tree.parent(of: mark), let grid = tree.nextElement(after: caption),
                tree.isNamed(grid, XMLName(table, "table"))
            else { continue }
            for row in tree.children(of: grid) where tree.isNamed(row, XMLName(table, "table-row")) {
                try tree.setAttribute(XMLName(table, "style-name"), "LigneSignature", on: row)
                signed = true
            }
        }
        if signed, let styles = tree.elements(XMLName(office, "automatic-styles")).first {
            let row = try tree.insert(
                XMLName(style, "style"), .lastChild, styles,
                attributes: [(XMLName(style, "name"), "LigneSignature"), (XMLName(style, "family"), "table-row")])
            try tree.insert(
                XMLName(style, "table-row-properties"), .lastChild, row,
                attributes: [(XMLName(style, "min-row-height"), "3cm")])
        }
        return try tree.serialized()
    }

    // MARK: Archive

    /// The archive with some members rewritten, every other copied as it is, in the same
    /// order (`mimetype` first and stored, as ODF requires). Dates are left to `ZipTimestamps`.
    static func rewrite(_ archive: [UInt8], _ edits: [String: ([UInt8]) throws -> [UInt8]]) throws -> [UInt8] {
        let source = try Archive(data: Data(archive), accessMode: .read)
        let target = try Archive(accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if let edit = edits[entry.path] { data = Data(try edit(Array(data))) }
            let bytes = data
            try target.addEntry(
                with: entry.path, type: entry.type, uncompressedSize: Int64(bytes.count),
                modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                compressionMethod: entry.path == "mimetype" ? .none : .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = target.data else { throw XMLSupportError.serializationFailed }
        return Array(data)
    }
}
