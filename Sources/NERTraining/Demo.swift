import Foundation
import Recognition
import TextAnalysis

/// `ner-train tag`: tags pre-tokenised text from standard input (one sentence a line, tokens separated by
/// spaces; with `--title yes` the first line is the headline). For eyeballing a model before the real tokenizer.
enum Demo {
    static func run(_ options: Options) throws {
        let tagger = try EntityTagger(modelBytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: try options.string("--model")))))
        let title = options.string("--title", default: "no") == "yes"
        var bytes: [UInt8] = [], tokens: [Token] = [], sentences: [Sentence] = []
        while let line = readLine() {
            let words = line.split(separator: " ")
            guard !words.isEmpty else { continue }
            let first = tokens.count, firstByte = bytes.isEmpty ? 0 : bytes.count + 1
            for word in words {
                if !bytes.isEmpty { bytes.append(0x20) }
                tokens.append(Token(start: bytes.count, end: bytes.count + word.utf8.count, kind: .word))
                bytes.append(contentsOf: word.utf8)
            }
            sentences.append(Sentence(tokens: first..<tokens.count, start: firstByte, end: bytes.count,
                                      isTitle: title && sentences.isEmpty))
        }
        let text = AnalyzedText(bytes: bytes, tokens: tokens, sentences: sentences)
        for span in tagger.tag(text) {
            print("\(span.label)\t\(String(format: "%.2f", span.score))\t\(text.string(tokens: span.tokens))")
        }
    }
}
