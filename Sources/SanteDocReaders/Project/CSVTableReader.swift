import CSV
import SanteDocModel

/// Reads a CSV table pasted from a spreadsheet: `;` (French Excel) or `,` separators,
/// a header row with the expected columns in any order, French numbers.
struct CSVTableReader {
    struct Row {
        let values: [String: String]
        let location: SourceLocation
        subscript(column: String) -> String? {
            values[column].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    let file: String
    let required: [String]
    let optional: [String]
    /// Rows beyond this are refused (`Limits`).
    let maximumRows: Int
    let diagnostics: DiagnosticEngine

    /// Lines starting with `#` are comments (a source, a date of extraction): they are read
    /// as blank lines, so that line numbers stay those of the file.
    static func withoutComments(_ text: String) -> (text: String, leadingLines: Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices where lines[index].trimmingWhitespace().hasPrefix("#") {
            lines[index] = ""
        }
        let leading = lines.prefix { $0.trimmingWhitespace().isEmpty }.count
        return (lines.dropFirst(leading).joined(separator: "\n"), leading)
    }

    /// The text of a leading `# Source : …` comment line, the provenance of the table.
    static func sourceComment(_ text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingWhitespace()
            guard trimmed.hasPrefix("#") else { return nil }
            let comment = trimmed.dropFirst().trimmingWhitespace()
            for prefix in ["Source :", "Source\u{00A0}:", "Source:"] where comment.hasPrefix(prefix) {
                let value = comment.dropFirst(prefix.count).trimmingWhitespace()
                return value.isEmpty ? nil : "Source : " + value + (value.hasSuffix(".") ? "" : ".")
            }
        }
        return nil
    }

    func read(_ source: String) -> [Row]? {
        let (text, leadingLines) = Self.withoutComments(source)
        guard
            let headerLine = text.split(separator: "\n").first(where: {
                !$0.trimmingWhitespace().isEmpty
            })
        else {
            diagnostics.error(
                "csv.vide", at: SourceLocation(file: file), "« \(file) » est vide.",
                hint: "la première ligne doit nommer les colonnes : " + required.joined(separator: ";"))
            return nil
        }
        let delimiter: UnicodeScalar =
            headerLine.filter { $0 == ";" }.count >= headerLine.filter { $0 == "," }.count ? ";" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        } catch {
            diagnostics.error(
                "csv.syntaxe", at: SourceLocation(file: file), "« \(file) » n’est pas un CSV lisible (\(error)).")
            return nil
        }
        let header = (reader.headerRow ?? []).map { $0.lowercased() }
        guard checkHeader(header, delimiter: delimiter, line: leadingLines + 1) else { return nil }
        var rows: [Row] = []
        var line = leadingLines + 1
        while true {
            guard let record = reader.next() else {
                if reader.error != nil {
                    diagnostics.error(
                        "csv.syntaxe", at: SourceLocation(file: file, line: line + 1),
                        "Ligne illisible dans « \(file) » (guillemet non fermé ?).",
                        hint: "fermez chaque guillemet ouvert ; un guillemet dans un texte s’écrit « \"\" ».")
                    return nil
                }
                break
            }
            line += 1
            // A quote left open swallows the rest of the file into one cell.
            let breaks = record.reduce(0) { $0 + $1.utf8.filter { $0 == 10 }.count }
            if breaks > 0, record.contains(where: { $0.hasSuffix("\n") }) {
                diagnostics.error(
                    "csv.syntaxe", at: SourceLocation(file: file, line: line),
                    "Guillemet non fermé dans « \(file) » : la suite du fichier serait lue comme un seul texte.",
                    hint: "fermez le guillemet de cette ligne ; un guillemet dans un texte s’écrit « \"\" ».")
                return nil
            }
            defer { line += breaks }
            if record.allSatisfy({ $0.isEmpty }) { continue }
            let other: Character = delimiter == ";" ? "," : ";"
            if record.count == 1, header.count > 1, record[0].contains(other) {
                diagnostics.error(
                    "csv.separateur", at: SourceLocation(file: file, line: line),
                    "Cette ligne est séparée par « \(other) » alors que l’en-tête utilise « \(delimiter) ».",
                    hint: "utilisez le même séparateur partout (le point-virgule, comme Excel en français).")
                continue
            }
            guard record.count == header.count else {
                diagnostics.error(
                    "csv.colonnes", at: SourceLocation(file: file, line: line),
                    "Cette ligne a " + FrenchFormat.count(record.count, "colonne", "colonnes")
                        + ", l’en-tête en a \(header.count).",
                    hint: "vérifiez les « \(delimiter) » en trop ou manquants ; un texte contenant « \(delimiter) » "
                        + "doit être entre guillemets.")
                continue
            }
            guard rows.count < maximumRows else {
                diagnostics.error(
                    "limite.lignes", at: SourceLocation(file: file, line: line),
                    "« \(file) » a plus de \(FrenchFormat.integer(maximumRows)) lignes.",
                    hint: "un projet de santé n’en demande pas autant : vérifiez le fichier (doublons, export entier).")
                return nil
            }
            rows.append(
                Row(
                    values: Dictionary(zip(header, record), uniquingKeysWith: { a, _ in a }),
                    location: SourceLocation(file: file, line: line)))
        }
        return rows
    }

    private func checkHeader(_ header: [String], delimiter: UnicodeScalar, line: Int) -> Bool {
        var ok = true
        if header.count == 1, header[0].contains("\t") {
            diagnostics.error(
                "csv.separateur", at: SourceLocation(file: file, line: line),
                "« \(file) » semble séparé par des tabulations.",
                hint: "enregistrez-le au format « CSV (séparateur : point-virgule) ».")
            return false
        }
        let known = required + optional
        for (index, name) in header.enumerated() where !known.contains(name) {
            diagnostics.error(
                "csv.colonne-inconnue", at: SourceLocation(file: file, line: line, column: index + 1),
                "Colonne « \(name) » inconnue dans « \(file) ».",
                hint: Suggestions.hint(for: name, in: known) ?? "colonnes attendues : " + known.joined(separator: ", ")
                    + ".")
            ok = false
        }
        for name in required where !header.contains(name) {
            diagnostics.error(
                "csv.colonne-manquante", at: SourceLocation(file: file, line: line),
                "Colonne « \(name) » absente de « \(file) ».",
                hint: "la première ligne doit contenir : " + required.joined(separator: String(delimiter)) + ".")
            ok = false
        }
        return ok
    }

    // MARK: Typed cells

    func integer(_ row: Row, _ column: String, _ bound: Limits.Plausible) -> Int? {
        guard let text = row[column] else { return nil }
        guard let value = FrenchNumber.integer(text) else {
            badNumber(row, column, text, example: "64 455")
            return nil
        }
        guard bound.range.contains(value) else {
            diagnostics.emit(YAMLMapping.outOfRange("La colonne « \(column) »", value, bound, at: row.location))
            return nil
        }
        return value
    }

    /// A decimal number within `range` (by default, any number an indicator can hold).
    func quantity(
        _ row: Row, _ column: String,
        range: ClosedRange<Double> = -Limits.indicatorMagnitude...Limits.indicatorMagnitude
    ) -> Quantity? {
        guard let text = row[column] else { return nil }
        guard let value = FrenchNumber.quantity(text) else {
            badNumber(row, column, text, example: "14,65")
            return nil
        }
        guard range.contains(value.value) else {
            diagnostics.error(
                "valeur.hors-limites", at: row.location,
                "La colonne « \(column) » vaut \(text) : valeur attendue de \(FrenchFormat.decimal(range.lowerBound, places: range.lowerBound > 0 && range.lowerBound < 1 ? 2 : 0)) "
                    + "à \(FrenchFormat.decimal(range.upperBound, places: 0)).",
                hint: "vérifiez le nombre saisi (unité, séparateur décimal).")
            return nil
        }
        return value
    }

    private func badNumber(_ row: Row, _ column: String, _ text: String, example: String) {
        diagnostics.error(
            "csv.nombre", at: row.location,
            "La colonne « \(column) » attend un nombre, pas « \(text) ».",
            hint: "écrivez par exemple « \(example) ».")
    }
}
