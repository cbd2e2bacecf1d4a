/// The one rule for text that leaves the program through a text format with a restricted
/// character repertoire (GraphML, GEXF, DOT, CSV).
///
/// **Policy: strip.** XML 1.0 cannot carry U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE
/// and U+FFFF, not even as character references, and Graphviz copies C0 controls into SVG, which
/// then is not well-formed. Those characters are removed and everything around them is kept, so
/// `"Null\u{0}Void"` becomes `"NullVoid"` (a NUL never truncates: libxml2 and Graphviz take
/// C strings, so it must be gone before a byte reaches them). CRLF and lone CR become LF.
/// Stripping (rather than U+FFFD replacement) was chosen because the characters carry no meaning
/// in names or sentences and a replacement glyph would show up in every rendered label;
/// `check_export.py --control strip` checks exactly this.
///
/// Nothing else changes: no Unicode normalisation, no trimming, no bidi-control removal
/// (U+202A–U+202E, U+2066–U+2069 are legal everywhere and are part of what the source said),
/// and DEL, C1 controls, U+2028/U+2029, U+FEFF, private-use and other noncharacters survive,
/// because XML 1.0 and Graphviz carry them. TAB and LF survive too; each writer spells them
/// so a reader gets them back (libxml2 writes `&#9;`/`&#10;` inside attributes, DOT uses `\n`).
///
/// JSON is the exception: it can escape every character, so the JSON writer carries text exactly.
public enum TextPolicy {
    /// Whether XML 1.0 (and therefore this policy) lets the scalar through.
    /// Swift strings never hold surrogates, so the surrogate block needs no case here.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// Whether `clean` would return the text unchanged. Eight bytes are tested at once (every string an export
    /// writes passes here, and a byte at a time was most of the writers' own work on long evidence sentences):
    /// a word with no byte below 0x20 and no 0xEF holds nothing to strip, and only a word with one is looked at
    /// byte by byte.
    private static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            let count = bytes.count
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    if !mayNeedCleaning(word) {
                        index += 8
                        continue
                    }
                    for i in index..<index + 8 where !isCleanByte(at: i, in: bytes) { return false }
                    index += 8
                } else {
                    if !isCleanByte(at: index, in: bytes) { return false }
                    index += 1
                }
            }
            return true
        }
    }

    /// Whether one of the word's bytes is below 0x20 or is 0xEF (the lead byte of U+FFFE and U+FFFF); a word
    /// without either holds no byte `isCleanByte` refuses. The two tests are the classic "has a byte less than
    /// n" and "has a zero byte" word tricks: a borrow starts only at a byte that matches, so they never miss one.
    private static func mayNeedCleaning(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let ef = word ^ (ones &* 0xEF)
        let lead = (ef &- ones) & ~ef & highs
        return control | lead != 0
    }

    /// The byte at `index` stays as it is: not a control other than TAB and LF (CR is rewritten), nor the start
    /// of U+FFFE or U+FFFF (EF BF BE, EF BF BF).
    private static func isCleanByte(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return false }
        return true
    }

    /// Whether `clean(text)` is empty, without making it: only when no scalar survives (a CR survives, as LF).
    /// Stops at the first surviving scalar, which for almost every string is the first one, so checking a
    /// value for blankness no longer scans it a second time before the writer cleans it.
    public static func isEmptyWhenCleaned(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: isAllowed)
    }

    /// Applies the policy: forbidden characters removed, CRLF and CR turned into LF.
    /// Idempotent, so a writer may apply it again to text that is already clean.
    public static func clean(_ text: String) -> String {
        // Fast path: almost every string is already clean; return it without copying. The test runs on the
        // UTF-8 bytes: a forbidden scalar is a byte below 0x20 other than TAB and LF (CR is rewritten), or
        // U+FFFE/U+FFFF, which start with EF BF; any such byte sends the string to the exact scalar loop.
        if isClean(text) { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            defer { previousWasCR = false }
            if scalar == "\n" && previousWasCR { continue }  // the LF of a CRLF: already written
            if isAllowed(scalar) { result.append(scalar) }
        }
        return String(result)
    }
}

/// Shortening of visible text at grapheme boundaries, for formats with size limits (DOT labels).
public enum Truncation {
    /// The mark appended to shortened text.
    public static let ellipsis: Character = "…"

    /// `text` cut to at most `maxCharacters` Characters and at most `maxBytes` bytes as measured by
    /// `cost` per Unicode scalar (for example its UTF-8 length after escaping), with `…` appended when
    /// anything was cut.
    ///
    /// Cutting happens only between Characters (extended grapheme clusters), so a flag, a ZWJ family
    /// or a letter with its combining marks is kept whole or dropped whole, never split into a broken
    /// glyph. The budget includes the ellipsis, so the result always fits both limits.
    public static func truncate(_ text: String, maxCharacters: Int, maxBytes: Int,
                                cost: (Unicode.Scalar) -> Int = { $0.utf8.count }) -> String {
        // Fast path without grapheme breaking (the slow part): text with no more scalars than the
        // Character limit and within the byte budget fits, since a Character holds at least one scalar.
        var scalars = 0
        var total = 0
        for scalar in text.unicodeScalars {
            scalars += 1
            total += cost(scalar)
            if scalars > maxCharacters || total > maxBytes { break }
        }
        if scalars <= maxCharacters && total <= maxBytes { return text }

        func characterCost(_ character: Character) -> Int {
            character.unicodeScalars.reduce(0) { $0 + cost($1) }
        }
        let ellipsisCost = characterCost(ellipsis)
        var used = 0
        var count = 0
        var cut = text.startIndex  // end of the longest prefix that still leaves room for the ellipsis
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let characterCost = characterCost(text[index])
            if count + 1 > maxCharacters || used + characterCost > maxBytes {
                return String(text[..<cut]) + String(ellipsis)
            }
            used += characterCost
            count += 1
            if count + 1 <= maxCharacters && used + ellipsisCost <= maxBytes {
                cut = next
            }
            index = next
        }
        return text
    }
}
