import Dispatch
import Foundation

/// Order-keeping parallel work: the per-document stages and the XML writers' pieces run on worker threads, and
/// their results reach the caller in input order, so whatever finishes first, the output is the same.
public enum ParallelMap {
    /// Maps `items` on `jobs` worker threads and hands the results, in input order, to `consume` on the calling
    /// thread in runs of at most `batchSize`, while the workers go on: the serial consumer (the corpus stage)
    /// overlaps with the parallel work instead of leaving the cores idle. Workers take the next item from a shared
    /// counter and never run more than two batches ahead of the consumer, so at most two batches of results (and
    /// the items in flight) are in memory at once. There is no barrier between batches: a long document holds up
    /// the hand-over of the items after it, not the workers (with a batch at a time, every batch waited for its
    /// slowest item while the other workers idled). With one job everything runs on the calling thread, one batch
    /// after the other.
    public static func forEachBatch<T: Sendable, R: Sendable>(
        _ items: [T], batchSize: Int, jobs: Int, _ transform: @escaping @Sendable (T) -> R,
        consume: (ArraySlice<T>, [R]) -> Void
    ) {
        let size = max(batchSize, 1)
        guard jobs > 1, items.count > 1 else {
            for start in stride(from: 0, to: items.count, by: size) {
                let batch = items[start..<min(start + size, items.count)]
                consume(batch, batch.map(transform))
            }
            return
        }
        let window = Window<R>(count: items.count, ahead: 2 * size)
        let workers = DispatchGroup()
        for _ in 0..<min(jobs, items.count) {
            DispatchQueue.global().async(group: workers) {
                while let index = window.claim() {
                    window.store(transform(items[index]), at: index)
                }
            }
        }
        var next = 0
        while next < items.count {
            let results = window.take(from: next, atMost: size)
            consume(items[next..<(next + results.count)], results)
            next += results.count
        }
        workers.wait()
    }

    /// The results between the consumer and the workers: item `i` lives in slot `i % slots.count` from the moment
    /// a worker stores it until the consumer takes it, and a worker may claim item `i` only while
    /// `i < taken + ahead`, so a slot is free again before it is reused.
    private final class Window<R>: @unchecked Sendable {
        private var slots: [R?]
        private let count: Int
        private let ahead: Int
        private var claimed = 0
        private var taken = 0
        /// Who waits, so that a store or a take wakes threads only when one of them can go on: waking every
        /// waiter at every document was a few futex calls a document, most of them for nothing.
        private var consumerWaitsFor: Int?
        private var claimersWaiting = 0
        private let condition = NSCondition()

        init(count: Int, ahead: Int) {
            self.count = count
            self.ahead = max(ahead, 1)
            slots = Array(repeating: nil, count: self.ahead)
        }

        /// The next item to transform, or nil when every item is claimed; waits while the consumer is `ahead`
        /// items behind.
        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while claimed < count && claimed >= taken + ahead {
                claimersWaiting += 1
                condition.wait()
                claimersWaiting -= 1
            }
            guard claimed < count else { return nil }
            claimed += 1
            return claimed - 1
        }

        func store(_ value: R, at index: Int) {
            condition.lock()
            slots[index % ahead] = value
            if consumerWaitsFor == index { condition.broadcast() }
            condition.unlock()
        }

        /// Waits for the result of item `first`, then takes it and the ready results right after it, `limit` at
        /// most.
        func take(from first: Int, atMost limit: Int) -> [R] {
            condition.lock()
            defer { condition.unlock() }
            while slots[first % ahead] == nil {
                consumerWaitsFor = first
                condition.wait()
            }
            consumerWaitsFor = nil
            var results: [R] = []
            var index = first
            while index < count, results.count < limit, let value = slots[index % ahead] {
                results.append(value)
                slots[index % ahead] = nil
                index += 1
            }
            taken = index
            if claimersWaiting > 0 { condition.broadcast() }
            return results
        }
    }
}
