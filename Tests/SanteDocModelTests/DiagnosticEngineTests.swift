import XCTest

@testable import SanteDocModel

final class DiagnosticEngineTests: XCTestCase {
    func testDiagnosticsAreSortedByLocation() {
        let engine = DiagnosticEngine()
        engine.warning("b", at: SourceLocation(file: "b.md", line: 1), "B")
        engine.error("a", at: SourceLocation(file: "a.md", line: 9), "A9")
        engine.error("a", at: SourceLocation(file: "a.md", line: 2), "A2")
        engine.error("none", at: nil, "sans lieu")
        XCTAssertEqual(engine.diagnostics.map(\.message), ["A2", "A9", "B", "sans lieu"])
        XCTAssertTrue(engine.hasErrors)
    }
}

final class SuggestionsTests: XCTestCase {
    func testSuggestionsPreferTheClosestNames() {
        XCTAssertEqual(Suggestions.closest(to: "popultion", in: ["population", "nom", "departement"]), ["population"])
        XCTAssertEqual(Suggestions.closest(to: "zzz", in: ["population", "nom"]), [])
        XCTAssertEqual(Suggestions.hint(for: "bureu", in: ["bureau", "commission"]), "vouliez-vous dire « bureau » ?")
    }
}
