import XCTest
@testable import SanteDocCore

final class OutputWriterTests: XCTestCase {
    func testAnInterruptedReplacementIsFinishedByTheNextRun() throws {
        let folder = try TestSupport.makeProject(["a.txt": "ancien a", "b.txt": "ancien b"])
        // The state a run killed after its journal leaves: a renamed, b still staged.
        try Data("nouveau a".utf8).write(to: folder.appendingPathComponent("a.txt"))
        try Data("nouveau b".utf8).write(to: folder.appendingPathComponent(".b.txt.1.tmp"))
        try Data(".a.txt.1.tmp\ta.txt\n.b.txt.1.tmp\tb.txt\n".utf8).write(to: folder.appendingPathComponent(".santedoc-journal"))
        try OutputWriter(directory: folder).write([("c.txt", Array("c".utf8))])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("b.txt"), encoding: .utf8), "nouveau b")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.txt", "b.txt", "c.txt"])
    }

    func testEmptyFilesAreWritten() throws {
        let folder = try TestSupport.makeProject([:])
        try OutputWriter(directory: folder).write([("vide.txt", [])])
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("vide.txt")), Data())
    }

    func testAJournalCannotPointOutsideTheOutputFolder() throws {
        let folder = try TestSupport.makeProject(["a.txt": "a"])
        try Data("../../etc/x\t../y\n".utf8).write(to: folder.appendingPathComponent(".santedoc-journal"))
        try OutputWriter(directory: folder).write([("a.txt", Array("b".utf8))])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8), "b")
    }
}
