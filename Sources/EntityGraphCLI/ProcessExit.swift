/// Hands `value` to the end of the process instead of freeing it: it is retained once more and never released.
///
/// The command line's decision, for its last step only: after the last file of a run is written, the graph, the
/// mention and merge records, the lexicon and the tagger are hundreds of thousands of allocations, and freeing
/// them one by one (tens of milliseconds on the benchmark corpus, on the main thread, after everything else) only
/// delays a process whose memory the operating system takes back whole a moment later. Library code never does
/// this: what it makes, it frees. The tests run the command as a process, so nothing accumulates across runs.
func leaveToProcessExit<Value>(_ value: consuming Value) {
    _ = Unmanaged.passRetained(LeftToProcessExit(value))
}

/// The box `leaveToProcessExit` keeps alive.
private final class LeftToProcessExit<Value> {
    let value: Value
    init(_ value: consuming Value) { self.value = value }
}
