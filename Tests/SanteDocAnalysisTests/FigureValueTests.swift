import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel

/// Figures printed with their units, the French way.
final class FigureValueTests: XCTestCase {
    let nbsp = "\u{00A0}"

    func testFigureValuesCarryTheirUnits() {
        XCTAssertEqual(FigureValue.euros(370000).formatted, "370\(nbsp)000\(nbsp)€")
        XCTAssertEqual(FigureValue.percent(14.6489, places: 2).formatted, "14,65\(nbsp)%")
        XCTAssertEqual(FigureValue.date(CalendarDate(year: 2020, month: 6, day: 17)!).formatted, "17 juin 2020")
        XCTAssertEqual(FigureValue.date(CalendarDate(year: 2020, month: 6, day: 1)!).formatted, "1er juin 2020")
    }

    func testDecimalsAgreeInNumberWithTheirUnit() {
        XCTAssertEqual(FigureValue.decimal(-0.9, places: 1, unit: "points").formatted, "\u{2212}0,9\(nbsp)point")
        XCTAssertEqual(FigureValue.decimal(1.96, places: 1, unit: "points").formatted, "2,0\(nbsp)points", "as printed")
    }
}
