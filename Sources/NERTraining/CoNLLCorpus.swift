import DocumentReading
import Foundation
import Recognition
import TextAnalysis

/// One article of a CoNLL-2003 file: sentences of words with their gold mentions.
struct CoNLLDocument {
    struct Sentence {
        var words: [[UInt8]]
        /// Token ranges within the sentence.
        var mentions: [(tokens: Range<Int>, label: EntityLabel)]
    }

    var sentences: [Sentence]
}

/// Reads CoNLL-2003 files (`WORD POS CHUNK NER`, IOB1, `-DOCSTART-` between articles), as in
/// `../shared/data/conll2003/`. Types map onto the tagger's labels as the project maps them onto node types:
/// PER → `per`, ORG → `org`, LOC → `geo`, MISC → `misc`.
enum CoNLLCorpus {
    static func load(path: String) throws(CorpusError) -> [CoNLLDocument] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: String(describing: error))
        }
        var documents: [CoNLLDocument] = [CoNLLDocument(sentences: [])]
        var words: [[UInt8]] = []
        var tags: [String] = []
        func closeSentence() {
            guard !words.isEmpty else { return }
            documents[documents.count - 1].sentences.append(.init(words: words, mentions: spans(tags)))
            words = []
            tags = []
        }
        var lineNumber = 0
        for line in [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = line.split(separator: 0x20)
            if fields.isEmpty {
                closeSentence()
            } else if fields[0].elementsEqual("-DOCSTART-".utf8) {
                closeSentence()
                documents.append(CoNLLDocument(sentences: []))
            } else {
                guard fields.count >= 2 else { throw .malformed(line: lineNumber, reason: "expected WORD ... TAG") }
                words.append(Array(fields[0]))
                tags.append(String(decoding: fields[fields.count - 1], as: UTF8.self))
            }
        }
        closeSentence()
        // Some copies put the first -DOCSTART- at the end of the file: empty documents are dropped.
        return documents.filter { !$0.sentences.isEmpty }
    }

    static func label(_ type: Substring) -> EntityLabel? {
        switch type {
        case "PER": .per
        case "ORG": .org
        case "LOC": .geo
        case "MISC": .misc
        default: nil
        }
    }

    /// Mentions from IOB1 (or IOB2) tags, conlleval style.
    static func spans(_ tags: [String]) -> [(tokens: Range<Int>, label: EntityLabel)] {
        var result: [(tokens: Range<Int>, label: EntityLabel)] = []
        var start = -1
        var open: EntityLabel? = nil
        for (i, tag) in (tags + ["O"]).enumerated() {
            let parts = tag.split(separator: "-", maxSplits: 1)
            let label = parts.count == 2 ? Self.label(parts[1]) : nil
            let begins = parts.first == "B" || label != open
            if tag == "O" || begins {
                if let open, start >= 0 { result.append((start..<i, open)) }
                start = label == nil ? -1 : i
                open = label
            }
        }
        return result
    }

    /// The article's text exactly as `../shared/eval/ner_dev.py docs` writes it (words joined by single spaces,
    /// one sentence a line), read through the run-time document reader and text analysis, with the gold
    /// mentions moved onto the run-time tokens and sentences.
    ///
    /// Why not the gold tokens: what the model sees in training must be what it sees at run time. Our tokenizer
    /// and sentence splitter decide where tokens and sentences are, and feature windows and document context
    /// follow them. A gold mention whose ends fall inside a run-time token, or that a sentence break cuts, cannot
    /// be produced at run time and is left out (`dropped`).
    ///
    /// - Parameter titled: the first sentence is a title line (a blank line follows it), as in most articles a
    ///   user gives the tool; CoNLL's own headlines have none, so the model would never see a title line.
    static func analyzed(_ document: CoNLLDocument, features: FeatureSource? = nil, titled: Bool = false)
        -> (sentences: [LabelledSentence], dropped: Int) {
        var bytes: [UInt8] = []
        var gold: [(start: Int, end: Int, label: EntityLabel)] = []
        for (index, sentence) in document.sentences.enumerated() {
            if titled && index == 1 { bytes.append(0x0A) }
            var wordStarts: [Int] = []
            for (k, word) in sentence.words.enumerated() {
                if k > 0 { bytes.append(0x20) }
                wordStarts.append(bytes.count)
                bytes += word
            }
            for mention in sentence.mentions {
                let last = mention.tokens.upperBound - 1
                gold.append((wordStarts[mention.tokens.lowerBound], wordStarts[last] + sentence.words[last].count,
                             mention.label))
            }
            bytes.append(0x0A)
        }
        guard let read = try? DocumentReader.decode(bytes, id: "conll", path: "conll"),
              Array(read.document.text.utf8) == bytes else {
            // The reader would shift offsets (a `date` header, a BOM): no such article in CoNLL-2003.
            return ([], gold.count)
        }
        let text = AnalyzedText(text: read.document.text, titleRange: read.document.titleRange)
        var tokenStarting: [Int: Int] = [:], tokenEnding: [Int: Int] = [:]
        for (t, token) in text.tokens.enumerated() {
            tokenStarting[token.start] = t
            tokenEnding[token.end] = t
        }
        var sentenceOf = [Int](repeating: 0, count: text.tokens.count)
        for (s, sentence) in text.sentences.enumerated() {
            for t in sentence.tokens { sentenceOf[t] = s }
        }
        var mentions = [[(tokens: Range<Int>, label: EntityLabel)]](repeating: [], count: text.sentences.count)
        var dropped = 0
        for span in gold {
            guard let first = tokenStarting[span.start], let last = tokenEnding[span.end], first <= last,
                  sentenceOf[first] == sentenceOf[last] else {
                dropped += 1
                continue
            }
            let s = sentenceOf[first], lower = text.sentences[s].tokens.lowerBound
            mentions[s].append(((first - lower)..<(last + 1 - lower), span.label))
        }
        let context = DocumentContext(text)
        let external = features?(text)
        let sentences = text.sentences.enumerated().map { s, sentence in
            LabelledSentence(text: text, context: context, sentence: sentence, mentions: mentions[s],
                             externalFeatures: external)
        }
        return (sentences, dropped)
    }
}

extension CoNLLCorpus {
    /// Headline copies: sentence `index` of `document` in Title Case as the title line above the whole article,
    /// labelled as the sentence is; only the title line is returned (the body is the article's own example).
    ///
    /// Why: a title line's case-sensitive features are keyed apart (`FeatureExtractor.titleVariant`), and CoNLL
    /// has no title lines, so without these copies a model trained on it has nothing but the words to go by in
    /// a user's headline ("… Says Group's FM" would make "FM" an organisation).
    static func headline(_ document: CoNLLDocument, sentence index: Int, style: TrainingExamples.TitleStyle,
                         features: FeatureSource? = nil) -> LabelledSentence? {
        let source = document.sentences[index]
        let (words, mentions) = TrainingExamples.titleCased(words: source.words, mentions: source.mentions, style: style)
        guard !words.isEmpty else { return nil }
        var titled = document
        titled.sentences.insert(.init(words: words, mentions: mentions), at: 0)
        let analyzed = analyzed(titled, features: features, titled: true)
        return analyzed.sentences.first { $0.sentence.isTitle }
    }
}
