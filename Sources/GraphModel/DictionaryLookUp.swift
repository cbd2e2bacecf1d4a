extension Dictionary {
    /// The value of `key`, after adding `value` for it if it had none: one look-up, where reading `self[key]` and
    /// then inserting a missing key hashed it twice. For tables that number what they meet (the graph builder's
    /// keys, edges and strings, the corpus stage's edges of a document), where most keys are new once.
    /// Inlinable, so that callers in other modules get it specialized to their key type rather than generic.
    @inlinable
    public mutating func value(forKey key: Key, addingIfAbsent value: Value) -> Value {
        // Reading the slot through `inout` is what makes `subscript(_:default:)` add the default for a missing key.
        func current(_ slot: inout Value) -> Value { slot }
        return current(&self[key, default: value])
    }
}
