import Foundation
import SanteDocModel

/// Turns file bytes into text, explaining the usual mistakes (Word/Excel exports in
/// Windows-1252, binary files) at the line and column where they show.
public enum TextDecoding {
    public static func decode(_ bytes: some Collection<UInt8>, file: String, diagnostics: DiagnosticEngine) -> String? {
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // Excel's UTF-8 mark
        if let nul = bytes.firstIndex(of: 0) {
            diagnostics.error(
                "fichier.binaire", at: position(of: nul, in: bytes, file: file),
                "« \(file) » n’est pas un fichier texte (octet nul).",
                hint: "enregistrez-le en texte brut UTF-8 (.md, .yaml ou .csv), pas en .docx ou .xlsx.")
            return nil
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text.replacingCRLF()
        }
        let bad = firstInvalidUTF8(bytes) ?? 0
        let likely1252 = bytes.contains { (0x80...0xFF).contains($0) }
        diagnostics.error(
            "fichier.encodage", at: position(of: bad, in: bytes, file: file),
            "« \(file) » n’est pas encodé en UTF-8"
                + (likely1252 ? " (probablement Windows-1252, l’encodage des exports Word et Excel)." : "."),
            hint:
                "ré-enregistrez le fichier en « UTF-8 » (Excel : « CSV UTF-8 » ; éditeur : Enregistrer sous… › Encodage UTF-8)."
        )
        return nil
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
            else { return index }
            index += length
        }
        return nil
    }

    private static func position(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
    }
}

extension String {
    func replacingCRLF() -> String {
        // A byte test: most files have no carriage return, and Foundation's search is slow.
        guard utf8.contains(UInt8(ascii: "\r")) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
