/// Splits UTF-8 text into word, number, punctuation and symbol tokens, as byte ranges.
///
/// One forward pass over the bytes with at most a few scalars of look-ahead; ASCII takes a table-free fast
/// path and only non-ASCII scalars consult Unicode properties. Nothing is allocated per token, because the
/// tokenizer runs over every byte of every article and later stages compare tokens in place.
///
/// Decisions that matter downstream:
/// - Words keep internal hyphens (`ISIS-K`, `al-Qaeda`) and apostrophes (`O'Brien`), but the possessive is
///   split off (`Russia` `'s`, `ISIS` `'`) so names never carry it.
/// - A period stays on listed abbreviations (`Gen.`), dotted acronyms (`U.S.`, `e.g.`) and single capital
///   initials (`J.`), so the sentence splitter can tell them from sentence ends.
/// - `3,500.75`, `2021-06-20` and `7th` are single `.number` tokens; `3M` or `1e5` are words.
/// - Emoji sequences (flags, ZWJ families, skin tones, variation selectors) stay one `.symbol` token.
public enum Tokenizer {
    public static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = TokenScanner(bytes: buffer)
            scanner.run(into: &tokens)
        }
        return tokens
    }
}

private struct TokenScanner {
    typealias Class = UTF8Scanning.ScalarClass
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.count = bytes.count
    }

    @inline(__always)
    private func scalar(at index: Int) -> (scalar: UInt32, length: Int, class: Class) {
        let (scalar, length) = UTF8Scanning.decode(bytes, at: index)
        return (scalar, length, UTF8Scanning.classify(scalar))
    }

    /// The class of the scalar at `index`, or `.space` past the end (the end of text separates like a space).
    @inline(__always)
    private func classAt(_ index: Int) -> Class {
        index < count ? scalar(at: index).class : .space
    }

    mutating func run(into tokens: inout [Token]) {
        var index = 0
        while index < count {
            let byte = bytes[index]
            // Fast path for the most common ASCII bytes.
            if byte == 0x20 || byte == 0x0A {
                index += 1
                continue
            }
            let current = scalar(at: index)
            switch current.class {
            case .space:
                index += current.length
            case .letter, .digit, .mark:
                index = scanWord(from: index, first: current.class, into: &tokens)
            default:
                index = scanOther(from: index, scalar: current.scalar, length: current.length, into: &tokens)
            }
        }
    }

    /// Scans a word or number starting at `start`; may also emit the possessive that follows it.
    private mutating func scanWord(from start: Int, first: Class, into tokens: inout [Token]) -> Int {
        var index = start
        var lastScalar: UInt32 = 0
        var lastClass = first
        // A token is a number while it has only digits and digit-internal separators (`3,500.75`, `2021-06-20`).
        let startsWithDigit = first == .digit
        var numeric = startsWithDigit
        var numericEnd = -1  // where the digits of a would-be ordinal (`7th`) stop
        var possessive: Range<Int>?

        scan: while index < count {
            let byte = bytes[index]
            // ASCII letters and digits dominate; skip the full classification for them.
            if byte < 0x80 {
                let asciiClass = UTF8Scanning.classifyASCII(byte)
                if asciiClass == .letter || asciiClass == .digit {
                    if numeric, asciiClass == .letter {
                        numeric = false
                        numericEnd = index
                    }
                    lastScalar = UInt32(byte)
                    lastClass = asciiClass
                    index += 1
                    continue
                }
            }
            let current = scalar(at: index)
            switch current.class {
            case .letter, .digit, .mark:
                if numeric, current.class != .digit { numeric = false; numericEnd = index }
            case .joiner:
                guard UTF8Scanning.isWordCharacter(classAt(index + current.length)) else { break scan }
                if numeric { numeric = false; numericEnd = -1 }
            case .hyphen:
                let next = classAt(index + current.length)
                guard next == .letter || next == .digit else { break scan }
                if numeric, !(lastClass == .digit && next == .digit) { numeric = false; numericEnd = -1 }
            case .apostrophe:
                let afterApostrophe = index + current.length
                let next = afterApostrophe < count ? scalar(at: afterApostrophe) : (0, 0, .space)
                if next.scalar == 0x73 || next.scalar == 0x53,  // 's / 'S followed by a non-word character
                   !UTF8Scanning.isWordCharacter(classAt(afterApostrophe + 1)) {
                    possessive = index..<(afterApostrophe + 1)
                    break scan
                }
                if lastScalar == 0x73 || lastScalar == 0x53, !UTF8Scanning.isWordCharacter(next.class) {
                    possessive = index..<afterApostrophe  // plural possessive: `countries'`
                    break scan
                }
                guard next.class == .letter else { break scan }
                if numeric { numeric = false; numericEnd = -1 }
            case .other:
                // `,` `.` and the Arabic separators stay inside numbers: `3,500.75`, `٣٬٥٠٠`.
                guard lastClass == .digit,
                      current.scalar == 0x2C || current.scalar == 0x2E || current.scalar == 0x66B || current.scalar == 0x66C,
                      classAt(index + current.length) == .digit else { break scan }
            case .space:
                break scan
            }
            lastScalar = current.scalar
            lastClass = current.class
            index += current.length
        }

        var end = index
        if possessive == nil, end < count, bytes[end] == UInt8(ascii: ".") {
            end = periodExtendedEnd(wordStart: start, wordEnd: end)
        }
        let kind: TokenKind
        if numeric {
            kind = .number
        } else if startsWithDigit, numericEnd >= 0, end - numericEnd == 2, isOrdinalSuffix(numericEnd) {
            kind = .number
        } else {
            kind = .word
        }
        tokens.append(Token(start: start, end: end, kind: kind))
        if let possessive {
            tokens.append(Token(start: possessive.lowerBound, end: possessive.upperBound, kind: .possessive))
            return possessive.upperBound
        }
        return end
    }

    /// Where a word followed by `.` really ends: after the period for abbreviations, dotted acronyms and
    /// initials, otherwise before it.
    private func periodExtendedEnd(wordStart start: Int, wordEnd end: Int) -> Int {
        if end - start == 1, Abbreviations.isASCIILetter(bytes[start]) {
            // `U.S.`, `e.g.`: single letters each followed by a period.
            var index = end + 1
            var letters = 1
            while index + 1 < count, Abbreviations.isASCIILetter(bytes[index]), bytes[index + 1] == UInt8(ascii: ".") {
                letters += 1
                index += 2
            }
            if letters >= 2 { return index }
            let isCapital = bytes[start] >= 0x41 && bytes[start] <= 0x5A
            return isCapital ? end + 1 : end
        }
        return Abbreviations.isListed(bytes, start, end) ? end + 1 : end
    }

    private func isOrdinalSuffix(_ index: Int) -> Bool {
        guard index + 1 < count else { return false }
        let a = bytes[index] | 0x20, b = bytes[index + 1] | 0x20
        return (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68)
    }

    /// Punctuation and symbols are one scalar each, except that a symbol keeps the scalars that extend its
    /// grapheme (emoji modifiers, ZWJ sequences, flag pairs).
    private mutating func scanOther(from start: Int, scalar first: UInt32, length: Int, into tokens: inout [Token]) -> Int {
        let kind: TokenKind = UTF8Scanning.isPunctuation(first) ? .punctuation : .symbol
        var end = start + length
        if UTF8Scanning.isRegionalIndicator(first), end < count {
            let next = scalar(at: end)
            if UTF8Scanning.isRegionalIndicator(next.scalar) { end += next.length }
        }
        while end < count, bytes[end] >= 0x80 {
            let next = scalar(at: end)
            if UTF8Scanning.extendsSymbol(next.scalar) {
                end += next.length
            } else if next.scalar == 0x200D, kind == .symbol, end + next.length < count {
                // ZWJ joins two emoji: take it and the emoji after it, if that is a symbol too.
                let joined = scalar(at: end + next.length)
                guard joined.class == .other, !UTF8Scanning.isPunctuation(joined.scalar) else { break }
                end += next.length + joined.length
            } else {
                break
            }
        }
        tokens.append(Token(start: start, end: end, kind: kind))
        return end
    }
}
