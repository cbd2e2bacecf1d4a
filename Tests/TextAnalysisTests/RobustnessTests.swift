import Testing
import TextAnalysis

/// Generated inputs built from the fragments that exercise every special case (apostrophes, abbreviations,
/// separators, broken UTF-8), checked for the invariants later stages rely on. Deterministic, so a failure
/// reproduces.
@Suite struct RobustnessTests {
    static let fragments: [[UInt8]] = [
        "Mr", "U", "S", "e", "g", "Kabul", "ISIS", "s", "7", "3", "th", "Inc", "J", "’", "'", ".", ",", "-", "‐",
        "!", "?", "…", "\"", "“", "”", "(", ")", " ", " ", "\n", "\n\n", "\r", "\t", "\u{A0}", "\u{200B}", "\u{200C}",
        "\u{200D}", "\u{FEFF}", "\u{2029}", "\u{301}", "\u{FE0F}", "🇦", "👍", "🏽", "د", "۱", "٬", "\u{0}", "\u{7}",
    ].map { Array($0.utf8) } + [[0xFF], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func generatedInputsKeepTheInvariants() {
        var random = Generator(state: 42)
        for round in 0..<600 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(300) {
                if round % 5 == 0 {
                    bytes.append(UInt8(random.next(256)))
                } else {
                    bytes += Self.fragments[random.next(Self.fragments.count)]
                }
            }
            let tokens = Tokenizer.tokenize(bytes)
            var previousEnd = 0
            for token in tokens {
                #expect(token.start >= previousEnd && token.start < token.end && token.end <= bytes.count)
                previousEnd = token.end
            }
            let lower = random.next(bytes.count + 2)
            let title = lower..<(lower + random.next(40))
            let sentences = SentenceSplitter.split(bytes: bytes, tokens: tokens, titleRange: round % 3 == 0 ? title : nil)
            var next = 0
            for sentence in sentences {
                #expect(sentence.tokens.lowerBound == next && !sentence.tokens.isEmpty)
                #expect(sentence.tokens.count <= SentenceSplitter.maxTokens)
                #expect(sentence.start == tokens[sentence.tokens.lowerBound].start)
                next = sentence.tokens.upperBound
            }
            #expect(next == tokens.count)
        }
    }

    /// The splitter trusts nothing about its input: tokens past the end of the bytes do not trap.
    @Test func splitterToleratesTokensOutOfBounds() {
        let bytes = Array("Hi. There".utf8)
        let tokens = [Token(start: 0, end: 2, kind: .word), Token(start: 2, end: 3, kind: .punctuation),
                      Token(start: 4, end: 90, kind: .word), Token(start: 95, end: 96, kind: .punctuation),
                      Token(start: 97, end: 99, kind: .word)]
        let sentences = SentenceSplitter.split(bytes: bytes, tokens: tokens, titleRange: 50..<200)
        #expect(sentences.map(\.tokens) == [0..<2, 2..<3, 3..<5])
    }
}
