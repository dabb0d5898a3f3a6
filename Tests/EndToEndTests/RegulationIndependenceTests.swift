import Foundation
import XCTest

/// The README's maintenance workflow — fill a `null` amount of `Templates/aci` once the
/// research reads it — must never break a unit test: the unit tests are run here on a
/// copy of `Templates/` where every null amount is filled in.
final class RegulationIndependenceTests: XCTestCase {
    func testFillingEveryNullAmountBreaksNoUnitTest() throws {
        let copy = CommandRunner.temporaryDirectory().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Templates"), to: copy)
        let filled = try Self.fillNullAmounts(in: copy.appendingPathComponent("aci"))
        XCTAssertGreaterThan(filled, 0, "the shipped tables have unknown cells to fill")

        // The test bundle is one executable for every target: it is asked for the unit-test classes only.
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
        let listing = try CommandRunner.run(bundle, ["--list-tests"]).stdout
        let classes = Set(
            listing.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("SanteDocCoreTests.") else { return nil }
                return String(line.prefix { $0 != "/" })
            }
        ).sorted()
        XCTAssertGreaterThan(classes.count, 10)
        let run = try CommandRunner.run(
            bundle, [classes.joined(separator: ",")], environment: ["SANTEDOC_TEMPLATES": copy.path])
        let output = run.stdout + run.stderr
        XCTAssertEqual(run.status, 0, String(output.suffix(3000)))
        let tests = listing.split(separator: "\n").filter { $0.hasPrefix("SanteDocCoreTests.") }.count
        XCTAssertTrue(output.contains("Executed \(tests) tests, with 0 failures"), String(output.suffix(500)))
    }

    /// Replaces each `null` amount (a size-class cell, `fixe:`, `variable:`, `total:`) by a
    /// round figure, as a maintainer would; `population_max_exclue: null` is not an amount.
    static func fillNullAmounts(in folder: URL) throws -> Int {
        let amount = try NSRegularExpression(pattern: #"(\b(?:[1-9]|total|fixe|variable|activation_crise): )null\b"#)
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            count += amount.numberOfMatches(in: text, range: range)
            try amount.stringByReplacingMatches(in: text, range: range, withTemplate: "${1}10000")
                .write(to: url, atomically: true, encoding: .utf8)
        }
        return count
    }
}
