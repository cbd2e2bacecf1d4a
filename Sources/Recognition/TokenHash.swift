import TextAnalysis

/// Case-insensitive identity of a token's bytes, for per-document word memories that must not allocate.
public enum TokenHash {
    @inline(__always)
    public static func of(_ text: AnalyzedText, _ index: Int) -> UInt64 {
        let token = text.tokens[index]
        return FoldedHash.of(text.bytes[token.start..<token.end])
    }
}

/// A set of `TokenHash` values: a document's word memories (`DocumentEvidence`).
///
/// Why not `Set<UInt64>`: the keys are FNV-1a hashes already, and a `Set` hashes each again with a seeded SipHash
/// on every insertion and look-up, which cost more than the rest of gathering a document's evidence. Kept in a
/// `HashIndex` (the value is unused).
struct TokenHashSet {
    private var index = HashIndex()

    mutating func insert(_ hash: UInt64) { index.set(hash, 0) }

    func contains(_ hash: UInt64) -> Bool { index[hash] != nil }
}
