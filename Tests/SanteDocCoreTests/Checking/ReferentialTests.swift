import XCTest
@testable import SanteDocCore

final class ReferentialTests: XCTestCase {
    static let specIDs = [
        "identite.denomination", "identite.forme-juridique", "identite.siege", "territoire.perimetre", "territoire.population",
        "composition.professionnels", "composition.partenaires", "diagnostic.demographie", "diagnostic.etat-sante",
        "diagnostic.offre-soins", "diagnostic.ville-hopital", "diagnostic.soins-non-programmes", "diagnostic.acces-soins",
        "missions.acces-soins", "missions.parcours", "missions.prevention", "missions.crises-sanitaires", "missions.qualite",
        "missions.accompagnement", "gouvernance.instances", "gouvernance.coordination", "legislation.cadre", "chronologie",
        "financement.aci",
    ]

    func testDefaultReferentialCoversEverySpecID() throws {
        let diagnostics = DiagnosticEngine()
        let url = TestSupport.toolkit.templates.appendingPathComponent(ReferentialReader.defaultFile)
        let referential = try XCTUnwrap(ReferentialReader.load(url, displayName: "ref", diagnostics: diagnostics))
        XCTAssertEqual(diagnostics.diagnostics, [])
        XCTAssertEqual(referential.requirements.map(\.id), Self.specIDs)
        let recommended = referential.requirements.filter { $0.severity == .recommended }.map(\.id)
        XCTAssertEqual(recommended, ["composition.partenaires", "legislation.cadre", "chronologie"])
        XCTAssertTrue(referential.requirements.allSatisfy { !$0.source.isEmpty && $0.hint != nil })
    }

    func testMalformedReferentialIsLocated() throws {
        let root = try TestSupport.makeProject(["ref.yaml": """
        id: x
        exigences:
          - id: a
            titre: A
            severite: bloquante
            verification: {type: sectoin}
        """])
        let diagnostics = DiagnosticEngine()
        _ = ReferentialReader.load(root.appendingPathComponent("ref.yaml"), displayName: "ref.yaml", diagnostics: diagnostics)
        let found = diagnostics.diagnostics
        XCTAssertEqual(found.map(\.id), ["yaml.valeur-inconnue", "referentiel.type-inconnu"])
        XCTAssertEqual(found.map(\.location?.line), [5, 6])
        XCTAssertEqual(found.last?.hint, "vouliez-vous dire « section » ?")
    }
}
