import Foundation
import XCTest

@testable import SanteDocReaders

/// The published JSON Schema must describe exactly the keys the reader accepts.
final class SchemaSyncTests: XCTestCase {
    func testSchemaTopLevelKeysMatchTheReader() throws {
        let url = ShippedData.templates.appendingPathComponent("init/projet.schema.json")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(ProjectDataReader.topLevelKeys))
        XCTAssertEqual(schema["additionalProperties"] as? Bool, false)
    }

    func testSampleReferencesTheSchema() throws {
        let yaml = try String(
            contentsOf: ShippedData.templates.deletingLastPathComponent().appendingPathComponent("Project/projet.yaml"),
            encoding: .utf8)
        XCTAssertTrue(yaml.hasPrefix("# yaml-language-server: $schema=../docs/projet.schema.json"))
    }
}
