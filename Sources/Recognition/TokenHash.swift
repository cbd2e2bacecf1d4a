import TextAnalysis

/// Case-insensitive identity of a token's bytes, for per-document word memories that must not allocate.
public enum TokenHash {
    @inline(__always)
    public static func of(_ text: AnalyzedText, _ index: Int) -> UInt64 {
        let token = text.tokens[index]
        return FoldedHash.of(text.bytes[token.start..<token.end])
    }
}
