import Foundation
import XCTest
import ZIPFoundation

@testable import SanteDocModel
@testable import SanteDocWriters

/// What pandoc does not say about a word-processor document, read from its parts.
final class OfficeDocumentInspectionTests: XCTestCase {
    func archive(_ parts: [String: String]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return Array(try XCTUnwrap(archive.data))
    }

    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let drawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    /// A picture's graphic, as Word writes it under its drawing.
    static let picture = """
        <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>\
        <pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphicData></a:graphic>
        """

    func testAWordDocumentSaysItsChangesCommentsBoxesAndPictures() throws {
        let record = SanteDocRecord(
            sections: [RecordedSection(file: "sections/01-a.md", title: "A", part: nil, covers: ["x"], figures: [])],
            generated: ["Fiche d’identité"])
        let property = OfficeDocumentInspection.encode(record)
        let docx = try archive([
            "word/document.xml": """
            <w:document xmlns:w="\(Self.word)" xmlns:wp="\(Self.drawing)"><w:body>
            <w:p><w:ins><w:r><w:t>ajouté</w:t></w:r></w:ins><w:del><w:r><w:delText>ôté</w:delText></w:r></w:del></w:p>
            <w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Image 1" descr="Carte du territoire"/>\(Self.picture)</wp:inline></w:drawing></w:r></w:p>
            <w:p><w:r><w:drawing><wp:anchor><wp:docPr id="3" name="Forme" descr="Une flèche"/></wp:anchor></w:drawing></w:r></w:p>
            <w:p><w:r><w:drawing><wp:inline><wp:docPr id="2" name="Image 2" title="Logo"/>\(Self.picture)</wp:inline></w:drawing></w:r></w:p>
            <w:p><w:r><w:txbxContent><w:p/></w:txbxContent></w:r></w:p>
            </w:body></w:document>
            """,
            "word/comments.xml": "<w:comments xmlns:w=\"\(Self.word)\"><w:comment/><w:comment/></w:comments>",
            "docProps/custom.xml": """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
            <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="santedoc">\
            <vt:lpwstr>\(property)</vt:lpwstr></property></Properties>
            """,
        ])
        let inspection = try OfficeDocumentInspection.inspect(docx, kind: .docx)
        XCTAssertEqual(
            inspection.unread,
            [
                "2 modifications suivies, acceptées à l’import : relisez le texte",
                "1 zone de texte : vérifiez que son texte est à sa place", "2 commentaires non importés",
            ])
        XCTAssertEqual(inspection.pictureDescriptions, ["Carte du territoire", "Logo"])
        XCTAssertEqual(inspection.record, record)
    }

    func testAnOpenDocumentSaysTheSame() throws {
        let odt = try archive([
            "content.xml": """
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
            xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"><office:body><office:text>
            <text:tracked-changes><text:changed-region/></text:tracked-changes>
            <text:p><office:annotation/>Texte</text:p>
            <text:p><draw:frame><draw:image/><svg:title>Carte</svg:title></draw:frame></text:p>
            <text:p><draw:frame><draw:object/></draw:frame></text:p>
            </office:text></office:body></office:document-content>
            """
        ])
        let inspection = try OfficeDocumentInspection.inspect(odt, kind: .odt)
        XCTAssertEqual(
            inspection.unread,
            [
                "1 modification suivie, acceptée à l’import : relisez le texte", "1 commentaire non importé",
                "1 objet incorporé non importé (graphique, tableur…)",
            ])
        XCTAssertEqual(inspection.pictureDescriptions, ["Carte"])
        XCTAssertNil(inspection.record)
    }

    func testWhatIsNotAnArchiveIsAnError() {
        XCTAssertThrowsError(try OfficeDocumentInspection.inspect(Array("pas une archive".utf8), kind: .docx))
    }
}
