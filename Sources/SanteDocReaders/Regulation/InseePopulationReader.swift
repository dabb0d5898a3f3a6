import SanteDocModel

/// Reads INSEE's « populations de référence » commune file (`donnees_communes.csv` of the
/// yearly archive): separator `;`, one commune a row. The current layout gives the full
/// commune code (`COM`, e.g. `01001`); older ones give the department (`DEP`) and the
/// commune's number in it (`COM` or `CODCOM`, `001`). The population is the municipal one
/// (`PMUN`), the one that sets the ACI size. DataSanté's `t_popref_com` (`COM25_CODE`,
/// `popref_mun`) is read too; it names no commune (`name` is nil then).
public struct InseePopulationReader {
    public struct Commune: Equatable, Sendable {
        public var code: String
        public var name: String?
        public var population: Int
    }

    let file: String
    let diagnostics: DiagnosticEngine

    public init(file: String, diagnostics: DiagnosticEngine) {
        self.file = file
        self.diagnostics = diagnostics
    }

    /// The communes by code, or nil after an error naming what the file lacks.
    public func read(_ text: String) -> [String: Commune]? {
        // `\r\n` is one Character: lines split on any line end.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let header = lines.first else {
            diagnostics.error("insee.colonnes", at: SourceLocation(file: file), "Le fichier de l’INSEE est vide.")
            return nil
        }
        // INSEE writes `;`; a DataSanté extract may come with `,`.
        let separator: Character = header.contains(";") || !header.contains(",") ? ";" : ","
        let columns = header.split(separator: separator, omittingEmptySubsequences: false).map {
            $0.trimmingWhitespace().uppercased()
        }
        func column(_ names: String...) -> Int? { names.lazy.compactMap { columns.firstIndex(of: $0) }.first }
        let department = column("DEP")
        let full = column("COM", "CODGEO", "COM25_CODE")
        // Older layouts call the number in the department `COM` too.
        let number = column("CODCOM") ?? full
        let name = column("COMMUNE", "LIBGEO", "NCC")
        guard let population = column("PMUN", "POPREF_MUN"), full != nil || (department != nil && number != nil)
        else {
            diagnostics.error(
                "insee.colonnes", at: SourceLocation(file: file),
                "Ce fichier n’a pas les colonnes des populations de référence de l’INSEE (COM ou DEP et CODCOM, "
                    + "PMUN) ni celles de DataSanté (COM25_CODE, popref_mun) : « \(header.prefix(80)) ».",
                hint: "prenez le fichier donnees_communes.csv de l’archive « ensemble » des populations de référence "
                    + "(insee.fr).")
            return nil
        }
        var communes: [String: Commune] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: separator, omittingEmptySubsequences: false).map {
                String($0.trimmingWhitespace())
            }
            let code: String
            if let full, full < fields.count, fields[full].count == 5 {
                code = fields[full]
            } else if let department, let number, max(department, number) < fields.count {
                // Department + number: 01 + 001, overseas 971 + 01.
                let dep = fields[department]
                let com = fields[number]
                code = dep.count == 3 ? dep + com.suffix(2) : dep + com
            } else {
                continue
            }
            guard name.map({ $0 < fields.count }) ?? true, population < fields.count,
                let inhabitants = Int(fields[population].filter { $0 != " " && $0 != "\u{00A0}" })
            else {
                diagnostics.warning(
                    "insee.ligne", at: SourceLocation(file: file, line: index + 1),
                    "Ligne de l’INSEE illisible (commune \(code)) : elle est ignorée.")
                continue
            }
            communes[code] = Commune(code: code, name: name.map { fields[$0] }, population: inhabitants)
        }
        return communes
    }
}
