/// "Vouliez-vous dire …" for misspelt keys, placeholders and ids.
public enum Suggestions {
    /// Known names close to `word`, closest first (at most `limit`).
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        let threshold = max(2, target.count / 3)
        return
            candidates
            .map { ($0, distance(target, Array($0.lowercased()))) }
            .filter { $0.1 <= threshold || $0.0.lowercased().hasPrefix(word.lowercased()) && !word.isEmpty }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit)
            .map(\.0)
    }

    /// A French hint naming the closest candidates, or nil.
    public static func hint(for word: String, in candidates: [String]) -> String? {
        let found = closest(to: word, in: candidates)
        guard !found.isEmpty else { return nil }
        return "vouliez-vous dire " + found.map { "« \($0) »" }.joined(separator: " ou ") + " ?"
    }

    /// Levenshtein distance with two rows.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
