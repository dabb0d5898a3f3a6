import Foundation
import SanteDocModel
import XMLSupport
import ZIPFoundation

/// The way into SanteDoc for a projet already written in Word or LibreOffice: pandoc reads
/// the DOCX or ODT (given on its standard input, in an empty folder) and writes it as
/// GitHub-flavoured Markdown, after `Templates/import/normaliser.lua` has given back the
/// headings and table headers the word processor hid; the pictures it extracts are read
/// back from that folder.
public struct OfficeDocumentConverter {
    public enum Kind: String, Sendable { case docx, odt }

    let run: ProgramRun
    let filter: URL

    public init(executable: URL, filter: URL) {
        run = ProgramRun(executable: executable, program: .pandoc)
        self.filter = filter
    }

    /// The document as Markdown, and each picture by the path the Markdown names it with.
    public func convert(_ document: [UInt8], kind: Kind) throws -> (markdown: String, pictures: [String: [UInt8]]) {
        let sandbox = try EngineSandbox.make()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let document = kind == .odt ? try Self.withHeaderRowsInTheirTables(document) : document
        let output = try run.run(
            [
                "--from", kind.rawValue, "--to", "gfm+footnotes-raw_html", "--standalone", "--wrap=none",
                "--lua-filter", filter.path, "--extract-media=media",
            ], input: document, directory: sandbox
        ).output
        var pictures: [String: [UInt8]] = [:]
        let media = sandbox.appendingPathComponent("media")
        let files = FileManager.default.enumerator(at: media, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = files?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                let bytes = FileManager.default.contents(atPath: url.path)
            else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(sandbox.standardizedFileURL.path.count + 1)
            pictures[String(relative)] = Array(bytes)
        }
        return (String(decoding: output, as: UTF8.self), pictures)
    }

    /// pandoc 2.17 drops the rows of an ODT table's `table-header-rows` (LibreOffice puts the
    /// first row there by default, « Répéter l’en-tête »): they become the table's first
    /// rows, and the filter makes the first row the header again.
    static func withHeaderRowsInTheirTables(_ archive: [UInt8]) throws -> [UInt8] {
        try OfficeFinishing.rewrite(
            archive,
            [
                "content.xml": { bytes in
                    let tree = try XMLTree(parsing: bytes, name: "content.xml")
                    for wrapper in tree.elements(XMLName(OfficeFinishing.table, "table-header-rows")) {
                        for row in tree.children(of: wrapper) { tree.move(row, .before, wrapper) }
                        tree.remove(wrapper)
                    }
                    return try tree.serialized()
                }
            ])
    }
}

/// What pandoc does not say about a DOCX or an ODT, read from its parts: what the import
/// cannot carry (tracked changes, comments, text boxes, embedded objects and charts), the
/// description of each picture (its alternative text), and the record a document made by
/// SanteDoc keeps of its sections.
public struct OfficeDocumentInspection: Sendable {
    public var unread: [String] = []
    public var pictureDescriptions: [String] = []
    public var record: SanteDocRecord?

    public init() {}

    /// The name of the document property where SanteDoc keeps its record.
    public static let recordProperty = "santedoc"
    /// A part larger than this is not read (a compressed bomb, not a projet).
    static let largestPart = 64 * 1024 * 1024

    public static func inspect(_ document: [UInt8], kind: OfficeDocumentConverter.Kind) throws -> Self {
        let archive = try Archive(data: Data(document), accessMode: .read)
        func part(_ path: String) throws -> [UInt8]? {
            guard let entry = archive[path], entry.uncompressedSize <= largestPart else { return nil }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return Array(data)
        }
        var inspection = OfficeDocumentInspection()
        switch kind {
        case .docx:
            if let body = try part("word/document.xml") {
                inspection.readWord(try XMLTree(parsing: body, name: "document.xml"))
            }
            if let comments = try part("word/comments.xml") {
                let tree = try XMLTree(parsing: comments, name: "comments.xml")
                inspection.count(
                    tree.elements(XMLName(Word.main, "comment")).count, "commentaire non importé",
                    "commentaires non importés")
            }
            if let custom = try part("docProps/custom.xml") {
                let tree = try XMLTree(parsing: custom, name: "custom.xml")
                let property = tree.elements(XMLName(Word.custom, "property")).first {
                    tree.attribute(XMLName("", "name"), of: $0) == recordProperty
                }
                inspection.record = property.flatMap { decode(tree.text(of: $0)) }
            }
        case .odt:
            if let content = try part("content.xml") {
                inspection.readOpenDocument(try XMLTree(parsing: content, name: "content.xml"))
            }
            if let meta = try part("meta.xml") {
                let tree = try XMLTree(parsing: meta, name: "meta.xml")
                let property = tree.elements(XMLName(ODF.meta, "user-defined")).first {
                    tree.attribute(XMLName(ODF.meta, "name"), of: $0) == recordProperty
                }
                inspection.record = property.flatMap { decode(tree.text(of: $0)) }
            }
        }
        return inspection
    }

    static func decode(_ text: String) -> SanteDocRecord? {
        guard let json = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return try? JSONDecoder().decode(SanteDocRecord.self, from: json)
    }

    /// The record as a document property holds it: JSON, in base 64.
    public static func encode(_ record: SanteDocRecord) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(record))?.base64EncodedString() ?? ""
    }

    static let change = "modification suivie, acceptée à l’import : relisez le texte"
    static let changes = "modifications suivies, acceptées à l’import : relisez le texte"
    static let box = "zone de texte : vérifiez que son texte est à sa place"
    static let boxes = "zones de texte : vérifiez que leur texte est à sa place"

    enum Word {
        static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        static let drawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
        static let chart = "http://schemas.openxmlformats.org/drawingml/2006/chart"
        static let picture = "http://schemas.openxmlformats.org/drawingml/2006/picture"
        static let custom = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    }

    enum ODF {
        static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
        static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
        static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    }

    /// « 1 commentaire non importé », « 2 commentaires non importés ».
    private mutating func count(_ n: Int, _ singular: String, _ plural: String) {
        guard n > 0 else { return }
        unread.append(FrenchFormat.count(n, singular, plural))
    }

    private mutating func readWord(_ tree: XMLTree) {
        let changes = tree.elements(XMLName(Word.main, "ins")).count + tree.elements(XMLName(Word.main, "del")).count
        count(changes, Self.change, Self.changes)
        count(tree.elements(XMLName(Word.main, "txbxContent")).count, Self.box, Self.boxes)
        count(
            tree.elements(XMLName(Word.main, "object")).count, "objet incorporé non importé (tableur, présentation…)",
            "objets incorporés non importés (tableur, présentation…)")
        count(
            tree.elements(XMLName(Word.chart, "chart")).count,
            "graphique non importé (à refaire en tableau ou en image)",
            "graphiques non importés (à refaire en tableau ou en image)")
        // A drawing's description, for the pictures only (a chart or a shape is a drawing
        // too), in the order pandoc extracts them.
        pictureDescriptions = tree.elements(XMLName(Word.drawing, "docPr")).compactMap { node in
            guard let drawing = tree.parent(of: node), Self.holds(XMLName(Word.picture, "pic"), drawing, in: tree)
            else {
                return nil
            }
            let description = tree.attribute(XMLName("", "descr"), of: node) ?? ""
            return description.isEmpty ? (tree.attribute(XMLName("", "title"), of: node) ?? "") : description
        }
    }

    /// Whether `node` holds an element named `name`, a few levels down at most (a picture
    /// sits three levels below its drawing).
    static func holds(_ name: XMLName, _ node: XMLNode, in tree: XMLTree, depth: Int = 4) -> Bool {
        guard depth > 0 else { return false }
        return tree.children(of: node).contains {
            tree.isNamed($0, name) || holds(name, $0, in: tree, depth: depth - 1)
        }
    }

    private mutating func readOpenDocument(_ tree: XMLTree) {
        count(tree.elements(XMLName(ODF.text, "changed-region")).count, Self.change, Self.changes)
        count(
            tree.elements(XMLName(ODF.office, "annotation")).count, "commentaire non importé",
            "commentaires non importés")
        count(tree.elements(XMLName(ODF.draw, "text-box")).count, Self.box, Self.boxes)
        count(
            tree.elements(XMLName(ODF.draw, "object")).count + tree.elements(XMLName(ODF.draw, "object-ole")).count,
            "objet incorporé non importé (graphique, tableur…)", "objets incorporés non importés (graphique, tableur…)")
        pictureDescriptions = tree.elements(XMLName(ODF.draw, "frame")).compactMap { frame in
            guard tree.children(of: frame).contains(where: { tree.isNamed($0, XMLName(ODF.draw, "image")) }) else {
                return nil
            }
            let texts = tree.children(of: frame).filter {
                tree.isNamed($0, XMLName(ODF.svg, "desc")) || tree.isNamed($0, XMLName(ODF.svg, "title"))
            }
            return texts.map { tree.text(of: $0) }.first { !$0.isEmpty } ?? ""
        }
    }
}
