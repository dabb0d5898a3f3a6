import SanteDocDocument
import SanteDocModel

/// A horizontal bar chart as inline SVG, with a title and a description listing every
/// value, so screen readers get the data without the picture.
struct BarChartSVG {
    let chart: BarChart
    /// The accent colour, as an SVG attribute: print engines do not all apply CSS `fill`.
    static let barColour = "#1d5b8f"
    /// Text is drawn at `fontSize` user units; `characterWidth` is a wide average advance at
    /// that size (DejaVu Sans, which the PDF uses, is wider than browser fonts).
    static let plot = 300.0, barHeight = 22.0, gap = 8.0, valueWidth = 100.0, fontSize = 13.0, characterWidth = 8.5
    /// Labels longer than this are shortened in the picture (the description keeps them whole).
    static let longestLabel = 60

    /// Wide enough for the longest label, so that no label is cut at the left edge.
    var labelWidth: Double {
        Double(chart.bars.map { min($0.label.count, Self.longestLabel) }.max() ?? 10) * Self.characterWidth + 12
    }

    var node: HTMLNode {
        let maximum = max(chart.bars.map(\.value).max() ?? 1, 1)
        let height = Double(chart.bars.count) * (Self.barHeight + Self.gap) + Self.gap
        let labelWidth = self.labelWidth
        let plot = Self.plot
        let width = labelWidth + plot + Self.valueWidth
        let description = chart.bars.map { "\($0.label) : \($0.valueText)" }.joined(separator: " ; ")
        var children: [HTMLNode] = [
            el("title", [("id", chart.id + "-titre")], text: chart.title),
            el("desc", [("id", chart.id + "-desc")], text: description),
        ]
        for (index, bar) in chart.bars.enumerated() {
            let y = Self.gap + Double(index) * (Self.barHeight + Self.gap)
            let length = max(1, bar.value / maximum * plot)
            children.append(
                el(
                    "g", [],
                    [
                        el(
                            "text",
                            [("x", n(labelWidth - 8)), ("y", n(y + Self.barHeight * 0.7)), ("text-anchor", "end")],
                            text: bar.label.count > Self.longestLabel
                                ? bar.label.prefix(Self.longestLabel - 1) + "…" : bar.label),
                        el(
                            "rect",
                            [
                                ("x", n(labelWidth)), ("y", n(y)), ("width", n(length)), ("height", n(Self.barHeight)),
                                ("class", "barre"), ("fill", Self.barColour),
                            ]),
                        el(
                            "text", [("x", n(labelWidth + length + 6)), ("y", n(y + Self.barHeight * 0.7))],
                            text: bar.valueText),
                    ]))
        }
        let svg = el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                ("font-size", n(Self.fontSize)), ("role", "img"),
                ("aria-labelledby", "\(chart.id)-titre \(chart.id)-desc"),
                ("class", "graphique"),
            ], children)
        return el(
            "figure", [("id", chart.id), ("class", "figure-graphique")], [svg, el("figcaption", text: chart.title)])
    }

    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
