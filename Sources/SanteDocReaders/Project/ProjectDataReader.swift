import SanteDocModel
import Yams

/// Reads `projet.yaml`, the structured data of the project, into the model.
public struct ProjectDataReader {
    static let topLevelKeys = [
        "document", "identite", "territoire", "chronologie", "professionnels", "membres_total",
        "partenaires", "gouvernance", "missions", "contrat", "prs",
    ]
    let file: String
    let diagnostics: DiagnosticEngine

    /// The fields a `donnee` requirement may name, by their path in `projet.yaml`: a
    /// referential written for a region asks for what its ARS wants; a path not listed here
    /// is an error in the referential, never a silent "missing".
    public static let dataFieldPaths = [
        "document.version", "document.date", "identite.denomination", "identite.forme_juridique", "identite.siege",
        "identite.date_creation", "identite.contact", "identite.site_web", "territoire.nom", "territoire.departement",
        "territoire.population", "territoire.nombre_communes", "territoire.superficie_km2",
        "territoire.reference_population", "membres_total", "gouvernance.coordination", "contrat.version_aci",
        "contrat.date_signature", "contrat.lieu_signature",
    ]

    func read(_ text: String, into project: inout Project) {
        guard let root = compose(text) else { return }
        project.declaredFields = Self.filledFields(root, file: file)
        guard
            let top = YAMLMapping(
                root, file: file, path: "", diagnostics: diagnostics,
                example: "identite:\n  denomination: \"CPTS …\"")
        else { return }
        top.rejectUnknownKeys(allowed: Self.topLevelKeys)
        // Absent, it is to be added at the top of the file.
        project.documentLocation =
            top.keys.contains("document") ? top.location(of: "document") : SourceLocation(file: file)
        if let document = top.mapping("document", allowed: ["version", "date"]) {
            // « Version 2 » and « 2 » say the same: the documents print the word once.
            project.draftVersion = document.string("version")?.value.droppingLeadingWord("version")
            project.draftDate = document.date("date")?.value
        }
        readIdentity(top, into: &project)
        readTerritory(top, into: &project)
        readMembers(top, into: &project)
        readGovernance(top, into: &project)
        readRegionalPlan(top, into: &project)
        MissionDataReader(diagnostics: diagnostics).read(top, into: &project)
        if let contract = top.mapping(
            "contrat", allowed: ["version_aci", "date_signature", "date_avenant", "lieu_signature", "signataires"])
        {
            project.contract.aciVersion = contract.string("version_aci")
            project.contract.signatureDate = contract.date("date_signature")
            project.contract.amendmentDate = contract.date("date_avenant")
            project.contract.signaturePlace = contract.string("lieu_signature")
            project.contract.location = contract.location
            if let parties = contract.mapping("signataires", allowed: Signatory.Party.allCases.map(\.rawValue)) {
                for party in Signatory.Party.allCases {
                    guard
                        let who = parties.mapping(
                            party.rawValue, allowed: ["organisme", "nom", "fonction"],
                            example: "\(party.rawValue):\n  nom: \"…\"\n  fonction: \"…\"")
                    else { continue }
                    project.contract.signatories[party] = Signatory(
                        organisation: who.string("organisme")?.value,
                        name: who.string("nom")?.value, role: who.string("fonction")?.value, location: who.location)
                }
            }
        }
    }

    private func compose(_ text: String) -> Node? {
        if text.trimmingWhitespace().isEmpty {
            diagnostics.error(
                "yaml.vide", at: SourceLocation(file: file), "« \(file) » est vide.",
                hint: "lancez « santedoc init » dans un nouveau dossier pour obtenir un modèle complet.")
            return nil
        }
        do {
            return try YAMLSafety.compose(text, file: file, diagnostics: diagnostics)
        } catch {
            YAMLSafety.report(error, file: file, diagnostics: diagnostics)
            return nil
        }
    }

    private func readIdentity(_ top: YAMLMapping, into project: inout Project) {
        guard
            let identity = top.mapping(
                "identite",
                allowed: [
                    "denomination", "forme_juridique", "siege",
                    "date_creation", "contact", "site_web",
                ])
        else { return }
        project.identity.location = identity.location
        project.identity.name = identity.string("denomination")
        project.identity.legalForm = identity.string("forme_juridique")
        project.identity.creationDate = identity.date("date_creation")?.value
        project.identity.contact = identity.string("contact")?.value
        project.identity.website = identity.string("site_web")?.value
        if let seat = identity.mapping(
            "siege", allowed: ["adresse", "code_postal", "commune"],
            example: "siege:\n  adresse: \"7 boulevard …\"\n  code_postal: \"24100\"\n  commune: Bergerac")
        {
            if let street = seat.string("adresse"), let city = seat.string("commune") {
                project.identity.seat = Address(
                    street: street.value, postalCode: seat.string("code_postal")?.value ?? "",
                    city: city.value, location: seat.location)
            } else {
                seat.require("adresse", "l’adresse", example: "adresse: \"7 boulevard …\"")
                seat.require("commune", "la commune", example: "commune: Bergerac")
            }
        }
    }

    private func readTerritory(_ top: YAMLMapping, into project: inout Project) {
        guard
            let territory = top.mapping(
                "territoire",
                allowed: [
                    "nom", "departement", "population", "nombre_communes", "superficie_km2", "part_departement",
                    "taille_aci", "reference_population", "cpts_voisines",
                ])
        else { return }
        project.territory.location = territory.location
        project.territory.name = territory.string("nom")?.value
        project.territory.declaredPopulation = territory.integer("population", Limits.territoryPopulation)
        project.territory.declaredCommuneCount = territory.integer("nombre_communes", Limits.communeCount)
        project.territory.declaredArea = territory.number("superficie_km2", range: Limits.area)
        project.territory.declaredDepartmentShare = territory.number("part_departement", range: 0...100)
        project.territory.declaredSizeClass = territory.integer("taille_aci", Limits.sizeClass)
        project.territory.populationReference = territory.string("reference_population")?.value
        if territory.keys.contains("cpts_voisines") {
            project.territory.neighboursLocation = territory.location(of: "cpts_voisines")
            project.territory.neighbours = territory.mappings(
                "cpts_voisines", allowed: ["nom", "communes"],
                example: "cpts_voisines:\n  - {nom: \"CPTS du Pays voisin\", communes: voisines/pays-voisin.csv}"
            ).compactMap { item in
                guard let name = item.string("nom"), let file = item.string("communes") else {
                    item.require("nom", "le nom de la CPTS voisine", example: "nom: \"CPTS du Pays voisin\"")
                    item.require(
                        "communes", "le fichier de ses communes (dans le projet)",
                        example: "communes: voisines/pays-voisin.csv")
                    return nil
                }
                // The codes are read from the file by the project reader.
                return NeighbourCPTS(name: name.value, file: file.value, communeCodes: [], location: item.location)
            }
        }
        if let department = territory.mapping(
            "departement", allowed: ["nom", "code", "population", "source_population"])
        {
            if let name = department.string("nom") {
                project.territory.department = Department(
                    name: name.value, code: department.string("code")?.value,
                    population: department.integer("population", Limits.departmentPopulation),
                    populationSource: department.string("source_population")?.value)
            } else {
                department.require("nom", "le nom du département", example: "nom: Dordogne")
            }
        }
    }

    private func readMembers(_ top: YAMLMapping, into project: inout Project) {
        project.declaredMemberTotal = top.integer("membres_total", Limits.memberCount)
        // A key present but still empty is where the user adds the entries.
        if top.keys.contains("professionnels") { project.professionalsLocation = top.location(of: "professionnels") }
        if top.keys.contains("chronologie") { project.chronologyLocation = top.location(of: "chronologie") }
        for item in top.mappings(
            "professionnels", allowed: ["profession", "effectif"],
            example: "professionnels:\n  - profession: Infirmiers\n    effectif: 29")
        {
            guard let profession = item.string("profession"), let count = item.integer("effectif", Limits.memberCount)
            else {
                item.require("profession", "la profession", example: "profession: Infirmiers")
                item.require("effectif", "l’effectif", example: "effectif: 29")
                continue
            }
            project.professionals.append(
                ProfessionCount(
                    profession: profession.value, count: count.value,
                    location: item.location))
        }
        for item in top.mappings(
            "chronologie", allowed: ["annee", "date", "titre", "membres", "texte"],
            example: "chronologie:\n  - annee: 2014\n    titre: \"Création du Pôle de santé\"")
        {
            guard let year = item.integer("annee", Limits.year), let title = item.string("titre") else {
                item.require("annee", "l’année", example: "annee: 2014")
                item.require("titre", "un titre", example: "titre: \"Création du Pôle de santé\"")
                continue
            }
            project.chronology.append(
                Milestone(
                    year: year.value, date: item.date("date")?.value, title: title.value,
                    members: item.integer("membres", Limits.memberCount)?.value,
                    text: item.string("texte")?.value, location: item.location))
        }
        if top.keys.contains("partenaires") { project.partnersLocation = top.location(of: "partenaires") }
        for item in top.mappings(
            "partenaires", allowed: ["nom", "type", "convention", "role"],
            example: "partenaires:\n  - nom: \"Centre hospitalier …\"\n    type: etablissement-sante")
        {
            guard let name = item.string("nom") else {
                item.require("nom", "le nom du partenaire", example: "nom: \"Centre hospitalier …\"")
                continue
            }
            let kind = item.enumValue("type", PartnerKind.self) ?? .other
            project.partners.append(
                Partner(
                    name: name.value, kind: kind, agreement: item.boolean("convention") ?? false,
                    role: item.string("role")?.value, location: item.location))
        }
    }

    /// Every value filled in the data, by its path (lists excepted: a list is one field), at
    /// its value — a mapping counts as filled when one of its values is. Iterative: the
    /// depth of a document is not ours to trust.
    static func filledFields(_ root: Node, file: String) -> [String: SourceLocation] {
        var fields: [String: SourceLocation] = [:]
        var stack: [(node: Node, path: String)] = [(root, "")]
        var mappings: [(path: String, location: SourceLocation)] = []
        while let (node, path) = stack.popLast() {
            switch node {
            case let .mapping(mapping):
                if !path.isEmpty { mappings.append((path, YAMLMapping.location(of: node, in: file, lineOffset: 0))) }
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    stack.append((value, path.isEmpty ? name : path + "." + name))
                }
            case let .scalar(scalar):
                let value = scalar.string.trimmingWhitespace()
                guard !value.isEmpty, value != "~", value.lowercased() != "null", !path.isEmpty else { continue }
                fields[path] = YAMLMapping.location(of: node, in: file, lineOffset: 0)
            case let .sequence(sequence):
                if !sequence.isEmpty, !path.isEmpty {
                    fields[path] = YAMLMapping.location(of: node, in: file, lineOffset: 0)
                }
            default:
                continue
            }
        }
        // Deepest first: a mapping is filled once one of its fields is.
        for mapping in mappings.reversed() where fields[mapping.path] == nil {
            if fields.keys.contains(where: { $0.hasPrefix(mapping.path + ".") }) {
                fields[mapping.path] = mapping.location
            }
        }
        return fields
    }

    /// `prs: {nom: "…", objectifs: [{mission: acces-soins, objectif: "…"}]}`.
    private func readRegionalPlan(_ top: YAMLMapping, into project: inout Project) {
        guard let plan = top.mapping("prs", allowed: ["nom", "objectifs"]) else { return }
        let objectives = plan.mappings(
            "objectifs", allowed: ["mission", "objectif"],
            example: "objectifs:\n  - {mission: acces-soins, objectif: \"…\"}"
        ).compactMap { item -> (mission: String, objective: String, location: SourceLocation)? in
            guard let mission = item.string("mission"), let objective = item.string("objectif") else {
                item.require("mission", "la mission qui sert l’objectif", example: "mission: acces-soins")
                item.require("objectif", "l’objectif du PRS", example: "objectif: \"…\"")
                return nil
            }
            return (mission.value, objective.value, item.location)
        }
        project.regionalPlan = RegionalPlan(name: plan.string("nom"), objectives: objectives, location: plan.location)
    }

    private func readGovernance(_ top: YAMLMapping, into project: inout Project) {
        guard let governance = top.mapping("gouvernance", allowed: ["instances", "coordination"]) else { return }
        project.governance.location = governance.location
        for item in governance.mappings(
            "instances", allowed: ["type", "nom", "composition", "reunions"],
            example: "instances:\n  - type: bureau\n    composition: \"…\"")
        {
            guard let kind = item.enumValue("type", GoverningBodyKind.self) else {
                item.require("type", "le type d’instance", example: "type: bureau")
                continue
            }
            project.governance.bodies.append(
                GoverningBody(
                    kind: kind, name: item.string("nom")?.value, composition: item.string("composition")?.value,
                    meetings: item.string("reunions")?.value, location: item.location))
        }
        if let coordination = governance.mapping("coordination", allowed: ["nom", "fonction", "temps_de_travail"]) {
            let name = coordination.string("nom")?.value
            let role = coordination.string("fonction")?.value
            if name != nil || role != nil {
                project.governance.coordinator = Coordinator(
                    name: name, role: role ?? "Coordinateur ou coordinatrice",
                    workingTime: coordination.string("temps_de_travail")?.value, location: coordination.location)
            }
        }
    }
}
