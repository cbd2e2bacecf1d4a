/// Something bytes can be streamed into: a hasher while tagging, an array in tests and tools.
///
/// Feature extraction streams the normalised bytes of a token straight into hashers, so that the hot path
/// never materialises a lower-cased copy or a `String`.
package protocol ByteSink {
    mutating func append(_ byte: UInt8)
}

extension Array: ByteSink where Element == UInt8 {}

/// 64-bit FNV-1a. Chosen because it is tiny, streamable byte by byte and stable across platforms and Swift
/// versions (unlike `Hasher`, which is seeded per process), so a model's keys mean the same thing everywhere.
package struct FNV1a64: ByteSink, Sendable {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01b3

    package private(set) var value: UInt64 = FNV1a64.offsetBasis

    package init() {}

    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    package static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a64()
        for byte in bytes { hasher.append(byte) }
        return hasher.value
    }
}

/// Mixes a feature template id with up to two 64-bit values into a feature key.
///
/// Per-token values (word hash, shape hash, ...) are hashed once per token; every feature that combines them is
/// then a few multiplications instead of another pass over bytes. The finaliser is MurmurHash3's fmix64, which
/// spreads every input bit over the output, so the table can take slot and fingerprint from different halves.
@inline(__always)
package func featureKey(_ template: UInt8, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
    @inline(__always) func fmix(_ x: UInt64) -> UInt64 {
        var k = x
        k ^= k >> 33
        k = k &* 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k = k &* 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
    return fmix(fmix(a &+ UInt64(template) &* 0x9e37_79b9_7f4a_7c15) ^ (b &+ 0x632b_e59b_d9b4_e019))
}

/// Unicode-aware lower-casing and shapes computed on UTF-8 bytes.
///
/// Covers what news text needs: ASCII, Latin-1, Latin Extended-A, basic Greek and Cyrillic. Typographic
/// apostrophes, quotes and dashes are normalised to ASCII, because the training corpus uses ASCII
/// ("Group’s" must look like "Group's").
package enum ByteText {
    /// Decodes one scalar at `i` of `bytes[i..<end]`. Invalid or truncated sequences decode byte by byte as
    /// U+FFFD so that no input can trap or loop.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        @inline(__always) func continuation(_ k: Int) -> UInt32? {
            guard i + k < end else { return nil }
            let b = bytes[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 >= 0xC2 && b0 < 0xE0, let c1 = continuation(1) {
            return ((b0 & 0x1F) << 6 | c1, 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0, let c1 = continuation(1), let c2 = continuation(2) {
            return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
        }
        if b0 >= 0xF0 && b0 < 0xF5, let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) {
            return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        }
        return (0xFFFD, 1)
    }

    /// Lower case of a scalar, with typographic punctuation normalised to ASCII.
    @inline(__always)
    package static func lower(_ s: UInt32) -> UInt32 {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A ? s | 0x20 : s }
        let folded = foldCase(s)
        return folded != s ? folded : normalizedPunctuation(s)
    }

    /// Lower case of a letter in the covered scripts; identity for everything else.
    @inline(__always)
    package static func foldCase(_ s: UInt32) -> UInt32 {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A ? s | 0x20 : s }
        switch s {
        case 0xC0...0xDE where s != 0xD7: return s + 0x20
        case 0x100...0x137, 0x14A...0x177: return s | 1
        case 0x139...0x148, 0x179...0x17E: return s & 1 == 1 ? s + 1 : s
        case 0x178: return 0xFF
        case 0x391...0x3A9 where s != 0x3A2: return s + 0x20
        case 0x386: return 0x3AC
        case 0x388...0x38A: return s + 0x25
        case 0x38C: return 0x3CC
        case 0x38E, 0x38F: return s + 0x3F
        case 0x400...0x40F: return s + 0x50
        case 0x410...0x42F: return s + 0x20
        default: return s
        }
    }

    /// ASCII stand-ins for typographic punctuation; other scalars unchanged.
    @inline(__always)
    package static func normalizedPunctuation(_ s: UInt32) -> UInt32 {
        switch s {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return 0x27 // '
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xAB, 0xBB: return 0x22 // "
        case 0x2010...0x2015, 0x2212: return 0x2D // -
        case 0x2026: return 0x2E // … counts as a period for shapes
        default: return s
        }
    }

    /// Whether a scalar is an upper-case letter in the covered scripts.
    @inline(__always)
    package static func isUpper(_ s: UInt32) -> Bool {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A }
        return foldCase(s) != s
    }

    /// Whether a non-upper scalar counts as a letter (lower case or uncased script).
    @inline(__always)
    package static func isOtherLetter(_ s: UInt32) -> Bool {
        if s < 0x80 { return s >= 0x61 && s <= 0x7A }
        if s == 0xD7 || s == 0xF7 { return false }
        if s >= 0xC0 && s < 0x2000 { return true }
        return s >= 0x3000 && s != 0xFFFD // CJK and beyond
    }

    /// Appends a scalar's UTF-8 encoding.
    @inline(__always)
    package static func appendUTF8(_ s: UInt32, to sink: inout some ByteSink) {
        if s < 0x80 {
            sink.append(UInt8(s))
        } else if s < 0x800 {
            sink.append(UInt8(0xC0 | s >> 6))
            sink.append(UInt8(0x80 | s & 0x3F))
        } else if s < 0x10000 {
            sink.append(UInt8(0xE0 | s >> 12))
            sink.append(UInt8(0x80 | (s >> 6) & 0x3F))
            sink.append(UInt8(0x80 | s & 0x3F))
        } else {
            sink.append(UInt8(0xF0 | s >> 18))
            sink.append(UInt8(0x80 | (s >> 12) & 0x3F))
            sink.append(UInt8(0x80 | (s >> 6) & 0x3F))
            sink.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// The shape class of a scalar: `X` upper, `x` other letter, `d` digit, ASCII punctuation as itself.
    @inline(__always)
    package static func shapeClass(_ s: UInt32) -> UInt8 {
        if s >= 0x30 && s <= 0x39 { return 0x64 } // d
        if isUpper(s) { return 0x58 } // X
        if isOtherLetter(s) { return 0x78 } // x
        let n = normalizedPunctuation(s)
        return n < 0x80 ? UInt8(n) : 0x2A // *: any other symbol
    }

    /// The normalised lower-case bytes of `bytes` (tests and tools; the tagger streams into hashers instead).
    package static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let (s, length) = decode(buffer, at: i, end: buffer.count)
                appendUTF8(lower(s), to: &out)
                i += length
            }
        }
        return out
    }

    /// The long (runs capped at 4) or short (runs collapsed) word shape, e.g. `Xxxxx`/`Xx` for "London".
    package static func shape(_ bytes: [UInt8], short: Bool) -> String {
        var long = ShapeRuns(limit: 4), brief = ShapeRuns(limit: 1)
        var longOut: [UInt8] = [], shortOut: [UInt8] = []
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let (s, length) = decode(buffer, at: i, end: buffer.count)
                let c = shapeClass(s)
                long.push(c, into: &longOut)
                brief.push(c, into: &shortOut)
                i += length
            }
        }
        return String(decoding: short ? shortOut : longOut, as: UTF8.self)
    }
}

/// Run-length capping for word shapes: a class repeated more than `limit` times is written `limit` times,
/// so "Washington" and "Kabul" share the shape `Xxxxx` (long) and `Xx` (short), while "Ban" is `Xxx`.
package struct ShapeRuns {
    private let limit: Int
    private var last: UInt8 = 0
    private var run = 0

    package init(limit: Int) { self.limit = limit }

    @inline(__always)
    package mutating func push(_ c: UInt8, into sink: inout some ByteSink) {
        if c == last {
            run += 1
        } else {
            last = c
            run = 1
        }
        if run <= limit { sink.append(c) }
    }
}
