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
