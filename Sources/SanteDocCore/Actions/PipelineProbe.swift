import Foundation
import SanteDocAnalysis
import SanteDocDocument
import SanteDocModel
import SanteDocReaders

/// Drives the whole build — readers, figures, checks, both editions and the contract
/// annexes, DocBook (validated) and HTML — on arbitrary bytes, for fuzzing: whatever the input, the build must end with
/// documents or located diagnostics, never a crash and never an internal error (an invalid
/// DocBook stops the probe, so that the fuzzer reports it).
///
/// The input replaces files of the complete test fixture: `@@ chemin` lines start each file
/// (`@@ projet.yaml`, `@@ sections/01.md`…); without them, the first byte picks the file.
public enum PipelineProbe {
    static let targets = [
        "projet.yaml", "sections/90-fuzz.md", "communes.csv", "indicateurs.csv", "modeles/page.mustache",
        "modeles/style.css",
    ]

    struct Setting: Sendable {
        let toolkit: Toolkit
        let regulation: RegulationLibrary
        let referential: Referential
        let base: [String: [UInt8]]
    }

    static let setting: Setting? = {
        guard let toolkit = Toolkit.locate() else { return nil }
        let diagnostics = DiagnosticEngine()
        let regulation = RegulationLibrary.load(templates: toolkit.templates, diagnostics: diagnostics)
        guard let referential = ReferentialLoader(toolkit: toolkit, diagnostics: diagnostics).load(nil) else {
            return nil
        }
        let fixture = toolkit.templates.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/complet")
        var base: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: fixture, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath else { continue }
            base[String(url.path.dropFirst(fixture.path.count + 1))] = Array(data)
        }
        return Setting(toolkit: toolkit, regulation: regulation, referential: referential, base: base)
    }()

    /// The files the input stands for.
    static func files(from bytes: [UInt8], base: [String: [UInt8]]) -> [String: [UInt8]] {
        var files = base
        let marker = Array("@@ ".utf8)
        guard bytes.starts(with: marker) else {
            let target = targets[Int(bytes.first ?? 0) % targets.count]
            files[target] = Array(bytes.dropFirst())
            return files
        }
        var current: String?
        var content: [UInt8] = []
        func flush() { if let current { files[current] = content } }
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            if line.starts(with: marker) {
                flush()
                let path = String(decoding: line.dropFirst(marker.count), as: UTF8.self).trimmingCharacters(
                    in: .whitespaces)
                current = path.isEmpty || path.contains("..") || path.hasPrefix("/") ? nil : path
                content = []
            } else {
                if !content.isEmpty || current != nil { content += line + [10] }
            }
        }
        flush()
        return files
    }

    /// Number of documents produced (0 when the sources are invalid).
    @discardableResult
    public static func run(_ bytes: [UInt8]) -> Int {
        guard let setting else { return 0 }
        let sources = InMemoryProject(files: files(from: bytes, base: setting.base))
        let diagnostics = DiagnosticEngine()
        guard
            let result = ProjectPipeline(
                toolkit: setting.toolkit, diagnostics: diagnostics, regulation: setting.regulation
            )
            .run(sources: sources)
        else { return 0 }
        let report = result.completeness(against: setting.referential, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return 0 }
        let completeness = CompletenessAssembler(report: report)
        guard
            let renderer = try? DocumentRenderer.make(
                toolkit: setting.toolkit, project: sources, formats: [.xml, .html],
                diagnostics: diagnostics)
        else { return 0 }
        var produced = 0
        for year in [nil, 2] {
            let annexes = AnnexAssembler(
                project: result.project, figures: result.figures, regulation: result.regulation,
                year: year)
            do {
                produced += try renderer.render([
                    ("annexe-missions", annexes.missionsAnnex()),
                    ("annexe-financiere", annexes.fundingAnnex()),
                ]).count
            } catch {
                fatalError("erreur interne sur une entrée (annexes) : \(error)")
            }
        }
        // The annual review of the first two years, whatever results the input holds.
        for year in 1...2 {
            guard let review = ReviewCalculator.review(year: year, project: result.project, figures: result.figures)
            else { break }
            let document = ReviewAssembler(
                review: review, project: result.project, figures: result.figures, regulation: result.regulation
            ).document()
            do {
                produced += try renderer.render([("bilan", document)]).count
            } catch {
                fatalError("erreur interne sur une entrée (bilan) : \(error)")
            }
        }
        for edition in [Edition.workingDraft, .final] {
            let document = result.projet(edition, referential: setting.referential, report: completeness.report)
            do {
                produced += try renderer.render([
                    ("projet", document),
                    ("completude", completeness.document(projectName: document.title)),
                ]).count
            } catch {
                fatalError("erreur interne sur une entrée : \(error)")
            }
        }
        return produced
    }
}
