import SanteDocModel

/// Reads the targets and tiers of indicators as contracts write them — « ≤ 50 patients »,
/// « 51 à 100 patients », « au moins 35 % », « oui » — and the results recorded against
/// them, into values the annual review can compare. Anything else stays free text: kept
/// and printed as written, reported as not computable where a computation needs it.
enum ConditionReader {
    /// Words that state a yes/no target or result (« Annuaire publié : oui »).
    static let doneWords: Set<String> = [
        "oui", "fait", "faite", "réalisé", "réalisée", "publié", "publiée", "rédigé", "rédigée", "signé", "signée",
        "validé", "validée", "en place", "mis en place", "mise en place", "atteint", "atteinte", "effectif",
        "effective",
    ]

    /// Comparison words and signs, longest first so that « ≤ » is not read as « < ».
    static let comparisons: [(String, @Sendable (Double) -> Condition.Test)] = [
        ("inférieur ou égal à", Condition.Test.atMost), ("inférieure ou égale à", Condition.Test.atMost),
        ("supérieur ou égal à", Condition.Test.atLeast), ("supérieure ou égale à", Condition.Test.atLeast),
        ("inférieur à", Condition.Test.lessThan), ("inférieure à", Condition.Test.lessThan),
        ("supérieur à", Condition.Test.moreThan), ("supérieure à", Condition.Test.moreThan),
        ("au plus", Condition.Test.atMost), ("au moins", Condition.Test.atLeast),
        ("jusqu’à", Condition.Test.atMost), ("jusqu'à", Condition.Test.atMost),
        ("moins de", Condition.Test.lessThan), ("plus de", Condition.Test.moreThan),
        ("maximum", Condition.Test.atMost), ("minimum", Condition.Test.atLeast),
        ("<=", Condition.Test.atMost), ("=<", Condition.Test.atMost), (">=", Condition.Test.atLeast),
        ("=>", Condition.Test.atLeast), ("≤", Condition.Test.atMost), ("≥", Condition.Test.atLeast),
        ("<", Condition.Test.lessThan), (">", Condition.Test.moreThan), ("=", Condition.Test.equal),
    ]

    /// A target (`tier` false) or a tier's condition. A bare number is a target to reach,
    /// downwards when the indicator starts above it (`initial`), upwards otherwise; as a
    /// tier it says too little (reached from above or below?) and stays free text.
    static func condition(_ written: String, tier: Bool, initial: String? = nil) -> Condition {
        let text = normalized(written)
        let lower = text.lowercased()
        if doneWords.contains(lower) { return Condition(text: written, test: .done) }
        for (word, test) in comparisons where lower.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            guard let (value, unit) = quantity(rest) else { break }
            return Condition(text: written, test: test(value), unit: unit)
        }
        if let range = range(text) { return Condition(text: written, test: range.test, unit: range.unit) }
        if !tier, let (value, unit) = quantity(text[...]) {
            var downwards = false
            if let initial, case let .number(start, _) = measure(initial) { downwards = start > value }
            return Condition(
                text: written, test: downwards ? .atMost(value) : .atLeast(value), unit: unit, isInferred: true)
        }
        return Condition(text: written, test: nil)
    }

    /// A recorded result: a number with its unit, yes or no, or text.
    static func measure(_ written: String) -> Measure {
        let text = normalized(written)
        let lower = text.lowercased()
        if lower == "non" || lower == "non atteint" || lower == "non réalisé" { return .no }
        if doneWords.contains(lower) { return .yes }
        if let (value, unit) = quantity(text[...]) { return .number(value, unit: unit) }
        return .text
    }

    /// « entre 51 et 100 patients », « de 51 à 100 patients », « 51 à 100 patients », « 51–100 ».
    private static func range(_ text: String) -> (test: Condition.Test, unit: String?)? {
        var rest = text[...]
        let lower = text.lowercased()
        var separators = [" à ", "–", " – "]
        if lower.hasPrefix("entre ") {
            rest = rest.dropFirst(6)
            separators = [" et "]
        } else if lower.hasPrefix("de ") {
            rest = rest.dropFirst(3)
        }
        guard let (low, afterLow) = number(rest) else { return nil }
        for separator in separators where afterLow.hasPrefix(separator) {
            guard let (high, unit) = quantity(afterLow.dropFirst(separator.count)), low <= high else { return nil }
            return (.between(low, high), unit)
        }
        // « 51 patients à 100 patients »: the unit may be written twice.
        return nil
    }

    /// A number followed only by a unit without digits (« 35 % », « 10 médecins »).
    private static func quantity(_ text: Substring) -> (Double, String?)? {
        guard let (value, rest) = number(text.drop { $0 == " " }) else { return nil }
        let unit = rest.trimmingWhitespace()
        guard !unit.contains(where: \.isNumber) else { return nil }
        return (value, unit.isEmpty ? nil : String(unit))
    }

    /// A French number at the start of `text` (`1 000`, `35,5`, `12.5`) and what follows it.
    private static func number(_ text: Substring) -> (Double, Substring)? {
        var digits = ""
        var index = text.startIndex
        func isDigit(_ i: String.Index) -> Bool { i < text.endIndex && text[i].isASCII && text[i].isNumber }
        while isDigit(index) {
            digits.append(text[index])
            index = text.index(after: index)
        }
        guard !digits.isEmpty else { return nil }
        // Thousands groups: a space then exactly three digits.
        while index < text.endIndex, text[index] == " " {
            var probe = text.index(after: index)
            var group = ""
            while isDigit(probe) && group.count < 4 {
                group.append(text[probe])
                probe = text.index(after: probe)
            }
            guard group.count == 3, !isDigit(probe) else { break }
            digits += group
            index = probe
        }
        if index < text.endIndex, text[index] == "," || text[index] == ".", isDigit(text.index(after: index)) {
            digits.append(".")
            index = text.index(after: index)
            while isDigit(index) {
                digits.append(text[index])
                index = text.index(after: index)
            }
        }
        guard let value = Double(digits), value.isFinite else { return nil }
        return (value, text[index...])
    }

    /// No-break spaces as spaces, runs of spaces as one.
    private static func normalized(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text.trimmingWhitespace() {
            let space = character == " " || character == "\u{00A0}" || character == "\u{202F}" || character == "\t"
            if space {
                if !lastWasSpace { result.append(" ") }
            } else {
                result.append(character)
            }
            lastWasSpace = space
        }
        return result
    }
}
