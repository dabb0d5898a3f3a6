import Foundation
import SanteDocAnalysis
import SanteDocModel
import SanteDocWriters

/// The files a document can be written as. DocBook and HTML are written by SanteDoc
/// itself; PDF comes from the document tree (Typst), ODT and DOCX from the DocBook (pandoc).
public enum DocumentFormat: String, CaseIterable, Sendable {
    case xml, html, pdf, odt, docx

    public static let defaults: [DocumentFormat] = [.xml, .html]
    /// Words accepted for every format at once.
    public static let everything = ["tout", "all"]

    public var fileExtension: String { rawValue }

    /// The program this format needs besides SanteDoc.
    public var program: ExternalProgram? {
        switch self {
        case .xml, .html: return nil
        case .pdf: return .typst
        case .odt, .docx: return .pandoc
        }
    }

    /// `xml,html,pdf` (spaces allowed, order kept, duplicates dropped), or the French
    /// message that explains a word that is not a format.
    public static func list(_ text: String) -> Result<[DocumentFormat], FormatListError> {
        var formats: [DocumentFormat] = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if everything.contains(word) { return .success(allCases) }
            guard let format = DocumentFormat(rawValue: word) else {
                return .failure(FormatListError(word: word))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats.isEmpty ? .failure(FormatListError(word: text)) : .success(formats)
    }
}

public struct FormatListError: UserFacingError {
    public var word: String

    public var description: String {
        let names = DocumentFormat.allCases.map(\.rawValue) + DocumentFormat.everything
        return "format « \(word) » inconnu ; formats possibles : " + names.joined(separator: ", ") + "."
            + (Suggestions.hint(for: word, in: names).map { " " + $0.capitalizedFirst } ?? "")
    }
}
