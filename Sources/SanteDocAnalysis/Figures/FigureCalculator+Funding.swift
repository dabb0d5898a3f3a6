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
        if funding.operating == nil {
            gaps.unpriced.insert("fonctionnement", at: 0)
            gaps.cells.insert("fonctionnement.montants.\(size)", at: 0)
        }
        report(gaps, table: table, size: size)
        let parts = [funding.operating] + missions.map(\.total)
        if parts.allSatisfy({ $0 != nil }) {
            funding.annualTotal = parts.compactMap { $0 }.reduce(0, +)
            // A mission's first year may pay differently (the crisis plan), once in the contract.
            let firstYears = missions.compactMap { m in
                m.firstYear?.total.flatMap { first in m.total.map { first - $0 } }
            }
            funding.contractTotal = funding.annualTotal! * table.contractYears + firstYears.reduce(0, +)
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

    /// A version that came into force after the signature is the contract as amended later
    /// (an avenant applies to running contracts) — or a slip: said, not guessed.
    private func checkInForce(_ table: FundingTable, named version: Located<String>) {
        guard let signature = project.contract.signatureDate?.value, let start = table.effectiveDate, signature < start
        else { return }
        let then = regulation.defaultTable(at: signature)
        diagnostics.warning(
            "contrat.version-pas-en-vigueur", at: version.location,
            "« \(table.title) » n’était pas encore en vigueur à la signature du contrat "
                + "(\(FrenchFormat.date(signature))) : il s’applique à partir du \(FrenchFormat.date(start)).",
            hint: (then.map { "à la signature, la version en vigueur était « \($0.id) ». " } ?? "")
                + "Si le contrat a depuis été modifié par cet avenant, gardez « \(version.value) » ; "
                + "sinon corrigez contrat.version_aci ou contrat.date_signature.")
    }

    private func fund(
        _ mission: Mission, rule: FundingTable.MissionRule, size: Int,
        gaps: inout FundingGaps
    ) -> ProjectFigures.MissionFunding {
        let maxima = rule.amounts[size]
        let cell = "missions[\(rule.id)].montants.\(size)"
        func amount(
            _ contracted: Located<Int>?, _ maximum: Int?, _ part: String, _ key: String,
            gaps: inout FundingGaps
        ) -> Int? {
            guard let contracted else { return maximum }
            if let maximum, contracted.value > maximum {
                diagnostics.error(
                    "financement.depassement", at: contracted.location,
                    "La \(part) de « \(rule.id) » (\(FrenchFormat.integer(contracted.value)) €) dépasse le maximum "
                        + "de l’ACI pour la taille \(size) (\(FrenchFormat.integer(maximum)) €).",
                    hint: "corrigez le montant du contrat ou la version de l’ACI.")
            } else if maximum == nil {
                gaps.unchecked.append("\(part) de « \(rule.id) »")
                gaps.cells.append("\(cell).\(key)")
            }
            return contracted.value
        }
        if mission.contractedFixed == nil, mission.contractedVariable == nil, maxima?.total == nil,
            maxima?.fixed == nil || maxima?.variable == nil
        {
            gaps.unpriced.append(rule.id)
            gaps.cells.append(cell)
        }
        let fixed = amount(mission.contractedFixed, maxima?.fixed, "part fixe", "fixe", gaps: &gaps)
        let variable = amount(mission.contractedVariable, maxima?.variable, "part variable", "variable", gaps: &gaps)
        let total =
            fixed.flatMap { f in variable.map { f + $0 } } ?? (mission.contractedFixed == nil ? maxima?.total : nil)
        if total == nil, maxima?.total == nil, mission.contractedFixed != nil || mission.contractedVariable != nil {
            gaps.unpriced.append(rule.id)
            gaps.cells.append("\(cell).total")
        }
        let amounts = mission.indicators.compactMap(\.maximumAmount)
        let indicatorTotal = amounts.isEmpty ? nil : amounts.reduce(0, +)
        checkIndicatorAmounts(mission, total: indicatorTotal, variable: variable, rule: rule)
        return ProjectFigures.MissionFunding(
            id: rule.id, title: rule.title, fixed: fixed, variable: variable, total: total,
            crisisActivation: maxima?.crisisActivation,
            firstYear: mission.contractedFixed == nil && mission.contractedVariable == nil
                ? maxima?.firstYear : nil,
            indicatorTotal: indicatorTotal,
            contracted: mission.contractedFixed != nil || mission.contractedVariable != nil)
    }

    /// The variable part is paid through the indicators: their amounts must add up to it
    /// (to the contracted part exactly, to the ACI maximum at most).
    private func checkIndicatorAmounts(_ mission: Mission, total: Int?, variable: Int?, rule: FundingTable.MissionRule)
    {
        guard let total, let variable else { return }
        let contracted = mission.contractedVariable != nil
        guard contracted ? total != variable : total > variable else { return }
        let what = contracted ? "la part variable du contrat" : "la part variable maximale de l’ACI"
        diagnostics.error(
            "financement.indicateurs", at: mission.contractedVariable?.location ?? mission.location,
            "Mission « \(rule.id) » : les montants des indicateurs totalisent \(FigureValue.euros(total).formatted), "
                + "\(what) est de \(FigureValue.euros(variable).formatted).",
            hint: "ajustez les « montant » (ou « paliers ») des indicateurs, ou la « part_variable » de la mission.")
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
                hint: "saisissez les montants de votre contrat signé dans projet.yaml (part_fixe et part_variable "
                    + "de chaque mission) : SanteDoc les utilise à la place des maxima de l’ACI.")
        }
        if !gaps.unchecked.isEmpty {
            diagnostics.warning(
                "financement.maximum-non-publie", at: location,
                "Maxima de l’ACI non publiés pour la taille \(size) : "
                    + gaps.unchecked.joined(separator: ", ") + " ne peuvent pas être contrôlés.",
                hint: "vérifiez ces montants sur le contrat signé ; SanteDoc les reprend tels quels.")
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
                funding.ceiling, FigureValue.euros, "plafond non publié dans \(funding.table.file)",
                shown: "plafond non publié pour la taille \(size)"))
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
