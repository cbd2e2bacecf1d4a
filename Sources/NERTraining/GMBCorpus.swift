import Foundation
import Recognition

/// One sentence of the GMB corpus: words as UTF-8 and gold mentions (token ranges within the sentence).
struct GMBSentence {
    var words: [[UInt8]]
    var mentions: [(tokens: Range<Int>, label: EntityLabel)]
    var tokenCount: Int { words.count }
}

enum CorpusError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(line: Int, reason: String)

    var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .malformed(line, reason): "corpus line \(line): \(reason)"
        }
    }
}

/// Reads `ner_dataset.csv` of the "Annotated Corpus for NER" (Groningen Meaning Bank).
///
/// The file is cp1252 with CRLF line ends, one token a row (`Sentence #,Word,POS,Tag`); the first column is
/// set only on a sentence's first row, and words containing commas or quotes are quoted CSV fields. IOB2 tags
/// are read conlleval style; `art` and `nat` mentions are dropped (see `EntityLabel`). The last sentence of the
/// file is cut off mid-sentence, so it is dropped too.
enum GMBCorpus {
    static func load(path: String) throws(CorpusError) -> [GMBSentence] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: String(describing: error))
        }
        var sentences: [GMBSentence] = []
        var current: GMBSentence? = nil
        var open: (start: Int, label: EntityLabel?)? = nil
        func closeMention(at end: Int) {
            if let mention = open, let label = mention.label { current?.mentions.append((mention.start..<end, label)) }
            open = nil
        }
        var lineNumber = 0
        for record in CSVRecords(bytes: [UInt8](data)) {
            lineNumber += 1
            if lineNumber == 1 { continue } // header
            guard record.count == 4 else { throw .malformed(line: lineNumber, reason: "expected 4 fields, found \(record.count)") }
            if !record[0].isEmpty {
                if let finished = current {
                    closeMention(at: finished.words.count)
                    sentences.append(current!)
                }
                current = GMBSentence(words: [], mentions: [])
            }
            guard current != nil else { throw .malformed(line: lineNumber, reason: "token before the first sentence") }
            let index = current!.words.count
            current!.words.append(Windows1252.utf8(record[1]))
            let tag = String(decoding: record[3], as: UTF8.self)
            if tag == "O" {
                closeMention(at: index)
            } else {
                let parts = tag.split(separator: "-", maxSplits: 1)
                guard parts.count == 2, parts[0] == "B" || parts[0] == "I" else {
                    throw .malformed(line: lineNumber, reason: "unknown tag \(tag)")
                }
                let label = EntityLabel(name: parts[1]) // nil for art / nat: still a mention boundary
                let continues = parts[0] == "I" && open != nil && open!.label == label
                if !continues {
                    closeMention(at: index)
                    open = (index, label)
                }
            }
        }
        // `current` is the truncated last sentence: dropped.
        return sentences
    }
}

/// cp1252 → UTF-8.
enum Windows1252 {
    /// Scalars of 0x80...0x9F; the five undefined bytes map to the C1 controls of the same value.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func utf8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            let scalar = byte < 0x80 ? UInt32(byte) : byte < 0xA0 ? high[Int(byte) - 0x80] : UInt32(byte)
            out.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
        }
        return out
    }
}

/// RFC 4180 records over raw bytes: quoted fields may hold commas, quotes (doubled) and line breaks;
/// CR before LF is dropped.
struct CSVRecords: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> [ArraySlice<UInt8>]? {
        guard position < bytes.count else { return nil }
        var fields: [ArraySlice<UInt8>] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldStart = position
        var usesCopy = false
        while position < bytes.count {
            let byte = bytes[position]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 2
                        continue
                    }
                    quoted = false
                } else {
                    field.append(byte)
                }
                position += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                quoted = true
                usesCopy = true
                position += 1
            case UInt8(ascii: ","):
                fields.append(usesCopy ? field[...] : bytes[fieldStart..<position])
                field.removeAll()
                usesCopy = false
                position += 1
                fieldStart = position
            case UInt8(ascii: "\n"):
                var end = position
                if end > fieldStart && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if usesCopy, field.last == UInt8(ascii: "\r") { field.removeLast() }
                fields.append(usesCopy ? field[...] : bytes[fieldStart..<end])
                position += 1
                return fields
            default:
                if usesCopy { field.append(byte) }
                position += 1
            }
        }
        fields.append(usesCopy ? field[...] : bytes[fieldStart..<position])
        return fields
    }
}
