import SanteDocModel

/// `communes.csv`: code_insee;commune;population;superficie_km2
public struct CommuneListReader {
    let file: String
    let diagnostics: DiagnosticEngine

    public static let columns = ["code_insee", "commune", "population", "superficie_km2"]

    public init(file: String, diagnostics: DiagnosticEngine) {
        self.file = file
        self.diagnostics = diagnostics
    }

    public func read(_ text: String) -> [Commune] {
        let csv = CSVTableReader(
            file: file, required: ["code_insee", "commune", "population"],
            optional: ["superficie_km2"], maximumRows: Limits.communeRows,
            diagnostics: diagnostics)
        var seen: [String: SourceLocation] = [:]
        return (csv.read(text) ?? []).compactMap { row in
            guard let code = row["code_insee"], let name = row["commune"] else {
                diagnostics.error(
                    "communes.incomplet", at: row.location, "Chaque commune doit avoir un code INSEE et un nom.")
                return nil
            }
            if let first = seen[code] {
                diagnostics.error(
                    "communes.doublon", at: row.location,
                    "La commune \(code) (\(name)) figure déjà en \(first).", hint: "supprimez l’une des deux lignes.")
                return nil
            }
            seen[code] = row.location
            guard let population = csv.integer(row, "population", Limits.communePopulation) else {
                if row["population"] == nil {
                    diagnostics.error(
                        "communes.population", at: row.location, "Population manquante pour \(name).",
                        hint: "indiquez la population municipale INSEE de la commune.")
                }
                return nil
            }
            return Commune(
                inseeCode: code, name: name, population: population,
                area: csv.quantity(row, "superficie_km2", range: Limits.area)?.value, location: row.location)
        }
    }
}
