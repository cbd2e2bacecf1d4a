import TextAnalysis

/// A set of lower-case words (or phrases) that answers "is token i one of these?" from the token's bytes,
/// without building a String: lookups happen for nearly every token, so they must not allocate.
/// A `PhraseTable` whose only value is membership.
public struct WordSet: Sendable {
    private var table = PhraseTable<Bool>()

    /// Longest entry, in tokens, for phrase lookups.
    public var maxTokens: Int { max(1, table.maxTokens) }

    public init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { table.insert(word.lowercased(), true) }
    }

    /// One hash and one comparison: this runs several times for nearly every token.
    public func contains(_ text: AnalyzedText, _ index: Int) -> Bool {
        let token = text.tokens[index]
        return table.value(forFoldedBytes: text.bytes[token.start..<token.end]) != nil
    }

    public func contains(bytes: ArraySlice<UInt8>) -> Bool {
        table.value(forFoldedBytes: bytes) != nil
    }

    /// Whether the words of tokens `index..<index+count`, joined by single spaces, form an entry.
    public func containsPhrase(_ text: AnalyzedText, from index: Int, count: Int) -> Bool {
        count >= 1 && table.longest(in: text, at: index, limit: index + count)?.length == count
    }

    /// The longest entry starting at `index` (ending before `limit`), in tokens; 0 when none.
    public func longestPhrase(_ text: AnalyzedText, at index: Int, limit: Int) -> Int {
        table.longest(in: text, at: index, limit: limit)?.length ?? 0
    }
}
