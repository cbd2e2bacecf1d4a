/// The conventions of the article files themselves: CR/CRLF line ends, an optional `date YYYY-MM-DD` header
/// and an optional title line. All of it works on UTF-8 bytes so that `titleRange` is a byte range in `text`.
enum DocumentLayout {
    /// Every later stage (sentence evidence, exporters) assumes LF only; a stray CR ends up inside strings.
    static func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    struct Header {
        /// Where the article text starts (after the header and the white space following it).
        var textStart: Int
        /// The date as written, whether or not it is a real date.
        var dateText: String
        var date: CalendarDate?
    }

    /// Recognises `date` + blanks + a digits-and-hyphens word, after optional white space. Anything else after
    /// `date` ("date night was…") is ordinary text, so a header is never invented from prose.
    static func header(in bytes: [UInt8]) -> Header? {
        var index = skipping(isWhitespace, in: bytes, from: 0)
        guard bytes[index...].starts(with: Array("date".utf8)) else { return nil }
        index += 4
        let valueStart = skipping(isBlank, in: bytes, from: index)
        guard valueStart > index, valueStart < bytes.count, isDigit(bytes[valueStart]) else { return nil }
        let valueEnd = skipping({ isDigit($0) || $0 == UInt8(ascii: "-") }, in: bytes, from: valueStart)
        guard valueEnd == bytes.count || isWhitespace(bytes[valueEnd]) else { return nil }
        let dateText = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
        return Header(textStart: skipping(isWhitespace, in: bytes, from: valueEnd),
                      dateText: dateText, date: CalendarDate(iso: dateText))
    }

    static let maxTitleWords = 20
    static let maxTitleCharacters = 200

    /// A headline is a short first line that does not read like a sentence (no final period) and is set off
    /// by a blank line. Returns the line without surrounding blanks, so the range is exactly the title's words.
    static func titleRange(in text: [UInt8]) -> Range<Int>? {
        guard let newline = text.firstIndex(of: 0x0A) else { return nil }
        let secondLineEnd = text[(newline + 1)...].firstIndex(of: 0x0A) ?? text.count
        guard text[(newline + 1)..<secondLineEnd].allSatisfy(isBlank) else { return nil }
        let start = skipping(isBlank, in: text, from: 0)
        var end = newline
        while end > start, isBlank(text[end - 1]) { end -= 1 }
        guard start < end, text[end - 1] != UInt8(ascii: ".") else { return nil }
        let line = String(decoding: text[start..<end], as: UTF8.self)
        guard line.count <= maxTitleCharacters,
              line.split(whereSeparator: { $0.isWhitespace }).count <= maxTitleWords else { return nil }
        return start..<end
    }

    /// White space only (including the invisible separators the tokenizer skips: ZWSP, BOM): such a file
    /// is an empty document, not one whose "text" is a few spaces that no stage can use.
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        if bytes.allSatisfy(isWhitespace) { return true }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}"
        }
    }

    private static func skipping(_ predicate: (UInt8) -> Bool, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, predicate(bytes[index]) { index += 1 }
        return index
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
