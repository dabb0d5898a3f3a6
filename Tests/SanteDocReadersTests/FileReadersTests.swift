import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

final class FileReadersTests: XCTestCase {
    func testNumbersAreReadAsFrenchPeopleTypeThemWithTheirPrecision() {
        let read: [(String, Double, Int)] = [
            ("64 455", 64455, 0), ("64\u{202F}455", 64455, 0), ("64\u{00A0}455 €", 64455, 0), ("14,65", 14.65, 2),
            ("14.65", 14.65, 2), ("8,10 %", 8.1, 2), ("\u{2212}0,9", -0.9, 1), ("-3", -3, 0), (" 12 km² ", 12, 0),
            ("4,5 km2", 4.5, 1),
        ]
        for (text, value, places) in read {
            let quantity = FrenchNumber.quantity(text)
            XCTAssertEqual(quantity?.value, value, text)
            XCTAssertEqual(quantity?.places, places, text)
        }
        for text in ["", " ", "-", "abc", "1.2.3", "1,2a", "12 habitants", "1e5", "inf", "٣"] {
            XCTAssertNil(FrenchNumber.quantity(text), text)
        }
    }

    func testCSVWithSemicolonsAndFrenchNumbers() {
        let diagnostics = DiagnosticEngine()
        let communes = CommuneListReader(file: "communes.csv", diagnostics: diagnostics).read(
            """
            Code_INSEE;commune;population;superficie_km2
            24037;Bergerac;26 852;56,1
            24001;"Abjat; sur Bandiat";650;
            """)
        XCTAssertEqual(diagnostics.diagnostics, [])
        XCTAssertEqual(communes.map(\.population), [26_852, 650])
        XCTAssertEqual(communes.first?.area, 56.1)
        XCTAssertEqual(communes.last?.name, "Abjat; sur Bandiat")
        XCTAssertNil(communes.last?.area)
    }

    func testCSVRaggedRowsUnknownColumnsAndDuplicates() {
        let diagnostics = DiagnosticEngine()
        _ = CommuneListReader(file: "communes.csv", diagnostics: diagnostics).read(
            """
            code_insee,commune,populaton
            24037,Bergerac,100
            """)
        XCTAssertEqual(Set(diagnostics.diagnostics.map(\.id)), ["csv.colonne-inconnue", "csv.colonne-manquante"])
        XCTAssertEqual(
            diagnostics.diagnostics.first { $0.id == "csv.colonne-inconnue" }?.hint,
            "vouliez-vous dire « population » ?")

        let second = DiagnosticEngine()
        _ = CommuneListReader(file: "communes.csv", diagnostics: second).read(
            """
            code_insee;commune;population
            24037;Bergerac;100;extra
            24037;Bergerac;100
            24037;Bergerac;100
            24038;Autre;beaucoup
            """)
        XCTAssertEqual(second.diagnostics.map(\.id), ["csv.colonnes", "communes.doublon", "csv.nombre"])
        XCTAssertEqual(second.diagnostics.map(\.location?.line), [2, 4, 5])
    }

    func testWindows1252AndBinaryFilesAreExplained() throws {
        let root = try TestSupport.makeProject([:])
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // "bé" in Windows-1252.
        try Data([0x61, 0x0A, 0x62, 0xE9, 0x0A]).write(to: root.appendingPathComponent("latin.md"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00]).write(to: root.appendingPathComponent("doc.md"))
        let diagnostics = DiagnosticEngine()
        let folder = ProjectFolder(path: root.path)
        XCTAssertNil(folder.readText("latin.md", diagnostics: diagnostics))
        XCTAssertNil(folder.readText("doc.md", diagnostics: diagnostics))
        let found = diagnostics.diagnostics
        XCTAssertEqual(found.map(\.id), ["fichier.binaire", "fichier.encodage"])
        XCTAssertEqual(found[1].location, SourceLocation(file: "latin.md", line: 2, column: 2))
        XCTAssertTrue(found[1].message.contains("Windows-1252"))
    }

    func testHugeFilesAreRefused() throws {
        let root = try TestSupport.makeProject([:])
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(repeating: UInt8(ascii: "a"), count: ProjectFolder.maximumFileSize + 1).write(
            to: root.appendingPathComponent("gros.md"))
        let diagnostics = DiagnosticEngine()
        XCTAssertNil(ProjectFolder(path: root.path).readText("gros.md", diagnostics: diagnostics))
        XCTAssertEqual(diagnostics.diagnostics.map(\.id), ["fichier.trop-grand"])
    }

    func testNothingOutsideTheProjectIsRead() throws {
        let outside = try TestSupport.makeProject(["secret.txt": "secret"])
        let root = try TestSupport.makeProject(["projet.yaml": "identite: {}\n"])
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("lien.md"),
            withDestinationURL: outside.appendingPathComponent("secret.txt"))
        let diagnostics = DiagnosticEngine()
        let folder = ProjectFolder(path: root.path)
        XCTAssertNil(folder.readText("lien.md", diagnostics: diagnostics))
        XCTAssertNil(folder.readText("../\(outside.lastPathComponent)/secret.txt", diagnostics: diagnostics))
        XCTAssertEqual(diagnostics.diagnostics.map(\.id), ["fichier.hors-projet", "fichier.hors-projet"])
        XCTAssertEqual(folder.readText("projet.yaml", diagnostics: diagnostics), "identite: {}\n")
    }

    /// A named pipe or a folder where a file is expected is refused at once, never waited
    /// on; a link inside the project is followed; an empty file is an empty text.
    func testOnlyRegularFilesAreReadAndLinksInsideAreFollowed() throws {
        let root = try TestSupport.makeProject(["vrai.md": "Texte\n", "vide.md": ""])
        XCTAssertEqual(mkfifo(root.appendingPathComponent("tube.md").path, 0o600), 0)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("dossier.md"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("lien.md").path, withDestinationPath: "vrai.md")
        let diagnostics = DiagnosticEngine()
        let folder = ProjectFolder(path: root.path)
        XCTAssertNil(folder.readText("tube.md", diagnostics: diagnostics))
        XCTAssertNil(folder.readText("dossier.md", diagnostics: diagnostics))
        XCTAssertNil(folder.readText("absent.md", diagnostics: diagnostics))
        XCTAssertEqual(
            diagnostics.diagnostics.map(\.id), ["fichier.illisible", "fichier.illisible", "fichier.illisible"])
        XCTAssertEqual(folder.readText("lien.md", diagnostics: diagnostics), "Texte\n")
        XCTAssertEqual(folder.readText("vide.md", diagnostics: diagnostics), "")
        XCTAssertEqual(diagnostics.diagnostics.count, 3)
    }
}
