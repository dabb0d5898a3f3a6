import Foundation
import SanteDocTestSupport
import XCTest

@testable import SanteDocAnalysis
@testable import SanteDocModel
@testable import SanteDocReaders

/// Every example of `docs/format.md` (YAML, Markdown, CSV blocks) is read by the reader it
/// documents: without error, or with exactly the error announced by a comment
/// `<!-- erreur attendue : id -->` on the line before the block.
final class FormatDocumentationTests: XCTestCase {
    struct Example {
        var language: String
        var text: String
        var line: Int
        var expectedError: String?
    }

    func examples() throws -> [Example] {
        let doc = try String(
            contentsOf: TestSupport.repository.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [Example] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```"), ["yaml", "markdown", "csv"].contains(String(line.dropFirst(3))) else {
                index += 1
                continue
            }
            let expected =
                index > 0
                ? lines[index - 1].range(
                    of: #"<!-- erreur attendue : ([a-z.\-]+) -->"#,
                    options: .regularExpression
                ).map {
                    String(lines[index - 1][$0].dropFirst(22).dropLast(4)).trimmingCharacters(in: .whitespaces)
                } : nil
            let end = lines[(index + 1)...].firstIndex { $0.hasPrefix("```") } ?? lines.count
            found.append(
                Example(
                    language: String(line.dropFirst(3)), text: lines[(index + 1)..<end].joined(separator: "\n") + "\n",
                    line: index + 1, expectedError: expected))
            index = end + 1
        }
        return found
    }

    func errors(of example: Example) -> [String] {
        let diagnostics = DiagnosticEngine()
        switch example.language {
        case "yaml":
            var project = Project()
            ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(example.text, into: &project)
        case "markdown":
            // A fragment of body text is read as the body of a section.
            let text =
                example.text.hasPrefix("---")
                ? example.text : "---\ntitre: \"Exemple\"\npartie: diagnostic\n---\n" + example.text
            _ = MarkdownSectionReader(file: "sections/exemple.md", diagnostics: diagnostics).read(text)
        default:
            if example.text.contains("code_insee") {
                _ = CommuneListReader(file: "communes.csv", diagnostics: diagnostics).read(example.text)
            } else {
                _ = IndicatorTableReader(file: "indicateurs.csv", diagnostics: diagnostics).read(example.text)
            }
        }
        return diagnostics.diagnostics.filter { $0.severity == .error }.map(\.id)
    }

    func testEveryExampleReadsAsTheDocumentationSays() throws {
        let all = try examples()
        XCTAssertGreaterThanOrEqual(all.filter { $0.language == "yaml" }.count, 2)
        XCTAssertGreaterThanOrEqual(all.filter { $0.language == "csv" }.count, 2)
        XCTAssertGreaterThanOrEqual(all.filter { $0.language == "markdown" }.count, 1)
        for example in all {
            let found = errors(of: example)
            XCTAssertEqual(
                found, example.expectedError.map { [$0] } ?? [],
                "docs/format.md, bloc \(example.language) ligne \(example.line)")
        }
    }
}
