internal import CLibXML2

/// An element of an `XMLTree`: opaque outside this module, valid while its tree lives.
public struct XMLNode: Equatable {
    fileprivate let raw: UnsafeMutableRawPointer
    fileprivate var pointer: xmlNodePtr { raw.assumingMemoryBound(to: xmlNode.self) }
}

/// A document another program wrote (a part of pandoc's DOCX or ODT), parsed without
/// network, DTD or entities, to be changed through libxml2's tree — elements found by
/// name, attributes set, elements created and moved — and serialized again. Text and
/// attribute values are escaped by the serializer, never spliced into markup.
public final class XMLTree {
    private let doc: xmlDocPtr  // sole owner: nodes attached to it are freed with it

    public init(parsing bytes: [UInt8], name: String) throws {
        doc = try parseForeignDocument(bytes, name: name)
    }

    deinit { xmlFreeDoc(doc) }

    public var root: XMLNode? { xmlDocGetRootElement(doc).map(Self.node) }

    /// Every element named `name`, in document order (iteratively: the document comes from
    /// elsewhere, its depth is not ours).
    public func elements(_ name: XMLName) -> [XMLNode] {
        var found: [XMLNode] = []
        var current = xmlDocGetRootElement(doc)
        while let node = current {
            if Self.matches(node, name) { found.append(Self.node(node)) }
            if let child = firstElement(node.pointee.children) {
                current = child
                continue
            }
            var climb: xmlNodePtr? = node
            current = nil
            while let up = climb {
                if let next = firstElement(up.pointee.next) {
                    current = next
                    break
                }
                climb = up.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0 : nil }
            }
        }
        return found
    }

    public func children(of node: XMLNode) -> [XMLNode] {
        var found: [XMLNode] = []
        var child = firstElement(node.pointer.pointee.children)
        while let current = child {
            found.append(Self.node(current))
            child = firstElement(current.pointee.next)
        }
        return found
    }

    public func parent(of node: XMLNode) -> XMLNode? {
        node.pointer.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? Self.node($0) : nil }
    }

    /// The next element among the node's siblings.
    public func nextElement(after node: XMLNode) -> XMLNode? {
        firstElement(node.pointer.pointee.next).map(Self.node)
    }

    public func isNamed(_ node: XMLNode, _ name: XMLName) -> Bool { Self.matches(node.pointer, name) }

    public func attribute(_ name: XMLName, of node: XMLNode) -> String? {
        Self.attribute(name, of: node.pointer)
    }

    /// Sets an attribute in a namespace the document declares.
    public func setAttribute(_ name: XMLName, _ value: String, on node: XMLNode) throws {
        xmlSetNsProp(node.pointer, try namespace(name.namespace, at: node.pointer), name.local, value)
    }

    /// The text of the element and its descendants.
    public func text(of node: XMLNode) -> String {
        guard let content = xmlNodeGetContent(node.pointer) else { return "" }
        defer { santedoc_xmlFree(content) }
        return String(cString: content)
    }

    public enum Position { case firstChild, lastChild, before, after }

    /// A new element, placed relative to `reference`, in a namespace the document declares.
    @discardableResult
    public func insert(
        _ name: XMLName, _ position: Position, _ reference: XMLNode, attributes: [(XMLName, String)] = [],
        text: String? = nil
    ) throws -> XMLNode {
        let scope = position == .before || position == .after ? reference.pointer.pointee.parent! : reference.pointer
        guard let created = xmlNewDocNode(doc, try namespace(name.namespace, at: scope), name.local, nil) else {
            throw XMLSupportError.serializationFailed
        }
        switch position {
        case .lastChild: xmlAddChild(reference.pointer, created)
        case .firstChild:
            if let first = reference.pointer.pointee.children {
                xmlAddPrevSibling(first, created)
            } else {
                xmlAddChild(reference.pointer, created)
            }
        case .before: xmlAddPrevSibling(reference.pointer, created)
        case .after: xmlAddNextSibling(reference.pointer, created)
        }
        let node = Self.node(created)
        for (attribute, value) in attributes { try setAttribute(attribute, value, on: node) }
        if let text { xmlNodeAddContent(created, text) }
        return node
    }

    /// Moves an element (and what it holds) relative to `reference`.
    public func move(_ node: XMLNode, _ position: Position, _ reference: XMLNode) {
        xmlUnlinkNode(node.pointer)
        switch position {
        case .lastChild: xmlAddChild(reference.pointer, node.pointer)
        case .firstChild:
            if let first = reference.pointer.pointee.children {
                xmlAddPrevSibling(first, node.pointer)
            } else {
                xmlAddChild(reference.pointer, node.pointer)
            }
        case .before: xmlAddPrevSibling(reference.pointer, node.pointer)
        case .after: xmlAddNextSibling(reference.pointer, node.pointer)
        }
    }

    /// Removes every child of the element (text included).
    public func removeChildren(of node: XMLNode) {
        while let child = node.pointer.pointee.children {
            xmlUnlinkNode(child)
            xmlFreeNode(child)
        }
    }

    /// Removes the element and what it holds.
    public func remove(_ node: XMLNode) {
        xmlUnlinkNode(node.pointer)
        xmlFreeNode(node.pointer)
    }

    public func serialized() throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &buffer, &size, "UTF-8")
        guard let buffer, size > 0 else { throw XMLSupportError.serializationFailed }
        defer { santedoc_xmlFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    private func namespace(_ uri: String, at node: xmlNodePtr) throws -> xmlNsPtr {
        guard let ns = xmlSearchNsByHref(doc, node, uri) else {
            throw XMLSupportError.parseFailed(messages: ["espace de noms absent : \(uri)"])
        }
        return ns
    }

    private func firstElement(_ start: xmlNodePtr?) -> xmlNodePtr? {
        var current = start
        while let node = current, node.pointee.type != XML_ELEMENT_NODE { current = node.pointee.next }
        return current
    }

    private static func node(_ pointer: xmlNodePtr) -> XMLNode { XMLNode(raw: UnsafeMutableRawPointer(pointer)) }

    private static func matches(_ node: xmlNodePtr, _ name: XMLName) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let ns = node.pointee.ns, let href = ns.pointee.href else {
            return false
        }
        return String(cString: node.pointee.name) == name.local && String(cString: href) == name.namespace
    }

    private static func attribute(_ name: XMLName, of node: xmlNodePtr) -> String? {
        // An attribute without a namespace (`descr`, `name`) has an empty one here.
        let found =
            name.namespace.isEmpty ? xmlGetNoNsProp(node, name.local) : xmlGetNsProp(node, name.local, name.namespace)
        guard let value = found else { return nil }
        defer { santedoc_xmlFree(value) }
        return String(cString: value)
    }
}
