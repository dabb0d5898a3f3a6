import SanteDocAnalysis
import SanteDocModel

/// The import report as a document (`import.html` in the new project): what each part of
/// the document became, what was read and where, what was guessed, what a person must
/// check, what could not be read, and the completeness of the new project.
public struct ImportReportAssembler {
    let report: ImportReport

    public init(report: ImportReport) { self.report = report }

    public func document() -> Document {
        var cover = [
            CoverLine("Document importé", report.source), CoverLine("Dossier du projet", report.project),
            CoverLine("Sections créées", "\(report.sections.count)"),
        ]
        if let completeness = report.completeness { cover.append(CoverLine("Complétude", completeness.summary)) }
        var chapters = [
            summary(), files(), sections(), values(),
            list("devine", "Ce qui a été deviné", report.guesses, empty: "Rien n’a été deviné."),
            list("a-verifier", "À vérifier par une personne", report.toCheck + problems(), empty: "Rien à signaler."),
            list(
                "non-lu", "Ce qui n’a pas pu être lu", report.unread + computed(),
                empty: "Tout le document a été lu."),
        ]
        if let completeness = report.completeness {
            chapters.append(CompletenessAssembler(report: completeness).chapter())
        }
        return Document(
            title: "Import de « \(report.source) »", subtitle: "Rapport d’import", cover: cover, chapters: chapters)
    }

    func summary() -> Section {
        var blocks: [Block] = [
            .text(
                "« \(report.source) » est devenu le projet « \(report.project) » : "
                    + FrenchFormat.count(report.sections.count, "section", "sections") + ", "
                    + FrenchFormat.count(report.data.fields.count, "valeur lue", "valeurs lues") + " dans projet.yaml"
                    + (report.data.members.isEmpty ? "" : ", \(report.data.members.count) professions") + ". "
                    + "Le document d’origine n’a pas été modifié.")
        ]
        if let completeness = report.completeness {
            blocks.append(.text("Vérification du nouveau projet : \(completeness.summary)"))
        } else {
            blocks.append(
                .text("Le nouveau projet ne se lit pas encore sans erreur : voyez « À vérifier par une personne »."))
        }
        blocks.append(
            .text(
                "Relisez d’abord les propositions de « Sections et exigences proposées » (chaque section les rappelle "
                    + "en commentaire dans son en-tête), puis les valeurs de projet.yaml, chacune suivie de l’endroit "
                    + "du document d’où elle vient."))
        return Section(id: "synthese", title: "Synthèse", blocks: blocks)
    }

    func files() -> Section {
        let rows = report.files.map { [cell($0.name), cell($0.origin)] }
        return Section(
            id: "fichiers", title: "Fichiers créés",
            blocks: [
                .table(
                    Table(
                        id: "tableau-fichiers", caption: "Ce que chaque partie du document est devenue",
                        columns: [.init("Fichier"), .init("Origine dans le document")], rows: rows, rowHeaders: true))
            ])
    }

    func sections() -> Section {
        let rows = report.sections.map { section -> [[Inline]] in
            let claims =
                section.claims.isEmpty
                ? "aucune"
                : section.claims.map { "\($0.requirement) (confiance \($0.confidence.rawValue) : \($0.reason))" }
                    .joined(separator: " ; ")
            return [
                cell(section.title), cell("\(section.part.title) (confiance \(section.partConfidence.rawValue))"),
                cell(claims),
            ]
        }
        return Section(
            id: "sections", title: "Sections et exigences proposées",
            blocks: [
                .table(
                    Table(
                        id: "tableau-sections", caption: "Partie et exigences proposées pour chaque section",
                        columns: [.init("Section"), .init("Partie"), .init("Exigences couvertes")], rows: rows,
                        rowHeaders: true))
            ])
    }

    func values() -> Section {
        var rows = report.data.fields.map { [cell($0.path), cell($0.written), cell($0.origin)] }
        for member in report.data.members {
            rows.append([
                cell("professionnels"), cell("\(member.profession) : \(member.count)"),
                cell(report.data.membersOrigin ?? ""),
            ])
        }
        let blocks: [Block] =
            rows.isEmpty
            ? [.text("Aucune valeur n’a pu être lue de façon sûre : projet.yaml est le modèle vide, à compléter.")]
            : [
                .table(
                    Table(
                        id: "tableau-valeurs", caption: "Valeurs lues et leur origine",
                        columns: [.init("Champ de projet.yaml"), .init("Valeur lue"), .init("Origine")], rows: rows,
                        rowHeaders: true))
            ]
        return Section(id: "valeurs", title: "Valeurs lues dans le document", blocks: blocks)
    }

    func list(_ id: String, _ title: String, _ items: [String], empty: String) -> Section {
        Section(id: id, title: title, blocks: [items.isEmpty ? .text(empty) : .bullets(items)])
    }

    func problems() -> [String] {
        report.problems.map { diagnostic in
            (diagnostic.location.map { "\($0.file), ligne \($0.line) : " } ?? "") + diagnostic.message
        }
    }

    func computed() -> [String] {
        guard !report.computed.isEmpty else { return [] }
        return [
            "Calculé par SanteDoc, non importé (recalculé depuis projet.yaml) : "
                + report.computed.map { "« \($0) »" }.joined(separator: ", ") + "."
        ]
    }
}
