import SanteDocModel

extension FigureCalculator {
    /// The contract's years and each mission's deadlines, which a year's funding needs.
    func computeCalendar(into figures: inout ProjectFigures) {
        guard let table = fundingTable else { return }
        let signature = project.contract.signatureDate?.value
        if let signature {
            figures.contractCalendar = ContractCalendar(signature: signature, years: table.contractYears)
        }
        for mission in project.missions {
            guard let rule = table.mission(mission.id.value) else { continue }
            let start = signature.flatMap { date in rule.startDelayMonths.map { date.adding(months: $0) } }
            let deployment = signature.flatMap { date in rule.deploymentDelayMonths.map { date.adding(months: $0) } }
            figures.calendar.append(
                .init(
                    id: rule.id, title: rule.title, latestStart: start, latestDeployment: deployment,
                    plannedStart: mission.plannedStart?.value,
                    plannedDeployment: mission.plannedDeployment?.value))
        }
    }

    /// The calendar's figures, after the funding's in `santedoc figures`.
    func publishCalendar(into figures: inout ProjectFigures) {
        guard let table = fundingTable else { return }
        let signature = project.contract.signatureDate?.value
        if let signature {
            figures.all.add("contrat.date-signature", "Date de signature du contrat", .date(signature))
            figures.all.add(
                "contrat.date-fin", "Fin du contrat", .date(signature.adding(months: 12 * table.contractYears)))
        }
        for entry in figures.calendar {
            let why =
                signature == nil
                ? "date de signature du contrat inconnue (contrat.date_signature)"
                : "délai libre pour cette mission dans l’ACI"
            let shown = signature == nil ? "à compter de la signature du contrat" : "au choix de la CPTS"
            figures.all.add(
                "calendrier.\(entry.id).demarrage-limite", "\(entry.title) — démarrage au plus tard",
                entry.latestStart.map(FigureValue.date) ?? .unknown(reason: why, shown: shown))
            figures.all.add(
                "calendrier.\(entry.id).deploiement-limite", "\(entry.title) — déploiement au plus tard",
                entry.latestDeployment.map(FigureValue.date) ?? .unknown(reason: why, shown: shown))
        }
    }

    func computeIndicators(into figures: inout ProjectFigures) {
        for indicator in project.indicators {
            let slug = FrenchFormat.slug(indicator.name)
            // A gap is as precise as the less rounded of its two terms.
            func gap(_ other: Quantity?) -> Quantity? {
                other.map {
                    Quantity(indicator.territory.value - $0.value, places: max(indicator.territory.places, $0.places))
                }
            }
            var comparison = ProjectFigures.IndicatorComparison(
                indicator: indicator, slug: slug, gapDepartment: gap(indicator.department),
                gapRegion: gap(indicator.region), gapFrance: gap(indicator.france))
            if let gap = comparison.gapFrance?.value, let better = indicator.better {
                comparison.verdictFrance = gap == 0 ? .equal : ((gap > 0) == (better == .higher) ? .better : .worse)
            }
            figures.indicators.append(comparison)
            figures.all.add(
                "diagnostic.\(slug).territoire", indicator.name,
                .decimal(indicator.territory.value, places: indicator.territory.places, unit: indicator.unit))
            // A gap between two percentages is in points, not in percent.
            let gapUnit = indicator.unit == "%" ? "points" : indicator.unit
            for (key, label, gap) in [
                ("departement", "au département", comparison.gapDepartment),
                ("region", "à la région", comparison.gapRegion),
                ("france", "à la France", comparison.gapFrance),
            ] {
                if let gap {
                    figures.all.add(
                        "diagnostic.\(slug).ecart-\(key)", "\(indicator.name) — écart \(label)",
                        .decimal(gap.value, places: gap.places, unit: gapUnit))
                }
            }
        }
    }
}
