import Mustache
import SanteDocDocument

/// Writes a `Document` as one self-contained HTML5 page: the body is built as an
/// escaped node tree, then placed in the page template with the stylesheet inline.
public struct HTMLWriter: Sendable {
    let template: MustacheTemplate
    let stylesheet: String
    /// SanteDoc's own script for a page that has one (`{{{script}}}`: the synthesis's
    /// sorting); never anything from the sources.
    let script: String?

    /// Throws Mustache's own parse error, which says where the template is wrong.
    public init(pageTemplate: String, stylesheet: String, script: String? = nil) throws {
        template = try MustacheTemplate(string: pageTemplate)
        self.stylesheet = stylesheet
        self.script = script
    }

    public func write(_ document: Document) -> [UInt8] {
        let body = Body(pictures: document.pictures)
        let chapters = document.chapters.enumerated().map { index, chapter in
            body.section(chapter, level: 2, number: "\(index + 1)")
        }
        let toc = el(
            "ol", [],
            document.chapters.enumerated().map { index, chapter in
                el(
                    "li", [],
                    [el("a", [("href", "#" + chapter.id)], text: "\(index + 1). \(chapter.title)")]
                        + (chapter.sections.isEmpty
                            ? []
                            : [
                                el(
                                    "ol", [],
                                    chapter.sections.map { section in
                                        el("li", [], [el("a", [("href", "#" + section.id)], text: section.title)])
                                    })
                            ]))
            })
        var lines = document.cover
        if let version = document.version { lines.append(CoverLine("Version", version)) }
        if let date = document.date { lines.append(CoverLine("Date", date)) }
        let cover =
            lines.isEmpty
            ? HTMLNode.fragment([])
            : el(
                "dl", [],
                lines.flatMap { line in
                    [el("dt", text: line.label), el("dd", text: line.value)]
                })
        let edition = [document.version.map { "Version \($0)" }, document.date].compactMap { $0 }.joined(
            separator: " — ")
        let values: [String: Any] = [
            "titre": document.title,
            "sous_titre": document.subtitle ?? "",
            "version_de_travail": document.isWorkingDraft,
            "marque_de_travail": Document.workingDraftMark,
            // Mustache renders a section for any string, the empty one included: absent is `false`.
            "edition": edition.isEmpty ? false : edition,
            "couverture": cover.rendered,
            "sommaire": toc.rendered,
            "contenu": HTMLNode.fragment(chapters).rendered,
            "style": stylesheet,
            "script": script ?? false,
        ]
        return Array(template.render(values).utf8)
    }
}
