internal import CLibXML2

/// A qualified XML name: a namespace URI and a local name.
public struct XMLName: Hashable, Sendable {
    public var namespace: String
    public var local: String

    public init(_ namespace: String, _ local: String) {
        self.namespace = namespace
        self.local = local
    }
}

/// Sets attributes in a document another program wrote (pandoc's ODT content), through
/// libxml2's tree: parsed without network, DTD or entities, changed, serialized again.
public struct XMLAttributeEditor: Sendable {
    /// Which elements change: a `target` child of a `parent` whose `key` attribute is one
    /// of the keys of `attributes`, which gives the attributes to set on it.
    public var parent: XMLName
    public var key: XMLName
    public var target: XMLName
    public var attributes: [String: [XMLName: String]]

    public init(parent: XMLName, key: XMLName, target: XMLName, attributes: [String: [XMLName: String]]) {
        self.parent = parent
        self.key = key
        self.target = target
        self.attributes = attributes
    }

    /// The edited document and how many elements were changed.
    public func apply(to bytes: [UInt8]) throws -> (document: [UInt8], changed: Int) {
        let doc = try parseForeignDocument(bytes, name: "content.xml")
        defer { xmlFreeDoc(doc) }
        var changed = 0
        // Depth-first without recursion: the document comes from elsewhere.
        var stack: [xmlNodePtr] = xmlDocGetRootElement(doc).map { [$0] } ?? []
        while let node = stack.popLast() {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.next
            }
            guard Self.matches(node, parent), let value = Self.attribute(key, of: node),
                let values = attributes[value]
            else { continue }
            var element = node.pointee.children
            while let current = element {
                if Self.matches(current, target) {
                    for (name, text) in values.sorted(by: { $0.key.local < $1.key.local }) {
                        guard let ns = xmlSearchNsByHref(doc, current, name.namespace) else {
                            throw XMLSupportError.parseFailed(messages: ["espace de noms absent : \(name.namespace)"])
                        }
                        xmlSetNsProp(current, ns, name.local, text)
                    }
                    changed += 1
                }
                element = current.pointee.next
            }
        }
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &buffer, &size, "UTF-8")
        guard let buffer, size > 0 else { throw XMLSupportError.serializationFailed }
        defer { santedoc_xmlFree(buffer) }
        return (Array(UnsafeBufferPointer(start: buffer, count: Int(size))), changed)
    }

    static func matches(_ node: xmlNodePtr, _ name: XMLName) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let ns = node.pointee.ns, let href = ns.pointee.href else {
            return false
        }
        return String(cString: node.pointee.name) == name.local && String(cString: href) == name.namespace
    }

    static func attribute(_ name: XMLName, of node: xmlNodePtr) -> String? {
        // An attribute without a namespace (`descr`, `name`) has an empty one here.
        let found =
            name.namespace.isEmpty ? xmlGetNoNsProp(node, name.local) : xmlGetNsProp(node, name.local, name.namespace)
        guard let value = found else { return nil }
        defer { santedoc_xmlFree(value) }
        return String(cString: value)
    }
}
