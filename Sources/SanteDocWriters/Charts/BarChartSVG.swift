import SanteDocDocument

/// A horizontal bar chart as inline SVG, with a title and a description listing every
/// value, so screen readers get the data without the picture.
struct BarChartSVG {
    let chart: BarChart
    /// The accent colour, as an SVG attribute: print engines do not all apply CSS `fill`.
    static let barColour = "#1d5b8f"
    /// Text is drawn at `fontSize` user units; `characterWidth` is a wide average advance at
    /// that size (DejaVu Sans, which the PDF uses, is wider than browser fonts).
    static let plot = 300.0, barHeight = 22.0, gap = 8.0, valueWidth = 100.0, fontSize = 13.0, characterWidth = 8.5
    /// Long labels wrap onto three lines of at most `lineLength` characters, then are
    /// shortened (the description keeps them whole): a single long line would widen the
    /// label column until the whole picture, scaled to the page, had unreadable text.
    static let lineLength = 30, maximumLines = 3, lineHeight = 15.0

    /// Wide enough for the longest line, so that no label is cut at the left edge.
    var labelWidth: Double {
        Double(chart.bars.flatMap { Self.lines($0.label) }.map(\.count).max() ?? 10) * Self.characterWidth + 12
    }

    /// The label's lines: words kept whole where they fit, the last line marked « … » when
    /// the label does not fit in `maximumLines`.
    static func lines(_ label: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var complete = true
        for word in label.split(separator: " ") {
            if current.isEmpty || current.count + 1 + word.count <= lineLength {
                current += (current.isEmpty ? "" : " ") + word
            } else if lines.count + 1 < maximumLines {
                lines.append(current)
                current = String(word)
            } else {
                complete = false
                break
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.enumerated().map { index, line in
            guard line.count > lineLength || (!complete && index == lines.count - 1) else { return line }
            return String(line.prefix(lineLength - 1)) + "…"
        }
    }

    /// The picture in the page, with its caption (HTML).
    var node: HTMLNode {
        el("figure", [("id", chart.id), ("class", "figure-graphique")], [svg(), el("figcaption", text: chart.title)])
    }

    /// The picture as a file of its own (PDF, DOCX, ODT): its size and its fonts stated,
    /// since no stylesheet will give them.
    var standalone: String {
        svg(standalone: true).rendered
    }

    /// What a screen reader says in place of the picture: every bar and its value.
    var description: String {
        chart.bars.map { "\($0.label) : \($0.valueText)" }.joined(separator: " ; ")
    }

    func svg(standalone: Bool = false) -> HTMLNode {
        let maximum = max(chart.bars.map(\.value).max() ?? 1, 1)
        let labels = chart.bars.map { Self.lines($0.label) }
        let rowHeight = max(Self.barHeight, Double(labels.map(\.count).max() ?? 1) * Self.lineHeight)
        let height = Double(chart.bars.count) * (rowHeight + Self.gap) + Self.gap
        let labelWidth = self.labelWidth
        let plot = Self.plot
        let width = labelWidth + plot + Self.valueWidth
        var children: [HTMLNode] = [
            el("title", [("id", chart.id + "-titre")], text: chart.title),
            el("desc", [("id", chart.id + "-desc")], text: description),
        ]
        for (index, bar) in chart.bars.enumerated() {
            let top = Self.gap + Double(index) * (rowHeight + Self.gap)
            let middle = top + rowHeight / 2
            // 0.34 of the font size below the middle centres a line of text on it.
            let baseline = middle + Self.fontSize * 0.34
            let length = max(1, bar.value / maximum * plot)
            let lines = labels[index]
            let first = baseline - Double(lines.count - 1) * Self.lineHeight / 2
            let label: HTMLNode =
                lines.count == 1
                ? el("text", [("x", n(labelWidth - 8)), ("y", n(baseline)), ("text-anchor", "end")], text: lines[0])
                : el(
                    "text", [("x", n(labelWidth - 8)), ("y", n(first)), ("text-anchor", "end")],
                    lines.enumerated().map { number, line in
                        el(
                            "tspan", [("x", n(labelWidth - 8)), ("dy", number == 0 ? "0" : n(Self.lineHeight))],
                            text: line)
                    })
            children.append(
                el(
                    "g", [],
                    [
                        label,
                        el(
                            "rect",
                            [
                                ("x", n(labelWidth)), ("y", n(middle - Self.barHeight / 2)), ("width", n(length)),
                                ("height", n(Self.barHeight)), ("class", "barre"), ("fill", Self.barColour),
                            ]),
                        el("text", [("x", n(labelWidth + length + 6)), ("y", n(baseline))], text: bar.valueText),
                    ]))
        }
        let attributes: [(String, String)] =
            standalone
            ? [
                ("width", n(width)), ("height", n(height)),
                ("font-family", "Liberation Sans, DejaVu Sans, sans-serif"), ("fill", "#1b1f24"),
            ]
            : [
                ("role", "img"), ("aria-labelledby", "\(chart.id)-titre \(chart.id)-desc"), ("class", "graphique"),
            ]
        return el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                ("font-size", n(Self.fontSize)),
            ] + attributes, children)
    }

    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
