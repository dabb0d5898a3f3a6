import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// The check kinds the regional grids asked for (territory overlap, PRS, indicator
/// baselines, mission calendar), each on a small project folder read as `santedoc` reads
/// it, against the regulation fixture: one case that passes, the ways it fails.
final class GridCheckTests: XCTestCase {
    static let communes = """
        code_insee;commune;population;superficie_km2
        99001;Exempleville;5 000;10
        99002;Bourg-Modèle;3 000;12
        99003;Hameau-Test;1 000;8

        """

    func requirement(_ kind: String, _ parameters: [String: [String]] = [:]) -> Requirement {
        Requirement(
            id: "grille.\(kind)", title: kind, priority: .blocking, source: "test", hint: nil, kind: kind,
            parameters: parameters, location: SourceLocation(file: "ref.yaml"))
    }

    /// The project folder made of `files`, read, its figures computed, `requirement` checked.
    func evaluate(_ requirement: Requirement, _ files: [String: String]) throws -> (RequirementResult, [Diagnostic]) {
        let root = try TestSupport.makeProject(files)
        let diagnostics = DiagnosticEngine()
        let (project, _, sources) = ProjectReader(folder: ProjectFolder(path: root.path), diagnostics: diagnostics)
            .read()
        let regulation = TestSupport.regulation()
        let figures = FigureCalculator(project: project, regulation: regulation, diagnostics: diagnostics).compute()
        let result = RequirementChecker.kinds[requirement.kind]!.check(
            requirement, in: CheckContext(project: project, figures: figures, regulation: regulation, sources: sources))
        return (result, diagnostics.diagnostics)
    }

    func territory(_ neighbours: String) -> String {
        "territoire:\n  nom: Val\n" + neighbours
    }

    func testTwoNeighboursSharingTwoCommunesAreNamedWithBothCPTS() throws {
        let yaml = territory(
            """
              cpts_voisines:
                - nom: "CPTS du Nord"
                  communes: voisines/nord.csv
                - nom: "CPTS du Sud"
                  communes: voisines/sud.csv

            """)
        let (result, diagnostics) = try evaluate(
            requirement("chevauchement"),
            [
                "projet.yaml": yaml, "communes.csv": Self.communes,
                "voisines/nord.csv": "code_insee;commune\n99002;Bourg-Modèle\n99010;Ailleurs\n",
                // No header: the first line is already a commune.
                "voisines/sud.csv": "99003,Hameau-Test\n99011,Loin\n",
            ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(result.status, .incomplete)
        XCTAssertEqual(
            result.message,
            "Communes revendiquées deux fois avec « CPTS du Nord » : 99002 (Bourg-Modèle) ; "
                + "avec « CPTS du Sud » : 99003 (Hameau-Test).")
        XCTAssertEqual(result.location?.line, 4, "at the first neighbour that overlaps")
    }

    func testNeighboursWithoutSharedCommunesOrNoneAtAll() throws {
        let shared = try evaluate(
            requirement("chevauchement"),
            [
                "projet.yaml": territory("  cpts_voisines:\n    - {nom: \"CPTS du Nord\", communes: nord.csv}\n"),
                "communes.csv": Self.communes, "nord.csv": "code_insee\n99020\n99021\n",
            ])
        XCTAssertEqual(shared.0.status, .ok)
        XCTAssertEqual(shared.0.message, "Aucune commune partagée avec 1 CPTS voisine.")
        let none = try evaluate(
            requirement("chevauchement"),
            ["projet.yaml": territory("  cpts_voisines: []\n"), "communes.csv": Self.communes])
        XCTAssertEqual(none.0.status, .ok)
        let unsaid = try evaluate(
            requirement("chevauchement"), ["projet.yaml": territory(""), "communes.csv": Self.communes])
        XCTAssertEqual(unsaid.0.status, .missing, "the neighbours not said: cannot be checked")
        XCTAssertEqual(unsaid.0.location?.line, 2, "in the territory, where to add them")
    }

    func testANeighbourListOutsideOrAbsentIsALocatedError() throws {
        for (file, id) in [
            ("../nord.csv", "fichier.hors-projet"), ("voisines/absent.csv", "territoire.voisine-sans-liste"),
        ] {
            let (_, diagnostics) = try evaluate(
                requirement("chevauchement"),
                [
                    "projet.yaml": territory("  cpts_voisines:\n    - {nom: \"CPTS du Nord\", communes: \(file)}\n"),
                    "communes.csv": Self.communes,
                ])
            XCTAssertEqual(diagnostics.map(\.id), [id], file)
            XCTAssertEqual(diagnostics.first?.location?.line, 4, file)
        }
    }

    static let missions = """
        missions:
          - mission: acces-soins
            objectifs: ["A"]
            actions: ["B"]
            indicateurs:
              - libelle: "Patients sans médecin traitant"
                valeur_initiale: {valeur: "219", annee: 2022, source: "CPAM"}
                cible: "≤ 100"
              - libelle: "Annuaire publié"
                valeur_initiale: "non"
                cible: "publié"
            demarrage: 2021-03-01
            deploiement: 2021-09-01
          - mission: parcours
            objectifs: ["C"]
            actions: ["D"]
            indicateurs:
              - libelle: "Patients inclus"
            demarrage: 2023-09-01
        contrat: {version_aci: aci-2019, date_signature: 2021-01-15}

        """

    func testThePlanIsNamedAndServedByEveryMission() throws {
        let served = """
            prs:
              nom: "PRS 2018-2028"
              objectifs:
                - {mission: acces-soins, objectif: "Un médecin traitant pour chacun"}
                - {mission: parcours, objectif: "Des parcours sans rupture"}

            """
        let (ok, _) = try evaluate(requirement("prs"), ["projet.yaml": Self.missions + served])
        XCTAssertEqual(ok.status, .ok)
        XCTAssertEqual(ok.message, "2 objectifs du PRS servis.")
        let (partial, _) = try evaluate(
            requirement("prs"),
            [
                "projet.yaml": Self.missions
                    + "prs:\n  objectifs:\n    - {mission: acces-soins, objectif: \"Un médecin traitant\"}\n"
            ])
        XCTAssertEqual(partial.status, .incomplete)
        XCTAssertEqual(
            partial.message,
            "Le nom du PRS manque ; aucun objectif du PRS pour : « Organiser des parcours pluriprofessionnels autour du patient »."
        )
        let (absent, _) = try evaluate(requirement("prs"), ["projet.yaml": Self.missions])
        XCTAssertEqual(absent.status, .missing)
    }

    func testIndicatorsNeedAMeasuredStartingValueAndATarget() throws {
        let (result, diagnostics) = try evaluate(requirement("indicateurs"), ["projet.yaml": Self.missions])
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(result.status, .incomplete)
        XCTAssertEqual(
            result.message,
            "Il manque « Annuaire publié » : année et source de la valeur de départ ; "
                + "« Patients inclus » : valeur de départ, cible.")
        XCTAssertEqual(result.location?.line, 9, "at the first indicator lacking something")
        let complete = Self.missions.replacingOccurrences(
            of: "valeur_initiale: \"non\"", with: "valeur_initiale: {valeur: \"non\", annee: 2021, source: \"Bureau\"}"
        ).replacingOccurrences(
            of: "      - libelle: \"Patients inclus\"\n",
            with:
                "      - libelle: \"Patients inclus\"\n        valeur_initiale: {valeur: \"0\", annee: 2021, source: \"CH\"}\n"
                + "        cible: \"100\"\n")
        XCTAssertEqual(try evaluate(requirement("indicateurs"), ["projet.yaml": complete]).0.status, .ok)
    }

    func testEveryMissionHasItsDatesWithinTheACIDeadlines() throws {
        let (result, _) = try evaluate(requirement("calendrier"), ["projet.yaml": Self.missions])
        XCTAssertEqual(result.status, .incomplete)
        // The fixture's ACI gives the parcours 2 years from the signature to start.
        let deadlines = try XCTUnwrap(
            TestSupport.figures(Self.missions).0.calendar.first { $0.id == "parcours" }?.latestStart)
        XCTAssertLessThan(deadlines, CalendarDate(year: 2023, month: 9, day: 1)!)
        XCTAssertEqual(
            result.message,
            "« Organiser des parcours pluriprofessionnels autour du patient » : date de déploiement prévue, "
                + "démarrage après la limite de l’ACI (\(FrenchFormat.date(deadlines))).")
        let planned = Self.missions.replacingOccurrences(
            of: "    demarrage: 2023-09-01\n", with: "    demarrage: 2022-01-10\n    deploiement: 2022-06-01\n")
        XCTAssertEqual(try evaluate(requirement("calendrier"), ["projet.yaml": planned]).0.status, .ok)
    }

    func testACrisisPlanSectionIsDueOnlyWhereTheACIHasTheMission() throws {
        let plan = requirement("section", ["si_mission": ["crises-sanitaires"]])
        let (result, _) = try evaluate(plan, ["projet.yaml": Self.missions])
        XCTAssertEqual(result.isApplicable, false, "ACI 2019 has no crisis mission")
        let (due, _) = try evaluate(
            plan,
            [
                "projet.yaml": Self.missions.replacingOccurrences(
                    of: "version_aci: aci-2019,", with: "version_aci: aci-2019-avenant-2, date_avenant: 2022-04-01,")
            ])
        XCTAssertEqual(due.status, .missing)
    }
}
