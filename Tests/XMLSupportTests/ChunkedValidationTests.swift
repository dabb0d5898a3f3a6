import Foundation
import XCTest

@testable import XMLSupport

/// Wide elements are validated in pieces: the verdict must be the one of a whole-document
/// validation, wherever the invalid node sits, and the document must come back as built.
final class ChunkedValidationTests: XCTestCase {
    static let schema = try! RelaxNGSchema(path: "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng")
    let wide = ChunkedValidation.chunkSize * 3 + 17

    /// A book whose chapter holds `count` paragraphs, a list of `count` items and a table of
    /// `count` rows; `spoil` puts one invalid element at that index in each.
    func book(count: Int, spoil: Int? = nil, in part: String = "para") -> XMLDocumentBuilder {
        let xml = XMLDocumentBuilder()
        let root = xml.makeRoot("book", namespace: "http://docbook.org/ns/docbook", attributes: [("version", "5.0")])
        xml.declareNamespace("http://www.w3.org/1999/xlink", prefix: "xlink")
        xml.append("title", to: xml.append("info", to: root), text: "T")
        let chapter = xml.append("chapter", to: root)
        xml.append("title", to: chapter, text: "C")
        for index in 0..<count {
            if part == "para", index == spoil {
                xml.append("nimportequoi", to: chapter)
                continue
            }
            let para = xml.append("para", to: chapter, text: "p\(index) ")
            if index % 50 == 0 {
                let link = xml.append("link", to: para, text: "lien")
                xml.setAttribute("href", "https://example.org/\(index)", namespacePrefix: "xlink", on: link)
            }
        }
        let list = xml.append("itemizedlist", to: chapter)
        for index in 0..<count {
            // A paragraph is allowed before the first item only: invalid after one, which a
            // piece starting there can tell only from the item before it.
            if part == "item", index == spoil {
                xml.append(index == 0 ? "nimportequoi" : "para", to: list, text: "x")
                continue
            }
            xml.append("para", to: xml.append("listitem", to: list), text: "i\(index)")
        }
        let table = xml.append("table", to: chapter)
        xml.setAttribute("id", "t", namespacePrefix: "xml", on: table)
        xml.append("title", to: table, text: "Tableau")
        let group = xml.append("tgroup", to: table, attributes: [("cols", "2")])
        xml.append("colspec", to: group, attributes: [("colname", "c1"), ("colwidth", "1*")])
        xml.append("colspec", to: group, attributes: [("colname", "c2"), ("colwidth", "1*")])
        let head = xml.append("row", to: xml.append("thead", to: group))
        xml.append("entry", to: head, text: "A")
        xml.append("entry", to: head, text: "B")
        let body = xml.append("tbody", to: group)
        for index in 0..<count {
            let row = xml.append("row", to: body, attributes: index == count - 1 ? [("role", "total")] : [])
            xml.append("entry", to: row, text: "\(index)")
            xml.append(part == "row" && index == spoil ? "para" : "entry", to: row, text: "x")
        }
        let section = xml.append("section", to: chapter)
        xml.append("title", to: section, text: "S")
        let para = xml.append("para", to: section)
        for index in 0..<count {
            xml.append(part == "inline" && index == spoil ? "listitem" : "emphasis", to: para, text: "e\(index)")
            xml.appendText(" ", to: para)
        }
        return xml
    }

    func testAWideValidDocumentIsValidAndComesBackAsBuilt() throws {
        let xml = book(count: wide)
        let before = try xml.serialized()
        XCTAssertEqual(xml.validate(against: Self.schema), [])
        XCTAssertEqual(try xml.serialized(), before, "every piece is put back, in order")
    }

    func testAnInvalidNodeIsCaughtInAnyPiece() {
        for part in ["para", "item", "row", "inline"] {
            for spoil in [
                0, ChunkedValidation.chunkSize - 1, ChunkedValidation.chunkSize, ChunkedValidation.chunkSize * 2 + 5,
                wide - 1,
            ] {
                XCTAssertFalse(
                    book(count: wide, spoil: spoil, in: part).validate(against: Self.schema).isEmpty,
                    "\(part) spoilt at \(spoil) must be reported")
            }
        }
    }
}

/// A table as wide as its head: the head's row is split too, its pieces validated inside a
/// table that keeps a body, so that neither a wide head nor a spoilt cell in it fools (or
/// swamps) the validator.
final class WideHeadValidationTests: XCTestCase {
    func table(columns: Int, spoil: Int? = nil) -> XMLDocumentBuilder {
        let xml = XMLDocumentBuilder()
        let root = xml.makeRoot("book", namespace: "http://docbook.org/ns/docbook", attributes: [("version", "5.0")])
        xml.append("title", to: xml.append("info", to: root), text: "T")
        let chapter = xml.append("chapter", to: root)
        xml.append("title", to: chapter, text: "C")
        let table = xml.append("table", to: chapter)
        xml.append("title", to: table, text: "Large")
        let group = xml.append("tgroup", to: table, attributes: [("cols", "\(columns)")])
        for index in 1...columns { xml.append("colspec", to: group, attributes: [("colname", "c\(index)")]) }
        let head = xml.append("row", to: xml.append("thead", to: group))
        for index in 0..<columns { xml.append(index == spoil ? "para" : "entry", to: head, text: "a") }
        let row = xml.append("row", to: xml.append("tbody", to: group))
        for _ in 0..<columns { xml.append("entry", to: row) }
        return xml
    }

    func testAWideHeadIsValidAndASpoiltCellInItIsCaught() {
        let columns = ChunkedValidation.chunkSize * 2 + 1
        XCTAssertEqual(table(columns: columns).validate(against: ChunkedValidationTests.schema), [])
        for spoil in [0, ChunkedValidation.chunkSize, columns - 1] {
            XCTAssertFalse(
                table(columns: columns, spoil: spoil).validate(against: ChunkedValidationTests.schema).isEmpty,
                "a head cell spoilt at \(spoil)")
        }
    }
}
