import SanteDocDocument
import SanteDocModel

extension AnnexesAction.Outcome {
    /// What `annexes` says once done: the year read, the changes, the record.
    public func summary(output: String) -> String {
        let outcome = self
        var lines: [String] = []
        if let reading = outcome.yearReading { lines.append(reading) }
        if let note = outcome.note {
            lines.append(
                note.changes.isEmpty
                    ? "Annexes inchangées depuis \(note.baseline)."
                    : "Modifications depuis \(note.baseline) :\n"
                        + note.changes.map { "  - " + $0.line }.joined(separator: "\n"))
        }
        if let replaced = outcome.replaced { lines.append("Version précédente gardée dans « \(replaced) ».") }
        switch (outcome.record, outcome.year, outcome.reproduced) {
        case (nil, _, _):
            lines.append(
                "Contrat non scellé : ces annexes suivent les sources. Une fois le contrat signé, "
                    + "scellez-le : santedoc annexes --signer.")
        case let (record?, nil, true):
            lines.append(
                outcome.differences.isEmpty
                    ? "Contrat signé reproduit tel que scellé (« \(record) ») ; les sources n’y changent rien."
                    : "Contrat signé reproduit tel que scellé (« \(record) ») ; les sources diffèrent sur "
                        + FrenchFormat.count(outcome.differences.count, "point", "points") + " (voir ci-dessus).")
        case let (record?, nil, false): lines.append("Contrat signé scellé dans « \(record) ».")
        case let (record?, year?, true):
            lines.append("Année \(year) reproduite telle qu’enregistrée (« \(record) »).")
        case let (record?, year?, false): lines.append("Année \(year) enregistrée dans « \(record) ».")
        }
        lines.append("Annexes écrites dans « \(output) » : " + outcome.files.joined(separator: ", ") + ".")
        return lines.joined(separator: "\n")
    }
}
