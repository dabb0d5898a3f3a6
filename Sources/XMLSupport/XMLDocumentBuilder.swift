internal import CLibXML2

/// An element of an `XMLDocumentBuilder`. Opaque outside this module: the pointer
/// never leaves XMLSupport, and it stays valid as long as its builder lives.
public struct XMLElementHandle {
    // Opaque so that the libxml2 type stays out of the public interface.
    fileprivate let node: UnsafeMutableRawPointer
    fileprivate var pointer: xmlNodePtr { node.assumingMemoryBound(to: xmlNode.self) }
}

/// Builds an XML document through libxml2's tree API, so text and attribute values
/// are always escaped by the serializer, never spliced into markup.
public final class XMLDocumentBuilder {
    private let doc: xmlDocPtr  // sole owner: attached nodes are freed with it
    private var namespace: xmlNsPtr?
    private var extraNamespaces: [String: xmlNsPtr?] = [:]

    public init() {
        xmlInitParser()
        doc = xmlNewDoc("1.0")
    }

    deinit { xmlFreeDoc(doc) }

    /// Creates the root element in the given default namespace.
    @discardableResult
    public func makeRoot(_ name: String, namespace uri: String, attributes: [(String, String)] = []) -> XMLElementHandle
    {
        let node = xmlNewDocNode(doc, nil, name, nil)!
        namespace = xmlNewNs(node, uri, nil)
        xmlSetNs(node, namespace)
        xmlDocSetRootElement(doc, node)
        let handle = XMLElementHandle(node: UnsafeMutableRawPointer(node))
        setAttributes(attributes, on: handle)
        return handle
    }

    /// Appends a child element in the root's namespace.
    @discardableResult
    public func append(
        _ name: String, to parent: XMLElementHandle, attributes: [(String, String)] = [],
        text: String? = nil
    ) -> XMLElementHandle {
        let node = xmlNewDocNode(doc, namespace, name, nil)!
        xmlAddChild(parent.pointer, node)
        let handle = XMLElementHandle(node: UnsafeMutableRawPointer(node))
        setAttributes(attributes, on: handle)
        if let text { appendText(text, to: handle) }
        return handle
    }

    /// Appends character data; characters XML 1.0 forbids are dropped.
    public func appendText(_ text: String, to parent: XMLElementHandle) {
        let clean = Self.xmlSafe(text)
        guard !clean.isEmpty else { return }
        let node = xmlNewDocText(doc, clean)!
        xmlAddChild(parent.pointer, node)  // merges with an adjacent text node
    }

    /// Sets `xml:lang` through libxml2, which binds the reserved XML namespace.
    public func setLanguage(_ language: String, on element: XMLElementHandle) {
        xmlNodeSetLang(element.pointer, language)
    }

    /// Declares a prefixed namespace on the root, for attributes such as `xlink:href`.
    public func declareNamespace(_ uri: String, prefix: String) {
        guard let root = xmlDocGetRootElement(doc) else { return }
        extraNamespaces[prefix] = xmlNewNs(root, uri, prefix)
    }

    public func setAttribute(
        _ name: String, _ value: String, namespacePrefix prefix: String, on element: XMLElementHandle
    ) {
        // The `xml` prefix is predeclared; libxml2 hands out its namespace on request.
        let ns = prefix == "xml" ? xmlSearchNs(doc, element.pointer, "xml") : extraNamespaces[prefix] ?? nil
        xmlSetNsProp(element.pointer, ns, name, Self.xmlSafe(value))
    }

    public func setAttribute(_ name: String, _ value: String, on element: XMLElementHandle) {
        xmlSetProp(element.pointer, name, Self.xmlSafe(value))
    }

    private func setAttributes(_ attributes: [(String, String)], on element: XMLElementHandle) {
        for (name, value) in attributes { setAttribute(name, value, on: element) }
    }

    /// The document as indented UTF-8 bytes (indentation only where no text is mixed in).
    public func serialized() throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(doc, &buffer, &size, "UTF-8", 1)
        guard let buffer, size > 0 else { throw XMLSupportError.serializationFailed }
        defer { santedoc_xmlFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    /// Validates the document as built, without serializing it first.
    public func validate(against schema: RelaxNGSchema) -> [XMLValidationIssue] {
        schema.validate(doc)
    }

    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLChar($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isXMLChar))
        return String(scalars)
    }

    private static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
