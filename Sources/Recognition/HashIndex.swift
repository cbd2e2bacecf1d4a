/// An open-addressing map from a 64-bit hash to an `Int32` (a first entry in a chain kept by the caller).
///
/// Why not `[UInt64: Int32]`: the recognizer and the tagger's gazetteer bits look words up several times per
/// token, and a `Dictionary` hashes its key again with a seeded SipHash on every probe, which cost more than
/// the rest of the look-up. The keys here are FNV-1a hashes already, so one multiplication (Fibonacci hashing,
/// which spreads FNV's weak low bits into the high bits it takes) picks the slot, and probing is linear over
/// two flat arrays. Built once (gazetteer, word lists), read from any thread.
@usableFromInline
struct HashIndex: Sendable {
    @usableFromInline var keys: [UInt64]
    /// -1 marks an empty slot.
    @usableFromInline var values: [Int32]
    @usableFromInline var shift: UInt64
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [Int32](repeating: -1, count: 16)
        shift = 64 - 4
    }

    @inlinable @inline(__always)
    func home(_ key: UInt64) -> Int {
        Self.home(key, shift: shift)
    }

    @inlinable @inline(__always)
    static func home(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value stored for `key`, or nil.
    @inlinable @inline(__always)
    subscript(key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                let mask = keys.count - 1
                var slot = home(key)
                while true {
                    let value = values[slot]
                    if value < 0 { return nil }
                    if keys[slot] == key { return value }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Makes room for `count` keys without growing (growing rehashes every key).
    mutating func reserveCapacity(_ count: Int) {
        var slots = keys.count
        while count * 4 > slots * 3 { slots *= 2 }
        guard slots > keys.count else { return }
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: slots)
        values = [Int32](repeating: -1, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        self.count = 0
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 { set(key, value) }
    }

    /// Sets the value of `key` (values must be ≥ 0). Probes over raw buffers: the gazetteer sets two entries
    /// per name at every start.
    mutating func set(_ key: UInt64, _ value: Int32) {
        precondition(value >= 0)
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let shift = shift
        let added = keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values in
                let mask = keys.count - 1
                var slot = Self.home(key, shift: shift)
                while values[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
                let added = values[slot] < 0
                keys[slot] = key
                values[slot] = value
                return added
            }
        }
        if added { count += 1 }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 { set(key, value) }
    }
}
