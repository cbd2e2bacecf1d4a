@testable import ExtractionPipeline
import Testing

/// The aggregator's sentence lists: what `Array(Set(sentences)).sorted()` gave before.
struct RelationAggregatorTests {
    @Test func sentencesComeOutSortedAndDistinct() {
        let cases: [[Int32]] = [[], [4], [1, 2, 7], [3, 1, 3, 2], [5, 5, 5], [9, 2, 9, 0, 2], [0, 1, 1, 2]]
        for sentences in cases {
            #expect(RelationAggregator.sortedDistinct(sentences) == Array(Set(sentences)).sorted())
        }
    }
}

/// Entity spellings: sorted and distinct as `Set(...).sorted()` gave them, keeping the first of equal spellings.
struct SpellingListTests {
    @Test func spellingsComeOutAsTheSetGaveThem() {
        let cases: [[String]] = [[], ["Lavrov"], ["Lavrov", "Sergey Lavrov", "Lavrov"], ["b", "a", "b", "c", "a"]]
        for spellings in cases {
            #expect(RelationAggregator.sortedDistinct(spellings) == Array(Set(spellings)).sorted())
        }
        // "é" precomposed and decomposed are equal Strings: one stays, the first given.
        let kept = RelationAggregator.sortedDistinct(["Andr\u{E9}", "Andre\u{301}", "Andr\u{E9}"])
        #expect(kept.count == 1 && Array(kept[0].unicodeScalars) == Array("Andr\u{E9}".unicodeScalars))
        let other = RelationAggregator.sortedDistinct(["Andre\u{301}", "Andr\u{E9}"])
        #expect(other.count == 1 && Array(other[0].unicodeScalars) == Array("Andre\u{301}".unicodeScalars))
    }
}
