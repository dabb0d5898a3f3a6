import XMLSupport

/// What moved between two versions of an annex, in French, for the board to tell the
/// CPAM: tables added or removed, rows added or removed, cells changed.
enum AnnexChanges {
    static let reader = XMLTableReader(tableElements: ["table", "informaltable"], titleElement: "title",
                                       rowElement: "row", cellElement: "entry")

    static func describe(previous: [UInt8], current: [UInt8]) -> [String] {
        guard let old = try? reader.tables(in: previous), let new = try? reader.tables(in: current) else {
            return ["les annexes précédentes sont illisibles : comparaison impossible"]
        }
        var lines: [String] = []
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.map(\.id))
        for table in new {
            guard let before = oldByID[table.id] else { lines.append("ajouté : \(table.title)"); continue }
            lines += compare(before, table)
        }
        for table in old where !newIDs.contains(table.id) { lines.append("retiré : \(table.title)") }
        return lines
    }

    /// Rows are matched by their first cell (indicator, mission, step…).
    private static func compare(_ old: XMLTableSnapshot, _ new: XMLTableSnapshot) -> [String] {
        let header = new.rows.first ?? []
        let oldRows = Dictionary(old.rows.dropFirst().map { ($0.first ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let newKeys = Set(new.rows.dropFirst().map { $0.first ?? "" })
        var lines: [String] = []
        for row in new.rows.dropFirst() {
            let key = row.first ?? ""
            guard let before = oldRows[key] else { lines.append("\(new.title) : ligne ajoutée « \(key) »"); continue }
            for (index, value) in row.enumerated().dropFirst() where index < before.count && before[index] != value {
                let column = index < header.count ? header[index] : "colonne \(index + 1)"
                lines.append("\(new.title) — « \(key) » : \(column.lowercased()) « \(before[index]) » → « \(value) »")
            }
        }
        for row in old.rows.dropFirst() where !newKeys.contains(row.first ?? "") {
            lines.append("\(new.title) : ligne retirée « \(row.first ?? "") »")
        }
        return lines
    }
}
