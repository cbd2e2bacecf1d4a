import TextAnalysis

/// What the rest of a document says about capitalised words, gathered before any sentence is classified.
///
/// A capitalised word at the start of a sentence or in a Title Case headline says nothing by itself
/// ("Meanwhile", "Establishment Of … Bases"). It is accepted as a name only when the body of the same document
/// also writes it capitalised in mid-sentence: the same check a careful reader makes.
struct DocumentEvidence {
    /// Words written capitalised somewhere other than the first word of a body sentence.
    var confirmed = TokenHashSet()
    /// Words seen right after a lower-case "the" and closing the phrase there ("the Taliban said", "the
    /// Kremlin's"): organisations, not people.
    var definite = TokenHashSet()
    /// Last words of capitalised runs of two or more words ("Bashar al-Assad" → "al-Assad"): alone, they are
    /// most likely that person's surname.
    var surnames = TokenHashSet()
    /// Identities of the countries the document names (or whose nationality it uses), to tell apart cities that
    /// share a name.
    var countries: Set<String> = []

    init(text: AnalyzedText, headings: Set<Int>, lexicon: LexiconMemo) {
        for (s, sentence) in text.sentences.enumerated() where !headings.contains(s) {
            var run = 0
            let opening = text.effectiveStart(of: sentence)
            for i in sentence.tokens {
                guard text.isNameLike(i) else {
                    if run >= 2 { surnames.insert(TokenHash.of(text, i - 1)) }
                    run = 0
                    continue
                }
                run += 1
                if let (_, places) = lexicon.placeCandidates(at: i, limit: sentence.tokens.upperBound),
                   places[0].kind == .country {
                    countries.insert(places[0].identity)
                } else if let demonym = lexicon.demonym(at: i), !demonym.ambiguous {
                    countries.insert(demonym.place.identity)
                }
                let hash = TokenHash.of(text, i)
                if i > opening { confirmed.insert(hash) }
                // "the Taliban said", "the Kremlin's": the word is the whole noun phrase. In "the Himalayan
                // kingdom" or "the European Union" it only qualifies what follows.
                let next = i + 1
                let closesPhrase = next >= sentence.tokens.upperBound || text.tokens[next].kind != .word
                    || (!text.isNameLike(next) && EnglishWords.functionWords.contains(text, next))
                if i > sentence.tokens.lowerBound, text.isLowercaseThe(i - 1), closesPhrase { definite.insert(hash) }
            }
            if run >= 2, let last = sentence.tokens.last { surnames.insert(TokenHash.of(text, last)) }
        }
    }
}

extension AnalyzedText {
    /// The first token after the function words that open a sentence ("The", "But", "Meanwhile ,"): a capital
    /// there is still the sentence's, not the name's.
    func effectiveStart(of sentence: Sentence) -> Int {
        var i = sentence.tokens.lowerBound
        while i < sentence.tokens.upperBound, !isAllCaps(i),
              (isCapitalized(i) && EnglishWords.functionWords.contains(self, i)) || (i > sentence.tokens.lowerBound && isPunctuationComma(i)) {
            i += 1
        }
        return i
    }

    /// "the" written in lower case: a sentence-opening "The" says nothing about the next word.
    func isLowercaseThe(_ i: Int) -> Bool {
        let token = tokens[i]
        return token.length == 3 && bytes[token.start] == 0x74 && bytes[token.start + 1] == 0x68 && bytes[token.start + 2] == 0x65
    }

    /// Sentences that read as headlines: the title line, and short lines standing alone as a paragraph without
    /// closing punctuation ("Russia to host Taliban representatives"). Capitalisation and grammar there are
    /// telegraphic, so later stages trust them less.
    public func headingSentences() -> Set<Int> {
        var headings: Set<Int> = []
        for (s, sentence) in sentences.enumerated() {
            if sentence.isTitle { headings.insert(s); continue }
            guard let last = sentence.tokens.last, sentence.tokens.count <= 14 else { continue }
            let lastToken = tokens[last]
            if lastToken.kind == .punctuation, [0x2E, 0x21, 0x3F, 0x22, 0x3A].contains(bytes[lastToken.start]) { continue }
            if isParagraph(from: sentence.start, to: sentence.end) { headings.insert(s) }
        }
        return headings
    }

    /// Whether bytes `start..<end` are a whole paragraph: a blank line (or the text's edge) on both sides.
    func isParagraph(from start: Int, to end: Int) -> Bool {
        func blankLine(from index: Int, step: Int) -> Bool {
            var i = index
            var newlines = 0
            while i >= 0 && i < bytes.count {
                let b = bytes[i]
                if b == 0x0A { newlines += 1; if newlines == 2 { return true } }
                else if b != 0x20 && b != 0x09 { return false }
                i += step
            }
            return true
        }
        return blankLine(from: start - 1, step: -1) && blankLine(from: end, step: 1)
    }
}
