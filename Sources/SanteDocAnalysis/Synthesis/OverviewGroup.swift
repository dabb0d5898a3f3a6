/// Projects summed under one key — a department, a size class — for the synthesis: how
/// many, how many complete, their population and annual funding. A sum is `partial` when
/// some project of the group does not give its value.
public struct OverviewGroup: Sendable, Equatable {
    public var key: String
    public var projects: Int
    public var complete: Int
    public var population: Int
    public var populationPartial: Bool
    public var funding: Int
    public var fundingPartial: Bool

    /// One group per key, sorted by key.
    public static func grouping(_ projects: [ProjectOverview], by keyOf: (ProjectOverview) -> String)
        -> [OverviewGroup]
    {
        Dictionary(grouping: projects, by: keyOf).map { key, group in
            let populations = group.compactMap(\.population)
            let funding = group.compactMap(\.annualFunding)
            return OverviewGroup(
                key: key, projects: group.count, complete: group.filter(\.complete).count,
                population: populations.reduce(0, +), populationPartial: populations.count < group.count,
                funding: funding.reduce(0, +), fundingPartial: funding.count < group.count)
        }.sorted { $0.key < $1.key }
    }
}
