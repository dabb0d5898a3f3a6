import Foundation
import XCTest

/// `docs/diagnostics.md` lists every diagnostic, as compilers document theirs: each id of
/// the catalogue is produced by a case of the corpus, and each id the code can emit is in
/// the catalogue.
final class DiagnosticCatalogueTests: XCTestCase {
    static let catalogue = CommandRunner.repository.appendingPathComponent("docs/diagnostics.md")

    func catalogueIDs() throws -> Set<String> {
        let text = try String(contentsOf: Self.catalogue, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"^\| `([a-z0-9.*\-]+)` \|"#, options: .anchorsMatchLines)
        return Set(
            pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range(at: 1), in: text).map { String(text[$0]) }
            })
    }

    /// Ids written in the sources: `error("id"`, `warning("id"`, `Diagnostic("id"`, `Problem(id: "id"`, `[id]`,
    /// the opening parenthesis and the id possibly on two lines.
    func sourceIDs() throws -> Set<String> {
        let sources = CommandRunner.repository.appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(
            pattern:
                #"(?:\.(?:error|warning|note)\(|Diagnostic\(|exceed\(|Problem\(\s*id:)\s*"([a-z0-9.\-]+)"|\[(systeme\.erreur)\]"#
        )
        var ids: Set<String> = []
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 {
                    if let range = Range(match.range(at: group), in: text) { ids.insert(String(text[range])) }
                }
            }
        }
        // Requirement diagnostics are built from the requirement's id.
        ids.insert("exigence.*")
        return ids
    }

    func producedIDs() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"\[([a-z0-9.\-]+)\]$"#, options: .anchorsMatchLines)
        var ids: Set<String> = []
        for run in BrokenInputTests.runs {
            for match in pattern.matches(in: run.stderr, range: NSRange(run.stderr.startIndex..., in: run.stderr)) {
                guard let range = Range(match.range(at: 1), in: run.stderr) else { continue }
                let id = String(run.stderr[range])
                ids.insert(id.hasPrefix("exigence.") ? "exigence.*" : id)
            }
        }
        return ids
    }

    /// Ids a corpus case cannot produce, with the test that does.
    static let producedElsewhere = [
        "apercu.port-occupe": "PreviewCommandTests.testAPortInUseIsAFrenchError (a port held by a first preview)"
    ]

    func testEveryCatalogueEntryIsProducedByACaseOfTheCorpus() throws {
        let missing = try catalogueIDs().subtracting(producedIDs()).subtracting(Self.producedElsewhere.keys)
        XCTAssertEqual(missing.sorted(), [], "catalogued but produced by no case of Tests/Fixtures/casse")
    }

    func testEveryIdTheCodeCanEmitIsInTheCatalogue() throws {
        let catalogue = try catalogueIDs()
        let code = try sourceIDs()
        XCTAssertGreaterThan(code.count, 60)
        XCTAssertEqual(
            code.subtracting(catalogue).sorted(), [], "emitted by the code but missing from docs/diagnostics.md")
        XCTAssertEqual(catalogue.subtracting(code).sorted(), [], "catalogued but no longer emitted")
    }
}
