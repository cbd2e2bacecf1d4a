@testable import ExtractionPipeline
import Foundation
import Testing

/// The partial reader parses summary lines by hand (for speed) while the writer encodes them with `Encodable`:
/// both must agree on every field, every escape and every absent value.
@Suite("Partial line parser")
struct PartialLineParserTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Parses `line` and encodes the result again: equal bytes mean every field was read back as written.
    func roundTrip(_ line: [UInt8]) throws -> [UInt8] {
        Array(try Self.encoder.encode(try PartialLineParser.summary(line)))
    }

    static let awkward = ["plain", "quote \" and backslash \\ and slash /", "tab\tnew\nline\r\u{1}\u{1F}",
                          "é, 中文, 😀 and \u{2028}", ""]

    @Test func everyFieldAndEscapeReadsBackAsWritten() throws {
        for (k, text) in Self.awkward.enumerated() {
            let summary = PartialLines.Summary(
                id: "doc \(text)", date: k.isMultiple(of: 2) ? nil : "2024-01-0\(k)", bytes: 1234 + k,
                entities: [
                    .init(type: "person", name: text, sightingSurfaces: [text, "B"], identity: k == 1 ? nil : "country:\(text)",
                          alias: k == 2 ? nil : .init(canonical: text, type: "organisation", source: "a.tsv"),
                          meetingSeries: text, meetingDate: nil, meetingOrdinal: k == 3 ? nil : -k,
                          meetingPlaces: k == 4 ? nil : [text], mentions: 3, surfaces: [], meeting:
                            k == 0 ? nil : .init(date: "2024-02-02", format: text, ordinal: nil, series: text),
                          merges: [[text, "reason \(text)"]]),
                ],
                evidence: [.init(start: 0, end: 12, text: text)],
                relations: [.init(source: 0, target: k == 1 ? nil : 0, key: k == 1 ? text : nil, kind: "role", label: text,
                                  eventClass: k == 3 ? text : nil, evidence: 0, sentences: [0, 2, Int32.max])],
                mentions: [.init(entity: 0, start: 5, end: 9, text: text, type: "country")])
            let line = Array(try Self.encoder.encode(summary))
            #expect(try roundTrip(line) == line, "\(text.debugDescription)")
        }
    }

    /// Other writers (a newer version, a hand edit) may use escapes, white space, explicit nulls and extra keys.
    @Test func escapesNullsWhiteSpaceAndUnknownKeys() throws {
        let line = #"""
             { "id" : "d\u00e9j\u00E0 \ud83d\ude00 \/ \"x\"", "date": null, "bytes": 7, "future": {"a": [1, 2.5e3, true, null, "}"]},
               "entities": [], "evidence": [], "relations": [], "mentions": [] }
            """#
        let summary = try PartialLineParser.summary(Array(line.utf8))
        #expect(summary.id == "déjà 😀 / \"x\"")
        #expect(summary.date == nil && summary.bytes == 7)
    }

    @Test func damageIsNamedByField() throws {
        let cases: [(String, String)] = [
            (#"{"id":"a","bytes":1,"entities":[],"evidence":[],"relations":[]}"#, "missing field 'mentions'"),
            (#"{"id":"a","bytes":"1","entities":[],"evidence":[],"relations":[],"mentions":[]}"#, "at 'bytes'"),
            (#"{"id":"a","bytes":1,"entities":[{"type":"person"}],"evidence":[],"relations":[],"mentions":[]}"#,
             "missing field 'name' at 'entities.0'"),
            (#"{"id":"a","bytes":1.5,"entities":[],"evidence":[],"relations":[],"mentions":[]}"#, "fraction"),
            (#"{"id":"a\u12"}"#, "escape"),
            (#"{"id":"a","bytes":1,"entities":[],"evidence":[],"relations":[],"mentions":[]} x"#, "after the closing brace"),
            (#"{"id":"unterminated"#, "unterminated"),
            (#"{"id":"\ud800x","bytes":1}"#, "surrogate"),
        ]
        for (line, expected) in cases {
            do {
                _ = try PartialLineParser.summary(Array(line.utf8))
                Issue.record("read a damaged line: \(line)")
            } catch {
                #expect(error.reason.contains(expected), "\(line): \(error.reason)")
            }
        }
    }
}
