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

    /// Maps `items` a batch at a time and hands each batch's results, in order, to `consume` on the calling
    /// thread, while the next batch is already being mapped on the `jobs` workers: the serial consumer (the
    /// corpus stage) overlaps with the parallel work instead of leaving the cores idle. At most two batches are
    /// in memory at once. With one job everything runs on the calling thread, one batch after the other.
    public static func forEachBatch<T: Sendable, R: Sendable>(
        _ items: [T], batchSize: Int, jobs: Int, _ transform: @escaping @Sendable (T) -> R,
        consume: (ArraySlice<T>, [R]) -> Void
    ) {
        let size = max(batchSize, 1)
        let starts = Array(stride(from: 0, to: items.count, by: size))
        func batch(_ k: Int) -> [T] { Array(items[starts[k]..<min(starts[k] + size, items.count)]) }
        guard jobs > 1 else {
            for k in starts.indices { consume(items[starts[k]..<min(starts[k] + size, items.count)], map(batch(k), jobs: 1, transform)) }
            return
        }
        func start(_ k: Int) -> Handoff<R> {
            let handoff = Handoff<R>()
            let input = batch(k)
            DispatchQueue.global().async {
                handoff.results = map(input, jobs: jobs, transform)
                handoff.done.signal()
            }
            return handoff
        }
        var next = starts.isEmpty ? nil : start(0)
        for k in starts.indices {
            guard let current = next else { break }
            current.done.wait()
            next = k + 1 < starts.count ? start(k + 1) : nil
            consume(items[starts[k]..<min(starts[k] + size, items.count)], current.results)
        }
    }

    /// A batch's results, written by the background mapper before it signals `done`, read after `wait()`.
    private final class Handoff<R>: @unchecked Sendable {
        var results: [R] = []
        let done = DispatchSemaphore(value: 0)
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
