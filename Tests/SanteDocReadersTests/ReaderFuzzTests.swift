import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// Random and mutated inputs for every reader, a bounded number of times: each must end
/// in success or diagnostics, never a crash or a hang. Seeded, so a failure replays.
final class ReaderFuzzTests: XCTestCase {
    static let iterations = 300

    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "---", "\n", "  ", "\t", ":", "- ", "*a", "&a ", "{{", "}}", "\"", "'", ";", ",", "|", "#",
        "<script>", "\u{0}", "\u{FEFF}", "é", "\u{92}", "[", "]", "{", "}", "99999999999999999999", "-1",
    ]

    func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: scalars.insert(contentsOf: Self.fragments.randomElement(using: &rng)!.unicodeScalars, at: position)
            case 1: if !scalars.isEmpty { scalars.remove(at: position) }
            case 2: scalars = Array(scalars.prefix(position))
            default: if !scalars.isEmpty { scalars[position] = Unicode.Scalar(UInt8.random(in: 32...126, using: &rng)) }
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// What every diagnostic owes the coordinator, whatever the input: it points into the
    /// file it was given (a line that exists, or the one just past the end), and says what is
    /// wrong in words.
    func assertUsable(
        _ diagnostics: [Diagnostic], file: String, text: String, line: UInt = #line
    ) {
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        for diagnostic in diagnostics {
            XCTAssertFalse(
                diagnostic.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "\(diagnostic.id) has no message", line: line)
            XCTAssertFalse(diagnostic.id.isEmpty, line: line)
            guard let location = diagnostic.location else { continue }
            XCTAssertEqual(location.file, file, "\(diagnostic.id)", line: line)
            XCTAssertTrue(
                (1...lastLine).contains(location.line) && location.column >= 1,
                "\(diagnostic.id) at \(location) in a text of \(lastLine - 1) lines", line: line)
        }
    }

    func seeds(_ relative: String) throws -> String {
        try String(contentsOf: TestSupport.fixtures.appendingPathComponent("complet/\(relative)"), encoding: .utf8)
    }

    func testProjectDataReaderNeverCrashes() throws {
        var rng = SeededGenerator(state: 1)
        let seed = try seeds("projet.yaml")
        var located = 0
        for _ in 0..<Self.iterations {
            let text = mutate(seed, &rng)
            let (project, diagnostics) = TestSupport.readData(text)
            assertUsable(diagnostics, file: "projet.yaml", text: text)
            located += diagnostics.filter { $0.location != nil }.count
            _ = FigureCalculator(
                project: project, regulation: TestSupport.regulation(), diagnostics: DiagnosticEngine()
            ).compute()
        }
        XCTAssertGreaterThan(located, Self.iterations / 2, "the mutations are meant to break the file")
    }

    func testMarkdownSectionReaderNeverCrashes() throws {
        var rng = SeededGenerator(state: 2)
        let seed = try seeds("sections/02-demographie.md")
        for _ in 0..<Self.iterations {
            let text = mutate(seed, &rng)
            let diagnostics = DiagnosticEngine()
            _ = MarkdownSectionReader(file: "s.md", diagnostics: diagnostics).read(text)
            assertUsable(diagnostics.diagnostics, file: "s.md", text: text)
        }
    }

    func testCSVReadersNeverCrash() throws {
        var rng = SeededGenerator(state: 3)
        let communes = try seeds("communes.csv")
        let indicators = try seeds("indicateurs.csv")
        for _ in 0..<Self.iterations {
            let (communeText, indicatorText) = (mutate(communes, &rng), mutate(indicators, &rng))
            let (communeDiagnostics, indicatorDiagnostics) = (DiagnosticEngine(), DiagnosticEngine())
            _ = CommuneListReader(file: "c.csv", diagnostics: communeDiagnostics).read(communeText)
            _ = IndicatorTableReader(file: "i.csv", diagnostics: indicatorDiagnostics).read(indicatorText)
            assertUsable(communeDiagnostics.diagnostics, file: "c.csv", text: communeText)
            assertUsable(indicatorDiagnostics.diagnostics, file: "i.csv", text: indicatorText)
        }
    }

    func testByteLevelDecodingNeverCrashes() {
        var rng = SeededGenerator(state: 4)
        for _ in 0..<Self.iterations {
            let bytes = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = TextDecoding.decode(bytes, file: "x", diagnostics: DiagnosticEngine())
        }
    }
}
