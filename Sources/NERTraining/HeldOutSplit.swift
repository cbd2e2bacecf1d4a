/// The fixed held-out split.
///
/// GMB has no document boundaries, but its sentences follow each other in article order, so neighbouring
/// sentences share names. Holding out single random sentences would leak those names into training; holding
/// out whole blocks of consecutive sentences keeps most articles on one side. Blocks are 100 sentences
/// (sentence `i`, 0-based in file order, is in block `i / 100`) and every tenth block (`block % 10 == 9`)
/// is held out: about 4,800 sentences and 105,000 tokens, never trained on. Do not change this: every score
/// the project reports is on this split.
enum HeldOutSplit {
    static let blockSize = 100
    static let period = 10

    static func isHeldOut(sentence index: Int) -> Bool {
        (index / blockSize) % period == period - 1
    }

    /// The development split, carved out of the training blocks for choosing settings: numbering the
    /// non-held-out blocks 0, 1, … in file order, every tenth (`% 10 == 9`). Never overlaps the held-out split.
    /// (The same split as the word-cluster experiment's `--split dev`, Model/README.md.)
    static func isDevelopment(sentence index: Int) -> Bool {
        let block = index / blockSize
        guard block % period != period - 1 else { return false }
        let trainingBlock = block / period * (period - 1) + block % period
        return trainingBlock % period == period - 1
    }
}

/// SplitMix64: a tiny deterministic generator so training runs repeat exactly (the standard library's default
/// generator is seeded randomly).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
