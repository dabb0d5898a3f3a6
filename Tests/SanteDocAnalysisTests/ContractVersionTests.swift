import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// The version of the ACI follows from the signature date; a later version needs the date
/// of the amendment.
final class ContractVersionTests: XCTestCase {
    func version(signedOn date: String, declared: String? = nil, amended: String? = nil) -> (String?, [Diagnostic]) {
        var yaml = "territoire: {nom: T, population: 104500}\ncontrat:\n  date_signature: \(date)\n"
        if let declared { yaml += "  version_aci: \(declared)\n" }
        if let amended { yaml += "  date_avenant: \(amended)\n" }
        var project = TestSupport.readData(yaml).0
        ContractVersion.resolve(&project, regulation: TestSupport.regulation())
        let diagnostics = DiagnosticEngine()
        _ = FigureCalculator(project: project, regulation: TestSupport.regulation(), diagnostics: diagnostics).compute()
        return (project.contract.aciVersion?.value, diagnostics.diagnostics.filter { $0.severity == .error })
    }

    func testTheVersionInForceAtTheSignature() {
        XCTAssertEqual(version(signedOn: "2020-06-17").0, "aci-2019")
        XCTAssertEqual(version(signedOn: "2022-03-31").0, "aci-2019", "the day before the avenant came into force")
        XCTAssertEqual(version(signedOn: "2022-04-01").0, "aci-2019-avenant-2")
    }

    func testALaterVersionNeedsTheAmendmentDate() {
        let (_, errors) = version(signedOn: "2020-06-17", declared: "aci-2019-avenant-2")
        XCTAssertEqual(errors.map(\.id), ["contrat.version-pas-en-vigueur"])
        XCTAssertEqual(errors.first?.location?.line, 4, "at the key")
        XCTAssertEqual(version(signedOn: "2020-06-17", declared: "aci-2019-avenant-2", amended: "2022-06-01").1, [])
        XCTAssertEqual(
            version(signedOn: "2020-06-17", declared: "aci-2019-avenant-2", amended: "2021-01-01").1.map(\.id),
            ["contrat.version-pas-en-vigueur"], "an amendment before the avenant existed")
    }
}
