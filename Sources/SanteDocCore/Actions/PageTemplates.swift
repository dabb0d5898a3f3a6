import Foundation
import Mustache
import SanteDocModel
import SanteDocReaders
import SanteDocWriters

/// The page template and stylesheet: the project's own copy in `modeles/` wins over
/// the one in `Templates/html/`, so a CPTS can brand its documents without code.
struct PageTemplates {
    static let projectFolder = "modeles"
    let toolkit: Toolkit
    let project: any ProjectSources
    let diagnostics: DiagnosticEngine
    /// The shipped templates already in memory (the preview reads them once); any other
    /// is read from `Templates/html/` when needed.
    var shipped: [String: String] = [:]

    /// The shipped page template and stylesheet, read once for a resident process.
    static func readShipped(_ toolkit: Toolkit) -> [String: String] {
        var texts: [String: String] = [:]
        for name in ["page.mustache", "style.css"] {
            texts[name] = try? String(contentsOf: shippedURL(toolkit, name), encoding: .utf8)
        }
        return texts
    }

    static func shippedURL(_ toolkit: Toolkit, _ name: String) -> URL {
        toolkit.templates.appendingPathComponent("html").appendingPathComponent(name)
    }

    /// The HTML writer for this project, or nil after reporting what is wrong.
    func writer() -> HTMLWriter? {
        guard project.checkFolder(Self.projectFolder, diagnostics: diagnostics), let page = load("page.mustache"),
            let style = load("style.css"),
            PageTemplateCheck.check(page.text, file: page.file, diagnostics: diagnostics)
        else { return nil }
        let pageIsClosed = PageResourceCheck.check(template: page.text, file: page.file, diagnostics: diagnostics)
        guard PageResourceCheck.check(stylesheet: style.text, file: style.file, diagnostics: diagnostics),
            pageIsClosed
        else { return nil }
        do {
            return try HTMLWriter(pageTemplate: page.text, stylesheet: style.text)
        } catch let error as MustacheTemplate.ParserError {
            diagnostics.error(
                "modele.syntaxe",
                at: SourceLocation(
                    file: page.file, line: error.context.lineNumber,
                    column: error.context.columnNumber),
                "Modèle de page illisible : \(Self.explain(error.error)).",
                hint: "vérifiez que chaque « {{#nom}} » est fermé par « {{/nom}} » et que les accolades sont appariées."
            )
        } catch {
            diagnostics.error(
                "modele.syntaxe", at: SourceLocation(file: page.file), "Modèle de page illisible (\(error)).")
        }
        return nil
    }

    static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .expectedSectionEnd?: return "une section « {{#…}} » n’est pas fermée par « {{/…}} »"
        case .sectionCloseNameIncorrect?: return "une section est fermée sous un autre nom que celui qui l’a ouverte"
        case .unfinishedName?: return "une balise « {{ » n’est pas fermée par « }} »"
        default: return "\(error)"
        }
    }

    /// The PDF's Typst template (`document.typ`), which reads nothing but the document's data.
    func pdfTemplate() -> String? {
        guard let template = load("document.typ", shippedIn: "typst"),
            PageResourceCheck.check(typst: template.text, file: template.file, diagnostics: diagnostics)
        else { return nil }
        return template.text
    }

    /// The reference document pandoc takes its styles from: `modeles/reference.EXT` of the
    /// project, else the one shipped in `Templates/documents/`; for a working draft,
    /// `reference-travail.EXT` (the draft's mark at the head of each page), else the former.
    func referenceDocument(_ ext: String, draft: Bool = false) -> URL? {
        if draft {
            let own = "\(Self.projectFolder)/reference-travail.\(ext)"
            let shipped = toolkit.templates.appendingPathComponent("documents/reference-travail.\(ext)")
            if !project.exists(own),
                project.exists("\(Self.projectFolder)/reference.\(ext)")
                    || !FileManager.default.fileExists(atPath: shipped.path)
            {
                return referenceDocument(ext)
            }
            return project.exists(own) ? confined(own) : shipped
        }
        let own = "\(Self.projectFolder)/reference.\(ext)"
        if project.exists(own) { return confined(own) }
        let shipped = toolkit.templates.appendingPathComponent("documents/reference.\(ext)")
        guard FileManager.default.fileExists(atPath: shipped.path) else {
            diagnostics.error(
                "modele.absent", at: nil,
                "Document de référence « reference.\(ext) » introuvable dans "
                    + "\(shipped.deletingLastPathComponent().path).")
            return nil
        }
        return shipped
    }

    private func confined(_ own: String) -> URL? {
        guard let url = (project as? ProjectFolder)?.confinedURL(own) else {
            diagnostics.error(
                "fichier.hors-projet", at: SourceLocation(file: own),
                "« \(own) » mène hors du dossier du projet.",
                hint: "copiez le fichier dans le dossier du projet au lieu d’un lien.")
            return nil
        }
        return url
    }

    private func load(_ name: String, shippedIn folder: String = "html") -> (file: String, text: String)? {
        let own = "\(Self.projectFolder)/\(name)"
        if project.exists(own) {
            return project.readText(own, diagnostics: diagnostics).map { (own, $0) }
        }
        let shipped = toolkit.templates.appendingPathComponent(folder).appendingPathComponent(name)
        guard let text = self.shipped[name] ?? (try? String(contentsOf: shipped, encoding: .utf8)) else {
            diagnostics.error(
                "modele.absent", at: nil,
                "Modèle « \(name) » introuvable dans \(shipped.deletingLastPathComponent().path).")
            return nil
        }
        return ("Templates/\(folder)/\(name)", text)
    }
}
