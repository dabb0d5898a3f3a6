import Foundation

/// The preview's own page, stylesheet and script, read once from `Templates/apercu/`.
public struct PreviewAssets: Sendable {
    let shell: [UInt8]
    let stylesheet: [UInt8]
    let script: [UInt8]

    /// Nil when a file is missing (the command then says which).
    public static func load(from templates: URL) -> Result<PreviewAssets, MissingAsset> {
        var loaded: [[UInt8]] = []
        for name in ["apercu.html", "apercu.css", "apercu.js"] {
            let path = templates.appendingPathComponent("apercu/\(name)").path
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(MissingAsset(name: name))
            }
            loaded.append(Array(data))
        }
        return .success(PreviewAssets(shell: loaded[0], stylesheet: loaded[1], script: loaded[2]))
    }

    public struct MissingAsset: Error {
        public let name: String
    }

    /// Served as the document until the sources are valid once.
    static let noPageYet = """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><title>Aperçu</title></head>
        <body><p>Aucune version correcte du projet pour l’instant : corrigez les erreurs indiquées \
        dans le bandeau, l’aperçu se mettra à jour.</p></body></html>
        """
}
