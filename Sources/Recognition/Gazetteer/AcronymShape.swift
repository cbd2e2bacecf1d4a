import TextAnalysis

extension Gazetteer {
    /// Whether a token is shaped like an organisation acronym: "NATO", "CSTO", "G20", "ISIS-K", "AT&T".
    ///
    /// Acronyms are too many and too new to list, so organisation recognition uses their shape instead: two or
    /// more ASCII capitals (or one capital then digits: "G7", "P5"), no lower case, at most ten bytes of
    /// capitals, digits, `-`, `&` or `.`. Roman
    /// numerals up to 39 ("II", "XIV") are excluded because they end names ("World War II", "Pope Leo XIV").
    /// Country acronyms ("US", "UAE") have this shape too: look the token up in the gazetteer first.
    public static func isAcronymShaped(_ text: AnalyzedText, token index: Int) -> Bool {
        let token = text.tokens[index]
        guard token.length >= 2, token.length <= 10 else { return false }
        var capitals = 0
        var digits = 0
        for i in token.start..<token.end {
            switch text.bytes[i] {
            case 0x41...0x5A: capitals += 1
            case 0x30...0x39: digits += 1
            case 0x2D, 0x26, 0x2E: continue
            default: return false
            }
        }
        let firstIsCapital = text.bytes[token.start] >= 0x41 && text.bytes[token.start] <= 0x5A
        guard capitals >= 2 || (capitals == 1 && digits > 0 && firstIsCapital) else { return false }
        return !isRomanNumeral(text.bytes[token.start..<token.end])
    }

    /// I to XXXIX: X{0,3}(IX|IV|V?I{0,3}).
    private static func isRomanNumeral(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        var tens = 0
        while i < bytes.endIndex, bytes[i] == 0x58, tens < 3 { i += 1; tens += 1 }  // X
        let rest = Array(bytes[i...])
        let I: UInt8 = 0x49, V: UInt8 = 0x56, X: UInt8 = 0x58
        if rest == [I, X] || rest == [I, V] { return true }
        var j = 0
        if j < rest.count, rest[j] == V { j += 1 }
        var ones = 0
        while j < rest.count, rest[j] == I, ones < 3 { j += 1; ones += 1 }
        return j == rest.count && (tens + j) > 0
    }
}
