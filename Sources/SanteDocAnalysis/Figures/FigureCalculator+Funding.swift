import SanteDocModel

extension FigureCalculator {
    func computeFunding(into figures: inout ProjectFigures) {
        guard let version = project.contract.aciVersion else { return }
        guard let table = regulation.fundingTables[version.value] else {
            diagnostics.error(
                "contrat.version-inconnue", at: version.location, "Version de l’ACI « \(version.value) » inconnue.",
                hint: Suggestions.hint(for: version.value, in: regulation.fundingTables.keys.sorted())
                    ?? "versions disponibles : " + regulation.fundingTables.keys.sorted().joined(separator: ", ") + ".")
            return
        }
        checkInForce(table, named: version)
        guard let size = figures.territory.sizeClass else { return }
        var missions: [ProjectFigures.MissionFunding] = []
        var gaps = FundingGaps()
        for mission in project.missions {
            guard let rule = table.mission(mission.id.value) else {
                diagnostics.error(
                    "missions.inconnue", at: mission.id.location,
                    "La mission « \(mission.id.value) » n’existe pas dans \(table.title).",
                    hint: Suggestions.hint(for: mission.id.value, in: table.missions.map(\.id))
                        ?? "missions : " + table.missions.map(\.id).joined(separator: ", ") + ".")
                continue
            }
            missions.append(fund(mission, rule: rule, size: size, gaps: &gaps))
        }
        var funding = ProjectFigures.Funding(
            table: table, sizeClass: size, operating: table.operating[size] ?? nil,
            missions: missions, annualTotal: nil, ceiling: table.ceiling[size] ?? nil,
            contractTotal: nil)
        funding.disputedCeilings = table.disputedCeilings[size] ?? []
        if funding.operating == nil {
            gaps.unpriced.insert("le fonctionnement", at: 0)
            gaps.cells.insert("fonctionnement.montants.\(size)", at: 0)
        }
        report(gaps, table: table, size: size)
        figures.funding = funding
        checkRenegotiated(table: table, size: size, figures: figures)
        if let annual = figures.funding(inYear: nil, project: project)?.annualTotal {
            funding.annualTotal = annual
            // Year by year: renegotiated amounts and a mission's first year count where they fall.
            let years = (1...table.contractYears).map { figures.funding(inYear: $0, project: project)?.annualTotal }
            funding.contractTotal = years.allSatisfy { $0 != nil } ? years.compactMap { $0 }.reduce(0, +) : nil
        }
        // Sources that disagree on the ceiling: a total over the lower one is said, not decided.
        if let total = funding.annualTotal, let lowest = funding.disputedCeilings.min(by: { $0.amount < $1.amount }),
            total > lowest.amount
        {
            diagnostics.warning(
                "financement.plafond-conteste", at: project.missionsLocation ?? version.location,
                "Le total annuel (\(FrenchFormat.integer(total)) €) dépasse l’un des plafonds que les sources donnent "
                    + "pour la taille \(size) : \(funding.ceilingText).",
                hint:
                    "vérifiez le plafond sur le contrat signé ou auprès de la CPAM ; SanteDoc ne choisit pas entre les sources."
            )
        }
        if let total = funding.annualTotal, let ceiling = funding.ceiling, total > ceiling {
            diagnostics.error(
                "financement.plafond", at: project.missionsLocation ?? version.location,
                "Le total annuel (\(FrenchFormat.integer(total)) €) dépasse le plafond de la taille \(size) "
                    + "(\(FrenchFormat.integer(ceiling)) €).",
                hint: "vérifiez les montants « part_fixe » et « part_variable » des missions.")
        }
        figures.funding = funding
        publish(funding, into: &figures.all)
    }

    /// A version that came into force after the signature applies only to a contract the
    /// CPTS had amended by it (`contrat.date_avenant`, on or after that date); otherwise it
    /// is a slip, an error at the key — before any figure is computed from the wrong table.
    private func checkInForce(_ table: FundingTable, named version: Located<String>) {
        guard let signature = project.contract.signatureDate?.value, let start = table.effectiveDate, signature < start
        else { return }
        if let amendment = project.contract.amendmentDate {
            guard amendment.value < start else { return }
            diagnostics.error(
                "contrat.version-pas-en-vigueur", at: amendment.location,
                "L’avenant « \(table.title) » n’était pas encore en vigueur le \(FrenchFormat.date(amendment.value)) : "
                    + "il s’applique à partir du \(FrenchFormat.date(start)).",
                hint: "indiquez la date à laquelle le contrat a été modifié par cet avenant (à partir du "
                    + "\(FrenchFormat.date(start))).")
            return
        }
        let then = regulation.defaultTable(at: signature)
        diagnostics.error(
            "contrat.version-pas-en-vigueur", at: version.location,
            "« \(table.title) » n’était pas encore en vigueur à la signature du contrat "
                + "(\(FrenchFormat.date(signature))) : il s’applique à partir du \(FrenchFormat.date(start)).",
            hint: (then.map {
                "à la signature, la version en vigueur était « \($0.id) » : écrivez-la, ou retirez "
                    + "contrat.version_aci (elle se déduit de la date). "
            } ?? "")
                + "Si le contrat a depuis été modifié par cet avenant, indiquez aussi la date de cette modification : "
                + "contrat.date_avenant.")
    }

    private func fund(
        _ mission: Mission, rule: FundingTable.MissionRule, size: Int,
        gaps: inout FundingGaps
    ) -> ProjectFigures.MissionFunding {
        let maxima = rule.amounts[size]
        let cell = "missions[\(rule.id)].montants.\(size)"
        let signedFixed = mission.fixed.signed
        let signedVariable = mission.variable.signed
        if !mission.isContracted, maxima?.total == nil, maxima?.fixed == nil || maxima?.variable == nil {
            gaps.unpriced.append("« \(rule.title) »")
            gaps.cells.append(cell)
        }
        for (contracted, maximum, part, key) in [
            (signedFixed, maxima?.fixed, "part fixe", "fixe"),
            (signedVariable, maxima?.variable, "part variable", "variable"),
        ] {
            guard let contracted else { continue }
            if maximum == nil {
                gaps.unchecked.append("\(part) de « \(rule.title) »")
                gaps.cells.append("\(cell).\(key)")
            }
            checkMaximum(contracted, maximum, part: part, rule: rule, size: size)
        }
        let parts = Self.parts(
            fixed: signedFixed?.value, variable: signedVariable?.value, maxima: maxima, firstYear: nil)
        if parts.total == nil, maxima?.total == nil, signedFixed != nil || signedVariable != nil {
            gaps.unpriced.append("« \(rule.title) »")
            gaps.cells.append("\(cell).total")
        }
        let amounts = mission.indicators.compactMap { $0.maximumAmount(in: nil) }
        let indicatorTotal = amounts.isEmpty ? nil : amounts.reduce(0, +)
        checkIndicatorAmounts(
            mission, total: indicatorTotal, variable: parts.variable, contracted: signedVariable, year: nil, rule: rule)
        return ProjectFigures.MissionFunding(
            id: rule.id, title: rule.title, fixed: parts.fixed, variable: parts.variable, total: parts.total,
            crisisActivation: maxima?.crisisActivation,
            firstYear: mission.isContracted ? nil : maxima?.firstYear,
            indicatorTotal: indicatorTotal, contracted: signedFixed != nil || signedVariable != nil, maxima: maxima)
    }

    /// A mission's parts in a year: the contract's where it states them, the ACI maxima
    /// (its first-year amounts when given) otherwise; the total when both parts are known.
    static func parts(
        fixed: Int?, variable: Int?, maxima: FundingTable.MissionAmounts?, firstYear: FundingTable.FirstYear?
    )
        -> (fixed: Int?, variable: Int?, total: Int?)
    {
        let contracted = fixed != nil || variable != nil
        // A first year priced apart is priced by its own cells: unknown ones stay unknown.
        let fixed = fixed ?? (firstYear.map(\.fixed) ?? maxima?.fixed)
        let variable = variable ?? (firstYear.map(\.variable) ?? maxima?.variable)
        let total =
            fixed.flatMap { f in variable.map { f + $0 } }
            ?? (contracted ? nil : (firstYear.map(\.total) ?? maxima?.total))
        return (fixed, variable, total)
    }

    private func checkMaximum(
        _ contracted: Located<Int>, _ maximum: Int?, part: String, rule: FundingTable.MissionRule, size: Int
    ) {
        guard let maximum, contracted.value > maximum else { return }
        diagnostics.error(
            "financement.depassement", at: contracted.location,
            "La \(part) de « \(rule.id) » (\(FrenchFormat.integer(contracted.value)) €) dépasse le maximum "
                + "de l’ACI pour la taille \(size) (\(FrenchFormat.integer(maximum)) €).",
            hint: "corrigez le montant du contrat ou la version de l’ACI.")
    }

    /// Amounts renegotiated for a contract year are checked as the signed ones are: against
    /// the ACI maxima, their indicators' amounts, the ceiling, and the contract's length.
    private func checkRenegotiated(table: FundingTable, size: Int, figures: ProjectFigures) {
        var years: Set<Int> = []
        for mission in project.missions {
            var missionYears = Set(mission.fixed.byYear.keys).union(mission.variable.byYear.keys)
            for indicator in mission.indicators {
                missionYears.formUnion(indicator.pay.byYear.keys)
                for (year, located) in indicator.target.byYear.sorted(by: { $0.key < $1.key }) {
                    checkWithinContract(year, at: located.location, table: table)
                }
                for (year, located) in indicator.pay.byYear {
                    checkWithinContract(year, at: located.location, table: table)
                }
            }
            for (year, located) in mission.fixed.byYear.merging(
                mission.variable.byYear, uniquingKeysWith: { a, _ in a })
            {
                checkWithinContract(year, at: located.location, table: table)
            }
            years.formUnion(missionYears)
            guard let rule = table.mission(mission.id.value) else { continue }
            let maxima = rule.amounts[size]
            let start = figures.startYear(of: rule.id, project: project)
            for year in missionYears.sorted() {
                // The mission's first year has its own maxima when the ACI prices it apart.
                let first = year == start ? maxima?.firstYear : nil
                if let fixed = mission.fixed.byYear[year] {
                    checkMaximum(fixed, first.map(\.fixed) ?? maxima?.fixed, part: "part fixe", rule: rule, size: size)
                }
                if let variable = mission.variable.byYear[year] {
                    checkMaximum(
                        variable, first.map(\.variable) ?? maxima?.variable, part: "part variable", rule: rule,
                        size: size)
                }
                let line = figures.funding(inYear: year, project: project)?.line(rule.id)
                checkIndicatorAmounts(
                    mission, total: line?.indicatorTotal, variable: line?.variable,
                    contracted: mission.variable.inForce(year).value, year: year, rule: rule)
            }
        }
        guard let ceiling = table.ceiling[size] ?? nil else { return }
        for year in years.sorted() where year <= table.contractYears {
            guard let total = figures.funding(inYear: year, project: project)?.annualTotal, total > ceiling else {
                continue
            }
            diagnostics.error(
                "financement.plafond", at: project.missionsLocation ?? project.contract.aciVersion?.location,
                "Le total de l’année \(year) (\(FrenchFormat.integer(total)) €) dépasse le plafond de la taille \(size) "
                    + "(\(FrenchFormat.integer(ceiling)) €).",
                hint: "vérifiez les montants renégociés pour l’année \(year) (parts_par_annee, montants_par_annee).")
        }
    }

    private func checkWithinContract(_ year: Int, at location: SourceLocation, table: FundingTable) {
        guard year > table.contractYears else { return }
        diagnostics.error(
            "contrat.annee-hors-contrat", at: location,
            "L’année \(year) dépasse la durée du contrat (\(table.contractYears) ans, \(table.title)).",
            hint: "indiquez une année du contrat, de 1 à \(table.contractYears).")
    }

    /// The variable part is paid through the indicators: their amounts must add up to it
    /// (to the contracted part exactly, to the ACI maximum at most), every year.
    private func checkIndicatorAmounts(
        _ mission: Mission, total: Int?, variable: Int?, contracted: Located<Int>?, year: Int?,
        rule: FundingTable.MissionRule
    ) {
        guard let total, let variable else { return }
        guard contracted != nil ? total != variable : total > variable else { return }
        let what = contracted != nil ? "la part variable du contrat" : "la part variable maximale de l’ACI"
        let when = year.map { " en année \($0)" } ?? ""
        diagnostics.error(
            "financement.indicateurs", at: contracted?.location ?? mission.location,
            "Mission « \(rule.id) »\(when) : les montants des indicateurs totalisent \(FigureValue.euros(total).formatted), "
                + "\(what) est de \(FigureValue.euros(variable).formatted).",
            hint: "ajustez les « montant » (ou « paliers ») des indicateurs, ou la « part_variable » de la mission"
                + (year.map { " pour l’année \($0) (montants_par_annee, parts_par_annee)" } ?? "") + ".")
    }

    /// What the regulation data cannot price, said once to the user — with what *they* can
    /// enter — and cell by cell to maintainers, as remarks (`--verbose`).
    private func report(_ gaps: FundingGaps, table: FundingTable, size: Int) {
        let location = project.contract.aciVersion?.location
        if !gaps.unpriced.isEmpty {
            diagnostics.warning(
                "financement.montants-non-publies", at: location,
                "Montants non publiés pour la taille \(size) (\(table.title)) : "
                    + gaps.unpriced.joined(separator: ", ") + " ; le financement ne peut pas être totalisé.",
                hint: "saisissez les montants de votre contrat signé (part_fixe et part_variable de chaque "
                    + "mission) : SanteDoc les utilise à la place des maxima de l’ACI.")
        }
        // The signed amounts are what the user can give: once given, no warning remains —
        // only a remark (`--verbose`) that the per-mission maxima could not be compared.
        if !gaps.unchecked.isEmpty {
            diagnostics.emit(
                Diagnostic(
                    "financement.maximum-non-publie", .note, at: location,
                    "Maxima de l’ACI non publiés pour la taille \(size) : "
                        + gaps.unchecked.joined(separator: ", ")
                        + " sont repris du contrat signé, contrôlés seulement contre le plafond.",
                    hint: "vérifiez ces montants sur le contrat signé."))
        }
        for cell in gaps.cells {
            diagnostics.emit(
                Diagnostic(
                    "financement.cellule-inconnue", .note, at: SourceLocation(file: table.file),
                    "Cellule « \(cell) » non renseignée (null) pour « \(table.id) », dans \(table.file) "
                        + "ou la version dont elle hérite.",
                    hint: "à compléter depuis le texte officiel, avec sa source (voir README, réglementation)."))
        }
    }

    private func publish(_ funding: ProjectFigures.Funding, into all: inout FigureSet) {
        all.add("contrat.version-aci", "Version de l’ACI", .text(funding.table.title))
        all.add("contrat.duree", "Durée du contrat (ans)", .integer(funding.table.contractYears))
        let size = funding.sizeClass
        let unpublished = FundingTable.unpublishedAmount(size: size)
        let incomplete = "un montant au moins n’est pas publié pour la taille \(size)"
        all.add(
            "financement.fonctionnement", "Fonctionnement (par an)",
            FigureValue.known(
                funding.operating, FigureValue.euros, "montant non publié dans \(funding.table.file)",
                shown: unpublished))
        for mission in funding.missions {
            let unknown = "montant non publié dans \(funding.table.file)"
            all.add(
                "financement.\(mission.id).fixe", "\(mission.title) — part fixe",
                FigureValue.known(mission.fixed, FigureValue.euros, unknown, shown: unpublished))
            all.add(
                "financement.\(mission.id).variable", "\(mission.title) — part variable",
                FigureValue.known(mission.variable, FigureValue.euros, unknown, shown: unpublished))
            all.add(
                "financement.\(mission.id).total", "\(mission.title) — total",
                FigureValue.known(mission.total, FigureValue.euros, unknown, shown: unpublished))
        }
        all.add(
            "financement.total-annuel",
            funding.isContracted ? "Financement annuel du contrat" : "Financement annuel maximal",
            FigureValue.known(funding.annualTotal, FigureValue.euros, incomplete, shown: FundingTable.incompleteTotal))
        all.add(
            "financement.plafond", "Plafond ACI de la taille \(size)",
            FigureValue.known(
                funding.ceiling, FigureValue.euros,
                funding.disputedCeilings.isEmpty ? "plafond non publié dans \(funding.table.file)" : "plafond contesté",
                shown: funding.ceilingText))
        all.add(
            "financement.total-contrat",
            funding.isContracted
                ? "Financement du contrat sur sa durée"
                : "Financement maximal sur la durée du contrat",
            FigureValue.known(funding.contractTotal, FigureValue.euros, incomplete, shown: FundingTable.incompleteTotal)
        )
    }
}

/// Amounts the regulation data does not give, gathered so that each is said once.
struct FundingGaps {
    /// Lines whose amount is unknown (`fonctionnement`, mission ids).
    var unpriced: [String] = []
    /// Contracted amounts whose ACI maximum is unknown.
    var unchecked: [String] = []
    /// The cells of `Templates/aci` to fill, for maintainers.
    var cells: [String] = []
}
