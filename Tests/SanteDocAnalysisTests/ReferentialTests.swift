import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

final class ReferentialTests: XCTestCase {
    /// The referential written in `text`, and what reading it reported.
    func read(_ text: String) throws -> (Referential?, [Diagnostic]) {
        let root = try TestSupport.makeProject(["ref.yaml": text])
        let diagnostics = DiagnosticEngine()
        let referential = ReferentialReader.load(
            root.appendingPathComponent("ref.yaml"), displayName: "ref.yaml",
            kinds: RequirementChecker.catalogue(dataFields: ProjectDataReader.dataFieldPaths),
            diagnostics: diagnostics)
        return (referential, diagnostics.diagnostics)
    }

    func testMalformedReferentialIsLocated() throws {
        let (_, found) = try read(
            """
            id: x
            exigences:
              - id: a
                titre: A
                severite: bloquante
                verification: {type: sectoin}
            """)
        XCTAssertEqual(found.map(\.id), ["yaml.valeur-inconnue", "referentiel.type-inconnu"])
        XCTAssertEqual(found.map(\.location?.line), [5, 6])
        XCTAssertEqual(found.last?.hint, "vouliez-vous dire « section » ?")
    }

    func testDataFieldPathsAreCheckedWhenTheReferentialIsRead() throws {
        let (referential, diagnostics) = try read(
            """
            id: x
            exigences:
              - id: a
                titre: A
                verification: {type: donnee, champ: identite.site-web}
              - id: b
                titre: B
                verification: {type: donnee, champ: identite.contacte}
            """)
        XCTAssertEqual(referential?.requirements.map(\.id), ["a"])
        XCTAssertEqual(diagnostics.count, 1)
        let found = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(found.id, "referentiel.champ-inconnu")
        XCTAssertEqual(found.location?.line, 8)
        XCTAssertEqual(found.location?.column, 41)
        XCTAssertEqual(found.hint, "vouliez-vous dire « identite.contact » ?")
    }

    func testSectionsArePlacedByTheReferential() {
        let referential = Referential(
            id: "r", title: "R",
            requirements: [
                Requirement(
                    id: "diagnostic.a", title: "A", priority: .blocking, source: "", hint: nil, kind: "section",
                    parameters: [:], part: .diagnostic, location: SourceLocation(file: "r.yaml")),
                Requirement(
                    id: "libre.b", title: "B", priority: .blocking, source: "", hint: nil, kind: "section",
                    parameters: [:], part: .governance, location: SourceLocation(file: "r.yaml")),
            ])
        func section(_ covers: [String], part: Part? = nil) -> TextSection {
            TextSection(
                file: "s.md", title: "S", part: part, covers: covers.map { Located($0, at: .init(file: "s.md")) },
                header: .init(file: "s.md"), blocks: [], subsections: [], isStub: false, wordCount: 1,
                location: .init(file: "s.md"))
        }
        XCTAssertEqual(
            referential.part(of: section(["libre.b"])), .governance, "placed by the requirement, not its name")
        XCTAssertEqual(referential.part(of: section(["libre.b"], part: .missions)), .missions, "the front matter wins")
        XCTAssertEqual(referential.part(of: section(["diagnostic.a-mal-ecrit"])), .diagnostic, "same family")
        XCTAssertNil(referential.part(of: section(["autre.c"])))
        XCTAssertNil(referential.part(of: section([])))
    }
}
