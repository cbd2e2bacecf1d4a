/// Feature weights: an open-addressing hash table from feature key to one row of quantised weights per tag.
///
/// The table is one flat byte array of fixed-size records, `stride` bytes each: a 24-bit fingerprint (high key
/// bits; 0 marks an empty slot) followed by the row of `labelCount` `Int8` weights, padded to a multiple of 4
/// (16 bytes for the 13 BIO tags: four records to a cache line). Keeping the fingerprint next to its row means a
/// feature costs one cache miss, not two; tagging speed is bound by these misses. The slot comes from the low
/// 32 bits of the key (multiply-shift range reduction, so any table size works) and probing is linear.
/// Slot bits plus fingerprint give ~42 bits of key: a false hit on an unknown feature (~1e-7 per lookup) is
/// negligible next to the hashing of features itself. A model file holds this array as is.
package struct WeightTable: Sendable, Equatable {
    package let labelCount: Int
    package let slotCount: Int
    /// Bytes per record.
    package let stride: Int
    /// Weight value of one quantisation step.
    package let scale: Float
    package let records: [UInt8]

    static let fingerprintBytes = 3

    package static func stride(labelCount: Int) -> Int { (fingerprintBytes + labelCount + 3) / 4 * 4 }

    package init(labelCount: Int, scale: Float, slotCount: Int, records: [UInt8]) {
        precondition(records.count == slotCount * Self.stride(labelCount: labelCount))
        self.labelCount = labelCount
        self.slotCount = slotCount
        self.stride = Self.stride(labelCount: labelCount)
        self.scale = scale
        self.records = records
    }

    /// Builds a table from rows of float weights: quantises with `scale`, drops rows that quantise to all zeros
    /// (they cannot change a score) and sizes the table for `loadFactor`.
    package init(keys: [UInt64], rows: [Float], labelCount: Int, scale: Float, loadFactor: Double = 0.7) {
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
        let stride = Self.stride(labelCount: labelCount)
        var records = [UInt8](repeating: 0, count: slotCount * stride)
        for (key, r) in kept {
            let fingerprint = Self.fingerprint(key)
            var slot = Self.homeSlot(key, slotCount: slotCount)
            while true {
                let found = UInt32(records[slot * stride]) | UInt32(records[slot * stride + 1]) << 8
                    | UInt32(records[slot * stride + 2]) << 16
                if found == 0 || found == fingerprint { break }
                slot = slot + 1 == slotCount ? 0 : slot + 1
            }
            records[slot * stride] = UInt8(truncatingIfNeeded: fingerprint)
            records[slot * stride + 1] = UInt8(truncatingIfNeeded: fingerprint >> 8)
            records[slot * stride + 2] = UInt8(truncatingIfNeeded: fingerprint >> 16)
            for l in 0..<labelCount {
                records[slot * stride + Self.fingerprintBytes + l] = UInt8(bitPattern: quantised[r * labelCount + l])
            }
        }
        self.init(labelCount: labelCount, scale: scale, slotCount: slotCount, records: records)
    }

    package var entryCount: Int {
        (0..<slotCount).reduce(0) { count, slot in
            count + (records[slot * stride] | records[slot * stride + 1] | records[slot * stride + 2] == 0 ? 0 : 1)
        }
    }

    /// 24 high bits of the key, never 0.
    @inline(__always)
    package static func fingerprint(_ key: UInt64) -> UInt32 {
        let high = UInt32(truncatingIfNeeded: key >> 40)
        return high == 0 ? 1 : high
    }

    @inline(__always)
    package static func homeSlot(_ key: UInt64, slotCount: Int) -> Int {
        Int((UInt64(UInt32(truncatingIfNeeded: key)) &* UInt64(slotCount)) >> 32)
    }

    /// The slot holding `key`, or `nil`.
    package func slot(of key: UInt64) -> Int? {
        records.withUnsafeBytes { Self.slot(of: key, in: $0, slotCount: slotCount, stride: stride) }
    }

    @inline(__always)
    static func slot(of key: UInt64, in records: UnsafeRawBufferPointer, slotCount: Int, stride: Int) -> Int? {
        let fingerprint = Self.fingerprint(key)
        var slot = homeSlot(key, slotCount: slotCount)
        while true {
            // Records are at least 4 bytes, so a 4-byte load at a record start stays inside the buffer.
            let found = records.loadUnaligned(fromByteOffset: slot * stride, as: UInt32.self).littleEndian & 0xFF_FFFF
            if found == fingerprint { return slot }
            if found == 0 { return nil }
            slot = slot + 1 == slotCount ? 0 : slot + 1
        }
    }

    /// The dequantised weight row of `key` (tests and tools).
    package func row(_ key: UInt64) -> [Float]? {
        guard let slot = slot(of: key) else { return nil }
        return (0..<labelCount).map { Float(Int8(bitPattern: records[slot * stride + Self.fingerprintBytes + $0])) * scale }
    }

    /// Adds every token's feature rows into `emissions` (`tokens × labelCount`). Sums run in integers and are
    /// scaled once per token.
    package func score(_ features: FeatureBuffer, into emissions: inout [Float]) {
        let labels = labelCount, stride = stride, slotCount = slotCount, scale = scale
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: labels) { sums in
            records.withUnsafeBytes { records in
                features.keys.withUnsafeBufferPointer { keys in
                    features.offsets.withUnsafeBufferPointer { offsets in
                        emissions.withUnsafeMutableBufferPointer { emissions in
                            for t in 0..<(offsets.count - 1) {
                                for l in 0..<labels { sums[l] = 0 }
                                for k in offsets[t]..<offsets[t + 1] {
                                    guard let slot = Self.slot(of: keys[k], in: records, slotCount: slotCount, stride: stride)
                                    else { continue }
                                    let row = slot * stride + Self.fingerprintBytes
                                    for l in 0..<labels {
                                        sums[l] &+= Int32(Int8(bitPattern: records[row + l]))
                                    }
                                }
                                for l in 0..<labels { emissions[t * labels + l] = Float(sums[l]) * scale }
                            }
                        }
                    }
                }
            }
        }
    }
}
