import Foundation

extension String {
    /// The text as words to compare: lower case, without accents, apostrophes and hyphens
    /// as spaces, each word without a plural `s` or `x` (« Soins non programmés » and
    /// « soin non programme » meet), single spaces.
    package var searchForm: String {
        let folded = folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
        var words: [Substring] = []
        for word in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == ".") }) {
            var word = word
            while word.last == "." { word = word.dropLast() }
            if word.count > 3, let last = word.last, last == "s" || last == "x" { word = word.dropLast() }
            if !word.isEmpty { words.append(word) }
        }
        return words.joined(separator: " ")
    }

    /// Whether `phrase` (already in `searchForm`) occurs here as whole words.
    package func containsPhrase(_ phrase: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        return " \(self) ".contains(" \(phrase) ")
    }
}

/// The phrases of a text, found in constant time: every run of up to `longest` words of
/// its `searchForm`, built once in one pass over the words — so that asking a long
/// document for a hundred phrases costs the document once, not a hundred times.
package struct PhraseIndex: Sendable {
    private let runs: Set<Substring>
    private let words: String
    private let longest: Int

    package init(_ text: String, longest: Int = 8) {
        words = text.searchForm
        self.longest = longest
        let list = words.split(separator: " ")
        var runs = Set<Substring>()
        var starts: [String.Index] = []
        for word in list {
            starts.append(word.startIndex)
            // Each run ending at this word, from up to `longest` words back.
            for start in starts.suffix(longest) { runs.insert(words[start..<word.endIndex]) }
        }
        self.runs = runs
    }

    /// Whether `phrase` (in `searchForm`) occurs as whole words.
    package func contains(_ phrase: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        if phrase.split(separator: " ").count <= longest { return runs.contains(Substring(phrase)) }
        return words.containsPhrase(phrase)
    }
}
