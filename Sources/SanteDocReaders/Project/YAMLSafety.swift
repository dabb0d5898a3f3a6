import SanteDocModel
import Yams

/// Parses YAML with bounds, and turns libyaml's errors into located French diagnostics.
enum YAMLSafety {
    /// Anchors and aliases have no use in a projet de santé; many of them is an alias bomb.
    static let maximumAliases = 100
    /// Counts `*name` where YAML allows an alias (after a space, a line start or `[{,:-`),
    /// not the asterisks of a Markdown text. A plain byte scan: a regex costs more than
    /// parsing the file.
    static func countAliases(_ text: String) -> Int {
        var count = 0
        var previous: UInt8 = UInt8(ascii: "\n")
        var pendingStar = false
        for byte in text.utf8 {
            if pendingStar {
                switch byte {
                case 9, 10, 13, 32, 42, 44, 93, 125: break  // whitespace * , ] }: not a name
                default: count += 1
                }
            }
            switch previous {
            case 9, 10, 13, 32, 44, 45, 58, 91, 123: pendingStar = byte == 42  // after space , - : [ {
            default: pendingStar = false
            }
            previous = byte
        }
        return count
    }

    /// The first tab in a line's indentation, as (line, column), 1-based.
    static func indentationTab(_ text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var inIndentation = true
        for byte in text.utf8 {
            switch byte {
            case 10:
                line += 1
                column = 1
                inIndentation = true
                continue
            case 9 where inIndentation: return (line, column)
            case 32: break
            default: inIndentation = false
            }
            column += 1
        }
        return nil
    }

    static func compose(_ text: String, file: String, diagnostics: DiagnosticEngine, lineOffset: Int = 0) throws
        -> Node?
    {
        // libyaml refuses tabs in indentation with an English message, or takes them for
        // content: said here, in French, where the tab is.
        if let tab = indentationTab(text) {
            diagnostics.error(
                "yaml.tabulation", at: SourceLocation(file: file, line: tab.line + lineOffset, column: tab.column),
                "Tabulation dans l’indentation : YAML n’accepte que des espaces pour décaler les lignes.",
                hint: "remplacez la tabulation par des espaces (deux par niveau) ; dans un éditeur, "
                    + "activez « insérer des espaces » pour la touche Tab.")
            return nil
        }
        let aliases = countAliases(text)
        if aliases > maximumAliases {
            diagnostics.error(
                "yaml.alias", at: SourceLocation(file: file),
                "« \(file) » contient trop d’alias YAML (« *nom ») : \(aliases), au plus \(maximumAliases).",
                hint: "écrivez les valeurs en clair au lieu de les répéter par des alias.")
            return nil
        }
        // Every scalar is read as text and typed by the readers themselves, so Yams'
        // implicit-type regexes (a quarter of a build's instructions) are not needed.
        // The encoding is given: its default reads the environment on every call.
        return try Yams.compose(yaml: text, .basic, .default, .utf8)
    }

    static func report(_ error: Error, file: String, diagnostics: DiagnosticEngine, lineOffset: Int = 0) {
        let hint =
            "vérifiez l’indentation (des espaces, pas de tabulations), les « : » après chaque clé "
            + "et les guillemets autour des textes contenant « : » ou « # »."
        guard let yamlError = error as? YamlError else {
            diagnostics.error(
                "yaml.syntaxe", at: SourceLocation(file: file), "YAML illisible.", hint: hint)
            return
        }
        switch yamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            diagnostics.error(
                "yaml.syntaxe", at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                "Syntaxe YAML incorrecte : \(translate(problem)).", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            diagnostics.error(
                "yaml.cle-dupliquee",
                at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                "Clé écrite deux fois : " + duplicates.map { "« \($0) »" }.joined(separator: ", ") + ".",
                hint: "gardez une seule occurrence de chaque clé.")
        case let .reader(problem, offset, _, yaml):
            let before = offset.map { Array(yaml.utf8.prefix($0)) } ?? []
            let line = before.filter { $0 == 10 }.count + 1
            let column = before.count - (before.lastIndex(of: 10).map { $0 + 1 } ?? 0) + 1
            diagnostics.error(
                "yaml.syntaxe", at: SourceLocation(file: file, line: line + lineOffset, column: column),
                "Caractère illisible : \(translate(problem)).",
                hint: "retirez ce caractère (souvent invisible, copié depuis un traitement de texte).")
        default:
            diagnostics.error("yaml.syntaxe", at: SourceLocation(file: file), "YAML illisible.", hint: hint)
        }
    }

    /// libyaml's problems, in French. An unknown one is never shown in English: the
    /// location and the hint still say where and what to check.
    static func translate(_ problem: String) -> String {
        known.first { problem.contains($0.0) }?.1 ?? "structure inattendue à cet endroit"
    }

    static let known: [(String, String)] = [
        ("mapping values are not allowed in this context", "« : » inattendu (texte à mettre entre guillemets ?)"),
        ("mapping keys are not allowed in this context", "clé inattendue à cet endroit (indentation ?)"),
        (
            "found character that cannot start any token",
            "caractère inattendu (tabulation ou symbole en début de valeur ?)"
        ),
        ("did not find expected key", "clé attendue à cet endroit (indentation incohérente ?)"),
        ("found undefined alias", "alias « * » sans ancre correspondante"),
        ("did not find expected '-' indicator", "élément de liste « - » attendu"),
        ("found unexpected end of stream", "fin de fichier inattendue (guillemet non fermé ?)"),
        ("could not find expected ':'", "« : » attendu après la clé"),
        ("found a tab character", "tabulation dans l’indentation (utilisez des espaces)"),
        ("block sequence entries are not allowed in this context", "élément de liste « - » mal placé (indentation ?)"),
        ("but found another document", "plusieurs documents (« --- ») dans un même fichier : un seul est attendu"),
        ("did not find expected ',' or ']'", "liste entre crochets non fermée (« ] » ou « , » attendu)"),
        ("did not find expected ',' or '}'", "table entre accolades non fermée (« } » ou « , » attendu)"),
        ("did not find expected node content", "valeur attendue à cet endroit"),
        ("did not find expected <document start>", "contenu inattendu après la fin du document"),
        ("did not find expected comment or line break", "texte inattendu après une valeur entre guillemets"),
        (
            "found unknown escape character",
            "séquence « \\ » inconnue dans un texte entre guillemets (écrivez « \\\\ » ou des guillemets simples)"
        ),
        ("found invalid Unicode character escape code", "code Unicode « \\u » invalide dans un texte entre guillemets"),
        ("did not find expected hexdecimal number", "code « \\x » ou « \\u » incomplet dans un texte entre guillemets"),
        ("found unexpected document indicator", "« --- » ou « ... » inattendu dans un texte"),
        ("found unexpected ':'", "« : » inattendu"),
        ("found undefined tag handle", "étiquette « ! » inconnue"),
        ("did not find expected tag URI", "étiquette « ! » incomplète"),
        ("did not find expected alphabetic or numeric character", "nom d’ancre ou d’alias (« & », « * ») incomplet"),
        ("found duplicate %YAML directive", "directive « %YAML » écrite deux fois"),
        ("found incompatible YAML document", "version de YAML non prise en charge"),
        ("found duplicate %TAG directive", "directive « %TAG » écrite deux fois"),
        ("found unknown directive name", "directive « % » inconnue"),
        ("found an indentation indicator equal to 0", "indicateur d’indentation « 0 » invalide après « | » ou « > »"),
        ("did not find the expected '>'", "« > » attendu"),
        ("control characters are not allowed", "caractère de contrôle interdit"),
        ("invalid Unicode character", "caractère Unicode invalide"),
        ("incomplete UTF-8 octet sequence", "caractère UTF-8 incomplet"),
        ("invalid leading UTF-8 octet", "octet UTF-8 invalide"),
        ("invalid trailing UTF-8 octet", "octet UTF-8 invalide"),
        ("found an incorrect leading UTF-8 octet", "octet UTF-8 invalide"),
        ("found an incorrect trailing UTF-8 octet", "octet UTF-8 invalide"),
        ("input is too long", "fichier trop long"),
    ]
}
