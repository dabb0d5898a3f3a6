import Foundation
import SanteDocAnalysis
import SanteDocModel
import SanteDocReaders

/// The data SanteDoc ships in `Templates/`, read once. Only this test target reads it;
/// the unit tests use `Tests/Fixtures/regulation`.
enum ShippedData {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("Templates")

    static let loadDiagnostics = DiagnosticEngine()
    static let regulation = RegulationLibrary.load(templates: templates, diagnostics: loadDiagnostics)
}
