/// The regulation data shipped in `Templates/`: ACI versions, the legal text.
/// A new amendment is a new file in `Templates/aci/`, not new code.
public struct RegulationLibrary: Sendable {
    public var fundingTables: [String: FundingTable]
    public var legalTexts: [LegalText]

    /// The one rule for the ACI version a project gets when it names none: the latest
    /// version in force on `date` (the contract's signature), or the latest of all.
    public func defaultTable(at date: CalendarDate? = nil) -> FundingTable? {
        fundingTables.values
            .filter { table in date.map { day in table.effectiveDate.map { $0 <= day } ?? true } ?? true }
            .max { ($0.effectiveDate ?? .distantPast, $0.id) < ($1.effectiveDate ?? .distantPast, $1.id) }
    }

    package init(fundingTables: [String: FundingTable], legalTexts: [LegalText]) {
        self.fundingTables = fundingTables
        self.legalTexts = legalTexts
    }
}
