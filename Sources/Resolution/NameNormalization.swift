import Recognition

/// The form under which two spellings of a name count as the same: lower case, Latin letters without their
/// diacritics ("Çelik" and "Celik", "São Paulo" and "Sao Paulo"), typographic apostrophes and dashes folded, a
/// leading "the" and a trailing possessive dropped, white space collapsed.
///
/// One pass over the scalars: it runs for every mention, so it avoids Foundation's string searching.
public func normalizedName(_ name: String) -> String {
    if let ascii = asciiNormalizedName(name) { return ascii }
    var folded = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in name.unicodeScalars {
        // ASCII is decided without Unicode property tables: nearly every name is ASCII.
        let isSpace = scalar.isASCII ? (scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r")
                                     : scalar.properties.isWhitespace
        if isSpace {
            pendingSpace = !folded.isEmpty
            continue
        }
        if pendingSpace {
            folded.append(" ")
            pendingSpace = false
        }
        switch scalar.value {
        case 0x2018, 0x2019: folded.append("'")
        case 0x2010, 0x2011, 0x2013: folded.append("-")
        case 0x41...0x5A: folded.append(Unicode.Scalar(scalar.value | 0x20)!)
        case 0...0x7F: folded.append(scalar)
        default:
            let lowered = scalar.properties.changesWhenLowercased
                ? Array(scalar.properties.lowercaseMapping.unicodeScalars) : [scalar]
            for letter in lowered {
                if let base = latinBaseLetters[letter.value] {
                    folded.append(contentsOf: base.unicodeScalars)
                } else if !(0x300...0x36F).contains(letter.value) {   // combining marks ("İ" lowers to "i" + dot)
                    folded.append(letter)
                }
            }
        }
    }
    var result = String(folded)
    if result.hasPrefix("the ") { result.removeFirst(4) }
    if result.hasSuffix(" 's") {
        result.removeLast(3)
    } else if result.hasSuffix(" '") {
        result.removeLast(2)
    } else if result.hasSuffix("'s") {
        result.removeLast(2)
    }
    return result
}

/// Whether `candidate` is a better display name than `current` for one entity: the fuller spelling (more words,
/// then more characters), alphabetical between equals, so the choice never depends on the order names come
/// in. The one label policy inside a document (`DocumentResolver`) and across documents (the corpus stage).
public func isFullerName(_ candidate: String, than current: String) -> Bool {
    let a = fullness(candidate), b = fullness(current)
    return a > b || (a == b && candidate < current)
}

/// A name's words (separated by spaces) and its Characters. An ASCII name is read on its bytes: splitting a
/// String into Characters cost some 6,000 instructions a name, and the corpus stage asks for every sighting. In
/// ASCII every byte is a Character except CR LF, which is one.
private func fullness(_ name: String) -> (words: Int, characters: Int) {
    let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> (words: Int, characters: Int)? in
        var words = 0, crlf = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte != 0x20, previous == 0x20 { words += 1 }
            if byte == 0x0A, previous == 0x0D { crlf += 1 }
            previous = byte
        }
        return (words, bytes.count - crlf)
    } ?? nil
    return ascii ?? (name.split(separator: " ").count, name.count)
}

/// The first and the last of a name's words (separated by spaces) when it has two or more, and how many it has:
/// what the surname and middle-name indexes key people by. An ASCII name is read on its bytes, for the reason
/// given at `fullness`; any other through Characters (a space followed by a combining mark is no separator
/// there).
func outerWords(_ name: String) -> (first: Substring, last: Substring, count: Int)? {
    guard let spans = asciiWordSpans(name) else {
        let words = name.split(separator: " ")
        guard words.count >= 2, let first = words.first, let last = words.last else { return nil }
        return (first, last, words.count)
    }
    guard spans.count >= 2 else { return nil }
    let utf8 = name.utf8
    func word(_ bytes: Range<Int>) -> Substring {
        name[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)]
    }
    return (word(spans.first), word(spans.last), spans.count)
}

/// Whether a name has a space in it: on the bytes of an ASCII name (Foundation's `contains`, which the
/// resolver's `contains(" ")` reached, cost some 4,600 instructions a name), as before for any other.
func containsSpace(_ name: String) -> Bool {
    let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
        var space = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 { space = true }
        }
        return space
    } ?? nil
    return ascii ?? name.contains(" ")
}

/// The byte ranges of the first and the last word of an ASCII name and the number of its words; nil when the
/// name is not ASCII.
private func asciiWordSpans(_ name: String) -> (first: Range<Int>, last: Range<Int>, count: Int)? {
    name.utf8.withContiguousStorageIfAvailable { bytes -> (first: Range<Int>, last: Range<Int>, count: Int)? in
        var count = 0
        var first = 0..<0, last = 0..<0
        var start = -1   // of the word being read
        for i in 0...bytes.count {
            let byte = i < bytes.count ? bytes[i] : 0x20
            guard byte < 0x80 else { return nil }
            if byte != 0x20 {
                if start < 0 { start = i }
            } else if start >= 0 {
                if count == 0 { first = start..<i }
                last = start..<i
                count += 1
                start = -1
            }
        }
        return (first, last, count)
    } ?? nil
}

/// The words that name a meeting series, in order: its normalised words without the generic meeting words
/// (`genericMeetingWordList`), the modifier "consultative" and "of"/"the". "Moscow Consultative Format meeting"
/// and "Moscow Format Conference" give the same words; the one policy inside documents and across them.
public func seriesWords(_ series: String) -> [String] {
    normalizedName(series).split(separator: " ").map(String.init).filter { !seriesFillers.contains($0) }
}

private let seriesFillers = Set(genericMeetingWordList + ["consultative", "of", "the"])

/// The form under which two spellings of a person's name are one person: `normalizedName`, with the
/// transliteration variants news agencies differ by made one in each word: a doubled letter is single
/// ("Mohammed", "Mohamed"), "ks" is "x" ("Aleksei", "Alexei"), a final "ey" is "ei" ("Sergey", "Sergei"), and a
/// final "iy" or "y" after a consonant is "i" ("Dmitry", "Dmitri"; "Georgiy", "Georgi"). Only for people: places
/// and organisations keep their spelling ("Kentucky" is no "Kentucki").
public func personNameKey(_ name: String) -> String {
    personNameKey(normalized: normalizedName(name))
}

/// `personNameKey` of a name already through `normalizedName`, for callers that keep that form.
func personNameKey(normalized: String) -> String {
    if let ascii = asciiPersonNameKey(normalized) { return ascii }
    return normalized.split(separator: " ").map { word -> String in
        var letters: [Character] = []
        for letter in word where letters.last != letter || !letter.isLetter { letters.append(letter) }
        var folded = String(letters).replacingAll("ks", with: "x")
        if folded.hasSuffix("ey") {
            folded.removeLast(2)
            folded += "ei"
        } else if folded.hasSuffix("iy") {
            folded.removeLast(1)
        } else if folded.count > 2, folded.hasSuffix("y"), let before = folded.dropLast().last, !"aeiou".contains(before) {
            folded.removeLast(1)
            folded += "i"
        }
        return folded
    }.joined(separator: " ")
}

/// `personNameKey`'s word rules on the bytes of an ASCII normalised name (the resolvers ask it for every
/// person and organisation mention; the Character path cost a sixth of a 10 MB list of names). Each word is
/// rewritten in place in one scratch buffer, step by step in the order of the Character path (doubled letters,
/// then "ks", then the ending): the output is never longer than the input, and three arrays per word cost more
/// than the rules. Nil when the name is not ASCII.
private func asciiPersonNameKey(_ normalized: String) -> String? {
    var normalized = normalized
    return normalized.withUTF8 { bytes -> String? in
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out -> String in
            var count = 0
            var i = 0
            while i <= bytes.count {
                var j = i
                while j < bytes.count, bytes[j] != 0x20 { j += 1 }
                let start = count
                for k in i..<j where count == start || out[count - 1] != bytes[k] || !isLetter(bytes[k]) {
                    out[count] = bytes[k]
                    count += 1
                }
                var read = start, write = start
                while read < count {
                    if out[read] == 0x6B, read + 1 < count, out[read + 1] == 0x73 {
                        out[write] = 0x78
                        read += 2
                    } else {
                        out[write] = out[read]
                        read += 1
                    }
                    write += 1
                }
                count = write
                let n = count - start
                if n >= 2, out[count - 2] == 0x65, out[count - 1] == 0x79 {          // "ey" -> "ei"
                    out[count - 1] = 0x69
                } else if n >= 2, out[count - 2] == 0x69, out[count - 1] == 0x79 {   // "iy" -> "i"
                    count -= 1
                } else if n > 2, out[count - 1] == 0x79, !isVowel(out[count - 2]) {  // "y" after a consonant -> "i"
                    out[count - 1] = 0x69
                }
                if j < bytes.count {
                    out[count] = 0x20
                    count += 1
                }
                i = j + 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<count]), as: UTF8.self)
        }
    }
}

extension String {
    /// Every occurrence of `pattern` replaced, without Foundation.
    fileprivate func replacingAll(_ pattern: String, with replacement: String) -> String {
        guard contains(pattern) else { return self }
        return split(separator: pattern, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// Lower-case Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A) and the letters they are
/// written as without them.
private let latinBaseLetters: [UInt32: String] = [
    0xDF: "ss", 0xE0: "a", 0xE1: "a", 0xE2: "a", 0xE3: "a", 0xE4: "a", 0xE5: "a", 0xE6: "ae", 0xE7: "c", 0xE8: "e",
    0xE9: "e", 0xEA: "e", 0xEB: "e", 0xEC: "i", 0xED: "i", 0xEE: "i", 0xEF: "i", 0xF0: "d", 0xF1: "n", 0xF2: "o",
    0xF3: "o", 0xF4: "o", 0xF5: "o", 0xF6: "o", 0xF8: "o", 0xF9: "u", 0xFA: "u", 0xFB: "u", 0xFC: "u", 0xFD: "y",
    0xFE: "th", 0xFF: "y", 0x101: "a", 0x103: "a", 0x105: "a", 0x107: "c", 0x109: "c", 0x10B: "c", 0x10D: "c",
    0x10F: "d", 0x111: "d", 0x113: "e", 0x115: "e", 0x117: "e", 0x119: "e", 0x11B: "e", 0x11D: "g", 0x11F: "g",
    0x121: "g", 0x123: "g", 0x125: "h", 0x127: "h", 0x129: "i", 0x12B: "i", 0x12D: "i", 0x12F: "i", 0x131: "i",
    0x133: "ij", 0x135: "j", 0x137: "k", 0x138: "k", 0x13A: "l", 0x13C: "l", 0x13E: "l", 0x140: "l", 0x142: "l",
    0x144: "n", 0x146: "n", 0x148: "n", 0x149: "n", 0x14B: "n", 0x14D: "o", 0x14F: "o", 0x151: "o", 0x153: "oe",
    0x155: "r", 0x157: "r", 0x159: "r", 0x15B: "s", 0x15D: "s", 0x15F: "s", 0x161: "s", 0x163: "t", 0x165: "t",
    0x167: "t", 0x169: "u", 0x16B: "u", 0x16D: "u", 0x16F: "u", 0x171: "u", 0x173: "u", 0x175: "w", 0x177: "y",
    0x17A: "z", 0x17C: "z", 0x17E: "z", 0x17F: "s",
]

/// `normalizedName` of an ASCII name, on its bytes: the same steps without a scalar view, a String append per
/// scalar and the Character-level prefix and suffix tests (which mean bytes in ASCII, once CR LF is collapsed),
/// because the resolvers ask it for every mention several times. Nil when the name is not ASCII.
private func asciiNormalizedName(_ name: String) -> String? {
    var name = name
    return name.withUTF8 { source -> String? in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count) { folded -> String? in
            var count = 0
            var pendingSpace = false
            for byte in source {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    folded[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                folded[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            }
            var start = 0, end = count
            func has(_ bytes: StaticString, at offset: Int) -> Bool {
                bytes.withUTF8Buffer { expected in
                    offset >= start && offset + expected.count <= end
                        && (0..<expected.count).allSatisfy { folded[offset + $0] == expected[$0] }
                }
            }
            if has("the ", at: 0) { start = 4 }
            if has(" 's", at: end - 3) {
                end -= 3
            } else if has(" '", at: end - 2) {
                end -= 2
            } else if has("'s", at: end - 2) {
                end -= 2
            }
            return String(decoding: UnsafeBufferPointer(rebasing: folded[start..<max(start, end)]), as: UTF8.self)
        }
    }
}
