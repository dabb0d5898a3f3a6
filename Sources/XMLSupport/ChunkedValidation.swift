internal import CLibXML2

/// RELAX NG validation that stays linear in the number of siblings.
///
/// libxml2's validator is quadratic in the children of one element (10 000 / 20 000 /
/// 40 000 `<para>` in a section: 0.19 / 0.59 / 2.1 s). Every long run of children in
/// DocBook is a repetition of one pattern (blocks in a section, items in a list, rows in a
/// table body, inlines in a paragraph), and each repeated child is valid or not whatever its
/// neighbours. So an element with more than `chunkSize` children is validated in pieces:
/// the document itself keeps the first `chunkSize`, and each following run of `chunkSize`
/// children is validated in a small document of its own, inside copies of its ancestors
/// (with their titles, column specs and table head, so that they stay valid). Every node is
/// validated exactly once; a piece is validated the same way if it is itself too wide.
/// Pieces are validated apart, so an IDREF (`linkend`) from one piece to another would not
/// resolve: SanteDoc's DocBook links within itself by fragment (`xlink:href="#id"`).
/// `docs/performance.md` explains the measure; `ChunkedValidationTests` proves that an
/// invalid node is caught in any piece.
struct ChunkedValidation {
    static let chunkSize = 400
    /// Children that give an element its context and are repeated in every piece.
    static let contextNames: Set<String> = ["info", "title", "subtitle", "titleabbrev", "colspec", "spanspec", "thead"]
    /// Elements DocBook's schema accepts as the root of a document.
    static let rootNames: Set<String> = ["book", "chapter", "preface", "appendix", "article", "part", "section"]

    let validateWhole: (xmlDocPtr) -> [XMLValidationIssue]

    func validate(_ doc: xmlDocPtr) -> [XMLValidationIssue] {
        guard let root = xmlDocGetRootElement(doc) else { return validateWhole(doc) }
        var pieces: [(parent: xmlNodePtr, nodes: [xmlNodePtr])] = []
        // Depth-first with an explicit stack: documents are as deep as their sources allow.
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            let children = Self.children(of: node)
            var kept = children
            let context = children.prefix { Self.isContext($0) }.count
            if children.count - context > Self.chunkSize {
                kept = Array(children.prefix(context + Self.chunkSize))
                var rest = children[(context + Self.chunkSize)...]
                while !rest.isEmpty {
                    let piece = Array(rest.prefix(Self.chunkSize))
                    rest = rest.dropFirst(piece.count)
                    pieces.append((node, piece))
                }
                // Each piece also gets the sibling just before it, so that what may follow what
                // (blocks before list items, sections after blocks) is checked at every seam.
            }
            stack.append(contentsOf: kept.reversed().filter { $0.pointee.type == XML_ELEMENT_NODE })
        }
        // Pieces are copied while still in place, so that their namespaces (xlink on a link
        // deep inside) are found where they are declared.
        var issues: [XMLValidationIssue] = []
        for piece in pieces { issues += validate(piece: piece.nodes, under: piece.parent) }
        for piece in pieces { for node in piece.nodes { xmlUnlinkNode(node) } }
        issues = validateWhole(doc) + issues
        // Put everything back, in order: the document serializes as built.
        for piece in pieces { for node in piece.nodes { xmlAddChild(piece.parent, node) } }
        return issues
    }

    /// A small document holding copies of `parent`'s ancestors (from the nearest one that can
    /// be a root), `parent` itself with its context children, and the piece.
    private func validate(piece: [xmlNodePtr], under parent: xmlNodePtr) -> [XMLValidationIssue] {
        var chain: [xmlNodePtr] = [parent]
        while let last = chain.last, !Self.rootNames.contains(Self.name(last)), let up = last.pointee.parent,
            up.pointee.type == XML_ELEMENT_NODE
        {
            chain.append(up)
        }
        guard let copy = xmlNewDoc("1.0") else { return [] }
        defer { xmlFreeDoc(copy) }
        var container: xmlNodePtr?
        let ordered = Array(chain.reversed())
        var shells: [xmlNodePtr] = []
        for (index, ancestor) in ordered.enumerated() {
            guard let shell = xmlDocCopyNode(ancestor, copy, 2) else { return [] }  // attributes, no children
            if let container { xmlAddChild(container, shell) } else { xmlDocSetRootElement(copy, shell) }
            // The next ancestor may itself be a context child (a wide row of a table head):
            // it comes as the shell of the chain, not a second time as context.
            let next = index + 1 < ordered.count ? ordered[index + 1] : nil
            for child in Self.contextChildren(of: ancestor) where child != next {
                if let context = xmlDocCopyNode(child, copy, 1) { xmlAddChild(shell, context) }
            }
            shells.append(shell)
            container = shell
        }
        guard let container else { return [] }
        if let previous = piece.first?.pointee.prev, let witness = Self.minimalCopy(previous, into: copy) {
            xmlAddChild(container, witness)
        }
        for node in piece {
            if let duplicate = xmlDocCopyNode(node, copy, 1) { xmlAddChild(container, duplicate) }
        }
        // An ancestor that is context (the head of a table) needs what follows it to be valid
        // (the table's body): a minimal copy of its next element stands in.
        for (index, ancestor) in ordered.enumerated().dropFirst() where Self.isContext(ancestor) {
            var sibling = ancestor.pointee.next
            while let current = sibling, current.pointee.type != XML_ELEMENT_NODE { sibling = current.pointee.next }
            if let sibling, let witness = Self.minimalCopy(sibling, into: copy) {
                xmlAddChild(shells[index - 1], witness)
            }
        }
        return validate(copy)
    }

    /// The node with its context children and, recursively, its first other child only: a
    /// stand-in that is valid if the node is, for a fraction of its size.
    static func minimalCopy(_ node: xmlNodePtr, into doc: xmlDocPtr) -> xmlNodePtr? {
        guard node.pointee.type == XML_ELEMENT_NODE else { return xmlDocCopyNode(node, doc, 1) }
        guard let shell = xmlDocCopyNode(node, doc, 2) else { return nil }
        let context = contextChildren(of: node)
        for child in context { if let copy = xmlDocCopyNode(child, doc, 1) { xmlAddChild(shell, copy) } }
        let first = context.last.map { $0.pointee.next } ?? node.pointee.children
        if let first, let copy = minimalCopy(first, into: doc) { xmlAddChild(shell, copy) }
        return shell
    }

    static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            result.append(current)
            child = current.pointee.next
        }
        return result
    }

    /// The leading context children only: walking all of a wide parent's children for
    /// each of its pieces would make the validation quadratic again.
    static func contextChildren(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child, isContext(current) {
            result.append(current)
            child = current.pointee.next
        }
        return result
    }

    static func isContext(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_ELEMENT_NODE && contextNames.contains(name(node))
    }

    static func name(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }
}
