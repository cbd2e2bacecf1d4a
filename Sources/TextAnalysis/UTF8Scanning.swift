/// Scalar decoding and classification straight from UTF-8 bytes, shared by the tokenizer and the splitter.
///
/// The input is usually valid UTF-8 (it comes from a `String`), but `Tokenizer.tokenize` takes raw bytes, so
/// every malformed sequence decodes as one byte of U+FFFD rather than trapping or reading out of bounds.
enum UTF8Scanning {
    /// Decodes the scalar at `index` (which must be `< bytes.count`) and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        return decodeMultibyte(bytes, at: index, lead: lead)
    }

    static func decodeMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> (scalar: UInt32, length: Int) {
        let invalid: (UInt32, Int) = (0xFFFD, 1)
        let count = bytes.count
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            let position = index + offset
            guard position < count else { return nil }
            let byte = bytes[position]
            return byte >= low && byte <= high ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            guard let c1 = continuation(1) else { return invalid }
            return (UInt32(lead & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard let c1 = continuation(1, low, high), let c2 = continuation(2) else { return invalid }
            return (UInt32(lead & 0x0F) << 12 | c1 << 6 | c2, 3)
        case 0xF0...0xF4:
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard let c1 = continuation(1, low, high), let c2 = continuation(2), let c3 = continuation(3) else {
                return invalid
            }
            return (UInt32(lead & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        default:
            return invalid
        }
    }

    /// What a scalar means for word boundaries.
    enum ScalarClass: UInt8 {
        /// Separates tokens and is never part of one.
        case space
        case letter
        case digit
        /// Combining marks: they belong to the letter before them (NFD text, Zalgo, Arabic vowel signs).
        case mark
        /// ZWNJ, ZWJ, soft hyphen, word joiner: invisible glue that stays inside a word, between word characters.
        case joiner
        case hyphen
        case apostrophe
        /// Everything else: punctuation, symbols, controls; each becomes its own token.
        case other
    }

    @inline(__always)
    static func classify(_ scalar: UInt32) -> ScalarClass {
        if scalar < 0x80 { return classifyASCII(UInt8(truncatingIfNeeded: scalar)) }
        return classifyNonASCII(scalar)
    }

    @inline(__always)
    static func classifyASCII(_ byte: UInt8) -> ScalarClass {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A: .letter
        case 0x30...0x39: .digit
        case 0x20, 0x09...0x0D: .space
        case 0x2D: .hyphen
        case 0x27: .apostrophe
        default: .other
        }
    }

    static func classifyNonASCII(_ value: UInt32) -> ScalarClass {
        switch value {
        // Unicode White_Space plus ZWSP and BOM, which text uses as (invisible) word separators.
        case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return .space
        case 0xAD, 0x200C, 0x200D, 0x2060:
            return .joiner
        case 0x2010, 0x2011:
            return .hyphen
        case 0x2019:
            return .apostrophe
        // Property look-ups dominate on non-Latin text, so the blocks news text is mostly made of are answered
        // from ranges (kept identical to the properties by a test over every scalar).
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x400...0x481, 0x48A...0x52F, 0x620...0x64A, 0x671...0x6D3:
            return .letter
        case 0x300...0x36F, 0x64B...0x65F:
            return .mark
        case 0x660...0x669, 0x6F0...0x6F9:
            return .digit
        case 0x2012...0x2027, 0x2030...0x205E, 0x1F300...0x1FAFF:
            return .other
        default:
            break
        }
        return classifyByProperties(value)
    }

    /// The general-category rule behind `classifyNonASCII`, without the fast paths.
    static func classifyByProperties(_ value: UInt32) -> ScalarClass {
        guard let scalar = Unicode.Scalar(value) else { return .other }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .letterNumber, .otherNumber:
            return .letter
        case .decimalNumber:
            return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        default:
            return .other
        }
    }

    static func isWordCharacter(_ scalarClass: ScalarClass) -> Bool {
        scalarClass == .letter || scalarClass == .digit || scalarClass == .mark
    }

    /// Upper-case letters, and letters of scripts without case (Arabic, Pashto, CJK), can start a sentence.
    static func canStartSentence(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter, .otherLetter, .decimalNumber: return true
        case .lowercaseLetter, .modifierLetter: return false
        default: return properties.isUppercase
        }
    }

    /// Scalars that continue the grapheme of the symbol before them, so an emoji sequence stays one token:
    /// marks and variation selectors, skin-tone modifiers, tag characters (subdivision flags), keycaps.
    static func extendsSymbol(_ value: UInt32) -> Bool {
        switch value {
        case 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x20E3: return true
        case ..<0x300: return false
        default: return classifyNonASCII(value) == .mark
        }
    }

    static func isRegionalIndicator(_ value: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(value) }

    /// Unicode punctuation (P*) is `.punctuation`, everything else that is not a word is `.symbol`.
    static func isPunctuation(_ value: UInt32) -> Bool {
        if value < 0x80 {
            switch UInt8(truncatingIfNeeded: value) {
            case UInt8(ascii: "!")...UInt8(ascii: "#"), UInt8(ascii: "%")...UInt8(ascii: "*"),
                 UInt8(ascii: ",")...UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"),
                 UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "[")...UInt8(ascii: "]"),
                 UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                return true
            default:
                return false
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
