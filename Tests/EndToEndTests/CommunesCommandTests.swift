import Foundation
import XCTest

/// `santedoc communes` writes communes.csv from INSEE's commune file, in either layout.
final class CommunesCommandTests: XCTestCase {
    let insee = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/insee")

    func testBothLayoutsGiveTheSameHandWrittenList() throws {
        // Written by hand from the extract: code, name, PMUN (not PTOT), in the order asked.
        let expected = """
            # Source : INSEE, populations de référence 2023 (%@), population municipale (PMUN)
            code_insee;commune;population;superficie_km2
            99005;Mont-Essai (fictive);12102;
            01001;L'Abergement-Clémenciat;860;
            97101;Anse-Fictive (fictive);15012;

            """
        for layout in ["actuel.csv", "ancien.csv"] {
            let project = try CommandRunner.copy(
                CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet"))
            try FileManager.default.removeItem(at: project.appendingPathComponent("communes.csv"))
            // The population now comes from the communes.
            let yaml = project.appendingPathComponent("projet.yaml")
            try Data(
                try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(
                    of: "  population: 104500\n", with: ""
                )
                .utf8
            ).write(to: yaml)
            let result = try CommandRunner.santedoc(
                "communes", project.path, "--insee", insee.appendingPathComponent(layout).path, "--codes",
                "99005,01001,97101", "--millesime", "2023")
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(
                try String(contentsOf: project.appendingPathComponent("communes.csv"), encoding: .utf8),
                expected.replacingOccurrences(of: "%@", with: layout), layout)
            let check = try CommandRunner.santedoc("figures", project.path, "--format", "json")
            let figures = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
            XCTAssertEqual(figures["territoire.communes"] as? Int, 3, "the project reads it at once")
            XCTAssertEqual(figures["territoire.population"] as? Int, 12_102 + 860 + 15_012)
        }
    }
}
