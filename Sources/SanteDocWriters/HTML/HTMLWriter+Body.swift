import Foundation
import SanteDocDocument
import SanteDocModel

/// Turns sections, blocks and inlines into HTML nodes. Headings follow the nesting
/// (h2 for chapters, then h3…), so the heading order never jumps.
struct Body {
    /// The pictures the text shows, written into the page itself (the page stays whole).
    var pictures: [String: Picture] = [:]

    func section(_ section: Section, level: Int, number: String?) -> HTMLNode {
        let heading = min(level, 6)
        let headingID = section.id + "-titre"
        let title = (number.map { "\($0). " } ?? "") + section.title
        var children: [HTMLNode] = [el("h\(heading)", [("id", headingID)], text: title)]
        children += section.blocks.map(block)
        children += section.sections.map { self.section($0, level: level + 1, number: nil) }
        let classes = level == 2 ? "chapitre" : "section"
        return el("section", [("id", section.id), ("class", classes), ("aria-labelledby", headingID)], children)
    }

    func block(_ block: Block) -> HTMLNode {
        switch block {
        case let .paragraph(content):
            return el("p", [], inlines(content))
        case let .list(ordered, items):
            return el(
                ordered ? "ol" : "ul", [],
                items.map { item in
                    // A list item holding a single paragraph is written without <p>, as authors expect.
                    if item.count == 1, case let .paragraph(content) = item[0] { return el("li", [], inlines(content)) }
                    return el("li", [], item.map(self.block))
                })
        case let .table(table):
            return self.table(table)
        case let .quote(quote):
            var children: [HTMLNode] = [el("blockquote", [], quote.blocks.map(self.block))]
            if let attribution = quote.attribution {
                var source: [HTMLNode] = [.text("— " + attribution)]
                if let url = quote.sourceURL, let safe = LinkTarget.safe(url) {
                    source += [.text(" ("), el("a", [("href", safe)], text: "texte officiel"), .text(")")]
                }
                children.append(el("figcaption", [], source))
            }
            return el("figure", [("class", "citation")], children)
        case let .code(text):
            return el("pre", [], [el("code", text: text)])
        case let .note(note):
            let kind = note.kind == .toWrite ? "note note-a-rediger" : "note"
            return el(
                "aside", [("class", kind), ("aria-label", note.title)],
                [el("p", [("class", "note-titre")], text: note.title)] + note.blocks.map(self.block))
        case let .chart(chart):
            return BarChartSVG(chart: chart).node
        }
    }

    func table(_ table: Table) -> HTMLNode {
        func classes(_ index: Int) -> [(String, String)] {
            guard index < table.columns.count else { return [] }
            switch table.columns[index].alignment {
            case .right: return [("class", "nombre")]
            case .center: return [("class", "centre")]
            case .left: return []
            }
        }
        func row(_ cells: [[Inline]]) -> HTMLNode {
            el(
                "tr", [],
                cells.enumerated().map { index, content in
                    index == 0 && table.rowHeaders
                        ? el("th", [("scope", "row")] + classes(index), inlines(content))
                        : el("td", classes(index), inlines(content))
                })
        }
        var children: [HTMLNode] = []
        if !table.caption.isEmpty { children.append(el("caption", text: table.caption)) }
        children.append(el("colgroup", [], TableLayout.widths(table).map { el("col", [("style", "width: \($0)%")]) }))
        children.append(
            el(
                "thead", [],
                [
                    el(
                        "tr", [],
                        table.columns.enumerated().map { index, column in
                            el("th", [("scope", "col")] + classes(index), text: column.title)
                        })
                ]))
        children.append(el("tbody", [], table.rows.map(row)))
        if !table.footer.isEmpty { children.append(el("tfoot", [], table.footer.map(row))) }
        let style: [(String, String)] =
            switch table.style {
            case .signatures: [("class", "signatures")]
            case .sortable: [("class", "triable")]
            case .standard: []
            }
        let element = el("table", (table.id.map { [("id", $0)] } ?? []) + style, children)
        // On a narrow screen a wide table scrolls in its own box, which a keyboard can reach
        // and a screen reader names, instead of widening the whole page.
        return el(
            "div",
            [
                ("class", "tableau-defilant"), ("role", "region"),
                ("aria-label", table.caption.isEmpty ? "Tableau" : table.caption), ("tabindex", "0"),
            ], [element])
    }

    func inlines(_ content: [Inline]) -> [HTMLNode] { content.map(inline) }

    private func inline(_ inline: Inline) -> HTMLNode {
        switch inline {
        case let .text(text): return .text(text)
        case let .emphasis(c): return el("em", [], inlines(c))
        case let .strong(c): return el("strong", [], inlines(c))
        case let .strikethrough(c): return el("s", [], inlines(c))
        case let .code(text): return el("code", text: text)
        case let .superscript(c): return el("sup", [], inlines(c))
        case let .subscript(c): return el("sub", [], inlines(c))
        case .lineBreak: return el("br")
        case let .image(name, alternative):
            guard let picture = pictures[name] else { return .text(alternative) }
            let data = "data:\(picture.format.mediaType);base64," + Data(picture.bytes).base64EncodedString()
            return el("img", [("src", data), ("alt", alternative), ("class", "image")])
        case let .link(url, c):
            let content = c.isEmpty ? [HTMLNode.text(url)] : inlines(c)
            guard let safe = LinkTarget.safe(url) else { return .fragment(content) }
            return el("a", [("href", safe)], content)
        case let .pageLink(page, c):
            guard let safe = LinkTarget.page(page) else { return .fragment(inlines(c)) }
            return el("a", [("href", safe)], inlines(c))
        }
    }
}
