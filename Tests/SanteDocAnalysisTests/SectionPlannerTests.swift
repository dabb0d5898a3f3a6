import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// How an imported document is cut into sections, and what each is proposed to cover.
final class SectionPlannerTests: XCTestCase {
    func plan(_ markdown: String, record: SanteDocRecord? = nil) throws -> SectionPlanner.Plan {
        var document = try XCTUnwrap(
            ImportedDocumentReader(file: "p.docx", diagnostics: DiagnosticEngine()).read(markdown))
        document.record = record
        return SectionPlanner(referential: TestSupport.referential()).plan(document)
    }

    func testAChapterWithSubChaptersGivesItsOpeningAndOneSectionEach() throws {
        let plan = try plan(
            """
            Préambule du bureau.

            # 4. Diagnostic territorial

            La méthode.

            ## 4.1 Démographie médicale

            Huit départs en retraite.

            ## 4.2 Urgences et soins non programmés

            Les passages aux urgences.

            # Chapitre vide
            """)
        XCTAssertEqual(
            plan.sections.map(\.title),
            [
                SectionPlanner.openingTitle, "Diagnostic territorial", "Démographie médicale",
                "Urgences et soins non programmés",
            ])
        XCTAssertEqual(plan.empty, ["Chapitre vide"])
        let demography = plan.sections[2]
        XCTAssertEqual(demography.part, .diagnostic)
        XCTAssertEqual(demography.partConfidence, .high)
        XCTAssertEqual(demography.claims.map(\.requirement), ["diagnostic.demographie"])
        XCTAssertEqual(demography.claims.first?.reason, "le titre contient « démographie médicale »")
        XCTAssertEqual(plan.sections[3].claims.map(\.requirement), ["diagnostic.soins-non-programmes"])
        XCTAssertEqual(plan.sections[1].claims, [], "the opening speaks of nothing the others do not")
    }

    /// « accès aux soins » is in both the diagnostic and the missions: the chapter decides.
    func testTheChapterDecidesBetweenTwoPartsThatShareWords() throws {
        let plan = try plan(
            """
            # Diagnostic territorial

            ## Accès aux soins

            Texte.

            # Missions de la CPTS

            ## Accès aux soins

            Texte.
            """)
        XCTAssertEqual(plan.sections.map(\.part), [.diagnostic, .missions])
        XCTAssertEqual(
            plan.sections.map { $0.claims.map(\.requirement) }, [["diagnostic.acces-soins"], ["missions.acces-soins"]])
    }

    /// A requirement named twice in a text, never in a title, is a guess, said as such; once is not enough.
    func testTextAloneClaimsWithLowConfidenceAndOnlyTwice() throws {
        let plan = try plan(
            """
            # Gouvernance

            L’assemblée générale élit le conseil d’administration. La coordinatrice assure la coordination.

            # Financement

            Une coordinatrice est financée.
            """)
        let governance = plan.sections[0]
        XCTAssertEqual(governance.claims.map(\.requirement), ["gouvernance.instances", "gouvernance.coordination"])
        XCTAssertEqual(governance.claims.map(\.confidence), [.high, .low])
        XCTAssertEqual(plan.sections[1].claims.map(\.requirement), ["financement.aci"])
    }

    func testADocumentMadeBySanteDocSaysItsOwnSections() throws {
        let record = SanteDocRecord(
            sections: [
                RecordedSection(
                    file: "sections/02-demographie.md", title: "Démographie", part: nil,
                    covers: ["diagnostic.demographie"], figures: [])
            ], generated: ["Diagnostic territorial", "Indicateurs"])
        let plan = try plan(
            """
            # 4. Diagnostic territorial

            | Indicateur | Territoire |
            |---|---|

            ## Indicateurs

            Calculé.

            ## Démographie

            Écrit par la CPTS.

            ## Ajouté dans Word

            Un texte de plus sur la démographie médicale.
            """, record: record)
        XCTAssertEqual(plan.computed, ["Diagnostic territorial", "Indicateurs"])
        XCTAssertEqual(plan.sections.map(\.title), ["Démographie", "Ajouté dans Word"])
        XCTAssertEqual(plan.sections[0].recorded?.file, "sections/02-demographie.md")
        XCTAssertEqual(plan.sections[0].part, .diagnostic, "placed by the requirement it covers")
        XCTAssertEqual(plan.sections[1].part, .diagnostic, "a section added in Word stays in its part")
        XCTAssertEqual(plan.sections[1].claims, [], "what a recorded section covers is not claimed twice")
    }

    /// A record comes from a document anyone may have edited: what it holds cannot add a
    /// line to a front matter or close a placeholder.
    func testARecordCannotWriteIntoTheFiles() throws {
        let record = SanteDocRecord(
            sections: [
                RecordedSection(
                    file: "sections/01-a.md", title: "A", part: "identite\ncouvre: [faux]",
                    covers: ["territoire.perimetre", "x]\npartie: autre"],
                    figures: [.init(name: "territoire.population", value: "1"), .init(name: "x}} {{y", value: "2")])
            ], generated: [])
        let plan = try plan("# A\n\nTexte.\n", record: record)
        let recorded = try XCTUnwrap(plan.sections.first?.recorded)
        XCTAssertNil(recorded.part)
        XCTAssertEqual(recorded.covers, ["territoire.perimetre"])
        XCTAssertEqual(recorded.figures.map(\.name), ["territoire.population"])
    }
}
