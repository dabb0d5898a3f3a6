import XCTest
@testable import SanteDocCore

final class DiagnosticsTests: XCTestCase {
    func testSuggestionsPreferTheClosestNames() {
        XCTAssertEqual(Suggestions.closest(to: "popultion", in: ["population", "nom", "departement"]), ["population"])
        XCTAssertEqual(Suggestions.closest(to: "zzz", in: ["population", "nom"]), [])
        XCTAssertEqual(Suggestions.hint(for: "bureu", in: ["bureau", "commission"]), "vouliez-vous dire « bureau » ?")
    }

    func testCompilerStyleLinesWithAndWithoutColour() {
        let diagnostic = Diagnostic("x", .error, at: SourceLocation(file: "projet.yaml", line: 3, column: 5),
                                    "Clé inconnue.", hint: "corrigez-la.")
        XCTAssertEqual(DiagnosticFormatter(useColor: false).format(diagnostic),
                       "projet.yaml:3:5: erreur: Clé inconnue. [x]\n    suggestion : corrigez-la.")
        XCTAssertTrue(DiagnosticFormatter(useColor: true).format(diagnostic).contains("\u{1B}[1;31merreur:"))
    }

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
