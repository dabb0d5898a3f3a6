import Foundation
import SanteDocModel
import Yams

enum LegalTextReader {
    static func load(_ folder: URL, diagnostics: DiagnosticEngine) -> [LegalText] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        return names.compactMap { name in
            let path = "Templates/legislation/\(name)"
            guard
                let file = RegulationLibrary.loadMapping(
                    folder.appendingPathComponent(name), displayName: path,
                    diagnostics: diagnostics)
            else { return nil }
            file.rejectUnknownKeys(allowed: ["id", "titre", "texte", "source", "url"])
            guard let id = file.string("id"), let title = file.string("titre"), let source = file.string("source")
            else {
                diagnostics.error(
                    "legislation.incomplet", at: file.location, "Texte légal incomplet (id, titre, source).")
                return nil
            }
            return LegalText(
                id: id.value, title: title.value, paragraphs: file.strings("texte"), source: source.value,
                url: file.string("url")?.value)
        }
    }
}
