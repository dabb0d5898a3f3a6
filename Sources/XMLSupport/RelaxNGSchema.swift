internal import CLibXML2
import Foundation

/// A compiled RELAX NG schema. Parsing the DocBook schema is costly, so callers keep
/// one instance per process; validation contexts are created per document.
///
/// `@unchecked Sendable`: the compiled schema is a C pointer Swift cannot reason about. It
/// is never written after `init`, and validations are serialised by `lock`, since
/// libxml2 does not promise that one schema validates on several threads at once.
public final class RelaxNGSchema: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    private let lock = NSLock()

    public init(path: String) throws {
        silenceLibXML2()
        let collector = IssueCollector()
        guard let context = xmlRelaxNGNewParserCtxt(path) else {
            throw XMLSupportError.schemaUnreadable(path: path, messages: [])
        }
        defer { xmlRelaxNGFreeParserCtxt(context) }
        let box = Unmanaged.passUnretained(collector).toOpaque()
        xmlRelaxNGSetParserStructuredErrors(context, collectIssue, box)
        guard let parsed = xmlRelaxNGParse(context) else {
            throw XMLSupportError.schemaUnreadable(path: path, messages: collector.issues.map(\.message))
        }
        schema = parsed
    }

    deinit { xmlRelaxNGFree(schema) }

    func validate(_ doc: xmlDocPtr) -> [XMLValidationIssue] {
        // libxml2 validation contexts share the schema read-only, but its docs advise
        // against concurrent use of one schema; serialise to stay on the safe side.
        lock.withLock { ChunkedValidation(validateWhole: validateWhole).validate(doc) }
    }

    /// One document in one pass (quadratic in the children of an element: see
    /// `ChunkedValidation`, which calls this on bounded pieces).
    private func validateWhole(_ doc: xmlDocPtr) -> [XMLValidationIssue] {
        let collector = IssueCollector()
        guard let context = xmlRelaxNGNewValidCtxt(schema) else {
            return [XMLValidationIssue(line: 0, message: "contexte de validation indisponible")]
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGSetValidStructuredErrors(context, collectIssue, Unmanaged.passUnretained(collector).toOpaque())
        let status = xmlRelaxNGValidateDoc(context, doc)
        if status != 0 && collector.issues.isEmpty {
            return [XMLValidationIssue(line: 0, message: "document non valide (code \(status))")]
        }
        return collector.issues
    }
}

final class IssueCollector {
    var issues: [XMLValidationIssue] = []
}

/// libxml2's structured error callback: a C function, so context travels as `userData`.
let collectIssue: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<IssueCollector>.fromOpaque(userData).takeUnretainedValue()
    let message =
        error.pointee.message.map { String(cString: $0) }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "erreur inconnue"
    collector.issues.append(XMLValidationIssue(line: Int(error.pointee.line), message: message))
}
