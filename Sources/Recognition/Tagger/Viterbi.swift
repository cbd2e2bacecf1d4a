/// First-order Viterbi decoding over tag scores with transition scores.
///
/// Invalid transitions (an `I-per` after `O`, ...) carry `TaggerModel.forbidden`, a large finite penalty
/// rather than -infinity, so sums never become NaN and the best path is valid whenever a valid path exists
/// (which it always does: all-`O` is valid).
package enum Viterbi {
    /// - Parameters:
    ///   - emissions: `count × labels` scores, row-major by token.
    ///   - transitions: `labels × labels`, `[from * labels + to]`.
    ///   - start, end: scores of beginning / ending a sentence with each tag.
    ///   - path: receives the best tag of each token (`count` entries).
    package static func decode(
        emissions: UnsafeBufferPointer<Float>, count: Int, labels: Int,
        transitions: UnsafeBufferPointer<Float>, start: UnsafeBufferPointer<Float>, end: UnsafeBufferPointer<Float>,
        path: UnsafeMutableBufferPointer<UInt8>
    ) {
        guard count > 0 else { return }
        // One allocation of scores and back-pointers per sentence.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * labels) { scores in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * labels) { back in
                var previous = scores.baseAddress!
                var current = previous + labels
                for l in 0..<labels { previous[l] = start[l] + emissions[l] }
                for t in 1..<max(1, count) {
                    let row = t * labels
                    for to in 0..<labels {
                        var best = -Float.greatestFiniteMagnitude
                        var bestFrom = 0
                        var k = to
                        for from in 0..<labels {
                            let s = previous[from] + transitions[k]
                            if s > best {
                                best = s
                                bestFrom = from
                            }
                            k += labels
                        }
                        current[to] = best + emissions[row + to]
                        back[row + to] = UInt8(truncatingIfNeeded: bestFrom)
                    }
                    swap(&previous, &current)
                }
                var best = -Float.greatestFiniteMagnitude
                var bestLast = 0
                for l in 0..<labels where previous[l] + end[l] > best {
                    best = previous[l] + end[l]
                    bestLast = l
                }
                var tag = bestLast
                var t = count - 1
                while true {
                    path[t] = UInt8(truncatingIfNeeded: tag)
                    if t == 0 { break }
                    tag = Int(back[t * labels + tag])
                    t -= 1
                }
            }
        }
    }

    /// Convenience for tests and tools.
    package static func decode(
        emissions: [Float], labels: Int, transitions: [Float], start: [Float], end: [Float]
    ) -> [UInt8] {
        let count = emissions.count / labels
        var path = [UInt8](repeating: 0, count: count)
        emissions.withUnsafeBufferPointer { e in
            transitions.withUnsafeBufferPointer { tr in
                start.withUnsafeBufferPointer { s in
                    end.withUnsafeBufferPointer { en in
                        path.withUnsafeMutableBufferPointer { p in
                            decode(emissions: e, count: count, labels: labels, transitions: tr, start: s, end: en, path: p)
                        }
                    }
                }
            }
        }
        return path
    }
}
