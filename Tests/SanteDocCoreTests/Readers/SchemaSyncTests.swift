import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocCore
@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocReaders
@testable import SanteDocWriters

/// The published JSON Schema must describe exactly the keys the reader accepts.
final class SchemaSyncTests: XCTestCase {
    func testSchemaTopLevelKeysMatchTheReader() throws {
        let url = TestSupport.repository.appendingPathComponent("Templates/init/projet.schema.json")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(ProjectDataReader.topLevelKeys))
        XCTAssertEqual(schema["additionalProperties"] as? Bool, false)
    }

    func testSampleReferencesTheSchema() throws {
        let yaml = try String(
            contentsOf: TestSupport.repository.appendingPathComponent("Project/projet.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.hasPrefix("# yaml-language-server: $schema=../docs/projet.schema.json"))
    }
}
