/// Turns a file's raw bytes into valid UTF-8, or decides that they are not a text document at all.
///
/// News files arrive from scrapers, Windows tools and copy-paste, so the reader is forgiving about encodings
/// (BOMs, UTF-16, legacy Windows-1252) but strict about binaries: extracting "entities" from a PNG produces
/// garbage nodes that are much harder to notice than an error message.
enum TextDecoding {
    /// Why the bytes are not text, for `DocumentReadError.binary`.
    struct NotText: Error {
        var reason: String
    }

    struct Decoded {
        var utf8: [UInt8]
        /// Problems worth telling the user about, without the file name (the caller adds it).
        var notes: [String]
    }

    /// How much of the file the control-character heuristic looks at: enough to judge, cheap on huge files.
    static let sampleSize = 8192

    static func decode(_ bytes: [UInt8]) throws(NotText) -> Decoded {
        if let format = BinarySignature.match(bytes) {
            throw NotText(reason: "\(format) signature")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try decodeUTF16(bytes.dropFirst(2), bigEndian: false)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes.dropFirst(2), bigEndian: true)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let isUTF8 = isValidUTF8(body)
        try checkControlBytes(body, isValidUTF8: isUTF8)
        if isUTF8 {
            return Decoded(utf8: Array(body), notes: [])
        }
        return Decoded(utf8: Windows1252.decode(body), notes: ["not valid UTF-8; decoded as Windows-1252"])
    }

    /// Decoding repairs every invalid sequence with U+FFFD, so the bytes survive unchanged exactly when they
    /// were valid. (`String(validating:)` would say the same, but needs macOS 15.) ASCII, most news, is valid
    /// without decoding: eight bytes at a time, none with the high bit set.
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        isASCII(bytes) || String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes)
    }

    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            var high: UInt64 = 0
            while i + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < raw.count {
                high |= UInt64(raw[i])
                i += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// A text file may carry the odd NUL or escape character (they are kept; exporters sanitise them), but
    /// a file where they are common is a binary whose format has no signature we know.
    private static func checkControlBytes(_ body: ArraySlice<UInt8>, isValidUTF8: Bool) throws(NotText) {
        let sample = body.prefix(sampleSize)
        guard !sample.isEmpty else { return }
        var controls = 0, nulsAtEven = 0, nulsAtOdd = 0
        for (offset, byte) in sample.enumerated() where isSuspiciousControl(byte) {
            controls += 1
            if byte == 0 {
                if offset % 2 == 0 { nulsAtEven += 1 } else { nulsAtOdd += 1 }
            }
        }
        let nuls = nulsAtEven + nulsAtOdd
        // A handful of stray controls is never enough to call a file binary, however short it is.
        guard controls >= minimumControls else { return }
        // UTF-16 without a BOM is half NULs, all on the same side of each code unit: say so, it is fixable.
        if nuls * 4 >= sample.count, min(nulsAtEven, nulsAtOdd) * 10 <= nuls {
            throw NotText(reason: "\(percent(nuls, of: sample.count)) NUL bytes, probably UTF-16 without a byte-order mark")
        }
        // Random bytes are ~11% controls; real text (even with a stray NUL) is far below 10%.
        if controls * 10 > sample.count {
            throw NotText(reason: "\(percent(controls, of: sample.count)) control bytes in the first 8 KiB")
        }
        // Legacy-encoded text has almost no controls, so invalid UTF-8 plus a few percent of them is data.
        if !isValidUTF8, controls * 100 > sample.count * 3 {
            throw NotText(reason: "invalid UTF-8 with \(percent(controls, of: sample.count)) control bytes in the first 8 KiB")
        }
    }

    /// Below this many control bytes a file is text: a three-byte "Hi\u{7}" is 33% controls but not binary.
    static let minimumControls = 4

    /// C0 controls other than TAB, LF, CR and FF, which plain text legitimately contains.
    static func isSuspiciousControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        "\(whole == 0 ? 0 : (part * 100 + whole / 2) / whole)%"
    }

    /// A BOM makes UTF-16 unambiguous; broken surrogates and a dangling odd byte become U+FFFD with a note
    /// instead of failing the whole document.
    private static func decodeUTF16(_ body: ArraySlice<UInt8>, bigEndian: Bool) throws(NotText) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index + 1 < body.endIndex {
            let first = UInt16(body[index]), second = UInt16(body[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var notes: [String] = []
        var utf8: [UInt8] = []
        utf8.reserveCapacity(units.count + units.count / 2)
        var repaired = false
        var controls = 0
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var decodedCount = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if decodedCount < sampleSize, scalar.value < 0x20, isSuspiciousControl(UInt8(scalar.value)) {
                    controls += 1
                }
                decodedCount += 1
                UTF8.encode(scalar) { utf8.append($0) }
            case .error:
                repaired = true
                decodedCount += 1
                utf8.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput:
                break loop
            }
        }
        if controls >= minimumControls, controls * 10 > min(decodedCount, sampleSize) {
            throw NotText(reason: "UTF-16 byte-order mark but \(percent(controls, of: min(decodedCount, sampleSize))) control characters")
        }
        if repaired {
            notes.append("invalid UTF-16 sequences replaced with U+FFFD")
        }
        if body.count % 2 == 1 {
            utf8.append(contentsOf: [0xEF, 0xBF, 0xBD])
            notes.append("UTF-16 text has an odd number of bytes; the last byte was replaced with U+FFFD")
        }
        return Decoded(utf8: utf8, notes: notes)
    }
}

/// File signatures of the binary formats most likely to be mis-named `.txt` (downloads, attachments, exports).
enum BinarySignature {
    private static let signatures: [(name: String, magic: [UInt8])] = [
        ("PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("GIF image", Array("GIF87a".utf8)),
        ("GIF image", Array("GIF89a".utf8)),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("PDF document", Array("%PDF-".utf8)),
        ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("ZIP archive", [0x50, 0x4B, 0x05, 0x06]),
        ("ZIP archive", [0x50, 0x4B, 0x07, 0x08]),
        ("gzip archive", [0x1F, 0x8B]),
        ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
    ]

    static func match(_ bytes: [UInt8]) -> String? {
        signatures.first { bytes.starts(with: $0.magic) }?.name
    }
}
