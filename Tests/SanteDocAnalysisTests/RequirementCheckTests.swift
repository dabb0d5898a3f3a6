import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// Each check on a tiny in-memory project: one passing, one failing case.
final class RequirementCheckTests: XCTestCase {
    func requirement(
        _ id: String, _ kind: String, _ parameters: [String: [String]] = [:],
        priority: Requirement.Priority = .blocking
    ) -> Requirement {
        Requirement(
            id: id, title: id, priority: priority, source: "test", hint: nil, kind: kind, parameters: parameters,
            location: SourceLocation(file: "ref.yaml"))
    }

    func evaluate(
        _ requirement: Requirement, _ yaml: String, sections: [TextSection] = [],
        communes: [Commune]? = nil
    ) -> RequirementResult {
        let diagnostics = DiagnosticEngine()
        var project = Project()
        ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(yaml, into: &project)
        project.sections = sections
        if let communes {
            project.territory.communes = communes
            project.territory.communeListLocation = SourceLocation(file: "communes.csv")
        }
        let regulation = TestSupport.regulation()
        let figures = FigureCalculator(project: project, regulation: regulation, diagnostics: diagnostics).compute()
        let check = RequirementChecker.kinds[requirement.kind]!
        return check.check(
            requirement,
            in: CheckContext(project: project, figures: figures, regulation: regulation, sources: ProjectReader.sources)
        )
    }

    func section(covers id: String, words: Int, stub: Bool = false) -> TextSection {
        TextSection(
            file: "sections/x.md", title: "X", part: .diagnostic,
            covers: [Located(id, at: .init(file: "sections/x.md"))],
            header: .init(file: "sections/x.md", line: 1), blocks: [], subsections: [], isStub: stub, wordCount: words,
            location: .init(file: "sections/x.md", line: 5))
    }

    func testIdentityField() {
        let r = requirement("identite.denomination", "donnee", ["champ": ["identite.denomination"]])
        XCTAssertEqual(evaluate(r, "identite:\n  denomination: CPTS X\n").status, .ok)
        let gap = evaluate(r, "identite:\n  denomination: \"\"\n")
        XCTAssertEqual(gap.status, .missing)
        XCTAssertEqual(gap.location?.line, 2)
    }

    /// Every path the `donnee` table offers is read: filled in a project that has it,
    /// missing (pointing at its mapping) in one that does not.
    func testEveryDataFieldPath() {
        let full = """
            document: {version: "1", date: 2026-01-10}
            identite:
              denomination: CPTS X
              forme_juridique: Association loi 1901
              siege: {adresse: "1 rue A", code_postal: "24100", commune: Bergerac}
              date_creation: 2020-01-01
              contact: "a@b.invalid"
              site_web: "https://cpts.invalid"
            territoire:
              nom: Val
              departement: {nom: Dordogne}
              population: 5000
              nombre_communes: 3
              superficie_km2: 12
              reference_population: "INSEE 2021"
            membres_total: 4
            gouvernance:
              coordination: {nom: "A. B."}
            contrat: {version_aci: aci-2019, date_signature: 2021-01-01, lieu_signature: Périgueux}
            """
        XCTAssertEqual(ProjectDataReader.dataFieldPaths.count, 19)
        for path in ProjectDataReader.dataFieldPaths {
            let r = requirement(path, "donnee", ["champ": [path.replacingOccurrences(of: "_", with: "-")]])
            XCTAssertEqual(evaluate(r, full).status, .ok, path)
            let gap = evaluate(r, "identite:\n  denomination: CPTS X\nterritoire:\n  nom: Val\n")
            XCTAssertEqual(
                gap.status, path == "identite.denomination" || path == "territoire.nom" ? .ok : .missing, path)
            XCTAssertNotNil(gap.location, path)
        }
        let contact = evaluate(requirement("x", "donnee", ["champ": ["identite.contact"]]), "identite:\n  nom: X\n")
        XCTAssertEqual(contact.location?.line, 2, "a missing identity field points at the identity sheet")
        XCTAssertEqual(
            contact.message, "Information absente de la fiche d’identité (projet.yaml) : « identite.contact ».")
    }

    func testCommuneListAndPopulation() {
        let communes = [
            Commune(inseeCode: "99001", name: "A", population: 1000, area: nil, location: .init(file: "communes.csv"))
        ]
        XCTAssertEqual(evaluate(requirement("territoire.perimetre", "communes"), "", communes: communes).status, .ok)
        XCTAssertEqual(evaluate(requirement("territoire.perimetre", "communes"), "", communes: []).status, .missing)
        let none = evaluate(requirement("territoire.perimetre", "communes"), "territoire:\n  nombre_communes: 38\n")
        XCTAssertEqual(none.status, .missing)
        XCTAssertEqual(none.location?.file, "communes.csv", "says where to write")
        XCTAssertEqual(
            evaluate(requirement("territoire.population", "population"), "territoire:\n  population: 5000\n").status,
            .ok)
        XCTAssertEqual(evaluate(requirement("territoire.population", "population"), "").status, .missing)
    }

    func testProfessionalsPartnersAndChronology() {
        XCTAssertEqual(
            evaluate(requirement("c.p", "professionnels"), "professionnels:\n  - {profession: A, effectif: 2}\n")
                .status, .ok)
        XCTAssertEqual(evaluate(requirement("c.p", "professionnels"), "professionnels: []\n").status, .missing)
        XCTAssertEqual(
            evaluate(requirement("c.pa", "partenaires"), "partenaires:\n  - {nom: EHPAD, type: medico-social}\n")
                .status, .ok)
        XCTAssertEqual(evaluate(requirement("c.pa", "partenaires"), "").status, .missing)
        XCTAssertEqual(
            evaluate(requirement("chronologie", "chronologie"), "chronologie:\n  - {annee: 2019, titre: A}\n").status,
            .ok)
        XCTAssertEqual(
            evaluate(
                requirement("chronologie", "chronologie"), "",
                sections: [section(covers: "chronologie", words: 30)]
            ).status, .ok)
        XCTAssertEqual(evaluate(requirement("chronologie", "chronologie"), "").status, .missing)
    }

    func testTextSectionNeedsRealContent() {
        let r = requirement("diagnostic.etat-sante", "section", ["mots_min": ["40"]])
        XCTAssertEqual(evaluate(r, "", sections: [section(covers: "diagnostic.etat-sante", words: 120)]).status, .ok)
        XCTAssertEqual(
            evaluate(r, "", sections: [section(covers: "diagnostic.etat-sante", words: 0, stub: true)]).status, .missing
        )
        XCTAssertEqual(
            evaluate(r, "", sections: [section(covers: "diagnostic.etat-sante", words: 12)]).status, .incomplete)
        let absent = evaluate(r, "", sections: [section(covers: "diagnostic.demographie", words: 500)])
        XCTAssertEqual(absent.status, .missing)
        XCTAssertEqual(absent.location?.file, "sections/diagnostic-etat-sante.md")
    }

    func testMissionChecksFollowTheACIVersionInForce() {
        let full = """
            territoire: {population: 100000}
            missions:
              - mission: parcours
                objectifs: [a]
                actions: [b]
                indicateurs: [{libelle: c}]
                demarrage: 2021-01-01
            contrat: {version_aci: aci-2019-avenant-2, date_signature: 2020-06-17}
            """
        XCTAssertEqual(
            evaluate(requirement("missions.parcours", "mission", ["mission": ["parcours"]]), full).status, .ok)
        let late = evaluate(
            requirement("missions.parcours", "mission", ["mission": ["parcours"]]),
            full.replacingOccurrences(of: "2021-01-01", with: "2021-09-01"))
        XCTAssertEqual(late.status, .incomplete)
        XCTAssertTrue(late.message!.contains("après la limite de l’ACI (17 juin 2021)"), late.message!)
        let crisis = requirement("missions.crises-sanitaires", "mission", ["mission": ["crises-sanitaires"]])
        XCTAssertEqual(evaluate(crisis, full).status, .missing, "core mission since avenant 2")
        let notDue = evaluate(crisis, full.replacingOccurrences(of: "aci-2019-avenant-2", with: "aci-2019"))
        XCTAssertEqual(notDue.status, .ok, "not due under the 2019 accord")
        XCTAssertFalse(notDue.isApplicable, "shown as « sans objet », not as done")
        XCTAssertEqual(CompletenessReport.statusLabel(notDue), "sans objet")
        let optional = requirement("missions.qualite", "mission", ["mission": ["qualite"]])
        XCTAssertEqual(evaluate(optional, full).status, .ok, "optional and not engaged")
        XCTAssertEqual(evaluate(optional, full + "\n" + "missions_extra: x").status, .ok)
        let engaged = full.replacingOccurrences(
            of: "  - mission: parcours", with: "  - mission: qualite\n  - mission: parcours")
        let result = evaluate(optional, engaged)
        XCTAssertEqual(result.status, .incomplete)
        XCTAssertEqual(result.message, "Aucun objectif ; aucune action ; aucun indicateur.")
    }

    func testGovernanceAndCoordination() {
        let r = requirement("gouvernance.instances", "instances", ["instances": ["assemblee-generale", "bureau"]])
        XCTAssertEqual(
            evaluate(r, "gouvernance:\n  instances:\n    - type: assemblee-generale\n    - type: bureau\n").status, .ok)
        XCTAssertEqual(evaluate(r, "gouvernance:\n  instances:\n    - type: bureau\n").status, .incomplete)
        XCTAssertEqual(evaluate(r, "").status, .missing)
        XCTAssertEqual(
            evaluate(requirement("g.c", "coordination"), "gouvernance:\n  coordination: {nom: Camille}\n").status, .ok)
        XCTAssertEqual(
            evaluate(requirement("g.c", "coordination"), "gouvernance:\n  coordination: {nom: \"\"}\n").status, .missing
        )
    }

    func testFundingMustBeComputable() {
        let r = requirement("financement.aci", "financement")
        XCTAssertEqual(
            evaluate(
                r,
                "territoire: {population: 100000}\nmissions: [{mission: parcours}]\ncontrat: {version_aci: aci-2019}\n"
            ).status, .ok)
        XCTAssertEqual(
            evaluate(
                r,
                "territoire: {population: 50000}\nmissions: [{mission: parcours}]\ncontrat: {version_aci: aci-2019}\n"
            ).status,
            .incomplete, "the regulation fixture leaves taille 2 amounts unknown")
        XCTAssertEqual(evaluate(r, "territoire: {population: 100000}\n").status, .missing)
    }
}
