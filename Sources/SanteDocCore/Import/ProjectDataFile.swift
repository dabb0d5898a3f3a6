import SanteDocModel

/// The `init` skeleton of `projet.yaml`, with the values an import read put in place: each
/// on the line of its key, its comment replaced by where it was read, the skeleton's other
/// keys and explanations left as they are. The skeleton is SanteDoc's own file, in block
/// style, two spaces per level: keys are found by their indentation.
struct ProjectDataFile {
    private(set) var lines: [String]

    init(skeleton: String) {
        lines = skeleton.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    var text: String { lines.joined(separator: "\n") }

    /// After the editor's schema line, which must stay first.
    mutating func introduce(source: String) {
        let first = lines.first?.hasPrefix("# yaml-language-server") == true ? 1 : 0
        lines.insert(
            contentsOf: [
                "# Importé de « \(source) » par « santedoc importer » : chaque valeur lue dans le document",
                "# porte en commentaire l’endroit d’où elle vient. Vérifiez-les, puis complétez le reste.",
                "#",
            ], at: first)
    }

    /// Each value read, at its key. Population and commune count only without a commune
    /// list, from which SanteDoc computes them.
    mutating func fill(_ data: ImportedData, hasCommuneList: Bool) {
        for field in data.fields {
            if hasCommuneList, ["territoire.population", "territoire.nombre_communes"].contains(field.path) {
                continue
            }
            let comment = "importé : \(field.origin)"
            switch field.value {
            case let .text(text): set(field.path, Self.quoted(text), comment: comment)
            case let .integer(n): set(field.path, String(n), comment: comment)
            case let .date(date): set(field.path, date.description, comment: comment)
            case let .address(street, postcode, town):
                set(field.path + ".adresse", Self.quoted(street), comment: comment)
                if let postcode { set(field.path + ".code_postal", Self.quoted(postcode), comment: nil) }
                if let town { set(field.path + ".commune", Self.quoted(town), comment: nil) }
            case let .person(name, role):
                set(field.path + ".nom", Self.quoted(name), comment: comment)
                set(field.path + ".fonction", Self.quoted(role), comment: nil)
            }
        }
        if !data.members.isEmpty, let index = line(of: "professionnels") {
            var entries = ["professionnels:" + (data.membersOrigin.map { "   # importé : \($0)" } ?? "")]
            for member in data.members {
                entries.append("  - profession: \(Self.quoted(member.profession))")
                entries.append("    effectif: \(member.count)")
            }
            lines.replaceSubrange(index...index, with: entries)
        }
    }

    static func quoted(_ text: String) -> String { SectionText.quoted(text) }

    /// The line of the key at `path`, by indentation: a key two spaces deeper than its parent.
    func line(of path: String) -> Int? {
        var stack: [(indent: Int, key: String)] = []
        for (index, line) in lines.enumerated() {
            guard let (indent, key) = Self.key(line) else { continue }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            stack.append((indent, key))
            if stack.map(\.key).joined(separator: ".") == path { return index }
        }
        return nil
    }

    /// `  nom: ""   # …` → (2, "nom"); comments, list items and blank lines are no key.
    static func key(_ line: String) -> (Int, String)? {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        guard let colon = rest.firstIndex(of: ":"), !rest.hasPrefix("#"), !rest.hasPrefix("-") else { return nil }
        let key = rest[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return (indent, String(key))
    }

    /// The value at `path`, on its line, or on a new line under its parent when the
    /// skeleton does not have the key.
    mutating func set(_ path: String, _ value: String, comment: String?) {
        let suffix = comment.map { "   # \($0)" } ?? ""
        if let index = line(of: path), let (indent, key) = Self.key(lines[index]) {
            lines[index] = String(repeating: " ", count: indent) + "\(key): \(value)" + suffix
            return
        }
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count > 1, let parent = line(of: parts.dropLast().joined(separator: ".")),
            let (indent, _) = Self.key(lines[parent])
        else { return }
        lines.insert(String(repeating: " ", count: indent + 2) + "\(parts.last!): \(value)" + suffix, at: parent + 1)
    }
}
