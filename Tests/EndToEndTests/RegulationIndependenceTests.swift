import Foundation
import XCTest

/// The README's maintenance workflow — fill a `null` amount of `Templates/aci` once the
/// research reads it — must never break the product: the regulation still loads without a
/// message, and a project builds, checks and gets its annexes, on a copy of `Templates/`
/// where every null amount is filled in. (The stages' own tests read a frozen copy,
/// `Tests/Fixtures/regulation`, and cannot depend on the shipped cells.)
final class RegulationIndependenceTests: XCTestCase {
    func testFillingEveryNullAmountBreaksNothing() throws {
        let copy = CommandRunner.temporaryDirectory().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Templates"), to: copy)
        let filled = try Self.fillNullAmounts(in: copy.appendingPathComponent("aci"))
        XCTAssertGreaterThan(filled, 0, "the shipped tables have unknown cells to fill")
        let fixture = CommandRunner.repository.appendingPathComponent("Tests/Fixtures/complet").path
        let out = CommandRunner.temporaryDirectory().path
        for arguments in [
            ["--version"], ["check", fixture], ["build", fixture, "-o", out], ["annexes", fixture, "-o", out],
            ["figures", fixture, "--format", "json"],
        ] {
            let run = try CommandRunner.run(
                CommandRunner.santedoc, arguments + ["--verbose"].filter { _ in arguments.count > 1 },
                environment: ["SANTEDOC_TEMPLATES": copy.path])
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            XCTAssertFalse(
                run.stderr.contains("Templates/aci"), "\(arguments): the filled tables load cleanly: \(run.stderr)")
        }
    }

    /// Replaces each `null` amount (a size-class cell, `fixe:`, `variable:`, `total:`) by a
    /// round figure, as a maintainer would; `population_max_exclue: null` is not an amount.
    static func fillNullAmounts(in folder: URL) throws -> Int {
        let amount = try NSRegularExpression(pattern: #"(\b(?:[1-9]|total|fixe|variable|activation_crise): )null\b"#)
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let url = folder.appendingPathComponent(name)
            var text = try String(contentsOf: url, encoding: .utf8)
            // Each `null` after its key, from the last: the ranges before it stay valid.
            let matches = amount.matches(in: text, range: NSRange(text.startIndex..., in: text))
            count += matches.count
            for match in matches.reversed() {
                guard let key = Range(match.range(at: 1), in: text), let whole = Range(match.range, in: text) else {
                    continue
                }
                text.replaceSubrange(whole, with: text[key] + "1000000")
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return count
    }
}
