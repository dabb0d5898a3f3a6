import SanteDocModel

extension FigureCalculator {
    func computeTerritory(into figures: inout ProjectFigures) {
        let territory = project.territory
        var t = ProjectFigures.TerritoryFigures()
        if !territory.communes.isEmpty {
            // Each commune is bounded, so the sum cannot overflow; the total still has to be
            // a plausible territory.
            let sum = territory.communes.reduce(0) { $0 + $1.population }
            let bound = Limits.territoryPopulation
            guard bound.range.contains(sum) else {
                diagnostics.error(
                    "territoire.population-invalide", at: territory.communeListLocation,
                    "La population des communes totalise \(FrenchFormat.integer(sum)) habitants : une CPTS couvre "
                        + "de \(FrenchFormat.integer(bound.range.lowerBound)) à "
                        + "\(FrenchFormat.integer(bound.range.upperBound)) habitants.",
                    hint: "indiquez la population municipale INSEE de chaque commune (colonne « population »).")
                figures.territory = t
                return
            }
            t.population = sum
            t.populationFromCommunes = true
            t.communeCount = territory.communes.count
            let areas = territory.communes.compactMap(\.area)
            t.area = areas.count == territory.communes.count ? areas.reduce(0, +) : territory.declaredArea?.value.value
            checkDeclared(territory.declaredPopulation, t.population, what: "Population") { FrenchFormat.integer($0) }
            checkDeclared(territory.declaredCommuneCount, t.communeCount, what: "Nombre de communes") { String($0) }
            if areas.count == territory.communes.count {
                checkDeclared(territory.declaredArea, t.area, what: "Superficie (km²)")
            }
        } else {
            t.population = territory.declaredPopulation?.value
            t.communeCount = territory.declaredCommuneCount?.value
            t.area = territory.declaredArea?.value.value
        }
        if let population = t.population, let area = t.area, area > 0 { t.density = Double(population) / area }
        if let population = t.population, let department = territory.department?.population?.value, department > 0 {
            let share = Double(population) / Double(department) * 100
            t.departmentShare = share
            checkDeclared(
                territory.declaredDepartmentShare, share, what: "Part de la population du département", unit: " %")
        }
        // Without an ACI version yet, the size class follows the version the project would get.
        if let population = t.population,
            let table = fundingTable ?? regulation.defaultTable(at: project.contract.signatureDate?.value)
        {
            t.sizeClass = table.sizeClass(forPopulation: population)
            checkDeclared(territory.declaredSizeClass, t.sizeClass, what: "Taille ACI") { "taille \($0)" }
            warnNearThreshold(population, table: table)
        }
        figures.territory = t
        let missing = "population inconnue : listez les communes (communes.csv) ou indiquez territoire.population"
        figures.all.add(
            "territoire.population", "Population couverte",
            FigureValue.known(t.population, FigureValue.integer, missing))
        figures.all.add(
            "territoire.communes", "Nombre de communes",
            FigureValue.known(t.communeCount, FigureValue.integer, "aucune commune listée"))
        figures.all.add(
            "territoire.superficie", "Superficie",
            FigureValue.known(t.area, { .decimal($0, places: 0, unit: "km²") }, "superficie inconnue"))
        figures.all.add(
            "territoire.densite", "Densité de population",
            FigureValue.known(
                t.density, { .decimal($0, places: 1, unit: "hab./km²") }, "population ou superficie inconnue"))
        figures.all.add(
            "departement.population", "Population du département",
            FigureValue.known(
                territory.department?.population?.value, FigureValue.integer, "population du département inconnue"))
        figures.all.add(
            "territoire.part-departement", "Part de la population du département",
            FigureValue.known(t.departmentShare, { .percent($0, places: 2) }, "population du département inconnue"))
        figures.all.add(
            "territoire.taille-aci", "Taille ACI",
            FigureValue.known(t.sizeClass, FigureValue.integer, missing))
    }

    var fundingTable: FundingTable? {
        project.contract.aciVersion.flatMap { regulation.fundingTables[$0.value] }
    }

    private func warnNearThreshold(_ population: Int, table: FundingTable) {
        guard let margin = table.thresholdWarningShare else { return }
        for size in table.sizeClasses where size.minimum > 0 {
            let gap = Double(abs(population - size.minimum)) / Double(size.minimum)
            guard gap <= margin else { continue }
            diagnostics.warning(
                "territoire.seuil-taille",
                at: project.territory.communeListLocation ?? project.territory.declaredPopulation?.location
                    ?? project.territory.location,
                "La population (\(FrenchFormat.integer(population))) est à moins de "
                    + "\(FrenchFormat.decimal(margin * 100, places: 0)) % du seuil de la taille "
                    + "\(size.size) (\(FrenchFormat.integer(size.minimum)) habitants).",
                hint: "vérifiez le millésime INSEE et la population retenue (municipale) : la taille ACI, "
                    + "donc le financement, en dépend.")
        }
    }

    func computeProfessionals(into figures: inout ProjectFigures) {
        let population = figures.territory.population
        func density(_ count: Int) -> Double? {
            population.flatMap { $0 > 0 ? Double(count) / Double($0) * 10_000 : nil }
        }
        for entry in project.professionals {
            let slug = FrenchFormat.slug(entry.profession)
            figures.professionals.append(
                .init(
                    profession: entry.profession, slug: slug, count: entry.count,
                    density: density(entry.count)))
            figures.all.add("professionnels.\(slug).effectif", "\(entry.profession) (effectif)", .integer(entry.count))
            figures.all.add(
                "professionnels.\(slug).densite", "\(entry.profession) pour 10 000 habitants",
                FigureValue.known(density(entry.count), { .decimal($0, places: 1, unit: nil) }, "population inconnue"))
        }
        figures.memberTotal = project.professionals.reduce(0) { $0 + $1.count }
        figures.memberDensity = density(figures.memberTotal)
        checkDeclared(
            project.declaredMemberTotal, project.professionals.isEmpty ? nil : figures.memberTotal,
            what: "Total des membres"
        ) { String($0) }
        figures.all.add("professionnels.total", "Professionnels membres", .integer(figures.memberTotal))
        figures.all.add(
            "professionnels.densite", "Membres pour 10 000 habitants",
            FigureValue.known(figures.memberDensity, { .decimal($0, places: 1, unit: nil) }, "population inconnue"))
        // One figure a year: its last entry (a year may list the collective, then the association).
        var byYear: [Int: Milestone] = [:]
        for milestone in project.chronology where milestone.members != nil {
            if let kept = byYear[milestone.year], let keptDate = kept.date, let date = milestone.date, keptDate > date {
                continue
            }
            byYear[milestone.year] = milestone
        }
        let counted = byYear.values.sorted { $0.year < $1.year }
        for milestone in counted {
            figures.all.add(
                "chronologie.\(milestone.year).membres", "Membres en \(milestone.year)", .integer(milestone.members!))
        }
        // Between the figures shown: the first year's and the last year's.
        if let first = counted.first, let last = counted.last, first.year != last.year, let start = first.members,
            start > 0
        {
            figures.all.add(
                "membres.croissance", "Croissance des membres \(first.year)–\(last.year)",
                .percent(Double(last.members! - start) / Double(start) * 100, places: 0))
        }
    }
}
