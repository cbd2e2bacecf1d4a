/// A document's text as UTF-8 bytes, with its tokens and sentences.
///
/// Every later stage reads words through this view: comparisons and shape tests work on the bytes in place,
/// so the hot paths allocate nothing per token. Strings are made only for what ends up in the graph.
public struct AnalyzedText: Sendable {
    public let bytes: [UInt8]
    public let tokens: [Token]
    public let sentences: [Sentence]

    /// Tokenizes and splits `text`. `titleRange` (UTF-8 bytes) marks a title line, which is always its own sentence.
    public init(text: String, titleRange: Range<Int>? = nil) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        self.bytes = bytes
        self.tokens = tokens
        self.sentences = SentenceSplitter.split(bytes: bytes, tokens: tokens, titleRange: titleRange)
    }

    public init(bytes: [UInt8], tokens: [Token], sentences: [Sentence]) {
        self.bytes = bytes
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The text of bytes `start..<end` (always valid UTF-8 when the bounds are token or sentence bounds).
    public func string(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public func string(token index: Int) -> String {
        string(from: tokens[index].start, to: tokens[index].end)
    }

    /// The text from the first to the last token of a token range, with the original spacing.
    public func string(tokens range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        return string(from: tokens[first].start, to: tokens[last].end)
    }

    /// ASCII case-insensitive comparison of a token with a lower-case ASCII word, without allocating.
    public func token(_ index: Int, is word: StaticString) -> Bool {
        let token = tokens[index]
        guard token.length == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { buffer in
            for i in 0..<buffer.count where Self.asciiLower(bytes[token.start + i]) != buffer[i] {
                return false
            }
            return true
        }
    }

    /// Same as `token(_:is:)` for a run-time lower-case word.
    public func token(_ index: Int, equalsLowercased word: String) -> Bool {
        let token = tokens[index]
        var i = token.start
        for byte in word.utf8 {
            guard i < token.end, Self.asciiLower(bytes[i]) == byte else { return false }
            i += 1
        }
        return i == token.end
    }

    /// First letter is upper case (ASCII, or a Latin/Greek/Cyrillic capital when non-ASCII). Inlinable, like the
    /// other word-shape tests below: the rules ask them of every token several times, and calls across modules
    /// cost more than the tests (about 1 % of a run).
    @inlinable
    public func isCapitalized(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.length > 0 else { return false }
        let first = bytes[token.start]
        if first < 0x80 { return first >= 0x41 && first <= 0x5A }
        return startsWithUppercaseScalar(token)
    }

    /// The non-ASCII case of `isCapitalized`, out of line.
    @usableFromInline
    func startsWithUppercaseScalar(_ token: Token) -> Bool {
        guard let scalar = string(from: token.start, to: min(token.end, token.start + 4)).unicodeScalars.first
        else { return false }
        return scalar.properties.isUppercase
    }

    /// Token `i` is the one ASCII punctuation character `byte` ("(", ")", ","). Inlinable: the rules ask it
    /// for many tokens, and a call across modules would cost more than the test.
    @inlinable
    public func isPunctuation(_ i: Int, _ byte: UInt8) -> Bool {
        tokens[i].length == 1 && bytes[tokens[i].start] == byte
    }

    @inlinable
    public func isPunctuationComma(_ i: Int) -> Bool { isPunctuation(i, 0x2C) }

    /// Capitalised, an acronym, or a capitalised name behind an Arabic article ("al-Shabaab").
    @inlinable
    public func isNameLike(_ index: Int) -> Bool {
        isCapitalized(index) || isAllCaps(index) || hasArabicArticlePrefix(index)
    }

    /// "al-Shabaab", "el-Sisi", "ash-Sharq": a lower-case article, a hyphen, then a capital.
    @inlinable
    public func hasArabicArticlePrefix(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.length > 4 else { return false }
        let s = token.start
        var nameStart = -1
        if bytes[s] == 0x61 || bytes[s] == 0x65, bytes[s + 1] >= 0x61, bytes[s + 1] <= 0x7A, bytes[s + 2] == 0x2D {
            nameStart = s + 3
        } else if bytes[s] == 0x61, bytes[s + 1] >= 0x61, bytes[s + 2] >= 0x61, bytes[s + 3] == 0x2D {
            nameStart = s + 4
        }
        guard nameStart > 0, nameStart < token.end else { return false }
        return bytes[nameStart] >= 0x41 && bytes[nameStart] <= 0x5A
    }

    /// Two or more letters, all upper case (acronyms: CIS, TASS, ISIS-K).
    @inlinable
    public func isAllCaps(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word else { return false }
        var letters = 0
        for i in token.start..<token.end {
            let b = bytes[i]
            if b >= 0x61 && b <= 0x7A { return false }
            if b >= 0x41 && b <= 0x5A { letters += 1 }
        }
        return letters >= 2
    }

    @inline(__always)
    public static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

/// Converts UTF-8 byte offsets into Unicode scalar offsets (the indices Python uses on the same string).
public struct ScalarIndex: Sendable {
    private let scalarsBefore: [Int32]?

    public init(bytes: [UInt8]) {
        // Pure ASCII text needs no table: byte offsets are scalar offsets.
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            scalarsBefore = nil
            return
        }
        var table = [Int32](repeating: 0, count: bytes.count + 1)
        var count: Int32 = 0
        for (i, byte) in bytes.enumerated() {
            table[i] = count
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        table[bytes.count] = count
        scalarsBefore = table
    }

    public func scalarOffset(ofByte offset: Int) -> Int {
        guard let scalarsBefore else { return offset }
        return Int(scalarsBefore[offset])
    }
}
