import Foundation
import FoundationEssentials

/// swift-argument-parser writes its help and usage errors in English; SanteDoc's users
/// read French. The parser's fixed phrases are translated here, at the edge.
enum ParserFrench {
    /// Whole phrases, then patterns with a quoted value.
    static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "RÉSUMÉ : "), ("USAGE: ", "UTILISATION : "), ("ARGUMENTS:", "ARGUMENTS :"),
        ("OPTIONS:", "OPTIONS :"), ("SUBCOMMANDS:", "SOUS-COMMANDES :"),
        ("Show help information.", "Affiche cette aide."),
        ("Show subcommand help information.", "Affiche l’aide d’une sous-commande."),
        ("(default: ", "(par défaut : "), ("(values: ", "(valeurs : "),
        ("Usage: ", "Utilisation : "), ("Help: ", "Aide : "), ("Error: ", "santedoc: erreur: "),
        ("<subcommand>", "<sous-commande>"),
    ]

    static let patterns: [(String, String)] = [
        (#"See '([^']+)' for detailed help\."#, "« $1 » donne l’aide détaillée."),
        (#"See '([^']+)' for more information\."#, "« $1 » donne plus d’informations."),
        (#"Unknown option '([^']+)'"#, "option inconnue « $1 »"),
        (#"Unexpected argument '([^']+)'"#, "argument inattendu « $1 »"),
        (#"Missing expected argument '([^']+)'"#, "argument attendu manquant « $1 »"),
        (#"Missing value for '([^']+)'"#, "valeur manquante pour « $1 »"),
        (#"The value '([^']+)' is invalid for '([^']+)'"#, "la valeur « $1 » n’est pas valide pour « $2 »"),
        (#"Did you mean '([^']+)'\?"#, "vouliez-vous dire « $1 » ?"),
        (#"Please provide one of (.+)\."#, "valeurs possibles : $1."),
        (#"'([^']+)'"#, "« $1 »"),
    ]

    static func translate(_ text: String) -> String {
        var result = text
        for (english, french) in phrases { result = result.replacingOccurrences(of: english, with: french) }
        for (pattern, template) in patterns {
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return result
    }
}
