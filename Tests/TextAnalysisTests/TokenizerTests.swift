import Testing
import TextAnalysis

@Suite struct TokenizerTests {
    @Test func wordsAndPunctuation() {
        #expect(tokenTexts("Hello, world! (It's fine.)") == ["Hello", ",", "world", "!", "(", "It", "'s", "fine", ".", ")"])
        #expect(tokenKinds("a, b.") == [.word, .punctuation, .word, .punctuation])
    }

    @Test func possessivesWithBothApostrophes() {
        #expect(tokenTexts("Russia's Group’s ISIS' countries’ attacks") ==
            ["Russia", "'s", "Group", "’s", "ISIS", "'", "countries", "’", "attacks"])
        #expect(tokenKinds("Russia's Group’s ISIS' x") == [.word, .possessive, .word, .possessive, .word, .possessive, .word])
        // A final `'s` at the end of the text, and before punctuation.
        #expect(tokenTexts("the Taliban's.") == ["the", "Taliban", "'s", "."])
        #expect(tokenTexts("Muttaqi's") == ["Muttaqi", "'s"])
    }

    @Test func internalApostrophesStay() {
        #expect(tokenTexts("O'Brien & Sons don't O’Neill") == ["O'Brien", "&", "Sons", "don't", "O’Neill"])
        // An apostrophe after a word not ending in s is a closing quote, not a possessive.
        #expect(tokenTexts("'rock' and") == ["'", "rock", "'", "and"])
        #expect(tokenKinds("'rock' and") == [.punctuation, .word, .punctuation, .word])
    }

    @Test func internalHyphensStay() {
        #expect(tokenTexts("ISIS-K war-torn al-Qaeda Al-Qaeda-linked MAZAR-I-SHARIF") ==
            ["ISIS-K", "war-torn", "al-Qaeda", "Al-Qaeda-linked", "MAZAR-I-SHARIF"])
        #expect(tokenTexts("2021 -- Mir -1.5 end- x") == ["2021", "-", "-", "Mir", "-", "1.5", "end", "-", "x"])
        // U+2010 HYPHEN joins like `-`; an en dash does not.
        #expect(tokenTexts("Mazar‐e–Sharif") == ["Mazar‐e", "–", "Sharif"])
    }

    @Test func abbreviationsKeepTheirPeriod() {
        #expect(tokenTexts("Mr. Smith, Gen. Miller and Dr. Who met on Jan. 5 at St. Paul vs. Co. Inc. Ltd.") ==
            ["Mr.", "Smith", ",", "Gen.", "Miller", "and", "Dr.", "Who", "met", "on", "Jan.", "5", "at", "St.", "Paul",
             "vs.", "Co.", "Inc.", "Ltd."])
        // Case matters: `no.` at a sentence end is a word and a period.
        #expect(tokenTexts("No. 5 said no.") == ["No.", "5", "said", "no", "."])
        // Not listed, so the period is a separate token.
        #expect(tokenTexts("Kabul. Then") == ["Kabul", ".", "Then"])
    }

    @Test func abbreviationRules() {
        let bytes = Array("Gen. J. U.S. e.g. Inc. Kabul. No. no".utf8)
        let rules = Tokenizer.tokenize(bytes).map { Abbreviations.rule(for: $0, in: bytes) }
        #expect(rules == [.neverEndsSentence, .neverEndsSentence, .endsSentenceBeforeNewline, .neverEndsSentence,
                          .endsSentenceBeforeNewline, nil, nil, .neverEndsSentence, nil])
    }

    @Test func dottedAcronymsAndInitials() {
        #expect(tokenTexts("the U.S. and U.N. and U.K., e.g. J. R. Smith") ==
            ["the", "U.S.", "and", "U.N.", "and", "U.K.", ",", "e.g.", "J.", "R.", "Smith"])
        #expect(tokenTexts("U.S.A. i.e. x") == ["U.S.A.", "i.e.", "x"])
        // A lower-case single letter before a period is no initial.
        #expect(tokenTexts("plan a. Then") == ["plan", "a", ".", "Then"])
        #expect(tokenKinds("J. Smith") == [.word, .word])
    }

    @Test func numbers() {
        #expect(tokenTexts("20 3,500.75 2021 7th 21st 3M 1e5 2021-06-20 20-year-old") ==
            ["20", "3,500.75", "2021", "7th", "21st", "3M", "1e5", "2021-06-20", "20-year-old"])
        #expect(tokenKinds("20 3,500.75 2021 7th 21st 3M 1e5 2021-06-20 20-year-old") ==
            [.number, .number, .number, .number, .number, .word, .word, .number, .word])
        // A sentence-final period or a list comma is not part of the number.
        #expect(tokenTexts("in 2021. Then 1, 2, 3") == ["in", "2021", ".", "Then", "1", ",", "2", ",", "3"])
        #expect(tokenTexts("10:30 3:1") == ["10", ":", "30", "3", ":", "1"])
        // Persian and Arabic-Indic digits, with the Arabic thousands and decimal separators.
        #expect(tokenTexts("۱۴۰۰ ٣٬٥٠٠ ۱۲٫۵") == ["۱۴۰۰", "٣٬٥٠٠", "۱۲٫۵"])
        #expect(tokenKinds("۱۴۰۰ ٣٬٥٠٠") == [.number, .number])
    }

    @Test func symbolsAndPunctuationKinds() {
        #expect(tokenTexts("AT&T <b>5 = $3") == ["AT", "&", "T", "<", "b", ">", "5", "=", "$", "3"])
        #expect(tokenKinds("& < “ … — $") == [.punctuation, .symbol, .punctuation, .punctuation, .punctuation, .symbol])
    }

    @Test func nonASCIIWordsPashtoArabic() {
        #expect(tokenTexts("د کابل ښاروالۍ، میرویس احمدزی.") == ["د", "کابل", "ښاروالۍ", "،", "میرویس", "احمدزی", "."])
        // Tatweel is a letter; RLM and bidi overrides are never part of a word.
        #expect(tokenTexts("محـــمد \u{200F}Kabul Bank\u{200F}.") == ["محـــمد", "\u{200F}", "Kabul", "Bank", "\u{200F}", "."])
    }

    @Test func combiningMarksAndJoiners() {
        #expect(tokenTexts("Zu\u{308}rich Ngô Đình C\u{334}o\u{335}") == ["Zu\u{308}rich", "Ngô", "Đình", "C\u{334}o\u{335}"])
        // ZWNJ and ZWJ inside a word stay; ZWSP, NBSP, NNBSP and the BOM separate.
        #expect(tokenTexts("می\u{200C}خواهیم Ka\u{200D}bul Kabul\u{200B}Bank Kabul\u{A0}Times a\u{202F}b Khyber\u{FEFF}Transport") ==
            ["می\u{200C}خواهیم", "Ka\u{200D}bul", "Kabul", "Bank", "Kabul", "Times", "a", "b", "Khyber", "Transport"])
        // A soft hyphen inside a word stays; a joiner at the end of a word does not.
        #expect(tokenTexts("Inter\u{AD}national word\u{200D} x") == ["Inter\u{AD}national", "word", "\u{200D}", "x"])
    }

    @Test func emojiSequencesAreSingleSymbols() {
        let text = "🇦🇫 Future 👨‍👩‍👧 Families Rocket🚀Labs 👍🏽 Zahra ❤️ Hearts ☕︎ 𝔊𝔯𝔞𝔭𝔥"
        #expect(tokenTexts(text) == ["🇦🇫", "Future", "👨‍👩‍👧", "Families", "Rocket", "🚀", "Labs", "👍🏽", "Zahra",
                                     "❤️", "Hearts", "☕︎", "𝔊𝔯𝔞𝔭𝔥"])
        #expect(tokenKinds("🇦🇫 👨‍👩‍👧 𝔊𝔯𝔞𝔭𝔥") == [.symbol, .symbol, .word])
    }

    @Test func controlCharactersAreOwnTokens() {
        #expect(tokenTexts("Bell\u{7}Ringers Null\u{0}Void Tab\tSep Next\u{85}Line Line\u{2028}Sep") ==
            ["Bell", "\u{7}", "Ringers", "Null", "\u{0}", "Void", "Tab", "Sep", "Next", "Line", "Line", "Sep"])
    }

    @Test func whitespaceOnlyGivesNoTokens() {
        #expect(Tokenizer.tokenize([]).isEmpty)
        #expect(Tokenizer.tokenize(Array(" \t\n\r\u{A0}\u{2003}\u{3000}\u{200B}\u{2028}\u{202F}\u{205F}\u{FEFF}".utf8)).isEmpty)
    }

    @Test func invalidUTF8NeverTrapsAndIsCovered() {
        // Lone E9, truncated 3-byte sequence at the end, overlong C0 AF, surrogate ED A0 80.
        let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0xC0, 0xAF, 0x41, 0xED, 0xA0, 0x80, 0x42, 0xE2, 0x82]
        let tokens = Tokenizer.tokenize(bytes)
        #expect(tokens.map { [$0.start, $0.end] } == [[0, 3], [3, 4], [5, 6], [6, 7], [7, 8], [8, 9], [9, 10], [10, 11],
                                                      [11, 12], [12, 13], [13, 14]])
        #expect(tokens.first?.kind == .word)
        #expect(tokens[1].kind == .symbol)
    }

    /// Offsets are byte offsets into the UTF-8: the substring of each token is the token text, and the
    /// text between tokens is only white space.
    @Test func offsetsCoverTheTextExactly() {
        let text = "KABUL, 3 March — Mir Wais \"The Engineer\" Ahmadzai (میرویس) met Zu\u{308}rich 🇦🇫 Re’s staff…"
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        var previousEnd = 0
        for token in tokens {
            #expect(token.start >= previousEnd && token.start < token.end && token.end <= bytes.count)
            let gap = String(decoding: bytes[previousEnd..<token.start], as: UTF8.self)
            #expect(gap.allSatisfy { $0.isWhitespace })
            previousEnd = token.end
        }
        #expect(tokenTexts(text) == ["KABUL", ",", "3", "March", "—", "Mir", "Wais", "\"", "The", "Engineer", "\"",
                                     "Ahmadzai", "(", "میرویس", ")", "met", "Zu\u{308}rich", "🇦🇫", "Re", "’s", "staff", "…"])
    }
}
