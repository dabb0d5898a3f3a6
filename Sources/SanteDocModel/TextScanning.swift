/// Byte-level text scans for the hot paths of reading: Foundation's `range(of:)` and
/// `trimmingCharacters` bridge to NSString and cost more than the rest of a read.
extension StringProtocol {
    /// Where the two ASCII characters `first` then `second` (`{{`) next stand, at or after `start`.
    package func range(ofASCII first: Unicode.Scalar, _ second: Unicode.Scalar, from start: Index) -> Range<Index>? {
        let bytes = utf8
        let (a, b) = (UInt8(ascii: first), UInt8(ascii: second))
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == a {
                let next = bytes.index(after: index)
                if next < bytes.endIndex && bytes[next] == b { return index..<bytes.index(after: next) }
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    package func containsASCII(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        range(ofASCII: first, second, from: startIndex) != nil
    }
}

extension StringProtocol where SubSequence == Substring {
    /// Without the spaces and tabs around it.
    package func trimmingSpacesAndTabs() -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

    /// Without the white space around it (spaces, no-break spaces, tabs, line ends): the
    /// native equivalent of `trimmingCharacters(in: .whitespacesAndNewlines)`.
    package func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }
}

extension String {
    /// The text with its first letter in capitals (« facultative » → « Facultative »).
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// Without a leading `word` (any case) and what separates it from the rest: « Version 2 »
    /// → « 2 ». Unchanged when nothing would remain.
    package func droppingLeadingWord(_ word: String) -> String {
        guard count > word.count, prefix(word.count).lowercased() == word.lowercased() else { return self }
        let rest = dropFirst(word.count)
        guard let first = rest.first, first == " " || first == "\u{00A0}" || first == ":" else { return self }
        let trimmed = rest.drop { $0 == " " || $0 == "\u{00A0}" || $0 == ":" }
        return trimmed.isEmpty ? self : String(trimmed)
    }
}
