import TextAnalysis

/// FNV-1a over ASCII-lower-cased bytes: the one hash behind the recognizer's word tables and word memories.
@usableFromInline
enum FoldedHash {
    /// Computed, not stored: a stored static is initialised lazily and checked on every use.
    @inlinable @inline(__always)
    static var seed: UInt64 { 0xcbf2_9ce4_8422_2325 }

    @inlinable @inline(__always)
    static func mix(_ h: inout UInt64, _ byte: UInt8) {
        h ^= UInt64(AnalyzedText.asciiLower(byte))
        h &*= 0x0000_0100_0000_01B3
    }

    @inlinable @inline(__always)
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h = seed
        for b in bytes { mix(&h, b) }
        return h
    }
}

/// Maps lower-cased phrases of one or more words to values, and finds the longest phrase starting at a token.
///
/// The hash of a phrase is FNV-1a over its lower-cased bytes with single spaces between words, computed token
/// by token as the match grows, so a lookup allocates nothing whatever the phrase length.
///
/// `longest` is inlinable, with what it reads: other modules (the relation finders) call it for every token,
/// and unspecialised generic code paid for type metadata and boxing on each call.
public struct PhraseTable<Value: Sendable>: Sendable {
    /// Entries in insertion order; `index` maps a phrase hash to its latest entry and `nextWithSameHash` chains
    /// the others (64-bit collisions only), so a probe is one `HashIndex` look-up and one byte comparison.
    @usableFromInline var entries: [(bytes: [UInt8], value: Value)] = []
    @usableFromInline var nextWithSameHash: [Int32] = []
    @usableFromInline var index = HashIndex()
    /// The hashes of every phrase's first word, first two words, and so on (the value is unused): `longest`
    /// stops as soon as the words read so far open no phrase, instead of hashing `maxTokens` tokens at every
    /// token of a sentence (most tokens open none). A collision only makes it read on, as it always did.
    @usableFromInline var prefixes = HashIndex()
    /// Which lengths and first bytes the phrases have (`WordShapes.mark`), and their first words: most words asked
    /// are none of a table's, and these answer that for most of them without hashing the word (a word set is
    /// asked several times per token).
    @usableFromInline var phraseShapes = WordShapes()
    @usableFromInline var firstWordShapes = WordShapes()
    public private(set) var maxTokens = 0
    public private(set) var count = 0

    public init() {}

    /// Adds a phrase; words are split on white space and joined by one space. A later value for the same
    /// phrase replaces the earlier one.
    public mutating func insert(_ phrase: String, _ value: Value) {
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return }
        let bytes = Array(words.joined(separator: " ").lowercased().utf8)
        phraseShapes.mark(bytes[...])
        firstWordShapes.mark(bytes.prefix { $0 != 0x20 })
        var h = FoldedHash.seed
        for b in bytes {
            if b == 0x20 { prefixes.set(h, 0) }
            FoldedHash.mix(&h, b)
        }
        prefixes.set(h, 0)
        if let existing = entry(hash: h, where: { $0 == bytes }) {
            entries[existing].value = value
        } else {
            nextWithSameHash.append(index[h] ?? -1)
            index.set(h, Int32(entries.count))
            entries.append((bytes, value))
            count += 1
        }
        maxTokens = max(maxTokens, words.count)
    }

    /// The entry of hash `h` whose bytes pass `test`.
    @inlinable @inline(__always)
    func entry(hash h: UInt64, where test: ([UInt8]) -> Bool) -> Int? {
        var candidate = index[h] ?? -1
        while candidate >= 0 {
            if test(entries[Int(candidate)].bytes) { return Int(candidate) }
            candidate = nextWithSameHash[Int(candidate)]
        }
        return nil
    }

    public func value(for phrase: String) -> Value? {
        let bytes = Array(phrase.lowercased().utf8)
        var h = FoldedHash.seed
        for b in bytes { FoldedHash.mix(&h, b) }
        return entry(hash: h, where: { $0 == bytes }).map { entries[$0].value }
    }

    /// The value of a phrase given as bytes, compared with ASCII case folded (no allocation).
    func value(forFoldedBytes bytes: ArraySlice<UInt8>) -> Value? {
        guard phraseShapes.mayHold(bytes) else { return nil }
        return entry(hash: FoldedHash.of(bytes), where: { stored in
            guard stored.count == bytes.count else { return false }
            var k = 0
            for b in bytes {
                guard stored[k] == AnalyzedText.asciiLower(b) else { return false }
                k += 1
            }
            return true
        }).map { entries[$0].value }
    }

    /// The longest phrase that starts at token `index` and ends before `limit`, with its length in tokens.
    @inlinable
    public func longest(in text: AnalyzedText, at index: Int, limit: Int) -> (length: Int, value: Value)? {
        var h = FoldedHash.seed
        var best: (Int, Value)?
        let upper = min(limit, index + maxTokens, text.tokens.count)
        guard index < upper else { return nil }
        let first = text.tokens[index]
        guard firstWordShapes.mayHold(text.bytes[first.start..<first.end]) else { return nil }
        var i = index
        while i < upper {
            if i > index { FoldedHash.mix(&h, 0x20) }
            let token = text.tokens[i]
            for b in text.bytes[token.start..<token.end] { FoldedHash.mix(&h, b) }
            if prefixes[h] == nil { break }
            if let hit = entry(hash: h, where: { matches($0, text, from: index, through: i) }) {
                best = (i - index + 1, entries[hit].value)
            }
            i += 1
        }
        return best.map { (length: $0.0, value: $0.1) }
    }

    /// Byte-exact check of a candidate against tokens `from...through` joined by single spaces.
    @inlinable
    func matches(_ bytes: [UInt8], _ text: AnalyzedText, from: Int, through: Int) -> Bool {
        var k = 0
        for i in from...through {
            if i > from {
                guard k < bytes.count, bytes[k] == 0x20 else { return false }
                k += 1
            }
            let token = text.tokens[i]
            for b in text.bytes[token.start..<token.end] {
                guard k < bytes.count, bytes[k] == AnalyzedText.asciiLower(b) else { return false }
                k += 1
            }
        }
        return k == bytes.count
    }
}

/// The lengths and ASCII-folded first bytes of a set of words, as two bit masks: a word whose length or first
/// byte no member has is no member, which two bit tests tell. Only a filter: a word it lets through may still be
/// none (the lengths and first bytes are not kept in pairs, lengths from 63 share a bit, and so do first bytes
/// equal in their low six bits).
@usableFromInline
struct WordShapes: Sendable {
    @usableFromInline var lengths: UInt64 = 0
    @usableFromInline var firstBytes: UInt64 = 0

    /// Adds a member, given as its lower-cased bytes.
    mutating func mark(_ word: ArraySlice<UInt8>) {
        guard let first = word.first else { return }
        lengths |= Self.bit(length: word.count)
        firstBytes |= Self.bit(first: first)
    }

    /// Whether `word` (bytes in any case) may be a member: false only when it is none.
    @inlinable @inline(__always)
    func mayHold(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first else { return false }
        return lengths & Self.bit(length: word.count) != 0 && firstBytes & Self.bit(first: first) != 0
    }

    @inlinable @inline(__always)
    static func bit(length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

    @inlinable @inline(__always)
    static func bit(first: UInt8) -> UInt64 { 1 << UInt64(AnalyzedText.asciiLower(first) & 63) }
}
