/// A legal text quoted in the projet de santé, with its source.
public struct LegalText: Sendable {
    public var id: String
    public var title: String
    public var paragraphs: [String]
    public var source: String
    public var url: String?

    package init(id: String, title: String, paragraphs: [String], source: String, url: String? = nil) {
        self.id = id
        self.title = title
        self.paragraphs = paragraphs
        self.source = source
        self.url = url
    }
}
