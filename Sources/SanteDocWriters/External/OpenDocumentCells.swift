import XMLSupport

/// pandoc's ODT writer gives every table cell an automatic style of its own making, with
/// `fo:border="none"`, which no reference document can override: partners would see
/// tables without rules in LibreOffice while the HTML, PDF and DOCX have them. This sets
/// the rules and the header shading of the HTML (`Templates/html/style.css`) on those two
/// styles of `content.xml` (applied by `OfficeFinishing`).
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
}
