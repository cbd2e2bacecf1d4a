/// Windows-1252, the encoding that files which are "not UTF-8" almost always turn out to be
/// (Latin-1 is a subset, except that cp1252 puts curly quotes and dashes where Latin-1 has C1 controls).
enum Windows1252 {
    /// Code points for 0x80–0x9F; 0 marks the five bytes cp1252 leaves undefined, which decode to U+FFFD.
    private static let high: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        switch byte {
        case 0x80...0x9F:
            let value = high[Int(byte - 0x80)]
            return value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
        default:
            return Unicode.Scalar(byte)
        }
    }

    /// Every byte maps to exactly one scalar, so this cannot fail.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                UTF8.encode(scalar(for: byte)) { out.append($0) }
            }
        }
        return out
    }
}
