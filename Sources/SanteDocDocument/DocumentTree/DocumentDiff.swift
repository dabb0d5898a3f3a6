import Foundation
import FoundationEssentials

/// What differs between two versions of a document, read from the trees themselves:
/// tables (matched by id, rows by their first cell, cells by column) and lists (items by
/// their text), for the board to tell the CPAM and the ARS what changed.
public struct DocumentChange: Equatable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        case added = "ajout"
        case removed = "retrait"
        case changed = "modification"
    }

    public var kind: Kind
    /// Where: the document, then the table caption or the section title.
    public var place: String
    /// The row or item concerned.
    public var item: String
    /// For a changed row, each changed column with its old and new value.
    public var details: [Detail]

    public struct Detail: Equatable, Sendable, Codable {
        public var column: String
        public var old: String
        public var new: String
    }

    /// One French line, as the terminal prints it.
    public var line: String {
        switch kind {
        case .added: return "\(place) : ajout de « \(item) »"
        case .removed: return "\(place) : retrait de « \(item) »"
        case .changed:
            return "\(place) — « \(item) » : "
                + details.map { "\($0.column.lowercased()) « \($0.old) » → « \($0.new) »" }.joined(separator: ", ")
        }
    }
}

public enum DocumentDiff {
    /// Changes from `old` to `new`; tables whose id is in `ignoring` change by construction
    /// (a payment schedule moves with the year) and are left out.
    public static func changes(from old: Document, to new: Document, ignoring: Set<String> = []) -> [DocumentChange] {
        let before = Snapshot(old)
        let after = Snapshot(new)
        // Indexed once: the comparison stays linear in the number of tables, rows and items.
        let oldTables = Dictionary(before.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newTableIDs = Set(after.tables.map(\.id))
        let oldLists = Dictionary(before.lists.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newListKeys = Set(after.lists.map(\.key))
        var changes: [DocumentChange] = []
        for table in after.tables where !ignoring.contains(table.id) {
            guard let previous = oldTables[table.id] else {
                changes.append(DocumentChange(kind: .added, place: new.title, item: table.caption, details: []))
                continue
            }
            changes += compare(previous, table, place: "\(new.title) › \(table.caption)")
        }
        for table in before.tables where !ignoring.contains(table.id) && !newTableIDs.contains(table.id) {
            changes.append(DocumentChange(kind: .removed, place: old.title, item: table.caption, details: []))
        }
        for list in after.lists {
            let previous = oldLists[list.key]?.items ?? []
            let previousSet = Set(previous)
            let currentSet = Set(list.items)
            let place = "\(new.title) › \(list.section)"
            for item in list.items where !previousSet.contains(item) {
                changes.append(DocumentChange(kind: .added, place: place, item: item, details: []))
            }
            for item in previous where !currentSet.contains(item) {
                changes.append(DocumentChange(kind: .removed, place: place, item: item, details: []))
            }
        }
        for list in before.lists where !newListKeys.contains(list.key) {
            for item in list.items {
                changes.append(
                    DocumentChange(kind: .removed, place: "\(old.title) › \(list.section)", item: item, details: []))
            }
        }
        return changes
    }

    /// A column's name without the year it is shown for (« Cible (année 2) » is « Cible »).
    static func columnKey(_ title: String) -> String {
        title.replacingOccurrences(of: #" \(année \d+\)$"#, with: "", options: .regularExpression)
    }

    /// Rows are matched by their first cell, cells by column name; a column that only one
    /// version has (the origin of each target, shown for a contract year) is not compared.
    private static func compare(_ old: Snapshot.Table, _ new: Snapshot.Table, place: String) -> [DocumentChange] {
        var changes: [DocumentChange] = []
        let previous = Dictionary(old.rows.map { ($0.first ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let oldColumns = Dictionary(
            old.columns.enumerated().map { (columnKey($1), $0) }, uniquingKeysWith: { first, _ in first })
        for row in new.rows {
            let key = row.first ?? ""
            guard let before = previous[key] else {
                changes.append(DocumentChange(kind: .added, place: place, item: key, details: []))
                continue
            }
            let details = row.indices.dropFirst().compactMap { index -> DocumentChange.Detail? in
                let name = index < new.columns.count ? new.columns[index] : "colonne \(index + 1)"
                guard let oldIndex = index < new.columns.count ? oldColumns[columnKey(name)] : index else { return nil }
                let was = oldIndex < before.count ? before[oldIndex] : ""
                guard was != row[index] else { return nil }
                return DocumentChange.Detail(column: name, old: was, new: row[index])
            }
            if !details.isEmpty {
                changes.append(DocumentChange(kind: .changed, place: place, item: key, details: details))
            }
        }
        let keys = Set(new.rows.map { $0.first ?? "" })
        for row in old.rows where !keys.contains(row.first ?? "") {
            changes.append(DocumentChange(kind: .removed, place: place, item: row.first ?? "", details: []))
        }
        return changes
    }

    /// The comparable parts of a document, in order, with plain-text cells.
    struct Snapshot {
        struct Table {
            var id: String
            var caption: String
            var columns: [String]
            var rows: [[String]]
        }

        struct List {
            /// The section and the list's rank in it.
            var key: String
            var section: String
            var items: [String]
        }

        var tables: [Table] = []
        var lists: [List] = []

        init(_ document: Document) {
            var stack = document.chapters.reversed().map { $0 }
            while let section = stack.popLast() {
                // A list is known by the label before it (« Objectifs », « Actions »), else by
                // its rank, so that an emptied list does not shift the others.
                var rank = 0
                var label: String?
                for block in section.blocks {
                    switch block {
                    case let .table(table):
                        tables.append(
                            Table(
                                id: table.id ?? "\(section.id)-\(table.caption)", caption: table.caption,
                                columns: table.columns.map(\.title),
                                rows: (table.rows + table.footer).map { $0.map { $0.map(\.plainText).joined() } }))
                        label = nil
                    case let .list(_, items):
                        rank += 1
                        lists.append(
                            List(
                                key: "\(section.id)#\(label ?? String(rank))",
                                section: section.title + (label.map { " › \($0)" } ?? ""),
                                items: items.map { $0.map(\.plainText).joined(separator: " ") }))
                        label = nil
                    case let .paragraph(inlines):
                        if inlines.count == 1, case let .strong(content) = inlines[0] {
                            label = content.map(\.plainText).joined()
                        } else {
                            label = nil
                        }
                    default:
                        label = nil
                    }
                }
                stack += section.sections.reversed()
            }
        }
    }
}
