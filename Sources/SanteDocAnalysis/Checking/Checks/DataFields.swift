import SanteDocModel

/// The project fields a `donnee` requirement may name, by their path in `projet.yaml`
/// (`identite.contact`). A referential written for a region asks for what its ARS wants;
/// a path not listed here is an error in the referential, never a silent "missing".
enum DataField {
    /// Whether the field is filled, and where it was read when the model knows.
    enum Reading {
        case filled(SourceLocation?)
        case empty
    }

    typealias Reader = @Sendable (Project) -> Reading

    static let paths: [String: Reader] = [
        "document.version": { read($0.draftVersion, $0.documentLocation) },
        "document.date": { read($0.draftDate, $0.documentLocation) },
        "identite.denomination": { read($0.identity.name?.value, $0.identity.name?.location) },
        "identite.forme_juridique": { read($0.identity.legalForm?.value, $0.identity.legalForm?.location) },
        "identite.siege": { read($0.identity.seat, $0.identity.seat?.location) },
        "identite.date_creation": { read($0.identity.creationDate, $0.identity.location) },
        "identite.contact": { read($0.identity.contact, $0.identity.location) },
        "identite.site_web": { read($0.identity.website, $0.identity.location) },
        "territoire.nom": { read($0.territory.name, $0.territory.location) },
        "territoire.departement": { read($0.territory.department, $0.territory.location) },
        "territoire.population": {
            read($0.territory.declaredPopulation?.value, $0.territory.declaredPopulation?.location)
        },
        "territoire.nombre_communes": {
            read($0.territory.declaredCommuneCount?.value, $0.territory.declaredCommuneCount?.location)
        },
        "territoire.superficie_km2": { read($0.territory.declaredArea?.value, $0.territory.declaredArea?.location) },
        "territoire.reference_population": { read($0.territory.populationReference, $0.territory.location) },
        "membres_total": { read($0.declaredMemberTotal?.value, $0.declaredMemberTotal?.location) },
        "gouvernance.coordination": {
            read($0.governance.coordinator, $0.governance.coordinator?.location)
        },
        "contrat.version_aci": { read($0.contract.aciVersion?.value, $0.contract.aciVersion?.location) },
        "contrat.date_signature": { read($0.contract.signatureDate?.value, $0.contract.signatureDate?.location) },
        "contrat.lieu_signature": {
            read($0.contract.signaturePlace?.value, $0.contract.signaturePlace?.location)
        },
    ]

    /// The path as the table spells it: referentials may write `forme-juridique` for the
    /// YAML key `forme_juridique`.
    static func normalized(_ path: String) -> String {
        path.replacingOccurrences(of: "-", with: "_")
    }

    static func reader(for path: String) -> Reader? { paths[normalized(path)] }

    private static func read(_ value: Any?, _ location: SourceLocation?) -> Reading {
        value == nil ? .empty : .filled(location)
    }
}
