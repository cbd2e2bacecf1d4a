import Testing
@testable import GraphExport

@Suite struct TextPolicyTests {
    @Test func stripsWhatXMLCannotCarryAndKeepsTheRest() {
        #expect(TextPolicy.clean("Null\u{0}Void") == "NullVoid")
        #expect(TextPolicy.clean("Bell\u{7}Ringers") == "BellRingers")
        #expect(TextPolicy.clean("a\u{B}b\u{C}c\u{1F}d\u{8}e") == "abcde")
        #expect(TextPolicy.clean("Half\u{FFFE}Moon\u{FFFF}") == "HalfMoon")
        #expect(TextPolicy.clean("\u{0}\u{1}") == "")
    }

    @Test func turnsCRLFAndLoneCRIntoLF() {
        #expect(TextPolicy.clean("CR\r\nLF") == "CR\nLF")
        #expect(TextPolicy.clean("Lone\rCR") == "Lone\nCR")
        #expect(TextPolicy.clean("a\r\r\nb") == "a\n\nb")
        #expect(TextPolicy.clean("end\r") == "end\n")
        #expect(TextPolicy.clean("a\n\nb") == "a\n\nb")
    }

    @Test(arguments: [
        "Tab\tInside", "Split\nAcross", "DEL\u{7F} C1\u{85}\u{9B}", "Line\u{2028}Para\u{2029}", "Khyber\u{FEFF}Transport",
        "\u{202E}Exchange Corp\u{202C}", "👨‍👩‍👧 Families 🇦🇫", "د کابل ښاروالۍ", "Zu\u{308}rich", String(String.UnicodeScalarView([0xE000, 0x1FFFE, 0xFDD0].compactMap(Unicode.Scalar.init))),
        "  Padded  ", "",
    ])
    func leavesLegalTextAlone(_ text: String) {
        #expect(TextPolicy.clean(text) == text)
        // Unicode.Scalar-exact, not just canonically equivalent (String == compares canonically).
        #expect(Array(TextPolicy.clean(text).unicodeScalars) == Array(text.unicodeScalars))
    }

    /// `clean` tests eight bytes at a time before looking at single bytes: a character to strip (or one that only
    /// looks like it, such as U+EFFF or U+FFFD) must be found at every offset from a word's start, and U+FFFE/U+FFFF
    /// also where its three bytes straddle two words.
    @Test func findsWhatToStripAtEveryOffset() {
        let inserts: [String] = ["\u{0}", "\u{1F}", "\r", "\r\n", "\t", "\n", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFFF}",
                                 "\u{F8FF}", "é", "\u{7F}"]
        func expected(_ text: String) -> String {
            var result = String.UnicodeScalarView()
            var previousWasCR = false
            for scalar in text.unicodeScalars {
                defer { previousWasCR = scalar == "\r" }
                if scalar == "\r" { result.append("\n"); continue }
                if scalar == "\n" && previousWasCR { continue }
                if TextPolicy.isAllowed(scalar) { result.append(scalar) }
            }
            return String(result)
        }
        for insert in inserts {
            for length in [7, 8, 9, 15, 16, 17, 24, 40] {
                for offset in 0...length {
                    let plain = String(repeating: "abcdefgh", count: 6).prefix(length)
                    let text = plain.prefix(offset) + insert + plain.dropFirst(offset)
                    #expect(Array(TextPolicy.clean(String(text)).unicodeScalars) == Array(expected(String(text)).unicodeScalars),
                            "\(insert.unicodeScalars.map(\.value)) at \(offset) of \(length)")
                }
            }
        }
    }

    @Test func isIdempotent() {
        for name in TestGraphs.nastyNames {
            let once = TextPolicy.clean(name)
            #expect(TextPolicy.clean(once) == once)
            #expect(once.unicodeScalars.allSatisfy { TextPolicy.isAllowed($0) && $0 != "\r" })
        }
    }
}

@Suite struct TruncationTests {
    @Test func shortTextIsUnchanged() {
        #expect(Truncation.truncate("Kabul", maxCharacters: 5, maxBytes: 100) == "Kabul")
        #expect(Truncation.truncate("", maxCharacters: 5, maxBytes: 100) == "")
    }

    @Test func cutsAtCharacterBoundariesWithinBothLimits() {
        let flags = String(repeating: "🇦🇫", count: 300)        // each flag: 2 scalars, 8 bytes, 1 Character
        let cut = Truncation.truncate(flags, maxCharacters: 200, maxBytes: 10_000)
        #expect(cut.count == 200)
        #expect(cut.hasSuffix("…"))
        #expect(cut.dropLast().allSatisfy { $0 == "🇦🇫" })

        let family = String(repeating: "👨‍👩‍👧", count: 50)    // 18 bytes per Character
        let byBytes = Truncation.truncate(family, maxCharacters: 1000, maxBytes: 100)
        #expect(byBytes.utf8.count <= 100)
        #expect(byBytes == String(repeating: "👨‍👩‍👧", count: 5) + "…")

        let combining = String(repeating: "e\u{301}\u{302}", count: 10)
        let marks = Truncation.truncate(combining, maxCharacters: 4, maxBytes: 1000)
        #expect(marks == String(repeating: "e\u{301}\u{302}", count: 3) + "…")
    }

    @Test func exactFitIsNotCut() {
        #expect(Truncation.truncate("abcde", maxCharacters: 5, maxBytes: 5) == "abcde")
        #expect(Truncation.truncate("abcdef", maxCharacters: 5, maxBytes: 100) == "abcd…")
    }

    @Test func oneHugeCharacterBecomesJustTheEllipsis() {
        let zalgo = "Z" + String(repeating: "\u{336}", count: 5000)
        #expect(Truncation.truncate(zalgo, maxCharacters: 200, maxBytes: 2048) == "…")
    }
}

@Suite struct TextPolicyBlanknessTests {
    /// `isEmptyWhenCleaned` is `clean(text).isEmpty` without making the cleaned text.
    @Test func emptyWhenCleanedAgreesWithClean() {
        let samples = ["", "a", "\u{0}", "\u{0}\u{1}\u{1F}", "\r", "\n", "\t", "\u{FFFE}\u{FFFF}", "\u{0}a", "\u{B}\r\n",
                       "\u{7}\u{FFFE}", " ", "é", "\u{1}\u{2}x"]
        for text in samples {
            #expect(TextPolicy.isEmptyWhenCleaned(text) == TextPolicy.clean(text).isEmpty, "\(text.unicodeScalars.map(\.value))")
        }
    }
}
