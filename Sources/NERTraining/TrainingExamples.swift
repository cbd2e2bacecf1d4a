import Recognition
import TextAnalysis

/// A sentence in the tagger's run-time representation, with its gold mentions.
struct LabelledSentence {
    var text: AnalyzedText
    var sentence: Sentence
    /// Relative to the sentence.
    var mentions: [(tokens: Range<Int>, label: EntityLabel)]
}

enum TrainingExamples {
    /// Builds `AnalyzedText`s exactly as the run-time pipeline would hold them: the words of consecutive sentences
    /// joined by single spaces, tokens as byte ranges. Sentences are grouped `sentencesPerText` to a text (a
    /// pseudo-document), so token indices are absolute within a text like in real documents.
    static func analyzed(_ sentences: [GMBSentence], sentencesPerText: Int = 100) -> [LabelledSentence] {
        var result: [LabelledSentence] = []
        var start = 0
        while start < sentences.count {
            let group = sentences[start..<min(sentences.count, start + sentencesPerText)]
            var bytes: [UInt8] = []
            var tokens: [Token] = []
            var spans: [Sentence] = []
            for sentence in group {
                let firstToken = tokens.count
                let firstByte = bytes.isEmpty ? 0 : bytes.count + 1
                for word in sentence.words {
                    if !bytes.isEmpty { bytes.append(0x20) }
                    tokens.append(Token(start: bytes.count, end: bytes.count + word.count, kind: kind(of: word)))
                    bytes.append(contentsOf: word)
                }
                spans.append(Sentence(tokens: firstToken..<tokens.count, start: firstByte, end: bytes.count))
            }
            let text = AnalyzedText(bytes: bytes, tokens: tokens, sentences: spans)
            for (sentence, span) in zip(group, spans) {
                result.append(LabelledSentence(text: text, sentence: span, mentions: sentence.mentions))
            }
            start += sentencesPerText
        }
        return result
    }

    /// A sentence rendered as a headline: every word capitalised, in one of two common styles, marked as the
    /// title line, with the same gold mentions.
    ///
    /// Why: the first line of an article is often Title Case. Without such examples the model learns that a
    /// capital letter mid-sentence means "name" and tags every word of a headline. Trained on these, with the
    /// case-sensitive features keyed separately for title lines, it learns to rely on the words themselves there.
    /// - Parameters:
    ///   - lowerSmallWords: "Establishment of ISIS Bases in Region" (AP style) instead of "... Of ... In ...".
    ///   - dropFinalPeriod: headlines rarely end with a period.
    static func titleCased(_ sentence: GMBSentence, lowerSmallWords: Bool, dropFinalPeriod: Bool) -> LabelledSentence {
        var words = sentence.words
        if dropFinalPeriod, words.count > 1, words.last == [UInt8(ascii: ".")] { words.removeLast() }
        for i in words.indices {
            var word = words[i]
            guard let first = word.first else { continue }
            if lowerSmallWords && i > 0 && smallWords.contains(word) { continue }
            if first >= 0x61 && first <= 0x7A { word[0] = first - 0x20 }
            words[i] = word
        }
        let mentions = sentence.mentions.filter { $0.tokens.upperBound <= words.count }
        var analyzed = analyzed([GMBSentence(words: words, mentions: mentions)], sentencesPerText: 1)[0]
        analyzed.sentence.isTitle = true
        analyzed.text = AnalyzedText(bytes: analyzed.text.bytes, tokens: analyzed.text.tokens, sentences: [analyzed.sentence])
        return analyzed
    }

    private static let smallWords: Set<[UInt8]> = Set(
        ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as", "is"]
            .map { Array($0.utf8) })

    private static func kind(of word: [UInt8]) -> TokenKind {
        guard let first = word.first else { return .symbol }
        if first >= 0x30 && first <= 0x39 { return .number }
        if word == Array("'s".utf8) { return .possessive }
        if first >= 0x80 || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) { return .word }
        return .punctuation
    }
}
