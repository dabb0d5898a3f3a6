import SanteDocModel

/// « Note de modifications de l’année N »: every difference between the annexes of a
/// contract year and those of the year before (or the signed version), as a document kept
/// in the year's folder, and as JSON.
public struct ChangeNote: Equatable, Sendable, Codable {
    public var year: Int
    /// What the year is compared with, in words (« l’année 1 », « la version signée »).
    public var baseline: String
    /// True when the earlier annexes were not archived and were recomputed from today's
    /// sources: changes made to the sources since then cannot show.
    public var recomputed: Bool
    public var changes: [DocumentChange]

    /// Tables that change every year by construction.
    public static let ignoredTables: Set<String> = ["tableau-echeancier", "tableau-echeancier-solde"]

    public static func compare(
        year: Int, baseline: String, recomputed: Bool,
        previous: [Document], current: [Document]
    ) -> ChangeNote {
        var changes: [DocumentChange] = []
        for (old, new) in zip(previous, current) {
            changes += DocumentDiff.changes(from: old, to: new, ignoring: ignoredTables)
        }
        return ChangeNote(year: year, baseline: baseline, recomputed: recomputed, changes: changes)
    }

    public func document(cpts: String, period: String?) -> Document {
        var cover = [CoverLine("Dénomination", cpts), CoverLine("Comparée à", baseline)]
        if let period { cover.append(CoverLine("Période de l’année \(year)", period)) }
        var blocks: [Block] = []
        if recomputed {
            blocks.append(
                .note(
                    Note(
                        .information, title: "Annexes précédentes non archivées",
                        blocks: [
                            .text(
                                "Les annexes de \(baseline) n’ont pas été trouvées dans le dossier de sortie : elles ont été "
                                    + "recalculées depuis les sources actuelles. Seules les différences propres à l’année apparaissent."
                            )
                        ])))
        }
        if changes.isEmpty {
            blocks.append(.text("Aucune modification des annexes par rapport à \(baseline)."))
        } else {
            blocks.append(
                .text(
                    "Les annexes de l’année \(year) diffèrent de \(baseline) sur "
                        + FrenchFormat.count(changes.count, "point", "points") + " :"))
            let rows = changes.map { change -> [[Inline]] in
                let before =
                    change.kind == .added
                    ? "—" : change.details.map { "\($0.column) : \($0.old)" }.joined(separator: " ; ")
                let after =
                    change.kind == .removed
                    ? "—" : change.details.map { "\($0.column) : \($0.new)" }.joined(separator: " ; ")
                return [
                    cell(change.place), cell(change.item), cell(Self.label(change.kind)),
                    cell(change.kind == .changed ? before : (change.kind == .removed ? change.item : "—")),
                    cell(change.kind == .changed ? after : (change.kind == .added ? change.item : "—")),
                ]
            }
            blocks.append(
                .table(
                    Table(
                        id: "modifications", caption: "Modifications de l’année \(year)",
                        columns: [
                            .init("Annexe et tableau"), .init("Élément"), .init("Modification"),
                            .init("Avant"), .init("Après"),
                        ], rows: rows)))
        }
        return Document(
            title: cpts, subtitle: "Note de modifications de l’année \(year)", cover: cover,
            chapters: [Section(id: "modifications", title: "Modifications", blocks: blocks)])
    }

    static func label(_ kind: DocumentChange.Kind) -> String {
        switch kind {
        case .added: return "ajout"
        case .removed: return "retrait"
        case .changed: return "modification"
        }
    }
}
