import Foundation
import SanteDocModel

/// Reads `Templates/import/correspondances.yaml`.
public enum ImportVocabularyReader {
    public static let path = "import/correspondances.yaml"

    public static func load(templates: URL, diagnostics: DiagnosticEngine) -> ImportVocabulary? {
        let displayName = "Templates/\(path)"
        guard
            let file = RegulationLibrary.loadMapping(
                templates.appendingPathComponent(path), displayName: displayName, diagnostics: diagnostics)
        else { return nil }
        file.rejectUnknownKeys(allowed: ["champs", "professions", "communes", "indicateurs"])
        let fields = file.mappings(
            "champs", allowed: ["champ", "type", "libelles"], example: "- champ: identite.denomination"
        ).compactMap { item -> ImportVocabulary.Field? in
            guard let path = item.string("champ"), let kind = item.enumValue("type", ImportVocabulary.ValueKind.self)
            else {
                item.require("champ", "le champ de projet.yaml", example: "champ: identite.denomination")
                item.require("type", "le type de la valeur", example: "type: texte")
                return nil
            }
            return ImportVocabulary.Field(path: path.value, kind: kind, labels: item.strings("libelles"))
        }
        // The columns are those of the CSV files the project reader reads.
        func columns(_ key: String, _ allowed: [String]) -> [(column: String, headers: [String])] {
            guard let table = file.mapping(key, allowed: allowed) else { return [] }
            return table.keys.map { ($0, table.strings($0)) }
        }
        return ImportVocabulary(
            fields: fields, professions: file.strings("professions"),
            communeColumns: columns("communes", CommuneListReader.columns),
            indicatorColumns: columns("indicateurs", IndicatorTableReader.columns))
    }
}
