import SanteDocAnalysis
import SanteDocModel
import SanteDocReaders
import XCTest

/// The national referential shipped in `Templates/referentiel`: every requirement the
/// specification lists, placed in a part, with its source and advice.
final class ShippedReferentialTests: XCTestCase {
    static let specIDs = [
        "identite.denomination", "identite.forme-juridique", "identite.siege", "territoire.perimetre",
        "territoire.population",
        "composition.professionnels", "composition.partenaires", "diagnostic.demographie", "diagnostic.etat-sante",
        "diagnostic.offre-soins", "diagnostic.ville-hopital", "diagnostic.soins-non-programmes",
        "diagnostic.acces-soins",
        "missions.acces-soins", "missions.parcours", "missions.prevention", "missions.crises-sanitaires",
        "missions.qualite",
        "missions.accompagnement", "gouvernance.instances", "gouvernance.coordination", "legislation.cadre",
        "chronologie",
        "financement.aci",
    ]
    /// Asked by the regional grids read in December 2026 (`aci-amounts.md` § 8).
    static let gridIDs = [
        "territoire.voisines", "prs.coherence", "missions.indicateurs-initiaux", "missions.calendrier",
        "organisation.systeme-information", "organisation.usagers", "organisation.articulation",
        "missions.plan-de-crise",
    ]

    func testDefaultReferentialCoversEverySpecID() throws {
        let diagnostics = DiagnosticEngine()
        let url = ShippedData.templates.appendingPathComponent(ReferentialReader.defaultFile)
        let referential = try XCTUnwrap(
            ReferentialReader.load(
                url, displayName: "ref",
                kinds: RequirementChecker.catalogue(dataFields: ProjectDataReader.dataFieldPaths),
                diagnostics: diagnostics))
        XCTAssertEqual(diagnostics.diagnostics, [])
        XCTAssertEqual(referential.requirements.map(\.id), Self.specIDs + Self.gridIDs)
        let recommended = referential.requirements.filter { $0.priority == .recommended }.map(\.id)
        XCTAssertEqual(
            recommended,
            ["composition.partenaires", "legislation.cadre", "chronologie"]
                + Self.gridIDs.filter { !["territoire.voisines", "prs.coherence"].contains($0) })
        XCTAssertTrue(referential.requirements.allSatisfy { !$0.source.isEmpty && $0.hint != nil })
        XCTAssertEqual(referential.requirements.filter { $0.part == nil }.map(\.id), [], "every requirement is placed")
    }

}
