import Foundation
import SanteDocModel
import Yams

extension RegulationLibrary {
    /// Loads every table of `directory/aci` and `directory/legislation`.
    public static func load(templates: URL, diagnostics: DiagnosticEngine) -> RegulationLibrary {
        let aci = templates.appendingPathComponent("aci")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: aci.path)) ?? []).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        var raw: [String: (YAMLMapping, String)] = [:]
        for name in names {
            let path = "Templates/aci/\(name)"
            guard
                let mapping = loadMapping(
                    aci.appendingPathComponent(name), displayName: path, diagnostics: diagnostics),
                let id = mapping.string("id")?.value
            else { continue }
            raw[id] = (mapping, path)
        }
        var tables: [String: FundingTable] = [:]
        for id in raw.keys.sorted() {
            if let table = FundingTableReader(raw: raw, diagnostics: diagnostics).table(id) { tables[id] = table }
        }
        let legal = LegalTextReader.load(templates.appendingPathComponent("legislation"), diagnostics: diagnostics)
        return RegulationLibrary(fundingTables: tables, legalTexts: legal)
    }

    static func loadMapping(_ url: URL, displayName: String, diagnostics: DiagnosticEngine) -> YAMLMapping? {
        guard let data = FileManager.default.contents(atPath: url.path),
            let text = TextDecoding.decode(data, file: displayName, diagnostics: diagnostics)
        else {
            diagnostics.error(
                "modele.illisible", at: SourceLocation(file: displayName), "Impossible de lire « \(displayName) ».")
            return nil
        }
        do {
            guard let node = try YAMLSafety.compose(text, file: displayName, diagnostics: diagnostics) else {
                return nil
            }
            return YAMLMapping(node, file: displayName, path: "", diagnostics: diagnostics)
        } catch {
            YAMLSafety.report(error, file: displayName, diagnostics: diagnostics)
            return nil
        }
    }
}
