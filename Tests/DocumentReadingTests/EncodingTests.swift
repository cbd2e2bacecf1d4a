import DocumentReading
import Testing

@Suite struct EncodingTests {
    @Test func utf8ByteOrderMarkIsStripped() throws {
        let read = try decode([0xEF, 0xBB, 0xBF] + Array("JALALABAD met Khyber\u{FEFF}Transport".utf8))
        #expect(read.document.text == "JALALABAD met Khyber\u{FEFF}Transport")
        #expect(read.warnings.isEmpty)
    }

    @Test func utf16WithByteOrderMark() throws {
        let text = "Zürich 🇦🇫\r\nFarida (فریده)\r"
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for bytes in [little, big] {
            let read = try decode(bytes)
            #expect(read.document.text == "Zürich 🇦🇫\nFarida (فریده)\n")
            #expect(read.warnings.isEmpty)
        }
    }

    @Test func brokenUTF16IsRepairedWithAWarning() throws {
        // A lone high surrogate D800, then "A", then a dangling odd byte.
        let read = try decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x42], path: "u.txt")
        #expect(read.document.text == "\u{FFFD}A\u{FFFD}")
        #expect(read.warnings.count == 2)
        #expect(read.warnings.allSatisfy { $0.hasPrefix("u.txt: ") })
    }

    @Test func lineEndingsAreNormalised() throws {
        #expect(try decode("a\r\nb\rc\n\r\nd\r").document.text == "a\nb\nc\n\nd\n")
    }

    @Test func invalidUTF8IsDecodedAsWindows1252WithAWarning() throws {
        // "Café “q” €" in cp1252, plus the undefined byte 0x81.
        let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80, 0x81]
        let read = try decode(bytes, path: "news/latin.txt")
        #expect(read.document.text == "Café “q” €\u{FFFD}")
        #expect(read.warnings == ["news/latin.txt: not valid UTF-8; decoded as Windows-1252"])
    }

    @Test func validUTF8WithReplacementCharacterIsNotReDecoded() throws {
        let read = try decode("Broken\u{FFFD}Name and Zürich")
        #expect(read.document.text == "Broken\u{FFFD}Name and Zürich")
        #expect(read.warnings.isEmpty)
        // A truncated sequence at the very end is enough to fall back.
        #expect(try decode(Array("Zürich".utf8) + [0xE2, 0x82]).warnings.count == 1)
    }

    @Test func emptyAndWhitespaceOnlyFilesAreEmptyDocuments() throws {
        let empty = try decode([UInt8]())
        #expect(empty.document.text.isEmpty && empty.document.titleRange == nil && empty.warnings.isEmpty)
        let blank = try decode(" \t\n\r\n")
        #expect(blank.document.text.isEmpty && blank.document.titleRange == nil && blank.warnings.isEmpty)
        #expect(try decode("\u{A0}\u{2003}\u{3000}\u{200B}\u{2028}\n\u{202F}\u{205F}").document.text.isEmpty)
        #expect(try decode("date 2021-01-01 \n ").document.text.isEmpty)
        #expect(try decode([0xEF, 0xBB, 0xBF]).document.text.isEmpty)
    }

    @Test func strayControlCharactersAreKept() throws {
        let read = try decode("Null\u{0}Void and Bell\u{7}Ringers met Escape\u{1B}[31mRed.")
        #expect(read.document.text == "Null\u{0}Void and Bell\u{7}Ringers met Escape\u{1B}[31mRed.")
        #expect(read.warnings.isEmpty)
        // Short texts are judged by count, not share: a few controls never make a file binary.
        #expect(try decode("Hi\u{7}").document.text == "Hi\u{7}")
        #expect(throws: DocumentReadError.self) { try decode("Hi\u{7}\u{7}\u{1}\u{2}") }
    }

    @Test func binaryContentIsRejected() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("IHDR".utf8)
        #expect(throws: DocumentReadError.binary(path: "img.txt", reason: "PNG image signature")) {
            try decode(png, path: "img.txt")
        }
        #expect(throws: DocumentReadError.binary(path: "a.txt", reason: "PDF document signature")) {
            try decode(Array("%PDF-1.7\n".utf8), path: "a.txt")
        }
        for magic: [UInt8] in [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], [0xFF, 0xD8, 0xFF, 0xE0], [0x50, 0x4B, 0x03, 0x04],
                               [0x1F, 0x8B, 0x08], [0x7F, 0x45, 0x4C, 0x46]] {
            #expect(throws: DocumentReadError.self) { try decode(magic + Array("text".utf8)) }
        }
    }

    @Test func randomBytesWithoutSignatureAreBinary() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<4096).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        do {
            _ = try decode(bytes, path: "r.txt")
            Issue.record("random bytes were accepted as text")
        } catch {
            #expect(error.description.hasPrefix("r.txt: binary content ("))
            #expect(error.description.hasSuffix("), not a text document"))
        }
    }

    @Test func utf16WithoutByteOrderMarkIsRejectedWithAHint() {
        let bytes = Array("Kabul Bank met officials.".utf16).flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        do {
            _ = try decode(bytes)
            Issue.record("BOM-less UTF-16 was accepted")
        } catch {
            #expect(error.description.contains("UTF-16 without a byte-order mark"))
        }
    }

    @Test func errorDescriptionsNameTheFileOnOneLine() {
        let errors: [DocumentReadError] = [
            .missing(path: "x.txt"), .unreadable(path: "x.txt", reason: "permission denied"),
            .binary(path: "x.txt", reason: "PNG image signature"), .noTextFiles(directory: "x.txt"),
        ]
        for error in errors {
            #expect(error.description.hasPrefix("x.txt: "))
            #expect(!error.description.contains("\n"))
            #expect(error.path == "x.txt")
        }
        #expect(DocumentReadError.missing(path: "a/b.txt").description == "a/b.txt: no such file or directory")
    }
}
