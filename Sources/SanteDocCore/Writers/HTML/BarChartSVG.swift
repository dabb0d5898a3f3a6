/// A horizontal bar chart as inline SVG, with a title and a description listing every
/// value, so screen readers get the data without the picture.
struct BarChartSVG {
    let chart: BarChart
    static let width = 640.0, labelWidth = 250.0, barHeight = 22.0, gap = 8.0, valueWidth = 90.0

    var node: HTMLNode {
        let maximum = max(chart.bars.map(\.value).max() ?? 1, 1)
        let height = Double(chart.bars.count) * (Self.barHeight + Self.gap) + Self.gap
        let plot = Self.width - Self.labelWidth - Self.valueWidth
        let description = chart.bars.map { "\($0.label) : \($0.valueText)" }.joined(separator: " ; ")
        var children: [HTMLNode] = [el("title", [("id", chart.id + "-titre")], text: chart.title),
                                    el("desc", [("id", chart.id + "-desc")], text: description)]
        for (index, bar) in chart.bars.enumerated() {
            let y = Self.gap + Double(index) * (Self.barHeight + Self.gap)
            let length = max(1, bar.value / maximum * plot)
            children.append(el("g", [], [
                el("text", [("x", n(Self.labelWidth - 8)), ("y", n(y + Self.barHeight * 0.7)), ("text-anchor", "end")],
                   text: bar.label),
                el("rect", [("x", n(Self.labelWidth)), ("y", n(y)), ("width", n(length)), ("height", n(Self.barHeight)),
                            ("class", "barre")]),
                el("text", [("x", n(Self.labelWidth + length + 6)), ("y", n(y + Self.barHeight * 0.7))], text: bar.valueText),
            ]))
        }
        let svg = el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(n(Self.width)) \(n(height))"),
                             ("role", "img"), ("aria-labelledby", "\(chart.id)-titre \(chart.id)-desc"),
                             ("class", "graphique")], children)
        return el("figure", [("id", chart.id), ("class", "figure-graphique")], [svg, el("figcaption", text: chart.title)])
    }

    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
