import Foundation
import SanteDocDocument
import SanteDocModel

/// The document tree as the data the PDF's Typst template lays out (`Templates/typst/`):
/// plain JSON values — every text stays a value, never markup, so nothing a source says can
/// become Typst code. Keys are French, like the template that reads them:
///
/// - document: `titre`, `sous_titre`, `couverture` [{`libelle`, `valeur`}], `brouillon`,
///   `marque`, `edition`, `chapitres`;
/// - section: `id`, `titre`, `blocs`, `sections`;
/// - block (`type`): `paragraphe` (`contenu`), `liste` (`ordonnee`, `elements`), `tableau`
///   (`id`, `legende`, `colonnes` [{`titre`, `alignement`, `largeur`}], `lignes`, `total`,
///   `entetes_de_ligne`, `style`), `citation` (`blocs`, `attribution`, `source`), `code`
///   (`texte`), `encadre` (`nature`, `titre`, `blocs`), `graphique` (`id`, `titre`, `svg`,
///   `alternative`), `illustration` (`chemin`, `alternative`: a picture alone in its paragraph);
/// - inline (`type`): `texte` (`v`), `italique`, `gras`, `barre`, `exposant`, `indice` (`c`),
///   `code` (`v`), `image` (`chemin`, `alternative`, `format`: the picture's file in the
///   engine's folder), `groupe` (`c`: a link that cannot be followed, as text), `lien` (`url`, `c`; an internal `#id` always names a label of the
///   document), `saut`.
struct TypstInput {
    let document: Document
    /// Ids the template labels (sections, tables, charts): an internal link to anything
    /// else is written as its text.
    let labels: Set<String>

    init(_ document: Document) {
        self.document = document
        labels = Set(document.sectionIDs + document.tables.compactMap(\.id) + document.charts.map(\.id))
    }

    /// The JSON text: sorted keys, so the same tree gives the same bytes.
    func json() throws -> [UInt8] {
        var cover = document.cover
        if let version = document.version { cover.append(CoverLine("Version", version)) }
        if let date = document.date { cover.append(CoverLine("Date", date)) }
        let edition = [document.version.map { "Version \($0)" }, document.date].compactMap { $0 }
            .joined(separator: " — ")
        let root: [String: Any] = [
            "titre": document.title,
            "sous_titre": document.subtitle ?? NSNull(),
            "couverture": cover.map { ["libelle": $0.label, "valeur": $0.value] },
            "brouillon": document.isWorkingDraft,
            "marque": Document.workingDraftMark,
            "edition": edition.isEmpty ? NSNull() : edition + ".",
            "chapitres": document.chapters.map(section),
        ]
        return Array(try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    func section(_ section: Section) -> [String: Any] {
        [
            "id": section.id, "titre": section.title, "blocs": section.blocks.map(block),
            "sections": section.sections.map(self.section),
        ]
    }

    func block(_ block: Block) -> [String: Any] {
        switch block {
        case let .paragraph(content):
            // A picture alone in its paragraph is shown as wide as it may be (a map, a chart).
            if content.count == 1, case let .image(name, alternative) = content[0], document.pictures[name] != nil {
                return ["type": "illustration", "chemin": name, "alternative": alternative]
            }
            return ["type": "paragraphe", "contenu": inlines(content)]
        case let .list(ordered, items):
            return ["type": "liste", "ordonnee": ordered, "elements": items.map { $0.map(self.block) }]
        case let .table(table):
            return self.table(table)
        case let .quote(quote):
            return [
                "type": "citation", "blocs": quote.blocks.map(self.block),
                "attribution": quote.attribution ?? NSNull(),
                "source": quote.sourceURL.flatMap(LinkTarget.safe) ?? NSNull(),
            ]
        case let .code(text):
            return ["type": "code", "texte": text]
        case let .note(note):
            return [
                "type": "encadre", "nature": note.kind == .toWrite ? "a-rediger" : "information", "titre": note.title,
                "blocs": note.blocks.map(self.block),
            ]
        case let .chart(chart):
            let picture = BarChartSVG(chart: chart)
            return [
                "type": "graphique", "id": chart.id, "titre": chart.title, "svg": picture.standalone,
                "alternative": chart.title + " : " + picture.description,
            ]
        }
    }

    func table(_ table: Table) -> [String: Any] {
        let widths = TableLayout.widths(table)
        return [
            "type": "tableau", "id": table.id ?? NSNull(), "legende": table.caption,
            "colonnes": table.columns.enumerated().map { index, column in
                [
                    "titre": column.title, "largeur": index < widths.count ? widths[index] : 1,
                    "alignement": column.alignment == .right
                        ? "droite" : column.alignment == .center ? "centre" : "gauche",
                ] as [String: Any]
            },
            "lignes": table.rows.map { $0.map(inlines) }, "total": table.footer.map { $0.map(inlines) },
            "entetes_de_ligne": table.rowHeaders, "style": table.style.rawValue,
        ]
    }

    func inlines(_ content: [Inline]) -> [[String: Any]] {
        content.map(inline)
    }

    func inline(_ inline: Inline) -> [String: Any] {
        switch inline {
        case let .text(text): return ["type": "texte", "v": text]
        case let .emphasis(content): return ["type": "italique", "c": inlines(content)]
        case let .strong(content): return ["type": "gras", "c": inlines(content)]
        case let .strikethrough(content): return ["type": "barre", "c": inlines(content)]
        case let .superscript(content): return ["type": "exposant", "c": inlines(content)]
        case let .subscript(content): return ["type": "indice", "c": inlines(content)]
        case let .code(text): return ["type": "code", "v": text]
        case .lineBreak: return ["type": "saut"]
        case let .image(name, alternative):
            // The file is in the engine's folder, under its name in the project.
            guard let picture = document.pictures[name] else { return ["type": "texte", "v": alternative] }
            return [
                "type": "image", "chemin": name, "alternative": alternative, "format": picture.format.rawValue,
            ]
        case let .link(url, content):
            if url.hasPrefix("#") {
                guard labels.contains(String(url.dropFirst())) else {
                    return ["type": "groupe", "c": inlines(content)]
                }
                return ["type": "lien", "url": url, "c": inlines(content)]
            }
            guard let safe = LinkTarget.safe(url) else { return ["type": "groupe", "c": inlines(content)] }
            return ["type": "lien", "url": safe, "c": inlines(content)]
        // A page beside an HTML page means nothing on paper: its words only.
        case let .pageLink(_, content): return ["type": "groupe", "c": inlines(content)]
        }
    }
}
