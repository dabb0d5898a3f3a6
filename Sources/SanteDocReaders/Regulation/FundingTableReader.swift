import SanteDocModel
import Yams

/// Builds a `FundingTable` from its YAML, applying a `base:` version first so an
/// amendment file only states what it changes.
struct FundingTableReader {
    let raw: [String: (YAMLMapping, String)]
    let diagnostics: DiagnosticEngine

    func table(_ id: String, depth: Int = 0) -> FundingTable? {
        guard let (file, path) = raw[id], depth < 8 else { return nil }
        file.rejectUnknownKeys(allowed: [
            "id", "base", "titre", "texte", "en_vigueur", "duree_contrat_ans", "sources",
            "tailles", "fonctionnement", "plafond_total", "missions", "versements", "avenant_annonce",
        ])
        var table: FundingTable
        if let base = file.string("base") {
            guard let parent = self.table(base.value, depth: depth + 1) else {
                diagnostics.error(
                    "aci.base-inconnue", at: base.location, "Version de base « \(base.value) » introuvable.",
                    hint: Suggestions.hint(for: base.value, in: Array(raw.keys)))
                return nil
            }
            table = parent
        } else {
            table = FundingTable(
                id: id, title: "", legalText: "", contractYears: 5, effectiveDate: nil, sizeClasses: [], operating: [:],
                ceiling: [:], missions: [], payments: nil, sources: [:], file: path)
        }
        table.id = id
        table.file = path
        table.title = file.string("titre")?.value ?? table.title
        table.legalText = file.string("texte")?.value ?? table.legalText
        table.contractYears = file.integer("duree_contrat_ans", Limits.contractYears)?.value ?? table.contractYears
        table.effectiveDate = file.date("en_vigueur")?.value ?? table.effectiveDate
        if let sources = file.mapping("sources", allowed: file.mappingKeys("sources")) {
            for key in sources.keys { table.sources[key] = sources.string(key)?.value }
        }
        if let sizes = file.mapping("tailles", allowed: ["source", "classes", "marge_alerte_pourcent"]) {
            table.sizeClasses = sizeClasses(sizes)
            if let margin = sizes.number("marge_alerte_pourcent", range: 0...50) {
                table.thresholdWarningShare = margin.value.value / 100
            }
        }
        if let group = file.mapping("versements", allowed: ["source", "fonctionnement", "part_fixe", "part_variable"]) {
            table.payments =
                PaymentRulesReader(diagnostics: diagnostics).read(group, sources: table.sources) ?? table.payments
        }
        merge(file, "fonctionnement", sizes: table.sizeKeys, into: &table.operating)
        merge(file, "plafond_total", sizes: table.sizeKeys, into: &table.ceiling)
        readDisputes(file, into: &table)
        if let announced = file.mapping("avenant_annonce", allowed: ["texte", "a_partir_du", "source"]) {
            if let text = announced.string("texte"), let from = announced.date("a_partir_du") {
                let source = announced.string("source")?.value
                table.announcement = FundingTable.Announcement(
                    text: text.value, from: from.value, source: source.flatMap { table.sources[$0] } ?? source ?? "")
            } else {
                announced.require("texte", "le texte de l’annonce", example: "texte: \"…\"")
                announced.require("a_partir_du", "la date d’application", example: "a_partir_du: 2026-07-01")
            }
        }
        for rule in file.mappings(
            "missions",
            allowed: [
                "id", "titre", "socle", "delai_demarrage_mois", "delai_deploiement_mois",
                "delais_source", "montants",
            ], example: "- id: parcours")
        {
            guard let missionID = rule.string("id")?.value else { continue }
            var mission =
                table.mission(missionID)
                ?? FundingTable.MissionRule(
                    id: missionID, title: missionID, isCore: false, startDelayMonths: nil, deploymentDelayMonths: nil,
                    amounts: [:])
            mission.title = rule.string("titre")?.value ?? mission.title
            mission.isCore = rule.boolean("socle") ?? mission.isCore
            mission.startDelayMonths =
                rule.integer("delai_demarrage_mois", Limits.delayMonths)?.value ?? mission.startDelayMonths
            mission.deploymentDelayMonths =
                rule.integer("delai_deploiement_mois", Limits.delayMonths)?.value ?? mission.deploymentDelayMonths
            if let amounts = rule.mapping("montants", allowed: ["source"] + table.sizeKeys) {
                for size in table.sizeClasses.map(\.size) {
                    guard
                        let cell = amounts.mapping(
                            String(size),
                            allowed: [
                                "total", "fixe", "variable", "activation_crise",
                                "premiere_annee", "projet_d_avenant",
                            ])
                    else { continue }
                    let first = cell.mapping("premiere_annee", allowed: ["total", "fixe", "variable"]).map {
                        FundingTable.FirstYear(
                            total: $0.integer("total", Limits.amount)?.value,
                            fixed: $0.integer("fixe", Limits.amount)?.value,
                            variable: $0.integer("variable", Limits.amount)?.value)
                    }
                    let draft = cell.mapping(
                        "projet_d_avenant", allowed: ["premiere_annee", "activation_crise", "source"]
                    )
                    .map { draft in
                        let source = draft.string("source")?.value
                        return FundingTable.DraftAmounts(
                            firstYear: draft.integer("premiere_annee", Limits.amount)?.value,
                            activation: draft.integer("activation_crise", Limits.amount)?.value,
                            source: source.flatMap { table.sources[$0] } ?? source ?? "")
                    }
                    mission.amounts[size] = FundingTable.MissionAmounts(
                        total: cell.integer("total", Limits.amount)?.value,
                        fixed: cell.integer("fixe", Limits.amount)?.value,
                        variable: cell.integer("variable", Limits.amount)?.value,
                        crisisActivation: cell.integer("activation_crise", Limits.amount)?.value, firstYear: first,
                        draft: draft)
                }
            }
            if let index = table.missions.firstIndex(where: { $0.id == missionID }) {
                table.missions[index] = mission
            } else {
                table.missions.append(mission)
            }
        }
        return table
    }

    /// `plafond_total.contestes: {4: [{montant: 380000, source: kine}, {montant: 450000, source: quotidien}]}`.
    private func readDisputes(_ file: YAMLMapping, into table: inout FundingTable) {
        guard let group = file.mapping("plafond_total", allowed: ["source", "montants", "contestes"]),
            let disputes = group.mapping("contestes", allowed: table.sizeKeys)
        else { return }
        for size in disputes.keys {
            guard let number = Int(size) else { continue }
            table.disputedCeilings[number] = disputes.mappings(
                size, allowed: ["montant", "source"], example: "- {montant: 380000, source: …}"
            ).compactMap { entry in
                guard let amount = entry.integer("montant", Limits.amount) else { return nil }
                let source = entry.string("source")?.value
                return FundingTable.DisputedAmount(
                    amount: amount.value, source: source.flatMap { table.sources[$0] } ?? source ?? "")
            }
        }
    }

    /// `{source: …, montants: {1: 50000, 2: null}}`: a written null replaces the base value.
    private func merge(_ file: YAMLMapping, _ key: String, sizes: [String], into values: inout [Int: Int?]) {
        guard let group = file.mapping(key, allowed: ["source", "montants", "contestes"]),
            let amounts = group.mapping("montants", allowed: sizes)
        else { return }
        for size in sizes where amounts.keys.contains(size) {
            values[Int(size)!] = .some(amounts.integer(size, Limits.amount)?.value)
        }
    }

    /// The size classes as the data states them: numbered from 1, each starting where the
    /// previous one stops, the last one open-ended, so that every population has one.
    private func sizeClasses(_ sizes: YAMLMapping) -> [FundingTable.SizeClass] {
        let rows = sizes.mappings(
            "classes", allowed: ["taille", "population_min", "population_max_exclue"],
            example: "- {taille: 1, population_min: 0, population_max_exclue: 40000}")
        var classes: [FundingTable.SizeClass] = []
        for (index, row) in rows.enumerated() {
            guard let size = row.integer("taille", Limits.sizeClass),
                let minimum = row.integer("population_min", Limits.thresholdPopulation)
            else {
                row.require("taille", "le numéro de la taille", example: "taille: \(index + 1)")
                row.require("population_min", "la population minimale", example: "population_min: 0")
                return []
            }
            let maximum = row.integer("population_max_exclue", Limits.thresholdPopulation)?.value
            let expectedMinimum = classes.last?.maximumExcluded ?? 0
            let problem: String?
            if size.value != index + 1 {
                problem =
                    "La taille n° \(index + 1) porte le numéro \(size.value) : les tailles se numérotent 1, 2, 3… dans l’ordre."
            } else if minimum.value != expectedMinimum {
                problem =
                    "La taille \(size.value) commence à \(FrenchFormat.integer(minimum.value)) habitants, la précédente "
                    + "s’arrête à \(FrenchFormat.integer(expectedMinimum)) : les tailles doivent se suivre sans trou ni chevauchement."
            } else if let maximum, maximum <= minimum.value {
                problem =
                    "La taille \(size.value) s’arrête (\(FrenchFormat.integer(maximum))) avant de commencer "
                    + "(\(FrenchFormat.integer(minimum.value)))."
            } else if maximum == nil && index != rows.count - 1 {
                problem = "Seule la dernière taille peut être sans maximum (population_max_exclue)."
            } else if maximum != nil && index == rows.count - 1 {
                problem = "La dernière taille doit être sans maximum, pour qu’aucune population n’en soit privée."
            } else {
                problem = nil
            }
            if let problem {
                diagnostics.error(
                    "aci.tailles", at: row.location, problem,
                    hint: "par exemple :\n- {taille: 1, population_min: 0, population_max_exclue: 40000}\n"
                        + "- {taille: 2, population_min: 40000}")
                return []
            }
            classes.append(FundingTable.SizeClass(size: size.value, minimum: minimum.value, maximumExcluded: maximum))
        }
        return classes
    }
}

extension YAMLMapping {
    /// The keys of a nested free-form mapping (such as `sources`), to accept them all.
    func mappingKeys(_ key: String) -> [String] {
        guard case let .mapping(mapping)? = self[key] else { return [] }
        return mapping.map { $0.key.string ?? "" }
    }
}
