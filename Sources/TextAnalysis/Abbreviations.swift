/// Abbreviations whose period belongs to the word, and what that period says about sentence ends.
public enum Abbreviations {
    /// How a token ending in an abbreviation's period affects sentence splitting.
    public enum Rule: Sendable, Hashable {
        /// Titles, initials, months, `e.g.`: almost always followed by more of the same sentence (`Gen. Smith`).
        case neverEndsSentence
        /// `U.S.`, `Inc.`, `Ltd.`, `etc.`: often mid-sentence (`the U.S. envoy`) but also often last; only a
        /// line break after them is taken as a sentence end.
        case endsSentenceBeforeNewline
    }

    /// Matched case-sensitively: `No.` is an abbreviation, `no.` at the end of a sentence is not.
    static let neverEnding: [StaticString] = [
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Sen", "Rep", "Gov", "Pres", "Prof",
        "St", "Mt", "Ft", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]
    static let mayEnd: [StaticString] = ["Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "etc"]

    /// Whether `bytes[start..<end]` (a word without its period) is a listed abbreviation.
    @inline(__always)
    static func isListed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length >= 2, length <= 4 else { return false }
        return matchesAny(neverEnding, bytes, start, end) || matchesAny(mayEnd, bytes, start, end)
    }

    /// The rule for a word token that ends in `.`, or nil when its period is not an abbreviation's.
    public static func rule(for token: Token, in bytes: [UInt8]) -> Rule? {
        bytes.withUnsafeBufferPointer { rule(for: token, in: $0) }
    }

    static func rule(for token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Rule? {
        guard token.kind == .word, token.length >= 2, token.start >= 0, token.end <= bytes.count,
              bytes[token.end - 1] == UInt8(ascii: ".") else { return nil }
        let start = token.start, end = token.end - 1
        if end - start == 1 { return .neverEndsSentence }  // an initial: `J.`
        if matchesAny(neverEnding, bytes, start, end) { return .neverEndsSentence }
        if matchesAny(mayEnd, bytes, start, end) { return .endsSentenceBeforeNewline }
        // Dotted acronyms: upper-case ones (`U.S.`) can end a sentence, lower-case ones (`e.g.`) cannot.
        guard isDottedAcronym(bytes, start, token.end) else { return nil }
        return (0x61...0x7A).contains(bytes[start]) ? .neverEndsSentence : .endsSentenceBeforeNewline
    }

    /// `L.L.` … with single ASCII letters, starting at `start` and ending just after the last period at `end`.
    static func isDottedAcronym(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard (end - start) >= 4, (end - start) % 2 == 0 else { return false }
        var index = start
        while index < end {
            guard isASCIILetter(bytes[index]), bytes[index + 1] == UInt8(ascii: ".") else { return false }
            index += 2
        }
        return true
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func matchesAny(_ list: [StaticString], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        for word in list where word.utf8CodeUnitCount == length {
            let matches = word.withUTF8Buffer { candidate in
                for offset in 0..<length where candidate[offset] != bytes[start + offset] { return false }
                return true
            }
            if matches { return true }
        }
        return false
    }
}
