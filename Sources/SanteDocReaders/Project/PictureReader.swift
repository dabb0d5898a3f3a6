import Foundation
import SanteDocModel

/// The pictures the sections show (`![texte](images/carte.png)`), read from the project
/// folder: PNG, JPEG or SVG, each within `Limits.pictureBytes`, all within
/// `Limits.picturesBytes`. An SVG is a document of its own: one that would fetch anything
/// (`href` to a file or an address, `url(…)`, `@import`) or run a script is refused where
/// it says so — the engines that draw it must read nothing else.
public struct PictureReader {
    let folder: any ProjectSources
    let diagnostics: DiagnosticEngine

    /// Each picture once, by path, reported at the first place that names it.
    func read(_ references: [Located<String>]) -> [String: Picture] {
        var pictures: [String: Picture] = [:]
        var total = 0
        var seen: Set<String> = []
        for reference in references where seen.insert(reference.value).inserted {
            let path = reference.value
            guard folder.exists(path), !folder.isFolder(path) else {
                diagnostics.error(
                    "image.introuvable", at: reference.location,
                    "L’image « \(path) » est introuvable dans le dossier du projet.",
                    hint:
                        "vérifiez le nom du fichier (majuscules, extension) et son dossier, relatif au dossier du projet."
                )
                continue
            }
            guard
                let bytes = folder.readBytes(
                    path, maximum: Limits.pictureBytes, at: reference.location, diagnostics: diagnostics)
            else { continue }
            total += bytes.count
            guard total <= Limits.picturesBytes else {
                diagnostics.error(
                    "limite.images", at: reference.location,
                    "Les images des sections dépassent ensemble \(Limits.picturesBytes / 1024 / 1024) Mo.",
                    hint: "allégez les images (une largeur de 2 000 pixels suffit à une page A4).")
                break
            }
            guard let format = Self.format(of: bytes) else {
                diagnostics.error(
                    "image.format", at: reference.location,
                    "« \(path) » n’est pas une image PNG, JPEG ou SVG.",
                    hint: "enregistrez l’image au format PNG (cartes, schémas) ou JPEG (photographies).")
                continue
            }
            if format == .svg, !isClosed(bytes, file: path) { continue }
            pictures[path] = Picture(format: format, bytes: bytes)
        }
        return pictures
    }

    /// The format the file's first bytes say, whatever its name.
    public static func format(of bytes: [UInt8]) -> Picture.Format? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("<svg") ? .svg : nil
    }

    /// Whether an SVG names nothing outside itself; each reference refused at its line.
    func isClosed(_ bytes: [UInt8], file: String) -> Bool {
        var closed = true
        let text = String(decoding: bytes, as: UTF8.self)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lower = line.lowercased()
            var found: [String] = []
            for element in ["<script", "<foreignobject", "@import"] where lower.contains(element) {
                found.append(element.trimmingPrefix("<").description)
            }
            for value in Self.references(in: String(lower)) where !(value.hasPrefix("#") || value.hasPrefix("data:")) {
                found.append(value)
            }
            for what in found {
                closed = false
                diagnostics.error(
                    "image.ressource-externe", at: SourceLocation(file: file, line: number + 1),
                    "L’image SVG demande « \(what) » : SanteDoc n’insère que des images qui ne lisent rien d’autre.",
                    hint: "enregistrez l’image au format PNG, ou retirez de l’SVG ce qu’il va chercher ailleurs.")
            }
        }
        return closed
    }

    /// The values of `href`, `xlink:href`, `src` attributes and of `url(…)` on a line.
    static func references(in line: String) -> [String] {
        var values: [String] = []
        for attribute in ["href=", "src="] {
            var rest = Substring(line)
            while let range = rest.range(of: attribute) {
                rest = rest[range.upperBound...]
                guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
                let value = rest.dropFirst().prefix { $0 != quote }
                values.append(String(value).trimmingWhitespace().description)
            }
        }
        var rest = Substring(line)
        while let range = rest.range(of: "url(") {
            rest = rest[range.upperBound...]
            let value = rest.prefix { $0 != ")" }.trimmingWhitespace().trimmingCharacters(in: ["\"", "'"])
            values.append(value)
        }
        return values
    }
}
