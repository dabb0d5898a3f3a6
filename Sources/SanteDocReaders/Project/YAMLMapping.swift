import SanteDocModel
import Yams

/// A YAML mapping read with its locations, reporting wrong types and misspelt keys in
/// French instead of failing on the first one.
struct YAMLMapping {
    let file: String
    /// Dotted path of this mapping in the file, for messages (`identite.siege`).
    let path: String
    let location: SourceLocation
    private let pairs: [(key: String, keyLocation: SourceLocation, value: Node)]
    let diagnostics: DiagnosticEngine
    /// Lines before the YAML text in its file (front matter starts on line 2).
    let lineOffset: Int

    init?(
        _ node: Node, file: String, path: String, diagnostics: DiagnosticEngine, example: String? = nil,
        lineOffset: Int = 0
    ) {
        let location = YAMLMapping.location(of: node, in: file, lineOffset: lineOffset)
        guard case let .mapping(mapping) = node else {
            diagnostics.error(
                "yaml.type", at: location,
                "« \(path) » doit être une table de clés (clé: valeur), pas \(YAMLMapping.describe(node)).",
                hint: example.map { "par exemple :\n" + $0 })
            return nil
        }
        self.file = file
        self.path = path
        self.location = location
        self.diagnostics = diagnostics
        self.lineOffset = lineOffset
        pairs = mapping.map { pair in
            (pair.key.string ?? "", YAMLMapping.location(of: pair.key, in: file, lineOffset: lineOffset), pair.value)
        }
    }

    var keys: [String] { pairs.map(\.key) }

    /// Reports keys that are not in `allowed`, suggesting the closest one.
    func rejectUnknownKeys(allowed: [String]) {
        for pair in pairs where !allowed.contains(pair.key) {
            diagnostics.error(
                "yaml.cle-inconnue", at: pair.keyLocation,
                "Clé inconnue « \(pair.key) »"
                    + (path.isEmpty ? " au premier niveau du fichier." : " dans « \(path) »."),
                hint: Suggestions.hint(for: pair.key, in: allowed)
                    ?? "clés possibles : " + allowed.joined(separator: ", ") + ".")
        }
    }

    subscript(key: String) -> Node? {
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case let .scalar(scalar) = value, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null",
            scalar.style == .plain
        {
            return nil
        }
        return value
    }

    func location(of key: String) -> SourceLocation {
        pairs.first(where: { $0.key == key })?.keyLocation ?? location
    }

    func valueLocation(of key: String) -> SourceLocation {
        self[key].map { location(of: $0) } ?? location(of: key)
    }

    // MARK: Typed values

    func string(_ key: String) -> Located<String>? {
        guard let node = self[key] else { return nil }
        guard case let .scalar(scalar) = node else {
            typeError(key, node, expected: "un texte", example: "\(key): \"…\"")
            return nil
        }
        let raw = scalar.string
        // Most values need no trimming.
        let text =
            raw.first?.isWhitespace == true || raw.last?.isWhitespace == true ? String(raw.trimmingWhitespace()) : raw
        return text.isEmpty ? nil : Located(text, at: valueLocation(of: key))
    }

    /// A whole number within its plausible range; outside it, an error stating the range.
    func integer(_ key: String, _ bound: Limits.Plausible) -> Located<Int>? {
        guard let node = self[key] else { return nil }
        guard case let .scalar(scalar) = node, let value = FrenchNumber.integer(scalar.string) else {
            typeError(key, node, expected: "un nombre entier", example: "\(key): \(bound.range.lowerBound)")
            return nil
        }
        guard bound.range.contains(value) else {
            diagnostics.emit(
                Self.outOfRange(
                    "« \(path.isEmpty ? "" : path + ".")\(key) »", value, bound,
                    at: valueLocation(of: key)))
            return nil
        }
        return Located(value, at: valueLocation(of: key))
    }

    static func outOfRange(_ what: String, _ value: Int, _ bound: Limits.Plausible, at location: SourceLocation)
        -> Diagnostic
    {
        let unit = bound.unit.isEmpty ? "" : " " + bound.unit
        return Diagnostic(
            "valeur.hors-limites", .error, at: location,
            "\(what) vaut \(FrenchFormat.integer(value)) : valeur attendue de "
                + "\(FrenchFormat.integer(bound.range.lowerBound)) à \(FrenchFormat.integer(bound.range.upperBound))\(unit).",
            hint: "vérifiez le nombre saisi (\(bound.reason)).")
    }

    func number(_ key: String, range: ClosedRange<Double>) -> Located<Quantity>? {
        guard let node = self[key] else { return nil }
        if case let .scalar(scalar) = node, let value = FrenchNumber.quantity(scalar.string) {
            guard range.contains(value.value) else {
                diagnostics.error(
                    "valeur.hors-limites", at: valueLocation(of: key),
                    "« \(path.isEmpty ? "" : path + ".")\(key) » vaut \(scalar.string) : valeur attendue de "
                        + "\(FrenchFormat.decimal(range.lowerBound, places: range.lowerBound > 0 && range.lowerBound < 1 ? 2 : 0)) à \(FrenchFormat.decimal(range.upperBound, places: 0)).",
                    hint: "vérifiez le nombre saisi.")
                return nil
            }
            return Located(value, at: valueLocation(of: key))
        }
        typeError(key, node, expected: "un nombre", example: "\(key): 14,65")
        return nil
    }

    func date(_ key: String) -> Located<CalendarDate>? {
        guard let node = self[key] else { return nil }
        if case let .scalar(scalar) = node, let date = CalendarDate(iso: scalar.string),
            scalar.string.first?.isNumber == true
        {
            guard Limits.dateYears.contains(date.year) else {
                diagnostics.error(
                    "valeur.hors-limites", at: valueLocation(of: key),
                    "« \(path.isEmpty ? "" : path + ".")\(key) » vaut \(scalar.string) : une date de \(Limits.dateYears.lowerBound) "
                        + "à \(Limits.dateYears.upperBound) est attendue.",
                    hint: "vérifiez l’année saisie (quatre chiffres, AAAA-MM-JJ).")
                return nil
            }
            return Located(date, at: valueLocation(of: key))
        }
        typeError(key, node, expected: "une date au format AAAA-MM-JJ", example: "\(key): 2020-06-17")
        return nil
    }

    func boolean(_ key: String) -> Bool? {
        guard let node = self[key] else { return nil }
        if case let .scalar(scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "oui", "yes": return true
            case "false", "non", "no": return false
            default: break
            }
        }
        typeError(key, node, expected: "oui ou non", example: "\(key): oui")
        return nil
    }

    /// A list of texts; a single text is accepted as a list of one.
    /// Reads a closed list of values (`type: bureau`), suggesting the closest allowed one.
    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type) -> E? where E.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = E(rawValue: text.value) { return value }
        let allowed = E.allCases.map(\.rawValue)
        diagnostics.error(
            "yaml.valeur-inconnue", at: text.location, "Valeur « \(text.value) » inconnue pour « \(path).\(key) ».",
            hint: Suggestions.hint(for: text.value, in: allowed)
                ?? "valeurs possibles : " + allowed.joined(separator: ", ") + ".")
        return nil
    }

    func strings(_ key: String) -> [String] { locatedStrings(key).map(\.value) }

    func locatedStrings(_ key: String) -> [Located<String>] {
        guard let node = self[key] else { return [] }
        switch node {
        case let .scalar(scalar): return [Located(scalar.string, at: location(of: node))]
        case let .sequence(sequence):
            return sequence.compactMap { item in
                if case let .scalar(scalar) = item { return Located(scalar.string, at: location(of: item)) }
                diagnostics.error(
                    "yaml.type", at: location(of: item),
                    "Chaque élément de « \(path).\(key) » doit être un texte.",
                    hint: "écrivez une ligne « - texte » par élément.")
                return nil
            }
        default:
            typeError(key, node, expected: "une liste de textes", example: "\(key):\n  - …\n  - …")
            return []
        }
    }

    func mapping(_ key: String, allowed: [String], example: String? = nil) -> YAMLMapping? {
        guard let node = self[key] else { return nil }
        let child = YAMLMapping(
            node, file: file, path: "\(path.isEmpty ? "" : path + ".")\(key)",
            diagnostics: diagnostics, example: example, lineOffset: lineOffset)
        child?.rejectUnknownKeys(allowed: allowed)
        return child
    }

    /// The mappings of a list, each checked against `allowed`.
    func mappings(_ key: String, allowed: [String], example: String) -> [YAMLMapping] {
        guard let node = self[key] else { return [] }
        guard case let .sequence(sequence) = node else {
            typeError(key, node, expected: "une liste (lignes commençant par « - »)", example: example)
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            let child = YAMLMapping(
                item, file: file, path: "\(path.isEmpty ? "" : path + ".")\(key)[\(index + 1)]",
                diagnostics: diagnostics, example: example, lineOffset: lineOffset)
            child?.rejectUnknownKeys(allowed: allowed)
            return child
        }
    }

    enum TextOrMapping {
        case text(Located<String>)
        case mapping(YAMLMapping)
    }

    /// A list whose items are either short texts or detailed mappings, mixed as users
    /// write them (`- "Guichet"` next to `- titre: "…"`).
    func textsOrMappings(_ key: String, allowed: [String], example: String) -> [TextOrMapping] {
        guard let node = self[key] else { return [] }
        guard case let .sequence(sequence) = node else {
            if case let .scalar(scalar) = node { return [.text(Located(scalar.string, at: location(of: node)))] }
            typeError(key, node, expected: "une liste (lignes commençant par « - »)", example: example)
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            if case let .scalar(scalar) = item { return .text(Located(scalar.string, at: location(of: item))) }
            guard
                let child = YAMLMapping(
                    item, file: file, path: "\(path.isEmpty ? "" : path + ".")\(key)[\(index + 1)]",
                    diagnostics: diagnostics, example: example, lineOffset: lineOffset)
            else { return nil }
            child.rejectUnknownKeys(allowed: allowed)
            return .mapping(child)
        }
    }

    /// Reports a key that must be present in a list item.
    func require(_ key: String, _ what: String, example: String) {
        guard self[key] == nil else { return }
        diagnostics.error(
            "yaml.cle-manquante", at: location,
            "« \(path) » doit indiquer \(what) (clé « \(key) »).", hint: "ajoutez par exemple « \(example) ».")
    }

    private func typeError(_ key: String, _ node: Node, expected: String, example: String) {
        diagnostics.error(
            "yaml.type", at: location(of: node),
            "« \(path.isEmpty ? "" : path + ".")\(key) » doit être \(expected), pas \(YAMLMapping.describe(node)).",
            hint: "par exemple « \(example) ».")
    }

    func location(of node: Node) -> SourceLocation {
        YAMLMapping.location(of: node, in: file, lineOffset: lineOffset)
    }

    static func location(of node: Node, in file: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: 1 + lineOffset) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return "« \(scalar.string.prefix(40)) »"
        case .mapping: return "une table de clés"
        case .sequence: return "une liste"
        case .alias: return "un alias"
        }
    }
}
