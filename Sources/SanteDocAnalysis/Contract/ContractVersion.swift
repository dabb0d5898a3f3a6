import SanteDocModel

/// The version of the ACI a contract is under: the one written (`contrat.version_aci`), or
/// else the one in force on the signature date, from the regulation files' dates — a
/// contract signed before 1 April 2022 is under the ACI of 2019.
public enum ContractVersion {
    public static func resolve(_ project: inout Project, regulation: RegulationLibrary) {
        guard project.contract.aciVersion == nil, let signature = project.contract.signatureDate,
            let table = regulation.defaultTable(at: signature.value)
        else { return }
        project.contract.aciVersion = Located(table.id, at: signature.location)
        project.contract.aciVersionInferred = true
    }

    /// « aci-2019 à partir du 25 août 2019, aci-2019-avenant-2 à partir du 1er avril 2022 ».
    public static func calendar(_ regulation: RegulationLibrary) -> String {
        regulation.fundingTables.values.sorted {
            ($0.effectiveDate ?? .distantPast) < ($1.effectiveDate ?? .distantPast)
        }
        .map { table in table.id + (table.effectiveDate.map { " à partir du \(FrenchFormat.date($0))" } ?? "") }
        .joined(separator: ", ")
    }
}
