@testable import Recognition
import Testing

/// `MentionsBySpan` answers what a dictionary from each mention's exact tokens to the list of those mentions (in
/// list order) answered.
@Suite("MentionsBySpan")
struct MentionsBySpanTests {
    static func mention(_ tokens: Range<Int>, _ text: String, meeting: Bool = false) -> Mention {
        meeting ? Mention(tokens: tokens, sentence: 0, type: .meeting, kind: .meeting, text: text)
            : Mention(tokens: tokens, sentence: 0, type: .person, kind: .name, text: text)
    }

    static let mentions = [
        mention(3..<5, "Foreign Ministry"), mention(0..<1, "Russia"), mention(3..<5, "Foreign Ministry B"),
        mention(2..<5, "Russian Foreign Ministry"), mention(3..<4, "Foreign"), mention(2..<3, "Russian"),
        mention(0..<1, "Moscow talks", meeting: true), mention(7..<7, "empty"), mention(3..<5, "Foreign Ministry C"),
    ]

    @Test func sameAsADictionaryOfLists() {
        let included = { (m: Mention) in m.type != .meeting }
        let index = MentionsBySpan(Self.mentions, where: included)
        var expected: [Range<Int>: [String]] = [:]
        for m in Self.mentions where included(m) { expected[m.tokens, default: []].append(m.text) }
        for a in 0...9 {
            for b in a...10 {
                #expect(index[a..<b].map(\.text) == (expected[a..<b] ?? []), "\(a)..<\(b)")
            }
        }
    }

    @Test func listOrderAmongEqualSpans() {
        let index = MentionsBySpan(Self.mentions) { _ in true }
        #expect(index[3..<5].map(\.text) == ["Foreign Ministry", "Foreign Ministry B", "Foreign Ministry C"])
        #expect(index[0..<1].map(\.text) == ["Russia", "Moscow talks"])
        #expect(index[7..<7].map(\.text) == ["empty"])
        #expect(index[4..<6].isEmpty)
        #expect(index[20..<22].isEmpty)
    }

    @Test func empty() {
        let index = MentionsBySpan([]) { _ in true }
        #expect(index[0..<1].isEmpty)
    }
}
