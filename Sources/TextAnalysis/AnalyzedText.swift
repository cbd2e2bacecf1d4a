/// What a token is, as far as the tokenizer can tell without a model.
public enum TokenKind: UInt8, Sendable, Hashable {
    case word
    case number
    case punctuation
    /// `'s` / `’s` / a lone `'` after a plural: split off so names never carry them.
    case possessive
    case symbol
}

/// A token: a half-open range of UTF-8 bytes in `AnalyzedText.bytes`. Tokens never allocate.
public struct Token: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var kind: TokenKind
    public init(start: Int, end: Int, kind: TokenKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
    public var length: Int { end - start }
}

/// A sentence: a range of tokens and the bytes they span (trimmed of surrounding white space).
public struct Sentence: Hashable, Sendable {
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int
    /// The document's title line: headline case, so capitalisation says little there.
    public var isTitle: Bool
    public init(tokens: Range<Int>, start: Int, end: Int, isTitle: Bool = false) {
        self.tokens = tokens
        self.start = start
        self.end = end
        self.isTitle = isTitle
    }
}
