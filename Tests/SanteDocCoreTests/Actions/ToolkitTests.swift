import Foundation
import XCTest

@testable import SanteDocCore

final class ToolkitTests: XCTestCase {
    /// A Templates folder named by the user is the only one tried: a wrong one is not
    /// quietly replaced by the one the program carries.
    func testAnExplicitFolderIsTheOnlyOneTried() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let carried = root.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(
            at: carried.appendingPathComponent("aci"), withIntermediateDirectories: true)
        let program = root.appendingPathComponent("bin/santedoc")

        XCTAssertEqual(
            Toolkit.locate(executable: program, environment: [:])?.templates.path, carried.standardizedFileURL.path)
        let elsewhere = root.appendingPathComponent("ailleurs").path
        XCTAssertNil(Toolkit.locate(executable: program, environment: ["SANTEDOC_TEMPLATES": elsewhere]))
        XCTAssertEqual(
            Toolkit.locate(executable: nil, environment: ["SANTEDOC_TEMPLATES": carried.path])?.templates.path,
            carried.standardizedFileURL.path)
    }

    /// The schema's parse may be asked for twice (before the command line is read, then by
    /// the action): one parse, and the second request does not wait for the first.
    func testPreparingTheSchemaTwiceClaimsItOnce() {
        let cache = SchemaCache()
        XCTAssertTrue(cache.claimPreparation(of: "/un/schema.rng"))
        XCTAssertFalse(cache.claimPreparation(of: "/un/schema.rng"))
        XCTAssertTrue(cache.claimPreparation(of: "/un/autre.rng"))
    }
}
