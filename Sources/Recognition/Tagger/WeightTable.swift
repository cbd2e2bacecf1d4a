/// Feature weights: an open-addressing hash table from feature key to one row of quantised weights per tag.
///
/// The table is one flat byte array of fixed-size records, `stride` bytes each: a 24-bit fingerprint (high key
/// bits; 0 marks an empty slot) followed by the row of `labelCount` weights of `weightBytes` bytes each
/// (1: `Int8`, 2: little-endian `Int16`, 4: `Float32` in steps, unrounded — the last for measuring what
/// quantisation costs, not for shipping), padded to a multiple of 4 (16 bytes for the 13 BIO tags in 8 bits:
/// four records to a cache line; 32 bytes in 16 bits: two). Keeping the fingerprint next to its row means a
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
    /// Bytes per weight: 1 (`Int8`), 2 (`Int16`) or 4 (`Float32`, unquantised).
    package let weightBytes: Int

    static let fingerprintBytes = 3

    package static func stride(labelCount: Int, weightBytes: Int = 1) -> Int {
        (fingerprintBytes + labelCount * weightBytes + 3) / 4 * 4
    }

    /// The largest stored step count: weights clip at ±`maximumLevel` steps (no clipping for `Float32`, where
    /// this is the 8-bit value, so that `scale × maximumLevel` means the same as for an 8-bit table).
    package static func maximumLevel(weightBytes: Int) -> Float { weightBytes == 2 ? 32_767 : 127 }

    package var maximumLevel: Float { Self.maximumLevel(weightBytes: weightBytes) }

    package init(labelCount: Int, scale: Float, slotCount: Int, records: [UInt8], weightBytes: Int = 1) {
        precondition([1, 2, 4].contains(weightBytes))
        precondition(records.count == slotCount * Self.stride(labelCount: labelCount, weightBytes: weightBytes))
        self.labelCount = labelCount
        self.slotCount = slotCount
        self.stride = Self.stride(labelCount: labelCount, weightBytes: weightBytes)
        self.scale = scale
        self.records = records
        self.weightBytes = weightBytes
    }

    /// Builds a table from rows of float weights: quantises with `scale` to `weightBytes`-byte weights, drops
    /// rows that quantise to all zeros (they cannot change a score) and sizes the table for `loadFactor`.
    package init(keys: [UInt64], rows: [Float], labelCount: Int, scale: Float, weightBytes: Int = 1,
                 loadFactor: Double = 0.7) {
        precondition(rows.count == keys.count * labelCount && scale > 0 && [1, 2, 4].contains(weightBytes))
        let limit = Self.maximumLevel(weightBytes: weightBytes)
        var kept: [(key: UInt64, row: Int)] = []
        var quantised = [Float](repeating: 0, count: rows.count)
        for (r, key) in keys.enumerated() {
            var nonZero = false
            for l in 0..<labelCount {
                let steps = rows[r * labelCount + l] / scale
                let q = weightBytes == 4 ? steps : max(-limit, min(limit, steps.rounded()))
                quantised[r * labelCount + l] = q
                nonZero = nonZero || q != 0
            }
            if nonZero { kept.append((key, r)) }
        }
        let slotCount = max(16, Int((Double(kept.count) / loadFactor).rounded(.up)))
        let stride = Self.stride(labelCount: labelCount, weightBytes: weightBytes)
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
                let q = quantised[r * labelCount + l], at = slot * stride + Self.fingerprintBytes + l * weightBytes
                switch weightBytes {
                case 1: records[at] = UInt8(bitPattern: Int8(q))
                case 2:
                    let v = UInt16(bitPattern: Int16(q))
                    records[at] = UInt8(truncatingIfNeeded: v)
                    records[at + 1] = UInt8(truncatingIfNeeded: v >> 8)
                default:
                    let v = q.bitPattern
                    for b in 0..<4 { records[at + b] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(b))) }
                }
            }
        }
        self.init(labelCount: labelCount, scale: scale, slotCount: slotCount, records: records, weightBytes: weightBytes)
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

    /// The slot holding `key`, probing from `start` (its home slot unless the caller has looked there).
    @inline(__always)
    static func slot(of key: UInt64, in records: UnsafeRawBufferPointer, slotCount: Int, stride: Int,
                     from start: Int? = nil) -> Int? {
        let fingerprint = Self.fingerprint(key)
        var slot = start ?? homeSlot(key, slotCount: slotCount)
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
        return records.withUnsafeBytes { records in
            (0..<labelCount).map { l in
                let at = slot * stride + Self.fingerprintBytes + l * weightBytes
                switch weightBytes {
                case 1: return Float(records.load(fromByteOffset: at, as: Int8.self)) * scale
                case 2: return Float(Int16(littleEndian: records.loadUnaligned(fromByteOffset: at, as: Int16.self))) * scale
                default:
                    return Float(bitPattern: UInt32(littleEndian: records.loadUnaligned(fromByteOffset: at, as: UInt32.self))) * scale
                }
            }
        }
    }

    /// Adds every token's feature rows into `emissions` (`tokens × labelCount`). Sums run in integers (in
    /// floats for a `Float32` table) and are scaled once per token.
    package func score(_ features: FeatureBuffer, into emissions: inout [Float]) {
        switch weightBytes {
        case 1: score(features, into: &emissions, sum: Int32(0)) { Int32($0.load(fromByteOffset: $1, as: Int8.self)) }
        case 2:
            score(features, into: &emissions, sum: Int32(0)) {
                Int32(Int16(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: Int16.self)))
            }
        default:
            score(features, into: &emissions, sum: Float(0)) {
                Float(bitPattern: UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt32.self)))
            }
        }
    }

    /// Keys gathered per round of `score`: enough look-ups in flight to hide memory latency, few enough that
    /// their home slots stay in the first-level cache until the probe round reads them.
    static let gatherBlock = 256

    /// The table is several megabytes and every key lands in a random slot, so scoring is bound by memory
    /// latency, not arithmetic (two thirds of its time was one load). Each round therefore first reads the home
    /// slot of a block of keys in a loop with no branch on what it reads, so the loads overlap, and then probes
    /// and sums with those cache lines already arriving. The sums are the same as probing key by key.
    @inline(__always)
    private func score<Sum: Numeric & BinaryFloatingPointOrInteger>(
        _ features: FeatureBuffer, into emissions: inout [Float], sum zero: Sum,
        weight: (UnsafeRawBufferPointer, Int) -> Sum
    ) {
        let labels = labelCount, stride = stride, slotCount = slotCount, scale = scale, width = weightBytes
        let block = Self.gatherBlock
        withUnsafeTemporaryAllocation(of: Sum.self, capacity: labels) { sums in
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: block) { gathered in
            records.withUnsafeBytes { records in
                features.keys.withUnsafeBufferPointer { keys in
                    features.offsets.withUnsafeBufferPointer { offsets in
                        emissions.withUnsafeMutableBufferPointer { emissions in
                            let tokens = offsets.count - 1
                            var t = 0
                            for l in 0..<labels { sums[l] = zero }
                            /// Stores token `t`'s sums and moves to the next token.
                            @inline(__always) func finishToken() {
                                for l in 0..<labels { emissions[t &* labels &+ l] = sums[l].float * scale }
                                for l in 0..<labels { sums[l] = zero }
                                t += 1
                            }
                            var first = 0
                            while first < keys.count {
                                let last = min(first + block, keys.count)
                                for k in first..<last {
                                    let home = Self.homeSlot(keys[k], slotCount: slotCount) &* stride
                                    gathered[k &- first] = records.loadUnaligned(fromByteOffset: home, as: UInt32.self)
                                }
                                for k in first..<last {
                                    while t < tokens && k >= offsets[t &+ 1] { finishToken() }
                                    let key = keys[k], fingerprint = Self.fingerprint(key)
                                    let found = gathered[k &- first].littleEndian & 0xFF_FFFF
                                    let slot: Int
                                    if found == fingerprint {
                                        slot = Self.homeSlot(key, slotCount: slotCount)
                                    } else if found == 0 {
                                        continue
                                    } else {
                                        let home = Self.homeSlot(key, slotCount: slotCount)
                                        guard let probed = Self.slot(
                                            of: key, in: records, slotCount: slotCount, stride: stride,
                                            from: home + 1 == slotCount ? 0 : home + 1)
                                        else { continue }
                                        slot = probed
                                    }
                                    let row = slot &* stride &+ Self.fingerprintBytes
                                    for l in 0..<labels { sums[l] = sums[l].adding(weight(records, row &+ l &* width)) }
                                }
                                first = last
                            }
                            while t < tokens { finishToken() }
                        }
                    }
                }
            }
        }
        }
    }
}

/// What `WeightTable.score` needs of its accumulator: wrapping addition for integers, and conversion to `Float`.
package protocol BinaryFloatingPointOrInteger {
    func adding(_ other: Self) -> Self
    var float: Float { get }
}

extension Int32: BinaryFloatingPointOrInteger {
    @inline(__always) package func adding(_ other: Int32) -> Int32 { self &+ other }
    @inline(__always) package var float: Float { Float(self) }
}

extension Float: BinaryFloatingPointOrInteger {
    @inline(__always) package func adding(_ other: Float) -> Float { self + other }
    @inline(__always) package var float: Float { self }
}
