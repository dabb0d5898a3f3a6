import Foundation
import XCTest

/// `santedoc communes` writes communes.csv from INSEE's commune file, in either layout.
final class CommunesCommandTests: XCTestCase {
    let insee = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/insee")

    func testBothLayoutsGiveTheSameHandWrittenList() throws {
        // Written by hand from the extract: code, name, PMUN (not PTOT), in the order asked.
        let expected = """
            # Source : INSEE, populations de référence 2023 (%@), population municipale
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

    /// DataSanté's table names no commune: the names come from the list replaced, whose
    /// areas are kept too, and the documents cite the source written at the top of the list.
    func testDataSanteKeepsTheNamesAndAreasOfTheListReplaced() throws {
        let project = try CommandRunner.copy(CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet"))
        let yaml = project.appendingPathComponent("projet.yaml")
        try Data(
            try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "  population: 104500\n", with: "")
                .utf8
        ).write(to: yaml)
        let file = insee.appendingPathComponent("t_popref_com.csv").path
        let refused = try CommandRunner.santedoc("communes", project.path, "--insee", file, "--codes", "99001")
        XCTAssertEqual(refused.status, 2, "an existing list is not replaced unasked")
        XCTAssertTrue(refused.stderr.contains("communes.csv:1:1: erreur: « communes.csv » existe déjà"), refused.stderr)
        let unnamed = try CommandRunner.santedoc(
            "communes", project.path, "--insee", file, "--codes", "99001,01001", "--remplacer")
        XCTAssertEqual(unnamed.status, 2)
        XCTAssertTrue(
            unnamed.stderr.contains("ne donne pas le nom de la commune « 01001 »")
                && unnamed.stderr.contains(
                    "[communes.sans-nom]"),
            unnamed.stderr)
        let result = try CommandRunner.santedoc(
            "communes", project.path, "--insee", file, "--codes", "99001,99002,99003", "--millesime", "2023",
            "--remplacer")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try String(contentsOf: project.appendingPathComponent("communes.csv"), encoding: .utf8),
            """
            # Source : DataSanté, populations de référence 2023 (t_popref_com.csv), population municipale
            code_insee;commune;population;superficie_km2
            99001;Exempleville (fictive);10731;40,5
            99002;Bourg-Modèle (fictif);13057;88
            99003;Hameau-Test (fictif);1702;121,5

            """)
        let out = CommandRunner.temporaryDirectory()
        XCTAssertEqual(try CommandRunner.santedoc("build", project.path, "-o", out.path).status, 0)
        let html = try String(contentsOf: out.appendingPathComponent("projet-de-sante.html"), encoding: .utf8)
        XCTAssertTrue(
            html.contains(
                "Source : DataSanté, populations de référence 2023 (t_popref_com.csv), population municipale."), "cited"
        )
    }
}
