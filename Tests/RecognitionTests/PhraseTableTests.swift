import Recognition
import Testing
import TextAnalysis

/// The index of the first token whose text is `word`.
private func tokenIndex(_ text: AnalyzedText, _ word: String) -> Int {
    text.tokens.indices.first { text.string(token: $0) == word } ?? -1
}

@Suite("PhraseTable")
struct PhraseTableTests {
    private func table() -> PhraseTable<String> {
        var table = PhraseTable<String>()
        table.insert("Addis Ababa", "city")
        table.insert("united nations", "short")
        table.insert("United Nations Security Council", "long")
        table.insert("security", "word")
        return table
    }

    @Test func countsAndMaxTokens() {
        var table = table()
        #expect(table.count == 4)
        #expect(table.maxTokens == 4)
        table.insert("  ADDIS\tababa ", "replaced")
        #expect(table.count == 4, "the same phrase in another case and spacing replaces the entry")
        #expect(table.value(for: "addis ababa") == "replaced")
        table.insert("   ", "nothing")
        #expect(table.count == 4)
    }

    @Test func valueForIsCaseInsensitive() {
        let table = table()
        #expect(table.value(for: "ADDIS ABABA") == "city")
        #expect(table.value(for: "United Nations") == "short")
        #expect(table.value(for: "addis") == nil)
        #expect(table.value(for: "addis ababa city") == nil)
    }

    @Test func longestMultiWordMatchWins() {
        let text = AnalyzedText(text: "The United Nations Security Council met in Addis Ababa today.")
        let table = table()
        let start = tokenIndex(text, "United")
        let hit = table.longest(in: text, at: start, limit: text.tokens.count)
        #expect(hit?.length == 4)
        #expect(hit?.value == "long")
        // Limited to three tokens, the two-word entry is the longest that fits.
        let limited = table.longest(in: text, at: start, limit: start + 3)
        #expect(limited?.length == 2)
        #expect(limited?.value == "short")
        let city = table.longest(in: text, at: tokenIndex(text, "Addis"), limit: text.tokens.count)
        #expect(city?.length == 2)
        #expect(city?.value == "city")
    }

    @Test func matchingIsCaseInsensitive() {
        let text = AnalyzedText(text: "Delegates left ADDIS ABABA and addis ababa.")
        let table = table()
        #expect(table.longest(in: text, at: tokenIndex(text, "ADDIS"), limit: text.tokens.count)?.value == "city")
        #expect(table.longest(in: text, at: tokenIndex(text, "addis"), limit: text.tokens.count)?.value == "city")
    }

    @Test func noFalsePartialMatches() {
        let table = table()
        for sentence in ["Addis is far.", "Addisa Ababa is far.", "Addis Ababas are far.", "Addis Abab is far.",
                         "The United Nation met.", "Securityx matters."] {
            let text = AnalyzedText(text: sentence)
            #expect(table.longest(in: text, at: 0, limit: text.tokens.count) == nil, "\(sentence)")
        }
        // A phrase split by punctuation is not the phrase.
        let split = AnalyzedText(text: "Addis, Ababa.")
        #expect(table.longest(in: split, at: 0, limit: split.tokens.count) == nil)
        // A match must start at the given token.
        let inner = AnalyzedText(text: "Nations Security Council")
        #expect(table.longest(in: inner, at: 0, limit: inner.tokens.count) == nil)
        #expect(table.longest(in: inner, at: 1, limit: inner.tokens.count)?.value == "word")
    }

    @Test func limitAndEndOfTextAreRespected() {
        let table = table()
        let text = AnalyzedText(text: "Addis Ababa")
        #expect(table.longest(in: text, at: 0, limit: 1) == nil)
        #expect(table.longest(in: text, at: 0, limit: 0) == nil)
        #expect(table.longest(in: text, at: 0, limit: 99)?.length == 2)
        #expect(PhraseTable<Int>().longest(in: text, at: 0, limit: 2) == nil)
    }

    /// `longest` stops reading where the words so far open no phrase; a phrase reached only through words that
    /// are no phrase themselves ("held talks by telephone": "held", "held talks by" are none) is still found.
    @Test func phrasesThroughPrefixesThatAreNoPhrase() {
        var table = PhraseTable<String>()
        table.insert("held talks by telephone", "call")
        table.insert("by telephone", "short")
        let text = AnalyzedText(text: "They held talks by telephone and held talks by letter.")
        let first = table.longest(in: text, at: tokenIndex(text, "held"), limit: text.tokens.count)
        #expect(first?.length == 4)
        #expect(first?.value == "call")
        let second = text.tokens.indices.filter { text.string(token: $0) == "held" }.last!
        #expect(table.longest(in: text, at: second, limit: text.tokens.count) == nil)
        #expect(table.longest(in: text, at: tokenIndex(text, "by"), limit: text.tokens.count)?.value == "short")
        #expect(table.longest(in: text, at: tokenIndex(text, "talks"), limit: text.tokens.count) == nil)
    }
}

@Suite("WordSet")
struct WordSetTests {
    @Test func containsIsCaseInsensitive() {
        let words = WordSet(["summit", "Talks", "round of talks"])
        let text = AnalyzedText(text: "SUMMIT talks Summits summi round of talks")
        #expect(words.contains(text, 0))
        #expect(words.contains(text, 1))
        #expect(!words.contains(text, 2))
        #expect(!words.contains(text, 3))
        #expect(words.contains(bytes: Array("TALKS".utf8)[...]))
        #expect(!words.contains(bytes: Array("talk".utf8)[...]))
        #expect(!words.contains(bytes: []))
    }

    @Test func phrases() {
        let words = WordSet(["summit", "round of talks", "round"])
        #expect(words.maxTokens == 3)
        let text = AnalyzedText(text: "a Round Of Talks and a round table")
        let round = 1
        #expect(words.containsPhrase(text, from: round, count: 3))
        #expect(!words.containsPhrase(text, from: round, count: 2))
        #expect(words.longestPhrase(text, at: round, limit: text.tokens.count) == 3)
        #expect(words.longestPhrase(text, at: round, limit: round + 2) == 1)
        #expect(words.longestPhrase(text, at: 0, limit: text.tokens.count) == 0)
        let second = text.tokens.indices.last { text.string(token: $0) == "round" }!
        #expect(words.longestPhrase(text, at: second, limit: text.tokens.count) == 1)
        #expect(words.longestPhrase(text, at: second, limit: second) == 0)
    }

    @Test func emptySetContainsNothing() {
        let words = WordSet([String]())
        let text = AnalyzedText(text: "anything")
        #expect(!words.contains(text, 0))
        #expect(words.longestPhrase(text, at: 0, limit: 1) == 0)
    }
}
