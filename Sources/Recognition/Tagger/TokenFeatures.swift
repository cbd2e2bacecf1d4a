/// What the tagger knows about one token by itself, computed in a single pass over its UTF-8 bytes.
///
/// Every feature of a token and of its neighbours is a combination of these few values, so each token's bytes
/// are read once per sentence however many templates look at it.
package struct TokenInfo: Sendable, Equatable {
    /// FNV-1a of the normalised lower-case bytes.
    package var word: UInt64
    /// FNV-1a of the long shape (runs capped at 4: `Xxxxx` for "London", `dddd`, `XXXX-dd`).
    package var shape: UInt64
    /// FNV-1a of the short shape (runs collapsed: `Xx`, `d`, `X-d`).
    package var shortShape: UInt64
    /// The first (up to) four lower-case bytes, first byte in the low bits.
    package var prefix: UInt32
    /// The last (up to) four lower-case bytes, last byte in the low bits.
    package var suffix: UInt32
    /// Number of lower-case bytes.
    package var length: Int
    /// `TokenFlags` bits.
    package var flags: UInt8

    /// Padding for positions before the sentence start and after its end.
    package static let sentenceStart = TokenInfo(sentinel: 0x01)
    package static let sentenceEnd = TokenInfo(sentinel: 0x02)

    private init(sentinel: UInt8) {
        let hash = FNV1a64.hash([0xFF, sentinel])
        word = hash
        shape = hash
        shortShape = hash
        prefix = 0
        suffix = 0
        length = 0
        flags = 0
    }

    /// Reads `bytes[start..<end]`.
    @inline(__always)
    package init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        var lower = LowerSink()
        var longShape = FNV1a64(), shortShape = FNV1a64()
        var longRuns = ShapeRuns(limit: 4), shortRuns = ShapeRuns(limit: 1)
        var flags: UInt8 = 0
        var upper = 0, lowerLetters = 0, alphanumerics = 0
        var i = start
        var first = true
        while i < end {
            let (scalar, length) = ByteText.decode(bytes, at: i, end: end)
            i += length
            ByteText.appendUTF8(ByteText.lower(scalar), to: &lower)
            let c = ByteText.shapeClass(scalar)
            longRuns.push(c, into: &longShape)
            shortRuns.push(c, into: &shortShape)
            switch c {
            case 0x58: // X
                upper += 1
                alphanumerics += 1
                if first { flags |= TokenFlags.initialUpper }
            case 0x78: // x
                lowerLetters += 1
                alphanumerics += 1
            case 0x64: // d
                alphanumerics += 1
                flags |= TokenFlags.hasDigit
            case 0x2D: flags |= TokenFlags.hasHyphen
            case 0x2E: flags |= TokenFlags.hasPeriod
            case 0x27: flags |= TokenFlags.hasApostrophe
            default: break
            }
            first = false
        }
        if upper >= 2 && lowerLetters == 0 { flags |= TokenFlags.allUpper }
        if lowerLetters > 0 { flags |= TokenFlags.hasLower }
        if alphanumerics == 0 { flags |= TokenFlags.noAlphanumeric }
        word = lower.hash.value
        shape = longShape.value
        self.shortShape = shortShape.value
        prefix = lower.prefix
        suffix = lower.suffix
        length = lower.count
        self.flags = flags
    }
}

/// Bits of `TokenInfo.flags`.
package enum TokenFlags {
    package static let hasDigit: UInt8 = 1 << 0
    package static let hasHyphen: UInt8 = 1 << 1
    package static let hasPeriod: UInt8 = 1 << 2
    package static let initialUpper: UInt8 = 1 << 3
    /// Two or more capitals and no lower-case letter: acronyms, which survive title case.
    package static let allUpper: UInt8 = 1 << 4
    package static let hasLower: UInt8 = 1 << 5
    package static let noAlphanumeric: UInt8 = 1 << 6
    package static let hasApostrophe: UInt8 = 1 << 7
}

/// Receives lower-case bytes: hashes them and keeps the first and last four for affix features.
private struct LowerSink: ByteSink {
    var hash = FNV1a64()
    var prefix: UInt32 = 0
    var suffix: UInt32 = 0
    var count = 0

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        hash.append(byte)
        if count < 4 { prefix |= UInt32(byte) << (8 * UInt32(count)) }
        suffix = suffix << 8 | UInt32(byte)
        count += 1
    }
}
