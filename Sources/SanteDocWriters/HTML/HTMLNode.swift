/// A minimal HTML tree whose rendering escapes every text and attribute value, so text
/// from the sources can never become markup. (Plot was considered; it leaves attribute
/// values unescaped.)
indirect enum HTMLNode {
    case element(String, attributes: [(String, String)] = [], children: [HTMLNode] = [])
    case text(String)
    case fragment([HTMLNode])

    static let voidElements: Set<String> = ["br", "meta", "hr", "img", "col"]
    /// Elements after which a newline keeps the output readable in diffs.
    static let blockElements: Set<String> = [
        "section", "nav", "header", "footer", "main", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "figure", "figcaption", "aside",
        "dl", "dt", "dd", "div", "svg", "g", "title", "desc", "rect", "text", "line",
    ]

    var rendered: String {
        var output = ""
        render(into: &output)
        return output
    }

    func render(into output: inout String) {
        switch self {
        case let .text(text):
            output += HTMLNode.escape(text, quotes: false)
        case let .fragment(children):
            for child in children { child.render(into: &output) }
        case let .element(name, attributes, children):
            output += "<" + name
            for (key, value) in attributes { output += " \(key)=\"\(HTMLNode.escape(value, quotes: true))\"" }
            output += ">"
            if HTMLNode.voidElements.contains(name) { return }
            let block = HTMLNode.blockElements.contains(name)
            if block, children.first.map({ if case .element = $0 { return true } else { return false } }) == true {
                output += "\n"
            }
            for child in children { child.render(into: &output) }
            output += "</\(name)>"
            if block { output += "\n" }
        }
    }

    static func escape(_ text: String, quotes: Bool) -> String {
        // Most text has nothing to escape: check bytes first, copy once.
        if !text.utf8.contains(where: {
            $0 == 38 || $0 == 60 || $0 == 62 || $0 < 32 || $0 == 127 || (quotes && ($0 == 34 || $0 == 39))
        }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            // Not allowed in HTML text.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    .element(name, attributes: attributes, children: children)
}

func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTMLNode {
    .element(name, attributes: attributes, children: [.text(text)])
}
