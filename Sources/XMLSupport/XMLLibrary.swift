internal import CLibXML2

/// libxml2 prints some problems (such as an unreadable schema file) straight to stderr;
/// they reach users as Swift errors instead.
func silenceLibXML2() {
    xmlInitParser()
    xmlSetStructuredErrorFunc(nil, silentHandler)
}

private let silentHandler: xmlStructuredErrorFunc = { _, _ in }

/// Initialises libxml2 once, on the calling thread, before other threads use it.
public enum XMLLibrary {
    public static func initialize() { silenceLibXML2() }
}

/// Parses a document written by another program or an earlier run: never the network, no
/// DTD, no entity expansion, errors silenced (the caller reports in French). The caller
/// frees the document.
func parseForeignDocument(_ bytes: [UInt8], name: String) throws -> xmlDocPtr {
    silenceLibXML2()
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let parsed = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.flatMap { base in
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), name, "UTF-8", options)
            }
        }
    }
    guard let parsed else { throw XMLSupportError.parseFailed(messages: ["document illisible"]) }
    return parsed
}
