internal import CLibXML2

/// A table found in an XML document: its id, title and the text of each cell.
public struct XMLTableSnapshot: Equatable, Sendable {
    public var id: String
    public var title: String
    public var rows: [[String]]
}

/// Reads the tables of an XML file written earlier, to tell users what changed since.
/// Parsing never touches the network, loads no DTD and expands no entity.
public struct XMLTableReader {
    public var tableElements: Set<String>
    public var titleElement: String
    public var rowElement: String
    public var cellElement: String

    public init(tableElements: Set<String>, titleElement: String, rowElement: String, cellElement: String) {
        self.tableElements = tableElements
        self.titleElement = titleElement
        self.rowElement = rowElement
        self.cellElement = cellElement
    }

    public func tables(in bytes: [UInt8]) throws -> [XMLTableSnapshot] {
        let doc = try parseForeignDocument(bytes, name: "previous.xml")
        defer { xmlFreeDoc(doc) }
        var tables: [XMLTableSnapshot] = []
        walk(xmlDocGetRootElement(doc)) { node in
            guard tableElements.contains(name(node)) else { return true }
            var rows: [[String]] = []
            var title = ""
            walk(node.pointee.children) { child in
                let childName = name(child)
                if childName == titleElement, title.isEmpty {
                    title = text(child)
                    return false
                }
                if childName == rowElement {
                    rows.append(elements(of: child).filter { name($0) == cellElement }.map(text))
                    return false
                }
                return true
            }
            let id =
                xmlGetNsProp(node, "id", "http://www.w3.org/XML/1998/namespace").map { value in
                    defer { santedoc_xmlFree(value) }
                    return String(cString: value)
                } ?? ""
            tables.append(XMLTableSnapshot(id: id, title: title, rows: rows))
            return false
        }
        return tables
    }

    /// Depth-first over elements; `visit` returns false to skip a node's children.
    private func walk(_ first: xmlNodePtr?, _ visit: (xmlNodePtr) -> Bool) {
        var node = first
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, visit(current) { walk(current.pointee.children, visit) }
            node = current.pointee.next
        }
    }

    private func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private func name(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    private func text(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { santedoc_xmlFree(content) }
        return String(cString: content)
    }
}
