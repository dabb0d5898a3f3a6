import SanteDocModel

/// One value of the sources that the contract annexes state — an amount, a target, an
/// action, a date — as it read when a contract version or a year was recorded, with where
/// it was written. Comparing the recorded terms with today's tells, line by line, what the
/// sources would change in what was signed.
public struct ContractTerm: Sendable, Equatable, Codable {
    /// Stable within a project: `mission:acces-soins/indicateur:Patients…/cible`.
    public var key: String
    /// What the value is, in French (« Faciliter l’accès… › « Patients… » › cible »).
    public var label: String
    public var value: String
    public var location: SourceLocation?
    /// The key of what holds this value (the indicator of a target, the mission of an
    /// indicator), to place a removal and to count a new mission once.
    public var parent: String?

    public init(key: String, label: String, value: String, location: SourceLocation?, parent: String? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.location = location
        self.parent = parent
    }
}

/// A recorded term that today's sources no longer state the same way.
public struct TermDifference: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case added, removed, changed }
    public var kind: Kind
    public var label: String
    public var old: String?
    public var new: String?
    /// Where to look in today's sources: the value, or for a removed one, what held it.
    public var location: SourceLocation?

    /// « ancien → nouveau », as a diagnostic says it.
    public var sentence: String {
        switch kind {
        case .changed: return "« \(label) » : \(old ?? "—") → \(new ?? "—")"
        case .added: return "« \(label) » ajouté : \(new ?? "—")"
        case .removed: return "« \(label) » retiré (était : \(old ?? "—"))"
        }
    }
}

public enum ContractTerms {
    /// The terms of the annexes of contract `year` (nil: the signed contract): the values in
    /// force that year, renegotiations carried forward.
    public static func of(_ project: Project, figures: ProjectFigures, year: Int?) -> [ContractTerm] {
        var terms: [ContractTerm] = []
        var parent: String?
        func add(_ key: String, _ label: String, _ value: String?, _ location: SourceLocation?) {
            terms.append(
                ContractTerm(
                    key: key, label: label, value: value ?? "non renseigné", location: location, parent: parent))
        }
        let contract = project.contract
        add("cpts", "Dénomination de la CPTS", project.identity.name?.value, project.identity.name?.location)
        add("contrat/version", "Version de l’ACI", contract.aciVersion?.value, contract.aciVersion?.location)
        add(
            "contrat/signature", "Date de signature", contract.signatureDate.map { FrenchFormat.date($0.value) },
            contract.signatureDate?.location)
        add("contrat/lieu", "Lieu de signature", contract.signaturePlace?.value, contract.signaturePlace?.location)
        for party in Signatory.Party.allCases {
            let who = contract.signatories[party]
            let value = [who?.organisation, who?.name, who?.role].compactMap { $0 }.joined(separator: ", ")
            add(
                "contrat/signataire:\(party.rawValue)", "Signataire — \(party.label.lowercased())",
                value.isEmpty ? nil : value, who?.location ?? contract.location)
        }
        add(
            "taille", "Taille de la CPTS dans l’ACI", figures.territory.sizeClass.map(String.init),
            project.territory.declaredPopulation?.location ?? project.territory.location)
        let money = figures.funding(inYear: year, project: project)
        let aci = contract.aciVersion?.location
        if let money {
            add("financement/fonctionnement", "Fonctionnement", euros(money.operating), aci)
        }
        for mission in project.missions {
            let id = mission.id.value
            let base = "mission:\(id)"
            let line = money?.line(id)
            let title = line?.title ?? mission.title ?? id
            parent = nil
            add(base, "Mission « \(title) »", mission.title ?? title, mission.id.location)
            parent = base
            let fixed = mission.fixed.inForce(year).value
            let variable = mission.variable.inForce(year).value
            add("\(base)/part-fixe", "\(title) › part fixe", euros(line?.fixed), fixed?.location ?? aci)
            add("\(base)/part-variable", "\(title) › part variable", euros(line?.variable), variable?.location ?? aci)
            add(
                "\(base)/demarrage", "\(title) › démarrage prévu",
                mission.plannedStart.map { FrenchFormat.date($0.value) },
                mission.plannedStart?.location ?? mission.location)
            add(
                "\(base)/deploiement", "\(title) › déploiement prévu",
                mission.plannedDeployment.map { FrenchFormat.date($0.value) },
                mission.plannedDeployment?.location ?? mission.location)
            for objective in mission.objectives {
                add("\(base)/objectif:\(objective.value)", "\(title) › objectif", objective.value, objective.location)
            }
            for action in mission.actions {
                let details = [action.lead.map { "pilote : \($0)" }, action.description].compactMap { $0 }
                add(
                    "\(base)/action:\(action.title)", "\(title) › action « \(action.title) »",
                    ([action.title] + details).joined(separator: " ; "), action.location)
            }
            for indicator in mission.indicators {
                let key = "\(base)/indicateur:\(indicator.label)"
                let label = "\(title) › « \(indicator.label) »"
                parent = base
                add(key, label, indicator.label, indicator.location)
                parent = key
                add("\(key)/type", "\(label) › type", indicator.kind.label, indicator.location(of: .kind))
                add(
                    "\(key)/valeur-initiale", "\(label) › valeur initiale", indicator.initialValue,
                    indicator.location(of: .initialValue))
                let target = indicator.target.inForce(year).value
                add("\(key)/cible", "\(label) › cible", target?.value.text, target?.location ?? indicator.location)
                add(
                    "\(key)/justificatif", "\(label) › justificatif", indicator.evidence,
                    indicator.location(of: .evidence))
                let pay = indicator.pay.inForce(year).value
                add(
                    "\(key)/montant", "\(label) › montant", pay.map { describe($0.value) },
                    pay?.location ?? indicator.location)
            }
        }
        return terms
    }

    /// What today's terms change in the recorded ones: changed values where they are now
    /// written, additions, and removals located at what held them (the mission, the
    /// indicator) when it is still there.
    public static func differences(recorded: [ContractTerm], current: [ContractTerm]) -> [TermDifference] {
        let before = Dictionary(recorded.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(current.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func parentKey(_ key: String) -> String? { after[key]?.parent ?? before[key]?.parent }
        var differences: [TermDifference] = []
        for term in current {
            guard let old = before[term.key] else {
                // A new mission or indicator is one addition, not one per field.
                if let parent = parentKey(term.key), before[parent] == nil, after[parent] != nil { continue }
                differences.append(
                    TermDifference(kind: .added, label: term.label, old: nil, new: term.value, location: term.location))
                continue
            }
            if old.value != term.value {
                differences.append(
                    TermDifference(
                        kind: .changed, label: term.label, old: old.value, new: term.value, location: term.location))
            }
        }
        for term in recorded where after[term.key] == nil {
            if let parent = parentKey(term.key), after[parent] == nil, before[parent] != nil { continue }
            var holder = parentKey(term.key)
            while let key = holder, after[key] == nil { holder = parentKey(key) }
            differences.append(
                TermDifference(
                    kind: .removed, label: term.label, old: term.value, new: nil,
                    location: holder.flatMap { after[$0]?.location }))
        }
        return differences
    }

    static func euros(_ amount: Int?) -> String {
        amount.map { FigureValue.euros($0).formatted } ?? "montant non publié"
    }

    /// One amount, or the tiers as contracts write them.
    public static func describe(_ pay: IndicatorPay) -> String {
        switch pay {
        case let .amount(amount): return FigureValue.euros(amount).formatted
        case let .steps(steps):
            return steps.map { "\($0.condition.text) : \(FigureValue.euros($0.amount).formatted)" }.joined(
                separator: " ; ")
        }
    }
}
