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
        let tree = try XMLTree(parsing: bytes, name: "content.xml")
        let changed = try apply(to: tree)
        return (try tree.serialized(), changed)
    }

    /// The same on a tree already parsed, which other changes share: how many elements changed.
    public func apply(to tree: XMLTree) throws -> Int {
        var changed = 0
        for node in tree.elements(parent) {
            guard let value = tree.attribute(key, of: node), let values = attributes[value] else { continue }
            for element in tree.children(of: node) where tree.isNamed(element, target) {
                for (name, text) in values.sorted(by: { $0.key.local < $1.key.local }) {
                    try tree.setAttribute(name, text, on: element)
                }
                changed += 1
            }
        }
        return changed
    }
}
