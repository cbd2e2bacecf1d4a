import DocumentReading
import Foundation
import Testing
import TextAnalysis

/// Every hostile input either decodes or is refused with a `DocumentReadError`; whatever decodes can be
/// tokenized and split without crashing, into in-bounds, ordered, non-overlapping pieces.
@Suite struct BatteryTests {
    static let files: [String] = {
        let directory = fixturesDirectory.appendingPathComponent("battery").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    @Test func batteryIsComplete() {
        #expect(Self.files.count == 24)
    }

    @Test(arguments: files)
    func decodesOrFailsCleanly(_ name: String) throws {
        let bytes = try fixture("battery/" + name)
        let read: ReadDocument
        do {
            read = try DocumentReader.decode(bytes, id: name, path: name)
        } catch {
            #expect(error.description.hasPrefix(name + ": "))
            #expect(name == "15_binary_disguised.txt", "unexpected refusal: \(error)")
            return
        }
        let text = read.document.text
        #expect(!text.utf8.contains(0x0D), "CR left in the text")
        #expect(!text.hasPrefix("\u{FEFF}"))
        for warning in read.warnings { #expect(warning.hasPrefix(name + ": ")) }

        let analyzed = AnalyzedText(text: text, titleRange: read.document.titleRange)
        var previousEnd = 0
        for token in analyzed.tokens {
            #expect(token.start >= previousEnd && token.start < token.end && token.end <= analyzed.bytes.count)
            previousEnd = token.end
        }
        var nextToken = 0
        for sentence in analyzed.sentences {
            #expect(sentence.tokens.lowerBound == nextToken && !sentence.tokens.isEmpty)
            #expect(sentence.tokens.count <= SentenceSplitter.maxTokens)
            #expect(sentence.start < sentence.end && sentence.end <= analyzed.bytes.count)
            nextToken = sentence.tokens.upperBound
        }
        #expect(nextToken == analyzed.tokens.count)
    }

    @Test func specificBatteryOutcomes() throws {
        func read(_ name: String) throws -> ReadDocument {
            try DocumentReader.decode(try fixture("battery/" + name), id: name, path: name)
        }
        #expect(throws: DocumentReadError.binary(path: "15_binary_disguised.txt", reason: "PNG image signature")) {
            try read("15_binary_disguised.txt")
        }
        #expect(try read("11b_utf16le_bom.txt").document.text.hasPrefix("GHAZNI, 8 March 2022 -- Ghazni Grain Co met"))
        #expect(try read("11_bom.txt").document.text.hasPrefix("JALALABAD"))
        let latin1 = try read("11c_latin1.txt")
        #expect(latin1.document.text.hasPrefix("MONTRÉAL, 4 mai 2022 -- La Société Générale"))
        #expect(latin1.warnings == ["11c_latin1.txt: not valid UTF-8; decoded as Windows-1252"])
        #expect(try read("09_invalid_utf8.txt").warnings.count == 1)
        #expect(try read("08_control_chars.txt").document.text.contains("Null\u{0}Void"))
        #expect(try read("10_crlf.txt").document.text.contains("follows.\nAmu Darya"))
        #expect(try read("12_empty.txt").document.text.isEmpty)
        #expect(try read("13_whitespace_only.txt").document.text.isEmpty)
        #expect(try read("13b_unicode_whitespace_only.txt").document.text.isEmpty)
        #expect(AnalyzedText(text: try read("13b_unicode_whitespace_only.txt").document.text).tokens.isEmpty)
        let long = AnalyzedText(text: try read("14_long_line_1MiB.txt").document.text)
        #expect(long.sentences.count > 100)
    }
}
