import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

final class ProjectDataReaderTests: XCTestCase {
    func testReadsTheStructuredData() {
        let (project, diagnostics) = TestSupport.readData(
            """
            identite:
              denomination: "CPTS Test"
              siege: {adresse: "1 rue A", code_postal: "99000", commune: "Testville"}
            territoire:
              population: 64 455
              superficie_km2: 579,5
            professionnels:
              - {profession: Infirmiers, effectif: 29}
            gouvernance:
              instances:
                - type: bureau
            contrat:
              date_signature: 2020-06-17
            """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(project.identity.name?.value, "CPTS Test")
        XCTAssertEqual(project.identity.seat?.singleLine, "1 rue A, 99000 Testville")
        XCTAssertEqual(project.territory.declaredPopulation?.value, 64_455, "French thousands separator accepted")
        XCTAssertEqual(project.territory.declaredArea?.value, Quantity(579.5, places: 1), "decimal comma accepted")
        XCTAssertEqual(project.professionals.first?.count, 29)
        XCTAssertTrue(project.governance.has(.bureau))
        XCTAssertEqual(project.contract.signatureDate?.value.iso, "2020-06-17")
    }

    func testMisspeltKeyIsLocatedWithASuggestion() {
        let (_, diagnostics) = TestSupport.readData("territoire:\n  nom: X\n  popultion: 3\n")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "projet.yaml", line: 3, column: 3))
        XCTAssertEqual(diagnostics.first?.message, "Clé inconnue « popultion » dans « territoire ».")
        XCTAssertEqual(diagnostics.first?.hint, "vouliez-vous dire « population » ?")
    }

    func testWrongTypesSayWhatWasExpected() {
        let (_, diagnostics) = TestSupport.readData(
            "territoire:\n  population: beaucoup\ncontrat:\n  date_signature: 17/06/2020\n")
        XCTAssertEqual(diagnostics.map(\.location?.line), [2, 4])
        XCTAssertTrue(diagnostics[0].message.contains("un nombre entier"))
        XCTAssertTrue(diagnostics[1].message.contains("AAAA-MM-JJ"))
        XCTAssertEqual(diagnostics[1].hint, "par exemple « date_signature: 2020-06-17 ».")
    }

    func testSeveralErrorsAreReportedInOneRun() {
        let (_, diagnostics) = TestSupport.readData(
            """
            identit: {}
            professionnels:
              - profession: Infirmiers
              - {profession: Pharmaciens, effectif: deux}
            gouvernance:
              instances:
                - type: bureu
            """)
        XCTAssertEqual(
            diagnostics.map(\.id), ["yaml.cle-inconnue", "yaml.cle-manquante", "yaml.type", "yaml.valeur-inconnue"])
        XCTAssertEqual(diagnostics.last?.hint, "vouliez-vous dire « bureau » ?")
    }

    func testSyntaxErrorsAreLocatedAndExplainedInFrench() {
        let (_, diagnostics) = TestSupport.readData("identite:\n  denomination: \"CPTS\n  forme: x\n")
        XCTAssertEqual(diagnostics.first?.id, "yaml.syntaxe")
        XCTAssertNotNil(diagnostics.first?.location)
        XCTAssertTrue(diagnostics.first!.message.hasPrefix("Syntaxe YAML incorrecte"))
        let (_, tabs) = TestSupport.readData("identite:\n\tdenomination: x\n")
        XCTAssertEqual(tabs.first?.location?.line, 2)
    }

    func testDuplicateMissionsAreRefused() {
        let (_, diagnostics) = TestSupport.readData("missions:\n  - mission: parcours\n  - mission: parcours\n")
        XCTAssertEqual(diagnostics.map(\.id), ["missions.doublon"])
        XCTAssertEqual(diagnostics.first?.location?.line, 3)
    }

    /// An alias bomb is refused before it is expanded (its cost is measured by the stress
    /// corpus, not here): the error, and nothing read.
    func testAliasBombIsRefusedUnexpanded() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 {
            yaml +=
                "l\(level): &l\(level) ["
                + Array(repeating: "*" + (level == 1 ? "a" : "l\(level - 1)"), count: 10).joined(separator: ", ")
                + "]\n"
        }
        let (project, diagnostics) = TestSupport.readData(yaml)
        XCTAssertEqual(diagnostics.first?.id, "yaml.alias")
        XCTAssertTrue(project.declaredFields.isEmpty, "nothing of the document is read")
    }
}

extension ProjectDataReaderTests {
    func testYAMLProblemsAreNeverShownInEnglish() {
        for text in [
            "a: \"x\\q\"\n", "a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: {b: 1\n", "a: \"\u{1}\"\n", "a: b: c\n",
            "- a\nb: c\n",
        ] {
            let diagnostics = DiagnosticEngine()
            var project = Project()
            ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(text, into: &project)
            let messages = diagnostics.diagnostics.map(\.message).joined(separator: " ")
            XCTAssertFalse(messages.isEmpty, text)
            for english in ["found", "expected", "not allowed", "did not", "could not", "while"] {
                XCTAssertFalse(messages.contains(english), "\(text.debugDescription): \(messages)")
            }
        }
    }
}
