import Testing
import TextAnalysis

@Suite struct SentenceSplitterTests {
    @Test func splitsAfterStopsBeforeCapitalsDigitsAndQuotes() {
        #expect(sentenceTexts("It rained. Then it stopped! Did it? 20 people came. \"Yes,\" he said.") ==
            ["It rained.", "Then it stopped!", "Did it?", "20 people came.", "\"Yes,\" he said."])
        // No split before a lower-case word or without white space.
        #expect(sentenceTexts("It was 3 p.m. yesterday.x and more. and on") == ["It was 3 p.m. yesterday.x and more. and on"])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(sentenceTexts("He said, “We met twice.” Then he left (quietly.) Done.") ==
            ["He said, “We met twice.”", "Then he left (quietly.)", "Done."])
        #expect(sentenceTexts("\"Go!\" she said. Really?! Yes… Fine...") ==
            ["\"Go!\" she said.", "Really?!", "Yes…", "Fine..."])
    }

    @Test func abbreviationsAndInitials() {
        #expect(sentenceTexts("Gen. Smith met Mr. Jones and J. R. Doe in the U.S. Capitol on Jan. 5. They talked.") ==
            ["Gen. Smith met Mr. Jones and J. R. Doe in the U.S. Capitol on Jan. 5.", "They talked."])
        // `U.S.`, `Inc.` end a sentence only before a line break.
        #expect(sentenceTexts("a subsidiary of Subgraph Inc.\nA separate meeting took place in the U.S.\nIt ended.") ==
            ["a subsidiary of Subgraph Inc.", "A separate meeting took place in the U.S.", "It ended."])
        #expect(sentenceTexts("Graph Ltd. The chair, e.g. Ms. Edge, spoke.") == ["Graph Ltd. The chair, e.g. Ms. Edge, spoke."])
    }

    @Test func lineBreaksAndParagraphs() {
        // A quote spanning a single line break stays one sentence.
        #expect(sentenceTexts("The quote \"first line\nsecond line\" spans a line.\nNext one.") ==
            ["The quote \"first line\nsecond line\" spans a line.", "Next one."])
        // A blank line always ends a sentence, even without a stop; so does a list item.
        #expect(sentenceTexts("Russia to host Taliban representatives\n\nZakharova said so.\n \nok") ==
            ["Russia to host Taliban representatives", "Zakharova said so.", "ok"])
        #expect(sentenceTexts("Items:\n- one\n- two\n1. three\n2) four\n-1.5 Capital") ==
            ["Items:", "- one", "- two", "1. three", "2) four\n-1.5 Capital"])
        #expect(sentenceTexts("Stop.\r\n\r\nNext\rline. Here") == ["Stop.", "Next\rline.", "Here"])
        // U+2029 is a paragraph break by definition; a stray form feed is no break at all.
        #expect(sentenceTexts("Para\u{2029}Graph Ltd and Form\u{C}Feed Press met.") == ["Para", "Graph Ltd and Form\u{C}Feed Press met."])
    }

    @Test func caselessScriptsStartSentences() {
        #expect(sentenceTexts("کابل ته لاړ. هغه راغی۔ بیا؟ هو") == ["کابل ته لاړ.", "هغه راغی۔", "بیا؟", "هو"])
    }

    @Test func titleIsItsOwnSentence() {
        let text = "U.S. Says No. Way? Not Here\n\nThe body. Ends here."
        let title = 0..<27
        let analyzed = AnalyzedText(text: text, titleRange: title)
        #expect(analyzed.sentences.map { analyzed.string(from: $0.start, to: $0.end) } ==
            ["U.S. Says No. Way? Not Here", "The body.", "Ends here."])
        #expect(analyzed.sentences.map(\.isTitle) == [true, false, false])
    }

    @Test func longRunsAreForceSplit() {
        let words = (0..<1000).map { $0 % 50 == 49 ? "w\($0);" : "w\($0)" }.joined(separator: " ")
        let analyzed = AnalyzedText(text: words)
        #expect(analyzed.sentences.count >= 3)
        for sentence in analyzed.sentences {
            #expect(sentence.tokens.count <= SentenceSplitter.maxTokens)
        }
        // The first cut is after the last `;` inside the 120-token window: "w49 ;" are tokens 49 and 50,
        // "w99 ;" tokens 100 and 101, and the next `;` (token 152) lies beyond it.
        #expect(SentenceSplitter.maxTokens == 120)
        let first = analyzed.sentences[0]
        #expect(analyzed.string(token: first.tokens.upperBound - 1) == ";")
        #expect(analyzed.string(token: first.tokens.upperBound - 2) == "w99")
        expectPartition(analyzed)
    }

    @Test func emptyAndWhitespaceTextHaveNoSentences() {
        #expect(AnalyzedText(text: "").sentences.isEmpty)
        #expect(AnalyzedText(text: " \n\n\t ").sentences.isEmpty)
        #expect(SentenceSplitter.split(bytes: [], tokens: [], titleRange: 0..<0).isEmpty)
    }

    /// Seed 000: a headline, then 13 sentences in 10 paragraphs.
    @Test func seed000() throws {
        let text = String(decoding: try fixture("seeds/000_aeb10834fad6bcd8.txt"), as: UTF8.self)
        let titleEnd = try #require(text.utf8.firstIndex(of: 0x0A))
        let titleRange = 0..<text.utf8.distance(from: text.utf8.startIndex, to: titleEnd)
        let analyzed = AnalyzedText(text: text, titleRange: titleRange)
        let sentences = analyzed.sentences.map { analyzed.string(from: $0.start, to: $0.end) }
        #expect(sentences.count == 14)
        #expect(analyzed.sentences.map(\.isTitle) == [true] + Array(repeating: false, count: 13))
        #expect(sentences.first == "Establishment Of ISIS Bases In Region Has Worried Taliban, Says Group’s FM")
        #expect(sentences.dropFirst().map { String($0.prefix(20)) } == [
            "Speaking at the Mosc", "Muttaqi called on th", "The Taliban official", "Taliban officials ha",
            "Yet ISIS-K continues", "The Taliban's foreig", "Although Russia reco", "The Taliban's foreig",
            "Ahead of Amir Khan M", "At the same time, he", "Meanwhile, the head ", "He also said that in",
            "However, Muttaqi cal",
        ])
        #expect(sentences[4] == "Taliban officials have repeatedly claimed that ISIS does not exist in Afghanistan.")
        #expect(sentences.last?.hasSuffix("through the lens of \"foreigners”.") == true)
        expectPartition(analyzed)
    }

    /// Seed 001 after its `date` header: quotes spanning sentences, a sub-heading without a stop.
    @Test func seed001() throws {
        var text = String(decoding: try fixture("seeds/001_d01be74c4e9dbeef.txt"), as: UTF8.self)
        text.removeFirst(" date 2021-10-08 ".count)
        let analyzed = AnalyzedText(text: text)
        let sentences = analyzed.sentences.map { analyzed.string(from: $0.start, to: $0.end) }
        #expect(sentences.map { String($0.prefix(20)) } == [
            "Russian Foreign Mini", "While noting that th", "The spokesperson als",
            "Zakharova said, “We ", "Recently, ISIS membe",
            "She added, “We note ", "On 4 October, five m", "We call on the Afgha",
            "Russia to host Talib",
            "Zakharova’s call for", "According to the TAS",
            "While the Kremlin's ", "Especially, amid gro", "However, on Thursday",
        ])
        #expect(sentences[8] == "Russia to host Taliban representatives")
        #expect(sentences[4].hasSuffix("more than 30 were injured.”"))
        expectPartition(analyzed)
    }
}

/// Sentences are non-empty, in order, and together hold every token exactly once.
func expectPartition(_ analyzed: AnalyzedText, sourceLocation: SourceLocation = #_sourceLocation) {
    var next = 0
    for sentence in analyzed.sentences {
        #expect(sentence.tokens.lowerBound == next && !sentence.tokens.isEmpty, sourceLocation: sourceLocation)
        next = sentence.tokens.upperBound
        #expect(sentence.start == analyzed.tokens[sentence.tokens.lowerBound].start, sourceLocation: sourceLocation)
        #expect(sentence.end == analyzed.tokens[sentence.tokens.upperBound - 1].end, sourceLocation: sourceLocation)
    }
    #expect(next == analyzed.tokens.count, sourceLocation: sourceLocation)
}
