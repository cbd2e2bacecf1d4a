@testable import Recognition
import Testing

/// `WordShapes` is only a filter in front of `PhraseTable`'s hash look-ups: it may let a non-member through, but
/// must never turn a member away, whatever its case or length.
@Suite("WordShapes")
struct WordShapesTests {
    private func shapes(_ words: [String]) -> WordShapes {
        var shapes = WordShapes()
        for word in words { shapes.mark(Array(word.lowercased().utf8)[...]) }
        return shapes
    }

    @Test func membersPassInAnyCase() {
        let shapes = shapes(["talks", "summit", "a", String(repeating: "x", count: 80)])
        for word in ["talks", "TALKS", "Summit", "a", "A", String(repeating: "X", count: 80)] {
            #expect(shapes.mayHold(Array(word.utf8)[...]), "\(word)")
        }
    }

    @Test func wordsOfOtherLengthsOrFirstLettersAreTurnedAway() {
        let shapes = shapes(["talks", "summit"])
        #expect(!shapes.mayHold(Array("tale".utf8)[...]), "no member has four letters")
        #expect(!shapes.mayHold(Array("walks".utf8)[...]), "no member starts with w")
        #expect(!shapes.mayHold([][...]))
        // Lengths and first letters are not kept in pairs: "tummit" passes the filter, and the look-up says no.
        #expect(shapes.mayHold(Array("tummit".utf8)[...]))
    }

    @Test func longWordsShareTheLastLengthBit() {
        let shapes = shapes([String(repeating: "y", count: 63)])
        #expect(shapes.mayHold(Array(String(repeating: "y", count: 70).utf8)[...]))
        #expect(!shapes.mayHold(Array(String(repeating: "y", count: 62).utf8)[...]))
    }

    @Test func tableAnswersAreUnchangedByTheFilter() {
        var table = PhraseTable<Int>()
        table.insert("by phone", 1)
        table.insert("Telephonically", 2)
        #expect(table.value(forFoldedBytes: Array("TELEPHONICALLY".utf8)[...]) == 2)
        #expect(table.value(forFoldedBytes: Array("by".utf8)[...]) == nil)
        #expect(table.value(forFoldedBytes: Array("by phone".utf8)[...]) == 1)
    }
}
