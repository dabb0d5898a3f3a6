import XCTest

@testable import SanteDocDocument
@testable import SanteDocWriters

/// Chart labels: long ones wrap on three lines with whole words, then are shortened; the
/// label column is as wide as the longest line, so no label is cut at the picture's edge.
final class BarChartSVGTests: XCTestCase {
    func testLongLabelsWrapOnWholeWordsThenAreShortened() {
        XCTAssertEqual(BarChartSVG.lines("Infirmiers"), ["Infirmiers"])
        XCTAssertEqual(
            BarChartSVG.lines("Organiser des parcours pluriprofessionnels autour du patient"),
            ["Organiser des parcours", "pluriprofessionnels autour du", "patient"])
        XCTAssertEqual(
            BarChartSVG.lines("Faciliter l’accès aux soins (médecin traitant, soins non programmés)"),
            ["Faciliter l’accès aux soins", "(médecin traitant, soins non", "programmés)"], "the whole label, as asked")
        XCTAssertEqual(
            BarChartSVG.lines("Développer des actions territoriales de prévention et de dépistage organisé du cancer"),
            ["Développer des actions", "territoriales de prévention et", "de dépistage organisé du…"])
        XCTAssertEqual(
            BarChartSVG.lines("Faciliter l’accès aux soins (médecin traitant)"),
            ["Faciliter l’accès aux soins", "(médecin traitant)"])
        let word = String(repeating: "x", count: 50)
        XCTAssertEqual(BarChartSVG.lines(word), [String(repeating: "x", count: 29) + "…"])
        for line in BarChartSVG.lines("Développer des actions territoriales de prévention et de dépistage organisé") {
            XCTAssertLessThanOrEqual(line.count, BarChartSVG.lineLength)
        }
    }

    func testTheLabelColumnHoldsTheLongestLine() {
        let chart = BarChart(
            id: "g", title: "G", labelTitle: "Mission", valueTitle: "Montant",
            bars: [
                .init(label: "Organiser des parcours pluriprofessionnels autour du patient", value: 2, valueText: "2"),
                .init(label: "Prévention", value: 1, valueText: "1"),
            ], sourceTable: nil)
        let svg = BarChartSVG(chart: chart)
        XCTAssertEqual(svg.labelWidth, 29 * BarChartSVG.characterWidth + 12, "« pluriprofessionnels autour du »")
        let page = svg.node.rendered
        XCTAssertTrue(page.contains(">pluriprofessionnels autour du</tspan>"), page)
        XCTAssertTrue(page.contains(">patient</tspan>"), page)
        XCTAssertTrue(page.contains("<desc id=\"g-desc\">Organiser des parcours pluriprofessionnels autour du patient"))
    }
}
