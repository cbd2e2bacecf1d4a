import Testing
import TextAnalysis

@Suite struct ScalarIndexTests {
    /// Python: s = "Zürich 🇦🇫 Kabul د"; s.index("Kabul") == 10, s.index("د") == 16, len(s) == 17.
    @Test func scalarOffsetsMatchPythonIndices() {
        let text = "Zürich 🇦🇫 Kabul د"
        let bytes = Array(text.utf8)
        let index = ScalarIndex(bytes: bytes)
        let kabul = Array("Zürich 🇦🇫 ".utf8).count
        #expect(kabul == 17)
        #expect(index.scalarOffset(ofByte: 0) == 0)
        #expect(index.scalarOffset(ofByte: 1) == 1)  // ü
        #expect(index.scalarOffset(ofByte: 3) == 2)  // after ü's two bytes
        #expect(index.scalarOffset(ofByte: kabul) == 10)
        #expect(index.scalarOffset(ofByte: bytes.count - 2) == 16)
        #expect(index.scalarOffset(ofByte: bytes.count) == 17)
        // Every token start agrees with counting scalars of the prefix.
        for token in Tokenizer.tokenize(bytes) {
            let prefix = String(decoding: bytes[..<token.start], as: UTF8.self)
            #expect(index.scalarOffset(ofByte: token.start) == prefix.unicodeScalars.count)
        }
    }

    @Test func asciiOffsetsAreByteOffsets() {
        let index = ScalarIndex(bytes: Array("plain text".utf8))
        #expect(index.scalarOffset(ofByte: 6) == 6)
        #expect(index.scalarOffset(ofByte: 10) == 10)
    }
}
