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
