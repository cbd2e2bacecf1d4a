/// Reads one summary line of a partial result straight from its bytes.
///
/// `JSONDecoder` read partials at about 7 MB/s, which made the last merge of a sharded run slower than the
/// extraction it merges (a partial is about five times the size of its text). This reader knows the one shape it
/// reads, builds no intermediate tree and makes a `String` only for the values it keeps; keys it does not know are
/// skipped, as `Decodable` skips them. The writer stays `Encodable` (`PartialLines`), so the format is defined in
/// one place; `PartialLineParserTests` check that both agree on every field.
struct PartialLineParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// The key being read, for error messages.
    private var path: [String] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func summary(_ line: [UInt8]) throws(PartialLines.Invalid) -> PartialLines.Summary {
        do {
            return try line.withUnsafeBufferPointer { buffer in
                var parser = PartialLineParser(buffer)
                let summary = try parser.summary()
                parser.whitespace()
                guard parser.i == buffer.count else { throw parser.invalid("text after the closing brace") }
                return summary
            }
        } catch let error as PartialLines.Invalid {
            throw error
        } catch {
            throw PartialLines.Invalid("\(error)")
        }
    }

    // MARK: - The summary's shapes

    private mutating func summary() throws(PartialLines.Invalid) -> PartialLines.Summary {
        var id: String?, date: String?, bytes: Int?
        var entities: [PartialLines.Entity]?, evidence: [PartialLines.EvidenceSentence]?
        var relations: [PartialLines.Relation]?, mentions: [PartialLines.Mention]?
        try object { (p: inout Self, key) throws(PartialLines.Invalid) in
            switch key {
            case "id": id = try p.string()
            case "date": date = try p.optionalString()
            case "bytes": bytes = try p.int()
            case "entities": entities = try p.array { (p: inout Self) throws(PartialLines.Invalid) in try p.entity() }
            case "evidence": evidence = try p.array { (p: inout Self) throws(PartialLines.Invalid) in try p.evidenceSentence() }
            case "relations": relations = try p.array { (p: inout Self) throws(PartialLines.Invalid) in try p.relation() }
            case "mentions": mentions = try p.array { (p: inout Self) throws(PartialLines.Invalid) in try p.mention() }
            default: try p.skipValue()
            }
        }
        return PartialLines.Summary(id: try required(id, "id"), date: date, bytes: try required(bytes, "bytes"),
                                    entities: try required(entities, "entities"), evidence: try required(evidence, "evidence"),
                                    relations: try required(relations, "relations"), mentions: try required(mentions, "mentions"))
    }

    private mutating func entity() throws(PartialLines.Invalid) -> PartialLines.Entity {
        var type: String?, name: String?, sightingSurfaces: [String]?, identity: String?
        var alias: PartialLines.AliasGroup?, meetingSeries: String?, meetingDate: String?, meetingOrdinal: Int?
        var meetingPlaces: [String]?, mentions: Int?, surfaces: [String]?, meeting: PartialLines.Meeting?
        var merges: [[String]]?
        try object { (p: inout Self, key) throws(PartialLines.Invalid) in
            switch key {
            case "type": type = try p.string()
            case "name": name = try p.string()
            case "sightingSurfaces": sightingSurfaces = try p.strings()
            case "identity": identity = try p.optionalString()
            case "alias": alias = try p.null() ? nil : try p.aliasGroup()
            case "meetingSeries": meetingSeries = try p.optionalString()
            case "meetingDate": meetingDate = try p.optionalString()
            case "meetingOrdinal": meetingOrdinal = try p.null() ? nil : try p.int()
            case "meetingPlaces": meetingPlaces = try p.null() ? nil : try p.strings()
            case "mentions": mentions = try p.int()
            case "surfaces": surfaces = try p.strings()
            case "meeting": meeting = try p.null() ? nil : try p.meeting()
            case "merges": merges = try p.array { (p: inout Self) throws(PartialLines.Invalid) in try p.strings() }
            default: try p.skipValue()
            }
        }
        return PartialLines.Entity(
            type: try required(type, "type"), name: try required(name, "name"),
            sightingSurfaces: try required(sightingSurfaces, "sightingSurfaces"), identity: identity, alias: alias,
            meetingSeries: meetingSeries, meetingDate: meetingDate, meetingOrdinal: meetingOrdinal,
            meetingPlaces: meetingPlaces, mentions: try required(mentions, "mentions"),
            surfaces: try required(surfaces, "surfaces"), meeting: meeting, merges: try required(merges, "merges"))
    }

    private mutating func aliasGroup() throws(PartialLines.Invalid) -> PartialLines.AliasGroup {
        var canonical: String?, type: String?, source: String?
        try object { (p: inout Self, key) throws(PartialLines.Invalid) in
            switch key {
            case "canonical": canonical = try p.string()
            case "type": type = try p.string()
            case "source": source = try p.string()
            default: try p.skipValue()
            }
        }
        return PartialLines.AliasGroup(canonical: try required(canonical, "canonical"), type: try required(type, "type"),
                                       source: try required(source, "source"))
    }

    private mutating func meeting() throws(PartialLines.Invalid) -> PartialLines.Meeting {
        var meeting = PartialLines.Meeting(date: nil, format: nil, ordinal: nil, series: nil)
        try object { (p: inout Self, key) throws(PartialLines.Invalid) in
            switch key {
            case "date": meeting.date = try p.optionalString()
            case "format": meeting.format = try p.optionalString()
            case "ordinal": meeting.ordinal = try p.null() ? nil : try p.int()
            case "series": meeting.series = try p.optionalString()
            default: try p.skipValue()
            }
        }
        return meeting
    }

    private mutating func evidenceSentence() throws(PartialLines.Invalid) -> PartialLines.EvidenceSentence {
        var start: Int?, end: Int?, text: String?
        try object { (p: inout Self, key) throws(PartialLines.Invalid) in
            switch key {
            case "start": start = try p.int()
            case "end": end = try p.int()
            case "text": text = try p.string()
            default: try p.skipValue()
            }
        }
        return PartialLines.EvidenceSentence(start: try required(start, "start"), end: try required(end, "end"),
                                             text: try required(text, "text"))
    }

    private mutating func relation() throws(PartialLines.Invalid) -> PartialLines.Relation {
        var source: Int?, target: Int?, key: String?, kind: String?, label: String?, eventClass: String?
        var evidence: Int?, sentences: [Int32]?
        try object { (p: inout Self, name) throws(PartialLines.Invalid) in
            switch name {
            case "source": source = try p.int()
            case "target": target = try p.null() ? nil : try p.int()
            case "key": key = try p.optionalString()
            case "kind": kind = try p.string()
            case "label": label = try p.string()
            case "eventClass": eventClass = try p.optionalString()
            case "evidence": evidence = try p.int()
            case "sentences":
                sentences = try p.array { (p: inout Self) throws(PartialLines.Invalid) in
                    let value = try p.int()
                    guard let small = Int32(exactly: value) else { throw p.invalid("sentence index \(value) out of range") }
                    return small
                }
            default: try p.skipValue()
            }
        }
        return PartialLines.Relation(source: try required(source, "source"), target: target, key: key,
                                     kind: try required(kind, "kind"), label: try required(label, "label"),
                                     eventClass: eventClass, evidence: try required(evidence, "evidence"),
                                     sentences: try required(sentences, "sentences"))
    }

    private mutating func mention() throws(PartialLines.Invalid) -> PartialLines.Mention {
        var entity: Int?, start: Int?, end: Int?, text: String?, type: String?
        try object { (p: inout Self, key) throws(PartialLines.Invalid) in
            switch key {
            case "entity": entity = try p.int()
            case "start": start = try p.int()
            case "end": end = try p.int()
            case "text": text = try p.string()
            case "type": type = try p.string()
            default: try p.skipValue()
            }
        }
        return PartialLines.Mention(entity: try required(entity, "entity"), start: try required(start, "start"),
                                    end: try required(end, "end"), text: try required(text, "text"),
                                    type: try required(type, "type"))
    }

    private func required<T>(_ value: T?, _ key: String) throws(PartialLines.Invalid) -> T {
        guard let value else { throw PartialLines.Invalid("missing field '\(key)'\(at)") }
        return value
    }

    // MARK: - JSON values

    private var at: String { path.isEmpty ? "" : " at '" + path.joined(separator: ".") + "'" }

    private func invalid(_ reason: String) -> PartialLines.Invalid {
        PartialLines.Invalid("not JSON of a summary\(at): \(reason) (byte \(i + 1))")
    }

    private mutating func whitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
    }

    private mutating func consume(_ byte: UInt8) throws(PartialLines.Invalid) {
        whitespace()
        guard i < bytes.count, bytes[i] == byte else {
            throw invalid("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        i += 1
    }

    /// Whether the next byte (after white space) is `byte`, consuming it if so.
    private mutating func take(_ byte: UInt8) -> Bool {
        whitespace()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// An object: `body` is called with each key, positioned at its value, and must read the value.
    private mutating func object(_ body: (inout Self, String) throws(PartialLines.Invalid) -> Void) throws(PartialLines.Invalid) {
        try consume(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try consume(UInt8(ascii: ":"))
            path.append(key)
            try body(&self, key)
            path.removeLast()
        } while take(UInt8(ascii: ","))
        try consume(UInt8(ascii: "}"))
    }

    private mutating func array<T>(_ element: (inout Self) throws(PartialLines.Invalid) -> T) throws(PartialLines.Invalid) -> [T] {
        try consume(UInt8(ascii: "["))
        var result: [T] = []
        if take(UInt8(ascii: "]")) { return result }
        var index = 0
        repeat {
            path.append(String(index))
            result.append(try element(&self))
            path.removeLast()
            index += 1
        } while take(UInt8(ascii: ","))
        try consume(UInt8(ascii: "]"))
        return result
    }

    private mutating func strings() throws(PartialLines.Invalid) -> [String] {
        try array { (p: inout Self) throws(PartialLines.Invalid) in try p.string() }
    }

    /// `null`, consumed; false (and nothing consumed) for any other value.
    private mutating func null() throws(PartialLines.Invalid) -> Bool {
        whitespace()
        guard i + 4 <= bytes.count, bytes[i] == UInt8(ascii: "n") else { return false }
        guard bytes[i + 1] == UInt8(ascii: "u"), bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") else {
            throw invalid("expected null")
        }
        i += 4
        return true
    }

    private mutating func optionalString() throws(PartialLines.Invalid) -> String? {
        try null() ? nil : try string()
    }

    private mutating func int() throws(PartialLines.Invalid) -> Int {
        whitespace()
        let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let start = i
        var value = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(bytes[i] - 0x30))
            guard !o1, !o2 else { throw invalid("integer out of range") }
            value = sum
            i += 1
        }
        guard i > start else { throw invalid("expected an integer") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            throw invalid("expected an integer, found a fraction or exponent")
        }
        return negative ? -value : value
    }

    private mutating func string() throws(PartialLines.Invalid) -> String {
        try consume(UInt8(ascii: "\""))
        let start = i
        // Fast path: no escape, the bytes are the string.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") {
            guard bytes[i] >= 0x20 else { throw invalid("control character in a string") }
            i += 1
        }
        guard i < bytes.count else { throw invalid("unterminated string") }
        if bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        var scalars = Array(bytes[start..<i])
        while true {
            guard i < bytes.count else { throw invalid("unterminated string") }
            let byte = bytes[i]
            i += 1
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20 else { throw invalid("control character in a string") }
                scalars.append(byte)
                continue
            }
            guard i < bytes.count else { throw invalid("unterminated escape") }
            let escape = bytes[i]
            i += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    // A surrogate pair: the low half must follow as another \u escape.
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw invalid("unpaired surrogate")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw invalid("unpaired surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(code) {
                    throw invalid("unpaired surrogate")
                }
                scalars.append(contentsOf: String(Character(Unicode.Scalar(code)!)).utf8)
            default:
                throw invalid("unknown escape")
            }
        }
        return String(decoding: scalars, as: UTF8.self)
    }

    private mutating func hex4() throws(PartialLines.Invalid) -> UInt32 {
        guard i + 4 <= bytes.count else { throw invalid("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw invalid("bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    /// Any value, for keys this version does not know.
    private mutating func skipValue() throws(PartialLines.Invalid) {
        whitespace()
        guard i < bytes.count else { throw invalid("expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): try object { (p: inout Self, _) throws(PartialLines.Invalid) in try p.skipValue() }
        case UInt8(ascii: "["): _ = try array { (p: inout Self) throws(PartialLines.Invalid) in try p.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        default:
            // A number, true, false or null: up to the next delimiter.
            let start = i
            while i < bytes.count, !",]} \n\t\r".utf8.contains(bytes[i]) { i += 1 }
            guard i > start else { throw invalid("expected a value") }
        }
    }
}
