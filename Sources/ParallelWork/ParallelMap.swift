import Dispatch
import Foundation

/// Runs a transform over a batch on up to `jobs` threads and returns the results in input order, so whatever
/// finishes first, the caller sees the same sequence. Workers take the next item from a shared counter, so one
/// long document does not hold up the items queued behind it on the same thread.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        let workers = min(max(jobs, 1), items.count)
        if workers <= 1 { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = slots.claim() {
                    slots.store(transform(items[index]), at: index)
                }
            }
        }
        return slots.results()
    }

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

    /// One slot per item, each written by exactly one worker; read only after every worker has returned
    /// (`concurrentPerform` returns when all iterations are done, which orders the writes before the reads).
    private final class Slots<R>: @unchecked Sendable {
        private var values: [R?]
        private var next = 0
        private let lock = NSLock()

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < values.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ value: R, at index: Int) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        func results() -> [R] { values.map { $0! } }
    }
}
