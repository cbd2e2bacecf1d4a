import TextAnalysis

/// A set of lower-case words that answers "is token i one of these?" from the token's bytes, without building
/// a String: lookups happen for nearly every token, so they must not allocate.
public struct WordSet: Sendable {
    private var buckets: [UInt64: [[UInt8]]] = [:]
    /// Longest entry, in tokens, for phrase lookups.
    public private(set) var maxTokens = 1

    public init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words {
            let bytes = Array(word.lowercased().utf8)
            buckets[Self.hash(bytes[...]), default: []].append(bytes)
            maxTokens = max(maxTokens, word.split(separator: " ").count)
        }
    }

    /// FNV-1a over ASCII-lower-cased bytes.
    @inline(__always)
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(AnalyzedText.asciiLower(b))
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    public func contains(_ text: AnalyzedText, _ index: Int) -> Bool {
        let token = text.tokens[index]
        return contains(bytes: text.bytes[token.start..<token.end])
    }

    public func contains(bytes: ArraySlice<UInt8>) -> Bool {
        guard let candidates = buckets[Self.hash(bytes)] else { return false }
        return candidates.contains { candidate in
            candidate.count == bytes.count && zip(candidate, bytes).allSatisfy { $0 == AnalyzedText.asciiLower($1) }
        }
    }

    /// Whether the words of tokens `index..<index+count`, joined by single spaces, form an entry.
    public func containsPhrase(_ text: AnalyzedText, from index: Int, count: Int) -> Bool {
        if count == 1 { return contains(text, index) }
        var joined: [UInt8] = []
        for i in index..<(index + count) {
            if i > index { joined.append(0x20) }
            let token = text.tokens[i]
            joined.append(contentsOf: text.bytes[token.start..<token.end])
        }
        return contains(bytes: joined[...])
    }

    /// The longest entry starting at `index` (ending before `limit`), in tokens; 0 when none.
    public func longestPhrase(_ text: AnalyzedText, at index: Int, limit: Int) -> Int {
        var best = 0
        let upper = min(maxTokens, limit - index)
        if upper < 1 { return 0 }
        for count in 1...upper where containsPhrase(text, from: index, count: count) {
            best = count
        }
        return best
    }
}
