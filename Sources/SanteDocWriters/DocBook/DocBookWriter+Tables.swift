import SanteDocDocument
import XMLSupport

extension DocBookWriter.Context {
    /// A CALS table; a table without caption becomes an `informaltable`.
    func table(_ table: Table, in parent: XMLElementHandle) {
        let node = xml.append(
            table.caption.isEmpty ? "informaltable" : "table", to: parent,
            attributes: table.style == .signatures ? [("role", "signatures")] : [])
        if reader == .office, !table.caption.isEmpty {
            // pandoc keeps an anchor of the title as a bookmark, not the table's own id.
            let title = xml.append("title", to: node)
            if let id = table.id {
                xml.setAttribute("id", id, namespacePrefix: "xml", on: xml.append("anchor", to: title))
            }
            xml.appendText(table.caption, to: title)
        } else {
            if let id = table.id { xml.setAttribute("id", id, namespacePrefix: "xml", on: node) }
            if !table.caption.isEmpty { xml.append("title", to: node, text: table.caption) }
        }
        let columnCount = max(1, table.columns.count)
        let group = xml.append("tgroup", to: node, attributes: [("cols", String(columnCount))])
        let widths = TableLayout.widths(table)
        for (index, column) in table.columns.enumerated() {
            xml.append(
                "colspec", to: group,
                attributes: [
                    ("colname", "c\(index + 1)"), ("colwidth", "\(widths[index])*"),
                    ("align", align(column.alignment)),
                ])
        }
        let head = xml.append("thead", to: group)
        row(table.columns.map { [Inline.text($0.title)] }, columns: columnCount, in: head)
        // Totals are the body's last rows, marked by a role: readers such as pandoc drop
        // `tfoot`, and a total no one sees is worse than a total in the body.
        let body = xml.append("tbody", to: group)
        for cells in table.rows { row(cells, columns: columnCount, in: body) }
        if table.rows.isEmpty && table.footer.isEmpty { row([[.text("—")]], columns: columnCount, in: body) }
        for cells in table.footer { row(cells, columns: columnCount, in: body, role: "total") }
    }

    private func row(_ cells: [[Inline]], columns: Int, in parent: XMLElementHandle, role: String? = nil) {
        let row = xml.append("row", to: parent, attributes: role.map { [("role", $0)] } ?? [])
        for index in 0..<columns {
            let entry = xml.append("entry", to: row)
            if index < cells.count { inlines(cells[index], in: entry) }
        }
    }

    private func align(_ alignment: Table.Alignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        }
    }

    func inlines(_ inlines: [Inline], in parent: XMLElementHandle) {
        for inline in inlines { self.inline(inline, in: parent) }
    }

    private func inline(_ inline: Inline, in parent: XMLElementHandle) {
        switch inline {
        case let .text(text): xml.appendText(text, to: parent)
        case let .emphasis(content): inlines(content, in: xml.append("emphasis", to: parent))
        case let .strong(content):
            inlines(content, in: xml.append("emphasis", to: parent, attributes: [("role", "strong")]))
        case let .strikethrough(content):
            inlines(content, in: xml.append("emphasis", to: parent, attributes: [("role", "strikethrough")]))
        case let .code(text): xml.append("code", to: parent, text: text)
        // The picture's file is written beside the book, under its name in the project.
        case let .image(name, alternative):
            let media = xml.append("inlinemediaobject", to: parent)
            xml.setAttribute("fileref", name, on: xml.append("imagedata", to: xml.append("imageobject", to: media)))
            xml.append("phrase", to: xml.append("textobject", to: media), text: alternative)
        // DocBook's superscript holds text only: the emphasis of `<sup>*e*</sup>` is kept as text.
        case let .superscript(content):
            xml.append("superscript", to: parent, text: content.map(\.plainText).joined())
        case let .subscript(content):
            xml.append("subscript", to: parent, text: content.map(\.plainText).joined())
        case let .link(url, content):
            let shown = content.isEmpty ? [Inline.text(url)] : content
            guard let safe = LinkTarget.safe(url) else { return inlines(shown, in: parent) }
            let link = xml.append("link", to: parent)
            xml.setAttribute("href", safe, namespacePrefix: "xlink", on: link)
            inlines(shown, in: link)
        case let .pageLink(page, content):
            guard let safe = LinkTarget.page(page) else { return inlines(content, in: parent) }
            let link = xml.append("link", to: parent)
            xml.setAttribute("href", safe, namespacePrefix: "xlink", on: link)
            inlines(content, in: link)
        case .lineBreak: xml.appendText(" ", to: parent)
        }
    }
}
