import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocCore
@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocReaders
@testable import SanteDocWriters

final class OutputWriterTests: XCTestCase {
    func testAnInterruptedReplacementIsFinishedByTheNextRun() throws {
        let folder = try TestSupport.makeProject(["a.txt": "ancien a", "b.txt": "ancien b"])
        // The state a run killed after its journal leaves: a renamed, b still staged.
        try Data("nouveau a".utf8).write(to: folder.appendingPathComponent("a.txt"))
        try Data("nouveau b".utf8).write(to: folder.appendingPathComponent(".santedoc-tmp-1-b.txt"))
        try Data(".santedoc-tmp-1-a.txt\ta.txt\n.santedoc-tmp-1-b.txt\tb.txt\n".utf8).write(
            to: folder.appendingPathComponent(".santedoc-journal"))
        try OutputWriter(directory: folder).write([("c.txt", Array("c".utf8))])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("b.txt"), encoding: .utf8), "nouveau b")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.txt", "b.txt", "c.txt"])
    }

    /// What a run killed before its journal was renamed leaves: staged files and the
    /// journal's own temporary. The next run removes them all and installs only its files.
    func testTemporariesOfARunKilledBeforeItsJournalAreSwept() throws {
        let folder = try TestSupport.makeProject(["a.txt": "ancien a"])
        try Data("à moitié".utf8).write(to: folder.appendingPathComponent(".santedoc-tmp-77-a.txt"))
        try Data(".santedoc-tmp-77-a.txt\ta.txt\n".utf8).write(
            to: folder.appendingPathComponent(".santedoc-tmp-77-.santedoc-journal"))
        let year = folder.appendingPathComponent("annexes/annee-1")
        try FileManager.default.createDirectory(at: year, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: year.appendingPathComponent(".santedoc-tmp-78-note.xml"))
        try Data("à garder".utf8).write(to: folder.appendingPathComponent(".mes-notes.tmp"))
        // A user's own hidden files, even shaped like an older temporary: never ours to remove.
        try Data("à garder".utf8).write(to: folder.appendingPathComponent(".rapport.2025.tmp"))
        try OutputWriter(directory: folder).write([
            ("b.txt", Array("b".utf8)), ("c.txt", Array("c".utf8)), ("annexes/annee-1/d.txt", Array("d".utf8)),
            ("annexes/annee-1/e.txt", Array("e".utf8)),
        ])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
            [".mes-notes.tmp", ".rapport.2025.tmp", "a.txt", "annexes", "b.txt", "c.txt"],
            "a file not named as ours stays")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: year.path).sorted(), ["d.txt", "e.txt"])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8), "ancien a")
    }

    func testEmptyFilesAreWritten() throws {
        let folder = try TestSupport.makeProject([:])
        try OutputWriter(directory: folder).write([("vide.txt", [])])
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("vide.txt")), Data())
    }

    func testAJournalCannotPointOutsideTheOutputFolder() throws {
        let outside = try TestSupport.makeProject([".santedoc-tmp-1-x.txt": "dehors"])
        let folder = try TestSupport.makeProject(["a.txt": "a"])
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("lien"), withDestinationURL: outside)
        try Data("../../etc/x\t../y\nlien/.santedoc-tmp-1-x.txt\tlien/x.txt\n.santedoc-tmp-9-a.txt\t/etc/a.txt\n".utf8)
            .write(to: folder.appendingPathComponent(".santedoc-journal"))
        try OutputWriter(directory: folder).write([("a.txt", Array("b".utf8))])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8), "b")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: outside.path), [".santedoc-tmp-1-x.txt"],
            "nothing renamed through the link")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".santedoc-journal").path))
    }

    func testALinkedSubfolderIsRefusedAndNothingIsWrittenThroughIt() throws {
        let outside = try TestSupport.makeProject(["garde.txt": "x"])
        let folder = try TestSupport.makeProject(["garde.txt": "x"])
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("annexes"), withDestinationURL: outside)
        XCTAssertThrowsError(try OutputWriter(directory: folder).write([("annexes/a.xml", Array("a".utf8))])) { error in
            XCTAssertTrue("\(error)".contains("lien symbolique"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), ["garde.txt"])
    }

    func testAFailedWriteRemovesItsTemporariesAndKeepsThePreviousFiles() throws {
        let folder = try TestSupport.makeProject(["a.txt": "ancien", "b": "un fichier là où un dossier est attendu"])
        XCTAssertThrowsError(
            try OutputWriter(directory: folder).write([
                ("a.txt", Array("nouveau".utf8)),
                ("b/c.txt", Array("c".utf8)),
            ]))
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8), "ancien")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.txt", "b"],
            "no temporary left behind")
    }

    func testPathsAreNormalisedAndTheRootIsRefused() throws {
        let folder = try TestSupport.makeProject(["garde.txt": "x"])
        try OutputWriter(directory: URL(fileURLWithPath: folder.path + "//./")).write([("a.txt", Array("a".utf8))])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.txt", "garde.txt"],
            "final names, no temporary left")
        XCTAssertThrowsError(try OutputWriter(directory: URL(fileURLWithPath: "/")).write([("a.txt", [])])) { error in
            XCTAssertTrue("\(error)".contains("racine"), "\(error)")
        }
        XCTAssertThrowsError(try OutputWriter(directory: folder).write([("../a.txt", [])]))
    }
}

final class ZipTimestampsTests: XCTestCase {
    /// A stored one-member archive, as `zip` writes it, stamped 2026-12-02 10:30.
    func archive(named name: String = "a.txt") -> [UInt8] {
        let dosDate: [UInt8] = [0x82, 0x5D]
        let dosTime: [UInt8] = [0xC0, 0x53]
        let data = Array("x".utf8)
        let crc: [UInt8] = [0x83, 0xDC, 0xEF, 0x8C]
        let nameBytes = Array(name.utf8)
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        let local =
            [0x50, 0x4B, 0x03, 0x04] + le16(10) + le16(0) + le16(0) + dosTime + dosDate + crc + le32(1) + le32(1)
            + le16(nameBytes.count) + le16(0) + nameBytes + data
        let central =
            [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(10) + le16(0) + le16(0) + dosTime + dosDate + crc
            + le32(1) + le32(1) + le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0)
            + nameBytes
        let end =
            [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(1) + le16(1) + le32(central.count) + le32(local.count)
            + le16(0)
        return local + central + end
    }

    func testEveryMemberGetsTheFixedDateInBothHeaders() {
        let original = archive()
        let fixed = ZipTimestamps.normalized(original)
        XCTAssertEqual(fixed.count, original.count)
        XCTAssertEqual(Array(fixed[10...13]), [0, 0, 0x21, 0x50], "local header: 00:00, 2020-01-01")
        let central = 30 + 5 + 1
        XCTAssertEqual(Array(fixed[(central + 12)...(central + 15)]), [0, 0, 0x21, 0x50], "central directory")
        XCTAssertEqual(ZipTimestamps.normalized(fixed), fixed)
        var differing = original
        differing[10] = 0x11
        XCTAssertEqual(ZipTimestamps.normalized(differing), fixed, "whatever the clock said, one result")
    }

    func testAnythingElseIsReturnedUnchanged() {
        XCTAssertEqual(ZipTimestamps.normalized(Array("pas une archive".utf8)), Array("pas une archive".utf8))
        var broken = archive()
        broken[broken.count - 6] = 0x7F  // central directory offset points nowhere
        XCTAssertEqual(ZipTimestamps.normalized(broken), broken)
    }
}
