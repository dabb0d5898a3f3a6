import XCTest

@testable import SanteDocCore
@testable import SanteDocModel

final class DiagnosticFormatterTests: XCTestCase {
    func testCompilerStyleLinesWithAndWithoutColour() {
        let diagnostic = Diagnostic(
            "x", .error, at: SourceLocation(file: "projet.yaml", line: 3, column: 5),
            "Clé inconnue.", hint: "corrigez-la.")
        XCTAssertEqual(
            DiagnosticFormatter(useColor: false).format(diagnostic),
            "projet.yaml:3:5: erreur: Clé inconnue. [x]\n    suggestion : corrigez-la.")
        XCTAssertTrue(DiagnosticFormatter(useColor: true).format(diagnostic).contains("\u{1B}[1;31merreur:"))
    }

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
}

final class SystemErrorTextTests: XCTestCase {
    func testSystemErrorsAreFrench() {
        XCTAssertEqual(SystemErrorText.french(CocoaError(.fileWriteOutOfSpace)), "disque plein")
        XCTAssertEqual(SystemErrorText.french(POSIXError(.ENOTDIR)), "un élément du chemin n’est pas un dossier")
        XCTAssertEqual(SystemErrorText.posixText(ENOSPC), "disque plein")
    }
}
