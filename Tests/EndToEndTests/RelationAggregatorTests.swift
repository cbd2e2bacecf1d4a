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
