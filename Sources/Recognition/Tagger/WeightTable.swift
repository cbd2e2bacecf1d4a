/// Feature weights: an open-addressing hash table from feature key to one row of quantised weights per tag.
///
/// Layout is two flat arrays, so a model file maps onto it by copying bytes: `fingerprints[slot]` holds the high
/// 32 bits of the key (0 marks an empty slot) and `weights[slot * labelCount ..< (slot + 1) * labelCount]` its row.
/// The slot comes from the low 32 bits (multiply-shift range reduction, so any table size works), and probing is
/// linear, so a miss usually stays inside one cache line of fingerprints. Slot bits plus fingerprint give ~50
/// bits of key: a false hit on an unknown feature is negligible next to the hashing of features itself.
package struct WeightTable: Sendable, Equatable {
    package let labelCount: Int
    package let slotCount: Int
    /// Weight value of one quantisation step.
    package let scale: Float
    package let fingerprints: [UInt32]
    package let weights: [Int8]

    package init(labelCount: Int, scale: Float, fingerprints: [UInt32], weights: [Int8]) {
        precondition(weights.count == fingerprints.count * labelCount)
        self.labelCount = labelCount
        self.slotCount = fingerprints.count
        self.scale = scale
        self.fingerprints = fingerprints
        self.weights = weights
    }

    /// Builds a table from rows of float weights: quantises with `scale`, drops rows that quantise to all zeros
    /// (they cannot change a score) and sizes the table for `loadFactor`.
    package init(
        keys: [UInt64], rows: [Float], labelCount: Int, scale: Float, loadFactor: Double = 0.7
    ) {
        precondition(rows.count == keys.count * labelCount && scale > 0)
        var kept: [(key: UInt64, row: Int)] = []
        var quantised = [Int8](repeating: 0, count: rows.count)
        for (r, key) in keys.enumerated() {
            var nonZero = false
            for l in 0..<labelCount {
                let q = (rows[r * labelCount + l] / scale).rounded()
                let clamped = Int8(max(-127, min(127, q)))
                quantised[r * labelCount + l] = clamped
                nonZero = nonZero || clamped != 0
            }
            if nonZero { kept.append((key, r)) }
        }
        let slotCount = max(16, Int((Double(kept.count) / loadFactor).rounded(.up)))
        var fingerprints = [UInt32](repeating: 0, count: slotCount)
        var weights = [Int8](repeating: 0, count: slotCount * labelCount)
        for (key, r) in kept {
            let fingerprint = Self.fingerprint(key)
            var slot = Self.homeSlot(key, slotCount: slotCount)
            while fingerprints[slot] != 0 && fingerprints[slot] != fingerprint {
                slot = slot + 1 == slotCount ? 0 : slot + 1
            }
            fingerprints[slot] = fingerprint
            for l in 0..<labelCount { weights[slot * labelCount + l] = quantised[r * labelCount + l] }
        }
        self.init(labelCount: labelCount, scale: scale, fingerprints: fingerprints, weights: weights)
    }

    package var entryCount: Int { fingerprints.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    @inline(__always)
    package static func fingerprint(_ key: UInt64) -> UInt32 {
        let high = UInt32(truncatingIfNeeded: key >> 32)
        return high == 0 ? 1 : high
    }

    @inline(__always)
    package static func homeSlot(_ key: UInt64, slotCount: Int) -> Int {
        Int((UInt64(UInt32(truncatingIfNeeded: key)) &* UInt64(slotCount)) >> 32)
    }

    /// The slot holding `key`, or `nil`.
    package func slot(of key: UInt64) -> Int? {
        fingerprints.withUnsafeBufferPointer { Self.slot(of: key, in: $0) }
    }

    @inline(__always)
    static func slot(of key: UInt64, in fingerprints: UnsafeBufferPointer<UInt32>) -> Int? {
        let count = fingerprints.count
        let fingerprint = Self.fingerprint(key)
        var slot = homeSlot(key, slotCount: count)
        while true {
            let found = fingerprints[slot]
            if found == fingerprint { return slot }
            if found == 0 { return nil }
            slot = slot + 1 == count ? 0 : slot + 1
        }
    }

    /// The dequantised weight row of `key` (tests and tools).
    package func row(_ key: UInt64) -> [Float]? {
        guard let slot = slot(of: key) else { return nil }
        return (0..<labelCount).map { Float(weights[slot * labelCount + $0]) * scale }
    }
}
