import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

final class PlaceholderResolverTests: XCTestCase {
    var figures: FigureSet {
        var set = FigureSet()
        set.add("territoire.population", "Population", .integer(64_455))
        set.add("financement.plafond", "Plafond", .euros(370_000))
        set.add("territoire.densite", "Densité", .unknown(reason: "superficie inconnue", shown: "non disponible"))
        return set
    }

    func testPlaceholdersAreReplacedByFrenchFigures() {
        let resolver = PlaceholderResolver(figures: figures, diagnostics: DiagnosticEngine())
        XCTAssertEqual(
            resolver.resolve("{{territoire.population}} habitants, {{ financement.plafond }}."),
            "64\u{00A0}455 habitants, 370\u{00A0}000\u{00A0}€.")
    }

    func testAMisspeltPlaceholderIsAnErrorWithItsLocationAndASuggestion() {
        let diagnostics = DiagnosticEngine()
        let location = SourceLocation(file: "sections/a.md", line: 7, column: 12)
        PlaceholderResolver(figures: figures, diagnostics: diagnostics)
            .validate([Located("territoire.popultion", at: location), Located("territoire.densite", at: location)])
        let error = diagnostics.diagnostics.first { $0.severity == .error }
        XCTAssertEqual(error?.location, location)
        XCTAssertEqual(error?.hint, "vouliez-vous dire « territoire.population » ?")
        XCTAssertTrue(diagnostics.diagnostics.contains { $0.id == "chiffre.non-determine" && $0.severity == .warning })
    }
}
