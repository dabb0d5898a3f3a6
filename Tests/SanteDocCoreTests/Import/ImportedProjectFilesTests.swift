import XCTest

@testable import SanteDocCore
@testable import SanteDocModel

/// The files an import writes: the skeleton filled at its keys, sections with their
/// claims said, notes numbered, pictures renamed, figures given back.
final class ImportedProjectFilesTests: XCTestCase {
    let skeleton = """
        # yaml-language-server: $schema=projet.schema.json
        identite:
          denomination: ""          # nom complet
          siege:
            adresse: ""             # numéro et voie
            code_postal: ""
            commune: ""
        territoire:
          nom: ""                   # nom usuel
        professionnels: []
        #  - profession: "Médecins généralistes"
        contrat:
          date_signature:           # AAAA-MM-JJ
        """

    func testValuesGoOnTheirKeysWithTheirOrigin() {
        var data = ImportedData()
        data.fields = [
            .init(path: "identite.denomination", value: .text("CPTS « Val »"), written: "", origin: "page de garde"),
            .init(
                path: "identite.siege", value: .address(street: "1 rue A", postcode: "47000", town: "Agen"),
                written: "",
                origin: "page de garde"),
            .init(path: "territoire.population", value: .integer(58_300), written: "", origin: "§ 2"),
            .init(path: "identite.contact", value: .text("a@b.fr"), written: "", origin: "§ 3"),
            .init(
                path: "contrat.date_signature", value: .date(CalendarDate(year: 2023, month: 9, day: 12)!), written: "",
                origin: "§ 4"),
        ]
        data.members = [.init(profession: "Infirmiers", count: 44)]
        data.membersOrigin = "liste"
        var file = ProjectDataFile(skeleton: skeleton)
        file.fill(data, hasCommuneList: false)
        file.introduce(source: "p.docx")
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "# yaml-language-server: $schema=projet.schema.json", "the editor's line stays first")
        XCTAssertTrue(lines[1].hasPrefix("# Importé de « p.docx »"))
        XCTAssertTrue(lines.contains("  denomination: \"CPTS « Val »\"   # importé : page de garde"))
        XCTAssertTrue(lines.contains("    adresse: \"1 rue A\"   # importé : page de garde"))
        XCTAssertTrue(lines.contains("    code_postal: \"47000\""))
        XCTAssertTrue(
            lines.contains("  contact: \"a@b.fr\"   # importé : § 3"), "a key the skeleton lacks goes under its parent")
        XCTAssertTrue(lines.contains("  population: 58300   # importé : § 2"))
        XCTAssertTrue(lines.contains("  date_signature: 2023-09-12   # importé : § 4"))
        XCTAssertTrue(
            file.text.contains("professionnels:   # importé : liste\n  - profession: \"Infirmiers\"\n    effectif: 44"))

        var withCommunes = ProjectDataFile(skeleton: skeleton)
        withCommunes.fill(data, hasCommuneList: true)
        XCTAssertFalse(withCommunes.text.contains("population: 58300"), "computed from communes.csv instead")
    }

    func section(_ markdown: [String], recorded: RecordedSection? = nil) -> PlannedSection {
        let blocks = markdown.enumerated().map { index, text -> ImportedBlock in
            if text.hasPrefix("![") {
                return ImportedBlock(
                    kind: .image(path: "media/a.png", description: ""), markdown: text, text: "", number: index)
            }
            return ImportedBlock(kind: .paragraph, markdown: text, text: text, number: index)
        }
        let chapter = ImportedChapter(
            title: "Cadre", level: 2, blocks: blocks,
            children: [ImportedChapter(title: "Détail", level: 3, blocks: [blocks[0]], number: 9)], number: 1)
        return PlannedSection(
            title: "Cadre", part: .legislation, partReason: "le titre contient « Cadre législatif »",
            partConfidence: .medium,
            claims: [.init(requirement: "legislation.cadre", confidence: .low, reason: "le texte parle de « loi »")],
            chapter: chapter, origin: "chapitre « Cadre »", recorded: recorded)
    }

    func testASectionSaysItsClaimsAndNumbersItsNotes() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]
        var pictures = PictureNames(pictures: ["media/a.png": png], descriptions: ["Carte du territoire"])
        var text = SectionText(
            section: section(["Selon la loi.[^7]", "![](media/a.png)"]), notes: ["7": "Art. L.1434-12."])
        let file = text.render(pictures: &pictures)
        XCTAssertEqual(
            file,
            """
            ---
            titre: "Cadre"
            # Importé du chapitre « Cadre ».
            # Partie proposée (confiance moyenne) : le titre contient « Cadre législatif ».
            partie: legislation
            # Exigences proposées, à vérifier :
            #   - legislation.cadre (confiance faible) : le texte parle de « loi »
            couvre: [legislation.cadre]
            ---

            Selon la loi.<sup>1</sup>

            ![Carte du territoire](images/image-1.png)

            ## Détail

            Selon la loi.<sup>1</sup>

            Notes :

            1. Art. L.1434-12.

            """)
        XCTAssertEqual(pictures.files.map(\.0), ["images/image-1.png"])
    }

    func testARecordedSectionGetsBackItsFrontMatterAndFigures() {
        let recorded = RecordedSection(
            file: "sections/09-cadre.md", title: "Cadre", part: "legislation", covers: ["legislation.cadre"],
            figures: [.init(name: "territoire.population", value: "104 500"), .init(name: "absent", value: "12 €")])
        var pictures = PictureNames(pictures: [:], descriptions: [])
        var text = SectionText(
            section: section(["104 500 habitants, 104 500 inscrits.", "Tableau — Cadre"], recorded: recorded),
            notes: [:],
            captions: ["Tableau — Cadre"])
        let file = text.render(pictures: &pictures)
        XCTAssertTrue(
            file.hasPrefix("---\ntitre: \"Cadre\"\npartie: legislation\ncouvre: [legislation.cadre]\n---\n\n"), file)
        XCTAssertTrue(file.contains("{{territoire.population}} habitants, 104 500 inscrits."), file)
        XCTAssertFalse(file.contains("Tableau — Cadre"), "SanteDoc's own caption is not the board's text")
        XCTAssertEqual(text.lostFigures, ["{{absent}} (« 12 € »)"])
    }
}
