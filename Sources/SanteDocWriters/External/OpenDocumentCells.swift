import Foundation
import XMLSupport
import ZIPFoundation

/// pandoc's ODT writer gives every table cell an automatic style of its own making, with
/// `fo:border="none"`, which no reference document can override: partners would see
/// tables without rules in LibreOffice while the HTML, PDF and DOCX have them. This sets
/// the rules and the header shading of the HTML (`Templates/html/style.css`) on those two
/// styles of `content.xml`; every other member is copied as it is, in the same order
/// (`mimetype` first and stored, as ODF requires).
enum OpenDocumentCells {
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let rule = "0.5pt solid #c5ced8"

    static let editor = XMLAttributeEditor(
        parent: XMLName(style, "style"), key: XMLName(style, "name"),
        target: XMLName(style, "table-cell-properties"),
        attributes: [
            "TableRowCell": [XMLName(fo, "border"): rule, XMLName(fo, "padding"): "0.05in"],
            "TableHeaderRowCell": [
                XMLName(fo, "border"): rule, XMLName(fo, "padding"): "0.05in",
                XMLName(fo, "background-color"): "#e8f0f7",
            ],
        ])

    /// The archive with ruled cells. Dates are left to `ZipTimestamps`.
    static func ruled(_ archive: [UInt8]) throws -> [UInt8] {
        let source = try Archive(data: Data(archive), accessMode: .read)
        let target = try Archive(accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if entry.path == "content.xml" { data = Data(try editor.apply(to: Array(data)).document) }
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
