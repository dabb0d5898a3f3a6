import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocCore
@testable import SanteDocDocument
@testable import SanteDocModel
@testable import SanteDocReaders
@testable import SanteDocWriters

final class DiagnosticsTests: XCTestCase {
    func testSuggestionsPreferTheClosestNames() {
        XCTAssertEqual(Suggestions.closest(to: "popultion", in: ["population", "nom", "departement"]), ["population"])
        XCTAssertEqual(Suggestions.closest(to: "zzz", in: ["population", "nom"]), [])
        XCTAssertEqual(Suggestions.hint(for: "bureu", in: ["bureau", "commission"]), "vouliez-vous dire « bureau » ?")
    }

    func testCompilerStyleLinesWithAndWithoutColour() {
        let diagnostic = Diagnostic(
            "x", .error, at: SourceLocation(file: "projet.yaml", line: 3, column: 5),
            "Clé inconnue.", hint: "corrigez-la.")
        XCTAssertEqual(
            DiagnosticFormatter(useColor: false).format(diagnostic),
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

final class DiagnosticTextTests: XCTestCase {
    func testControlCharactersInFileNamesNeverReachTheTerminal() {
        let diagnostic = Diagnostic(
            "x", .error, at: SourceLocation(file: "sections/\u{1B}[2Jpiège.md", line: 1, column: 1),
            "« sections/\u{1B}[2Jpiège.md » est vide.", hint: "ligne 1\nligne 2\u{7}")
        let text = DiagnosticFormatter(useColor: false).format(diagnostic)
        XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
        XCTAssertTrue(
            text.hasPrefix("sections/\\u{1B}[2Jpiège.md:1:1: erreur: « sections/\\u{1B}[2Jpiège.md » est vide."), text)
        XCTAssertTrue(text.hasSuffix("ligne 1\n        ligne 2\\u{7}"), "hints keep their own line breaks")
    }

    func testYAMLProblemsAreNeverShownInEnglish() {
        for text in [
            "a: \"x\\q\"\n", "a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: {b: 1\n", "a: \"\u{1}\"\n", "a: b: c\n",
            "- a\nb: c\n",
        ] {
            let diagnostics = DiagnosticEngine()
            var project = Project()
            ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(text, into: &project)
            let messages = diagnostics.diagnostics.map(\.message).joined(separator: " ")
            XCTAssertFalse(messages.isEmpty, text)
            for english in ["found", "expected", "not allowed", "did not", "could not", "while"] {
                XCTAssertFalse(messages.contains(english), "\(text.debugDescription): \(messages)")
            }
        }
    }

    func testSystemErrorsAreFrench() {
        XCTAssertEqual(SystemErrorText.french(CocoaError(.fileWriteOutOfSpace)), "disque plein")
        XCTAssertEqual(SystemErrorText.french(POSIXError(.ENOTDIR)), "un élément du chemin n’est pas un dossier")
        XCTAssertEqual(SystemErrorText.posixText(ENOSPC), "disque plein")
    }
}
