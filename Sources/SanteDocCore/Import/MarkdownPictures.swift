import Foundation
import SanteDocModel

/// The pictures a Markdown document names, read from its own folder: a relative path
/// inside it, no address, no absolute path, no way up, no hidden file.
enum MarkdownPictures {
    static func read(_ markdown: String, beside document: URL) -> [String: [UInt8]] {
        let folder = document.deletingLastPathComponent().standardizedFileURL
        var pictures: [String: [UInt8]] = [:]
        var rest = Substring(markdown)
        while let match = rest.range(of: SectionText.imagePattern, options: .regularExpression) {
            let image = rest[match]
            rest = rest[match.upperBound...]
            let path = String(image.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" && $0 != " " })
            guard !path.hasPrefix("/"), !path.contains(":"),
                !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            let url = folder.appendingPathComponent(path).standardizedFileURL
            guard url.path.hasPrefix(folder.path + "/"), pictures[path] == nil,
                let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                (attributes[.size] as? NSNumber)?.intValue ?? .max <= Limits.pictureBytes,
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            pictures[path] = Array(data)
        }
        return pictures
    }
}
