import SanteDocModel

/// Whether a recorded result meets a target or a tier.
public enum ConditionOutcome: Sendable, Equatable {
    case met
    case unmet
    /// Only a person can tell: the condition is free text, the result is not a number, the
    /// units differ. The reason, in French.
    case notComputable(String)
}

extension Condition {
    public func evaluate(_ result: Measure) -> ConditionOutcome {
        guard let test else {
            return .notComputable("condition écrite en texte libre (« \(text) »), que SanteDoc ne sait pas évaluer")
        }
        if case .done = test {
            switch result {
            case .yes: return .met
            case .no: return .unmet
            default: return .notComputable("résultat attendu : « oui » ou « non »")
            }
        }
        guard case let .number(value, resultUnit) = result else {
            return .notComputable("résultat attendu : un nombre" + (unit.map { " (en \($0))" } ?? ""))
        }
        if let unit, let resultUnit, Self.comparable(unit) != Self.comparable(resultUnit) {
            return .notComputable("le résultat est en « \(resultUnit) », la condition en « \(unit) »")
        }
        let met: Bool
        switch test {
        case let .atMost(limit): met = value <= limit
        case let .lessThan(limit): met = value < limit
        case let .atLeast(limit): met = value >= limit
        case let .moreThan(limit): met = value > limit
        case let .equal(limit): met = value == limit
        case let .between(low, high): met = value >= low && value <= high
        case .done: met = false
        }
        return met ? .met : .unmet
    }

    /// The test as it was evaluated, in French (« au plus 50 patients »).
    public var reading: String? {
        guard let test else { return nil }
        func number(_ value: Double) -> String { FrenchFormat.decimal(value, places: Self.places(value)) }
        let suffix = unit.map { " " + $0 } ?? ""
        switch test {
        case let .atMost(limit): return "au plus \(number(limit))\(suffix)"
        case let .lessThan(limit): return "moins de \(number(limit))\(suffix)"
        case let .atLeast(limit): return "au moins \(number(limit))\(suffix)"
        case let .moreThan(limit): return "plus de \(number(limit))\(suffix)"
        case let .equal(limit): return "exactement \(number(limit))\(suffix)"
        case let .between(low, high): return "de \(number(low)) à \(number(high))\(suffix)"
        case .done: return "oui"
        }
    }

    /// As few decimals as the number needs, two at most.
    static func places(_ value: Double) -> Int {
        value == value.rounded() ? 0 : ((value * 10) == (value * 10).rounded() ? 1 : 2)
    }

    /// Units compare without case or plural (« patient » and « Patients »).
    static func comparable(_ unit: String) -> String {
        unit.lowercased().split(separator: " ").map { word in
            word.count > 2 && (word.hasSuffix("s") || word.hasSuffix("x")) ? String(word.dropLast()) : String(word)
        }.joined(separator: " ")
    }
}
