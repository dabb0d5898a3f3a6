import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

final class FigureCalculatorTests: XCTestCase {
    func testSampleProjectFiguresComeFromItsSources() throws {
        let yaml = try String(
            contentsOf: TestSupport.fixtures.appendingPathComponent("echantillon/projet.yaml"), encoding: .utf8)
        let (figures, diagnostics) = TestSupport.figures(yaml)
        XCTAssertFalse(diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        XCTAssertEqual(figures.all["territoire.population"], .integer(64_455))
        XCTAssertEqual(figures.all["territoire.taille-aci"], .integer(2))
        XCTAssertEqual(figures.memberTotal, 6 + 29 + 12 + 26 + 19 + 21)
        XCTAssertEqual(figures.all["professionnels.total"], .integer(113))
        XCTAssertEqual(figures.all["territoire.part-departement"]?.formatted, "14,65\u{00A0}%")
        XCTAssertEqual(figures.all["financement.fonctionnement"], .euros(60_000))
        XCTAssertEqual(figures.all["financement.plafond"], .euros(287_000))
        XCTAssertFalse(figures.all["financement.total-annuel"]!.isKnown, "taille 2 mission amounts are not confirmed")
    }

    /// Every figure of the complete fixture, as documents print it. Worked by hand from its
    /// files: 52 300 + 31 200 + 21 000 inhabitants on 40,5 + 88 + 121,5 km²; 40 GPs for
    /// 104 500 inhabitants is 3,83 per 10 000; taille 3 of avenant 2 gives 75 000 + 125 000
    /// + 90 000 + 35 000 + 22 500 = 347 500 € a year, and five years plus the crisis plan's
    /// first-year supplement (45 000 − 22 500) make 1 760 000 €; mission deadlines are 6/18
    /// and 12/24 months after the 15 March 2023 signature; indicator gaps are territory
    /// minus department, region, France.
    func testEveryFigureOfTheCompleteFixture() throws {
        let diagnostics = DiagnosticEngine()
        let folder = ProjectFolder(path: TestSupport.fixtures.appendingPathComponent("complet").path)
        let project = ProjectReader(folder: folder, diagnostics: diagnostics).read().project
        let figures = FigureCalculator(project: project, regulation: TestSupport.regulation(), diagnostics: diagnostics)
            .compute()
        XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        let expected: KeyValuePairs<String, String> = [
            "territoire.population": "104\u{00A0}500",
            "territoire.communes": "3",
            "territoire.superficie": "250\u{00A0}km²",
            "territoire.densite": "418,0\u{00A0}hab./km²",
            "departement.population": "500\u{00A0}000",
            "territoire.part-departement": "20,90\u{00A0}%",
            "territoire.taille-aci": "3",
            "professionnels.medecins-generalistes.effectif": "40",
            "professionnels.medecins-generalistes.densite": "3,8",
            "professionnels.infirmiers.effectif": "35",
            "professionnels.infirmiers.densite": "3,3",
            "professionnels.pharmaciens.effectif": "15",
            "professionnels.pharmaciens.densite": "1,4",
            "professionnels.total": "90",
            "professionnels.densite": "8,6",
            "chronologie.2020.membres": "20",
            "chronologie.2021.membres": "60",
            "chronologie.2023.membres": "90",
            "membres.croissance": "350\u{00A0}%",
            "contrat.version-aci": "ACI CPTS modifié par l’avenant 2 (20 décembre 2021)",
            "contrat.duree": "5",
            "financement.fonctionnement": "75\u{00A0}000\u{00A0}€",
            "financement.acces-soins.fixe": "90\u{00A0}000\u{00A0}€",
            "financement.acces-soins.variable": "35\u{00A0}000\u{00A0}€",
            "financement.acces-soins.total": "125\u{00A0}000\u{00A0}€",
            "financement.parcours.fixe": "45\u{00A0}000\u{00A0}€",
            "financement.parcours.variable": "45\u{00A0}000\u{00A0}€",
            "financement.parcours.total": "90\u{00A0}000\u{00A0}€",
            "financement.prevention.fixe": "17\u{00A0}500\u{00A0}€",
            "financement.prevention.variable": "17\u{00A0}500\u{00A0}€",
            "financement.prevention.total": "35\u{00A0}000\u{00A0}€",
            "financement.crises-sanitaires.fixe": "22\u{00A0}500\u{00A0}€",
            "financement.crises-sanitaires.variable": "0\u{00A0}€",
            "financement.crises-sanitaires.total": "22\u{00A0}500\u{00A0}€",
            "financement.total-annuel": "347\u{00A0}500\u{00A0}€",
            "financement.plafond": "plafond non publié pour la taille 3",
            "financement.total-contrat": "1\u{00A0}760\u{00A0}000\u{00A0}€",
            "contrat.date-signature": "15 mars 2023",
            "contrat.date-fin": "15 mars 2028",
            "calendrier.acces-soins.demarrage-limite": "15 septembre 2023",
            "calendrier.acces-soins.deploiement-limite": "15 septembre 2024",
            "calendrier.parcours.demarrage-limite": "15 mars 2024",
            "calendrier.parcours.deploiement-limite": "15 mars 2025",
            "calendrier.prevention.demarrage-limite": "15 mars 2024",
            "calendrier.prevention.deploiement-limite": "15 mars 2025",
            "calendrier.crises-sanitaires.demarrage-limite": "15 septembre 2023",
            "calendrier.crises-sanitaires.deploiement-limite": "15 septembre 2024",
            "diagnostic.patients-de-17-ans-et-plus-sans-medecin-traitant.territoire": "8,1\u{00A0}%",
            "diagnostic.patients-de-17-ans-et-plus-sans-medecin-traitant.ecart-departement": "−1,1\u{00A0}point",
            "diagnostic.patients-de-17-ans-et-plus-sans-medecin-traitant.ecart-region": "−1,7\u{00A0}point",
            "diagnostic.patients-de-17-ans-et-plus-sans-medecin-traitant.ecart-france": "−2,0\u{00A0}points",
            "diagnostic.medecins-generalistes-pour-10-000-habitants.territoire": "7,2",
            "diagnostic.medecins-generalistes-pour-10-000-habitants.ecart-departement": "−1,2",
            "diagnostic.medecins-generalistes-pour-10-000-habitants.ecart-region": "−1,7",
            "diagnostic.medecins-generalistes-pour-10-000-habitants.ecart-france": "−1,4",

        ]
        XCTAssertEqual(figures.all.figures.map(\.name), expected.map(\.key), "every figure, in a stable order")
        for (name, value) in expected {
            XCTAssertEqual(figures.all[name]?.formatted, value, name)
        }
    }

    /// 2019, taille 3: 75 000 + 120 000 + 90 000 + 35 000 = 320 000 € under the 370 000 €
    /// ceiling; a contracted fixed part of 100 000 € for the parcours mission (instead of
    /// 45 000) brings the year to 375 000 €, which is refused.
    /// Two entries in 2019 (the collective, then the association): the figure of 2019 is the
    /// later one, and the growth is between the figures shown, 90 → 135.
    func testMemberGrowthIsBetweenTheFiguresShown() {
        let (figures, _) = TestSupport.figures(
            """
            chronologie:
              - {annee: 2019, titre: "Collectif", membres: 40}
              - {annee: 2019, titre: "Association", membres: 90}
              - {annee: 2020, titre: "CPTS", membres: 135}
            """)
        XCTAssertEqual(figures.all["chronologie.2019.membres"], .integer(90))
        XCTAssertEqual(figures.all["membres.croissance"]?.formatted, "50\u{00A0}%", "(135 − 90) / 90")
    }

    func testATotalOverTheCeilingIsAnError() {
        let yaml = """
            territoire: {population: 100000}
            missions:
              - mission: acces-soins
              - mission: parcours
                part_fixe: PARCOURS
              - mission: prevention
            contrat: {version_aci: aci-2019}
            """
        let within = TestSupport.figures(yaml.replacingOccurrences(of: "PARCOURS", with: "45000"))
        XCTAssertEqual(within.0.funding?.annualTotal, 320_000)
        XCTAssertFalse(within.1.contains { $0.id == "financement.plafond" })
        let over = TestSupport.figures(yaml.replacingOccurrences(of: "PARCOURS", with: "100000"))
        XCTAssertEqual(over.0.funding?.annualTotal, 375_000)
        let error = over.1.first { $0.id == "financement.plafond" }
        XCTAssertEqual(error?.severity, .error)
        XCTAssertEqual(
            error?.message, "Le total annuel (375\u{00A0}000 €) dépasse le plafond de la taille 3 (370\u{00A0}000 €).")
        XCTAssertEqual(error?.location?.line, 2, "points at the missions")
    }

    func testDeclaredFiguresAreComparedAtThePrecisionTyped() {
        let communes = [
            Commune(inseeCode: "99001", name: "A", population: 60_000, area: 10.25, location: .init(file: "c.csv"))
        ]
        func errors(_ territory: String) -> [String] {
            TestSupport.figures(
                "territoire:\n\(territory)  departement: {nom: D, population: 700000}\n", communes: communes
            ).1
                .filter { $0.id == "chiffre.incoherent" }.map(\.message)
        }
        XCTAssertEqual(
            errors("  part_departement: 8,6 %\n"), [], "60 000 / 700 000 = 8,57 %, which is 8,6 % at one decimal")
        XCTAssertEqual(errors("  part_departement: 8,57\n"), [])
        XCTAssertEqual(
            errors("  part_departement: 8,60\n"),
            ["Part de la population du département : valeur saisie 8,60 %, valeur calculée 8,57 %."])
        XCTAssertEqual(errors("  superficie_km2: 10\n"), [], "10,25 km² is 10 at the precision typed")
        XCTAssertEqual(errors("  superficie_km2: 12\n"), ["Superficie (km²) : valeur saisie 12, valeur calculée 10."])
    }

    func testImpossibleNumbersAreErrorsStatingThePlausibleRange() {
        let (_, diagnostics) = TestSupport.figures(
            "territoire:\n  population: 0\nprofessionnels:\n  - {profession: X, effectif: -3}\n")
        let ranges = diagnostics.filter { $0.id == "valeur.hors-limites" }
        XCTAssertEqual(ranges.map(\.location?.line), [2, 4])
        XCTAssertTrue(ranges[0].message.contains("de 1 à 70\u{00A0}000\u{00A0}000 habitants"), ranges[0].message)
        let zero = [Commune(inseeCode: "1", name: "A", population: 0, area: nil, location: .init(file: "c.csv"))]
        XCTAssertEqual(
            TestSupport.figures("identite: {denomination: X}\n", communes: zero).1.map(\.id),
            ["territoire.population-invalide"])
    }

    func testCommunesArePreferredToTheDeclaredPopulationAndCheckedAgainstIt() {
        let communes = [
            Commune(inseeCode: "99001", name: "A", population: 30_000, area: 10, location: .init(file: "c.csv")),
            Commune(inseeCode: "99002", name: "B", population: 12_000, area: 30, location: .init(file: "c.csv")),
        ]
        let (figures, diagnostics) = TestSupport.figures("territoire:\n  population: 45000\n", communes: communes)
        XCTAssertEqual(figures.territory.population, 42_000)
        XCTAssertEqual(figures.territory.density, 1_050)
        let error = diagnostics.first { $0.id == "chiffre.incoherent" }
        XCTAssertEqual(error?.location?.line, 2)
        XCTAssertTrue(
            error?.message.contains("45\u{00A0}000") == true && error?.message.contains("42\u{00A0}000") == true,
            "names both values: \(String(describing: error?.message))")
    }

    func testDeclaredMemberTotalAndSizeClassAreChecked() {
        let yaml = """
            territoire:
              population: 50000
              taille_aci: 3
            professionnels:
              - {profession: Infirmiers, effectif: 10}
              - {profession: Pharmaciens, effectif: 5}
            membres_total: 16
            contrat:
              version_aci: aci-2019
            """
        let (_, diagnostics) = TestSupport.figures(yaml)
        let messages = diagnostics.filter { $0.id == "chiffre.incoherent" }.map(\.message)
        XCTAssertEqual(messages.count, 2, "\(messages)")
        XCTAssertTrue(messages.contains { $0 == "Total des membres : valeur saisie 16, valeur calculée 15." })
        XCTAssertTrue(messages.contains { $0.contains("taille 3") && $0.contains("taille 2") })
    }

    func testPopulationCloseToAThresholdIsWarned() {
        let (_, near) = TestSupport.figures("territoire:\n  population: 79000\ncontrat:\n  version_aci: aci-2019\n")
        XCTAssertTrue(near.contains { $0.id == "territoire.seuil-taille" && $0.severity == .warning })
        let (_, far) = TestSupport.figures("territoire:\n  population: 60000\ncontrat:\n  version_aci: aci-2019\n")
        XCTAssertFalse(far.contains { $0.id == "territoire.seuil-taille" })
    }

    func testContractedAmountsAreCheckedAgainstTheACIMaxima() {
        let yaml = """
            territoire:
              population: 100000
            missions:
              - mission: parcours
                part_fixe: 50000
                part_variable: 45000
              - mission: acces-soins
                part_fixe: 85000
                part_variable: 35000
            contrat:
              version_aci: aci-2019
            """
        let (figures, diagnostics) = TestSupport.figures(yaml)
        let over = diagnostics.filter { $0.id == "financement.depassement" }
        XCTAssertEqual(over.count, 1)
        XCTAssertEqual(over.first?.location?.line, 5, "points at the contracted amount")
        let unknownMaximum = diagnostics.filter { $0.id == "financement.maximum-non-publie" }
        XCTAssertEqual(unknownMaximum.map(\.severity), [.note], "said once, as a remark: the signed amounts are given")
        XCTAssertTrue(
            unknownMaximum.first?.message.contains("part fixe de « Faciliter l’accès aux soins") == true,
            unknownMaximum.first?.message ?? "")
        XCTAssertFalse(unknownMaximum.first?.hint?.contains("Templates/") ?? true, "no maintainers' file for users")
        let cells = diagnostics.filter { $0.id == "financement.cellule-inconnue" }
        XCTAssertEqual(cells.map(\.severity), [.note, .note], "the cells, as remarks for maintainers")
        XCTAssertEqual(figures.all["financement.total-annuel"], .euros(75_000 + 95_000 + 120_000))
        XCTAssertEqual(figures.all["financement.total-contrat"], .euros(5 * 290_000))
    }

    func testUnknownACIVersionAndMissionGetSuggestions() {
        let yaml =
            "territoire:\n  population: 100000\nmissions:\n  - mission: prevension\ncontrat:\n  version_aci: aci-2019-avenant2\n"
        let (_, diagnostics) = TestSupport.figures(yaml)
        XCTAssertEqual(
            diagnostics.first { $0.id == "contrat.version-inconnue" }?.hint,
            "vouliez-vous dire « aci-2019-avenant-2 » ?")
        let (_, missions) = TestSupport.figures(yaml.replacingOccurrences(of: "aci-2019-avenant2", with: "aci-2019"))
        XCTAssertEqual(missions.first { $0.id == "missions.inconnue" }?.hint, "vouliez-vous dire « prevention » ?")
    }

    func testCalendarDeadlinesCountFromTheSignatureDate() {
        let yaml = """
            territoire:
              population: 100000
            missions:
              - mission: acces-soins
              - mission: parcours
              - mission: qualite
            contrat:
              version_aci: aci-2019
              date_signature: 2020-06-17
            """
        let (figures, _) = TestSupport.figures(yaml)
        XCTAssertEqual(figures.all["calendrier.acces-soins.demarrage-limite"]?.formatted, "17 décembre 2020")
        XCTAssertEqual(figures.all["calendrier.acces-soins.deploiement-limite"]?.formatted, "17 décembre 2021")
        XCTAssertEqual(figures.all["calendrier.parcours.demarrage-limite"]?.formatted, "17 juin 2021")
        XCTAssertEqual(figures.all["calendrier.parcours.deploiement-limite"]?.formatted, "17 juin 2022")
        XCTAssertFalse(figures.all["calendrier.qualite.demarrage-limite"]!.isKnown)
        XCTAssertEqual(figures.all["contrat.date-fin"]?.formatted, "17 juin 2025")
    }

    func testDiagnosticGapsAndVerdicts() throws {
        let diagnostics = DiagnosticEngine()
        var project = Project()
        project.indicators = [
            DiagnosticIndicator(
                name: "Sans médecin traitant", unit: "%", territory: Quantity(8.1, places: 1),
                department: Quantity(9.2, places: 1), region: nil, france: Quantity(10.1, places: 1),
                source: "test", year: 2023, better: .lower, location: .init(file: "i.csv")),
            DiagnosticIndicator(
                name: "Dépistage", unit: "%", territory: Quantity(30, places: 0), department: nil, region: nil,
                france: Quantity(34.25, places: 2), source: "test", year: 2023, better: .higher,
                location: .init(file: "i.csv")),
        ]
        let figures = FigureCalculator(project: project, regulation: TestSupport.regulation(), diagnostics: diagnostics)
            .compute()
        XCTAssertEqual(figures.indicators[0].verdictFrance, .better)
        XCTAssertEqual(figures.indicators[1].verdictFrance, .worse)
        XCTAssertEqual(
            figures.all["diagnostic.sans-medecin-traitant.ecart-france"]?.formatted, "\u{2212}2,0\u{00A0}points",
            "at the precision typed, with a true minus sign")
        XCTAssertEqual(
            figures.all["diagnostic.sans-medecin-traitant.ecart-departement"]?.formatted, "\u{2212}1,1\u{00A0}point",
            "singular under 2")
        XCTAssertEqual(
            figures.all["diagnostic.sans-medecin-traitant.territoire"]?.formatted, "8,1\u{00A0}%", "not 8,10 %")
        XCTAssertEqual(
            figures.all["diagnostic.depistage.ecart-france"]?.formatted, "\u{2212}4,25\u{00A0}points",
            "a gap is as precise as its more precise term")
        XCTAssertNil(figures.all["diagnostic.sans-medecin-traitant.ecart-region"])
    }
}
