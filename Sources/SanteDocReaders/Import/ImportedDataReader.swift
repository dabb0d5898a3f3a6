import Foundation
import SanteDocModel

/// Finds in an imported document the data `projet.yaml` and the CSV files hold, where the
/// document gives them reliably: labelled values (a cover table, « Libellé : valeur »), the
/// members by profession (a list or a table of counts), the commune table and the
/// indicator table, recognised by their headers. What is not sure is left out, not guessed.
public struct ImportedDataReader {
    let vocabulary: ImportVocabulary

    public init(vocabulary: ImportVocabulary) { self.vocabulary = vocabulary }

    public func read(_ document: ImportedDocument) -> ImportedData {
        var data = ImportedData()
        let places = Self.places(document)
        let blocks = document.allBlocks
        // Tables first: a cover table is what the document means as its identity card.
        for block in blocks {
            guard case let .table(table) = block.kind, table.header.count == 2 else { continue }
            for row in [table.header] + table.rows where row.count == 2 {
                take(
                    label: row[0], value: row[1], origin: "\(places[block.number] ?? "") tableau, ligne « \(row[0]) »",
                    into: &data)
            }
        }
        for block in blocks {
            let lines: [String]
            switch block.kind {
            case .paragraph: lines = [block.text]
            case let .list(items): lines = items
            default: continue
            }
            for line in lines {
                guard let (label, value) = Self.labelled(line) else { continue }
                take(label: label, value: value, origin: "\(places[block.number] ?? "") « \(line) »", into: &data)
            }
        }
        readMembers(blocks, places: places, into: &data)
        for (index, block) in blocks.enumerated() {
            guard case let .table(table) = block.kind else { continue }
            let origin = "\(places[block.number] ?? "") tableau « \(table.header.joined(separator: " | ")) »"
            if data.communes == nil, let communes = communes(table, origin: origin) {
                data.communes = communes
                let column = communes.columns.firstIndex(of: "population")
                data.communePopulations = communes.rows.map { row in column.flatMap { Self.firstInteger(in: row[$0]) } }
            }
            if data.indicators == nil {
                // « Source : Rézone CPTS, 2023 » under the table.
                let next =
                    index + 1 < blocks.count && blocks[index + 1].kind == .paragraph ? blocks[index + 1].text : nil
                data.indicators = indicators(table, origin: origin, next: next)
            }
        }
        return data
    }

    // MARK: Labelled values

    /// « Siège : 3 place de la Mairie » as a label and a value; a long sentence with a colon is not one.
    static func labelled(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, !value.isEmpty, label.split(separator: " ").count <= 6, value.count <= 200 else {
            return nil
        }
        return (label, value)
    }

    /// The field a label names: the longest label of the vocabulary that is the whole cell,
    /// or its start followed by a parenthesis or a comma (« Population (INSEE 2021) »).
    func field(for label: String) -> ImportVocabulary.Field? {
        let cell = label.searchForm
        var best: (field: ImportVocabulary.Field, length: Int)?
        for field in vocabulary.fields {
            for known in field.labels.map(\.searchForm) where cell == known || Self.startsWith(label, known) {
                if known.count > (best?.length ?? 0) { best = (field, known.count) }
            }
        }
        return best?.field
    }

    private static func startsWith(_ label: String, _ known: String) -> Bool {
        guard let cut = label.firstIndex(where: { $0 == "(" || $0 == "," }) else { return false }
        return label[..<cut].trimmingCharacters(in: .whitespaces).searchForm == known
    }

    private func take(label: String, value: String, origin: String, into data: inout ImportedData) {
        guard let field = field(for: label) else { return }
        guard let parsed = Self.value(value, kind: field.kind, label: label) else {
            data.unreadable.append(
                "« \(label) : \(value) » (\(origin.trimmingCharacters(in: .whitespaces))) : "
                    + "valeur non reconnue pour \(field.path)")
            return
        }
        if let existing = data.field(field.path) {
            if existing.value != parsed && !existing.written.isEmpty {
                data.conflicts.append(
                    "\(field.path) : « \(existing.written) » (\(existing.origin)) gardé, « \(value) » "
                        + "(\(origin.trimmingCharacters(in: .whitespaces))) écarté")
            }
            return
        }
        data.fields.append(
            ImportedData.Field(
                path: field.path, value: parsed, written: value,
                origin: origin.trimmingCharacters(in: .whitespaces)))
    }

    static func value(_ text: String, kind: ImportVocabulary.ValueKind, label: String) -> ImportedData.Value? {
        let text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .;\u{00A0}"))
        guard !text.isEmpty else { return nil }
        switch kind {
        case .text: return .text(text)
        case .integer: return firstInteger(in: text).map(ImportedData.Value.integer)
        case .date: return date(text).map(ImportedData.Value.date)
        case .address:
            let pattern = #"^(.*?)[,\s]+([0-9]{5})\s+(.+)$"#
            guard let match = text.range(of: pattern, options: .regularExpression),
                match == text.startIndex..<text.endIndex,
                let postcode = text.range(of: #"[0-9]{5}"#, options: [.regularExpression, .backwards])
            else { return .address(street: text, postcode: nil, town: nil) }
            let street = text[..<postcode.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            let town = text[postcode.upperBound...].trimmingCharacters(in: .whitespaces)
            return .address(street: street, postcode: String(text[postcode]), town: town)
        case .person:
            let role = label.trimmingCharacters(in: .whitespaces)
            return .person(name: text, role: role.prefix(1).uppercased() + role.dropFirst())
        }
    }

    /// The first number as French writes it: `58 300`, `58 300`, `58300`.
    public static func firstInteger(in text: String) -> Int? {
        guard
            let range = text.range(of: #"[0-9]{1,3}([ \x{00A0}\x{202F}][0-9]{3})+|[0-9]+"#, options: .regularExpression)
        else { return nil }
        return Int(text[range].filter(\.isNumber))
    }

    /// `12 septembre 2023`, `1er mars 2023`, `12/09/2023`, `2023-09-12`; a month without a day is not a date.
    static func date(_ text: String) -> CalendarDate? {
        if let iso = text.range(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}"#, options: .regularExpression) {
            return CalendarDate(iso: String(text[iso]))
        }
        if let slashed = text.range(of: #"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"#, options: .regularExpression) {
            let parts = text[slashed].split(separator: "/").compactMap { Int($0) }
            return CalendarDate(year: parts[2], month: parts[1], day: parts[0])
        }
        let words = text.searchForm.split(separator: " ").map(String.init)
        let months = FrenchFormat.months.map(\.searchForm)
        for (index, word) in words.enumerated() where index > 0 && index + 1 < words.count {
            guard let month = months.firstIndex(of: word), let year = Int(words[index + 1]), year > 1900,
                let day = Int(words[index - 1].replacingOccurrences(of: "er", with: ""))
            else { continue }
            return CalendarDate(year: year, month: month + 1, day: day)
        }
        return nil
    }

    // MARK: Members

    /// The first list or table where at least two lines give a profession and a count.
    private func readMembers(_ blocks: [ImportedBlock], places: [Int: String], into data: inout ImportedData) {
        for block in blocks {
            let lines: [(String, String)]
            switch block.kind {
            case let .list(items): lines = items.compactMap(Self.countLine)
            case let .table(table) where table.header.count == 2:
                lines = ([table.header] + table.rows).map { ($0[0], $0[1]) }
            case let .table(table):
                // « Profession | Effectif | … »: the two columns by their headers.
                let headers = table.header.map(\.searchForm)
                guard let profession = headers.firstIndex(where: { $0.containsPhrase("profession") }),
                    let count = headers.firstIndex(where: { header in
                        ["effectif", "nombre", "membre", "nombre de membre", "adherent"].contains {
                            header.containsPhrase($0)
                        }
                    })
                else { continue }
                lines = table.rows.filter { !Self.isTotal($0) && $0.count > max(profession, count) }
                    .map { ($0[profession], $0[count]) }
            default: continue
            }
            let members = lines.compactMap { label, count -> ImportedData.Member? in
                guard isProfession(label), let n = Self.firstInteger(in: count) else { return nil }
                return ImportedData.Member(profession: label.trimmingCharacters(in: .whitespaces), count: n)
            }
            if members.count >= 2 {
                data.members = members
                data.membersOrigin = "\(places[block.number] ?? "") liste « \(members[0].profession) … »"
                    .trimmingCharacters(in: .whitespaces)
                return
            }
        }
    }

    /// « Infirmiers : 44 », « Infirmiers – 44 », « 44 infirmiers ».
    static func countLine(_ line: String) -> (String, String)? {
        if let match = line.range(of: #"^(.+?)\s*[:–—-]\s*[0-9][0-9 \x{00A0}\x{202F}]*$"#, options: .regularExpression),
            match.lowerBound == line.startIndex,
            let separator = line.range(of: #"\s*[:–—-]\s*[0-9][0-9 \x{00A0}\x{202F}]*$"#, options: .regularExpression)
        {
            return (String(line[..<separator.lowerBound]), String(line[separator.lowerBound...]))
        }
        if let number = line.range(of: #"^[0-9][0-9 \x{00A0}\x{202F}]*\s+"#, options: .regularExpression) {
            return (String(line[number.upperBound...]), String(line[number]))
        }
        return nil
    }

    func isProfession(_ label: String) -> Bool {
        let words = label.searchForm
        return vocabulary.professions.contains { words.contains($0.searchForm) }
    }

    // MARK: Tables

    /// Which CSV column each header cell names, the first match winning.
    static func columns(
        _ header: [String], _ known: [(column: String, headers: [String])]
    ) -> [String: Int] {
        var found: [String: Int] = [:]
        for (index, cell) in header.enumerated() {
            let words = cell.searchForm
            // An exact header first, then a header within the cell (« Superficie (km²) »).
            let column =
                known.first { $0.headers.map(\.searchForm).contains(words) }
                ?? known.first { entry in entry.headers.map(\.searchForm).contains { words.containsPhrase($0) } }
            if let column, found[column.column] == nil { found[column.column] = index }
        }
        return found
    }

    func communes(_ table: ImportedTable, origin: String) -> ImportedData.Table? {
        let found = Self.columns(table.header, vocabulary.communeColumns)
        guard found["commune"] != nil, found["code_insee"] != nil || found["population"] != nil else { return nil }
        let columns = vocabulary.communeColumns.map(\.column)
        let rows = table.rows.filter { !Self.isTotal($0) }.map { row in
            columns.map { column in found[column].flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
        }
        return ImportedData.Table(
            columns: columns, rows: rows, origin: origin,
            toComplete: ["code_insee", "population"].filter { found[$0] == nil })
    }

    func indicators(_ table: ImportedTable, origin: String, next: String?) -> ImportedData.Table? {
        var found = Self.columns(table.header, vocabulary.indicatorColumns)
        let areas = ["territoire", "departement", "region", "france"].filter { found[$0] != nil }
        guard areas.count >= 2, found["territoire"] != nil else { return nil }
        // The first column names the indicator when no header says so.
        if found["indicateur"] == nil, !found.values.contains(0) { found["indicateur"] = 0 }
        // « Source : Rézone CPTS, 2023 » under the table.
        let sourceNote = next.flatMap(Self.labelled).flatMap { $0.0.searchForm == "source" ? $0.1 : nil }
        var toComplete: [String] = []
        if found["source"] == nil && sourceNote == nil { toComplete.append("source") }
        let columns = IndicatorTableReader.columns
        let rows = table.rows.map { row -> [String] in
            func cell(_ column: String) -> String { found[column].flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
            var label = cell("indicateur")
            var unit = cell("unite")
            // « Bénéficiaires de la C2S (%) »: the unit in the label.
            if unit.isEmpty, let percent = label.range(of: #"\s*\((%|‰|€)\)\s*$"#, options: .regularExpression) {
                unit = label[percent].trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
                label = String(label[..<percent.lowerBound])
            }
            let source = cell("source").isEmpty ? (sourceNote ?? "à préciser") : cell("source")
            return columns.map { column in
                switch column {
                case "indicateur": return label
                case "unite": return unit
                case "source": return source
                default:
                    return cell(column).replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return ImportedData.Table(columns: columns, rows: rows, origin: origin, toComplete: toComplete)
    }

    /// A closing row (« Total », « Ensemble du territoire »), which SanteDoc computes itself.
    static func isTotal(_ row: [String]) -> Bool {
        row.prefix(2).contains { cell in
            let words = cell.searchForm
            return words.hasPrefix("total") || words.hasPrefix("ensemble") || words.hasPrefix("sous total")
        }
    }

    /// Where each block is, in words: « page de garde, » or « chapitre « Titre », ».
    static func places(_ document: ImportedDocument) -> [Int: String] {
        var places: [Int: String] = [:]
        for block in document.front { places[block.number] = "page de garde," }
        func visit(_ chapter: ImportedChapter) {
            for block in chapter.blocks { places[block.number] = "chapitre « \(chapter.title) »," }
            chapter.children.forEach(visit)
        }
        document.chapters.forEach(visit)
        return places
    }
}
