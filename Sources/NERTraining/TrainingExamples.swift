import Recognition
import TextAnalysis

/// A sentence in the tagger's run-time representation, with its gold mentions.
struct LabelledSentence {
    var text: AnalyzedText
    /// `DocumentContext(text)`, shared by the sentences of a text.
    var context: DocumentContext
    var sentence: Sentence
    /// Relative to the sentence.
    var mentions: [(tokens: Range<Int>, label: EntityLabel)]
    /// The tagger's external bits for the whole of `text` (gazetteer membership), shared by its sentences;
    /// nil when training or evaluating without them.
    var externalFeatures: [UInt32]? = nil
}

/// Computes the external per-token bits of a text, as run time does (`Lexicon.tokenFeatures(for:)`).
typealias FeatureSource = (AnalyzedText) -> [UInt32]?

enum TrainingExamples {
    /// GMB sentences grouped into a pseudo-document: about the length of a news article, so the document
    /// context (`DocumentContext`) sees in training what it sees at run time.
    static let sentencesPerDocument = 20

    /// Builds `AnalyzedText`s exactly as the run-time pipeline would hold them: the words of consecutive sentences
    /// joined by single spaces, tokens as byte ranges, `sentencesPerDocument` sentences to a text.
    static func analyzed(_ sentences: [GMBSentence], features: FeatureSource? = nil) -> [LabelledSentence] {
        stride(from: 0, to: sentences.count, by: sentencesPerDocument).flatMap { start in
            document(Array(sentences[start..<min(sentences.count, start + sentencesPerDocument)]), features: features)
        }
    }

    /// One text of `sentences`; the first is rendered as a title line when `title` is given.
    static func document(_ sentences: [GMBSentence], title: TitleStyle? = nil, features: FeatureSource? = nil)
        -> [LabelledSentence] {
        var bytes: [UInt8] = []
        var tokens: [Token] = []
        var spans: [Sentence] = []
        var labelled = sentences
        if let title, let first = sentences.first { labelled[0] = titleCased(first, style: title) }
        for (index, sentence) in labelled.enumerated() {
            let firstToken = tokens.count
            let firstByte = bytes.isEmpty ? 0 : bytes.count + 1
            for word in sentence.words {
                if !bytes.isEmpty { bytes.append(0x20) }
                tokens.append(Token(start: bytes.count, end: bytes.count + word.count, kind: kind(of: word)))
                bytes.append(contentsOf: word)
            }
            spans.append(Sentence(tokens: firstToken..<tokens.count, start: firstByte, end: bytes.count,
                                  isTitle: title != nil && index == 0))
        }
        let text = AnalyzedText(bytes: bytes, tokens: tokens, sentences: spans)
        let context = DocumentContext(text)
        let external = features?(text)
        return zip(labelled, spans).map {
            LabelledSentence(text: text, context: context, sentence: $1, mentions: $0.mentions, externalFeatures: external)
        }
    }

    /// How a headline is capitalised.
    struct TitleStyle {
        /// "Establishment of ISIS Bases in Region" (AP style) instead of "... Of ... In ...".
        var lowerSmallWords: Bool
        /// Headlines rarely end with a period.
        var dropFinalPeriod: Bool
    }

    /// A document whose first sentence is `title` rendered as a headline, followed by `body`; returns only the
    /// headline, with the same gold mentions.
    ///
    /// Why: the first line of an article is often Title Case. Without such examples the model learns that a
    /// capital letter mid-sentence means "name" and tags every word of a headline. Trained on these, with the
    /// case-sensitive features keyed separately for title lines, it learns to rely on the words themselves and
    /// on the body below (a headline's "Worried" is "worried" there).
    static func headline(_ title: GMBSentence, body: [GMBSentence], style: TitleStyle, features: FeatureSource? = nil)
        -> LabelledSentence {
        document([title] + body, title: style, features: features)[0]
    }

    private static func titleCased(_ sentence: GMBSentence, style: TitleStyle) -> GMBSentence {
        let (words, mentions) = titleCased(words: sentence.words, mentions: sentence.mentions, style: style)
        return GMBSentence(words: words, mentions: mentions)
    }

    /// Words in headline case; mentions that ran into a dropped final period are kept only if they still fit.
    static func titleCased(words: [[UInt8]], mentions: [(tokens: Range<Int>, label: EntityLabel)], style: TitleStyle)
        -> (words: [[UInt8]], mentions: [(tokens: Range<Int>, label: EntityLabel)]) {
        var words = words
        if style.dropFinalPeriod, words.count > 1, words.last == [UInt8(ascii: ".")] { words.removeLast() }
        for i in words.indices {
            guard let first = words[i].first else { continue }
            if style.lowerSmallWords && i > 0 && smallWords.contains(words[i]) { continue }
            if first >= 0x61 && first <= 0x7A { words[i][0] = first - 0x20 }
        }
        return (words, mentions.filter { $0.tokens.upperBound <= words.count })
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
