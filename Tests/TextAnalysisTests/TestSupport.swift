import Foundation
import TextAnalysis

/// The text of every token, so expectations read like the sentence they describe.
func tokenTexts(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return Tokenizer.tokenize(bytes).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
}

func tokenKinds(_ text: String) -> [TokenKind] {
    Tokenizer.tokenize(Array(text.utf8)).map(\.kind)
}

/// The text of every sentence of `text`.
func sentenceTexts(_ text: String, titleRange: Range<Int>? = nil) -> [String] {
    let analyzed = AnalyzedText(text: text, titleRange: titleRange)
    return analyzed.sentences.map { analyzed.string(from: $0.start, to: $0.end) }
}

/// Files shared by the test targets, found relative to this source file (tests run from any directory).
func fixture(_ path: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(path)
    return [UInt8](try Data(contentsOf: url))
}
