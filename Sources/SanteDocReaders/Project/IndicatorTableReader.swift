import SanteDocModel

/// `indicateurs.csv`: indicateur;unite;territoire;departement;region;france;source;annee;sens
public struct IndicatorTableReader {
    let file: String
    let diagnostics: DiagnosticEngine

    public static let columns = [
        "indicateur", "unite", "territoire", "departement", "region", "france", "source", "annee", "sens",
    ]

    func read(_ text: String) -> [DiagnosticIndicator] {
        let csv = CSVTableReader(
            file: file, required: ["indicateur", "territoire", "source"],
            optional: ["unite", "departement", "region", "france", "annee", "sens"],
            maximumRows: Limits.indicatorRows, diagnostics: diagnostics)
        return (csv.read(text) ?? []).compactMap { row in
            guard let name = row["indicateur"], let source = row["source"] else {
                diagnostics.error(
                    "indicateurs.incomplet", at: row.location,
                    "Chaque indicateur doit avoir un nom et une source.",
                    hint: "la source est exigée par l’ARS (ex. « Rézone CPTS (Assurance Maladie) »).")
                return nil
            }
            guard let value = csv.quantity(row, "territoire") else { return nil }
            var better: DiagnosticIndicator.BetterDirection?
            if let direction = row["sens"] {
                better = DiagnosticIndicator.BetterDirection(rawValue: direction)
                if better == nil {
                    diagnostics.error(
                        "indicateurs.sens", at: row.location,
                        "Sens « \(direction) » inconnu.",
                        hint: "écrivez « hausse » si une valeur plus haute est "
                            + "meilleure, « baisse » si une valeur plus basse est meilleure, ou laissez vide.")
                }
            }
            return DiagnosticIndicator(
                name: name, unit: row["unite"], territory: value,
                department: csv.quantity(row, "departement"), region: csv.quantity(row, "region"),
                france: csv.quantity(row, "france"), source: source,
                year: csv.integer(row, "annee", Limits.year), better: better, location: row.location)
        }
    }
}
