import Recognition
import TextAnalysis

/// Averaged structured perceptron (Collins 2002) over the tagger's hashed features.
///
/// Features do not depend on tags (tag context lives in the transition scores), so every sentence's features
/// are extracted once, mapped to dense indices and kept as `Int32`s; each epoch is then decoding and integer
/// updates only. Weights are integers (perceptron updates are ±1), and averaging uses the usual trick: keep
/// `u += c·δ` beside `w += δ`, the average is `w − u/c`, so no per-step pass over all weights is needed.
struct PerceptronTrainer {
    let tagSet: TagSet
    private let labels: Int
    /// Per token: feature indices `features[tokenOffsets[t]..<tokenOffsets[t + 1]]`.
    private var features: [Int32] = []
    private var tokenOffsets: [Int] = [0]
    /// Per sentence: tokens `sentenceOffsets[s]..<sentenceOffsets[s + 1]`.
    private var sentenceOffsets: [Int] = [0]
    private var gold: [UInt8] = []
    /// Dense index → feature key.
    private(set) var keys: [UInt64] = []

    private var weights: [Int32] = []
    private var weightSums: [Int64] = []
    /// Transitions `[from * L + to]`, then start scores, then end scores.
    private var transitions: [Int32]
    private var transitionSums: [Int64]
    private var step: Int64 = 1

    var sentenceCount: Int { sentenceOffsets.count - 1 }
    var tokenCount: Int { gold.count }
    var featureCount: Int { keys.count }

    /// Extracts features of all `examples`; keys seen fewer than `minimumCount` times are dropped: they are
    /// mostly one-off names and typos, and dropping them halves memory and model size at no cost in accuracy.
    init(tagSet: TagSet, examples: [LabelledSentence], externalFeatures: (LabelledSentence) -> [UInt32]? = { _ in nil },
         minimumCount: Int = 2) {
        self.tagSet = tagSet
        labels = tagSet.count
        transitions = [Int32](repeating: 0, count: labels * labels + 2 * labels)
        transitionSums = [Int64](repeating: 0, count: labels * labels + 2 * labels)

        var buffer = FeatureBuffer()
        var allKeys: [UInt64] = []
        var counts: [UInt64: Int32] = [:]
        for example in examples {
            FeatureExtractor.extract(example.text, sentence: example.sentence, document: example.context,
                                     externalFeatures: externalFeatures(example), into: &buffer)
            for t in 0..<buffer.tokenCount {
                for key in buffer.keys(ofToken: t) {
                    allKeys.append(key)
                    counts[key, default: 0] += 1
                }
                tokenOffsets.append(allKeys.count)
            }
            gold += tagSet.encode(count: buffer.tokenCount, spans: example.mentions)
            sentenceOffsets.append(gold.count)
        }
        var index: [UInt64: Int32] = [:]
        index.reserveCapacity(counts.count / 2)
        for (key, count) in counts where count >= minimumCount {
            index[key] = Int32(index.count)
        }
        keys = [UInt64](repeating: 0, count: index.count)
        for (key, i) in index { keys[Int(i)] = key }
        // Re-pack: unknown (rare) features are dropped, so token offsets shrink accordingly.
        var packedOffsets = [0]
        packedOffsets.reserveCapacity(tokenOffsets.count)
        features.reserveCapacity(allKeys.count)
        for t in 0..<(tokenOffsets.count - 1) {
            for k in tokenOffsets[t]..<tokenOffsets[t + 1] {
                if let i = index[allKeys[k]] { features.append(i) }
            }
            packedOffsets.append(features.count)
        }
        tokenOffsets = packedOffsets
        weights = [Int32](repeating: 0, count: keys.count * labels)
        weightSums = [Int64](repeating: 0, count: keys.count * labels)
    }

    /// One pass over the sentences in a seeded shuffled order. Returns the number of sentences with a mistake.
    ///
    /// `margin`: decoding during training adds this much to every wrong tag's score (loss-augmented decoding), so
    /// the perceptron keeps updating until gold wins by a margin per token, not just barely; this generalises
    /// better on noisy (silver) labels.
    mutating func epoch(generator: inout SplitMix64, margin: Float = 0) -> Int {
        var order = Array(0..<sentenceCount)
        order.shuffle(using: &generator)
        var mistakes = 0
        var emissions: [Float] = []
        var predicted: [UInt8] = []
        for s in order {
            let first = sentenceOffsets[s], count = sentenceOffsets[s + 1] - first
            guard count > 0 else { continue }
            decode(sentenceStart: first, count: count, margin: margin, emissions: &emissions, into: &predicted)
            if update(sentenceStart: first, count: count, predicted: predicted) { mistakes += 1 }
            step += 1
        }
        return mistakes
    }

    private func decode(sentenceStart first: Int, count: Int, margin: Float, emissions: inout [Float], into path: inout [UInt8]) {
        emissions = [Float](repeating: 0, count: count * labels)
        path = [UInt8](repeating: 0, count: count)
        let L = labels
        weights.withUnsafeBufferPointer { w in
            features.withUnsafeBufferPointer { f in
                for t in 0..<count {
                    for k in tokenOffsets[first + t]..<tokenOffsets[first + t + 1] {
                        let row = Int(f[k]) * L
                        for l in 0..<L { emissions[t * L + l] += Float(w[row + l]) }
                    }
                    if margin != 0 {
                        let g = Int(gold[first + t])
                        for l in 0..<L where l != g { emissions[t * L + l] += margin }
                    }
                }
            }
        }
        let raw = transitions.map(Float.init)
        let (tr, st, en) = tagSet.constrained(
            transitions: Array(raw[0..<(L * L)]), start: Array(raw[(L * L)..<(L * L + L)]), end: Array(raw[(L * L + L)...]))
        path = Viterbi.decode(emissions: emissions, labels: L, transitions: tr, start: st, end: en)
    }

    /// Perceptron update towards gold, away from the prediction. Returns whether anything differed.
    private mutating func update(sentenceStart first: Int, count: Int, predicted: [UInt8]) -> Bool {
        let L = labels
        var changed = false
        for t in 0..<count {
            let g = Int(gold[first + t]), p = Int(predicted[t])
            if g != p {
                changed = true
                for k in tokenOffsets[first + t]..<tokenOffsets[first + t + 1] {
                    let row = Int(features[k]) * L
                    add(row + g, 1)
                    add(row + p, -1)
                }
            }
            let gPrev = t == 0 ? -1 : Int(gold[first + t - 1])
            let pPrev = t == 0 ? -1 : Int(predicted[t - 1])
            if g != p || gPrev != pPrev {
                addTransition(t == 0 ? L * L + g : gPrev * L + g, 1)
                addTransition(t == 0 ? L * L + p : pPrev * L + p, -1)
            }
        }
        let gLast = Int(gold[first + count - 1]), pLast = Int(predicted[count - 1])
        if gLast != pLast {
            addTransition(L * L + L + gLast, 1)
            addTransition(L * L + L + pLast, -1)
        }
        return changed
    }

    @inline(__always)
    private mutating func add(_ i: Int, _ delta: Int32) {
        weights[i] += delta
        weightSums[i] += step * Int64(delta)
    }

    @inline(__always)
    private mutating func addTransition(_ i: Int, _ delta: Int32) {
        transitions[i] += delta
        transitionSums[i] += step * Int64(delta)
    }

    /// Forgets all weights (keeps the extracted features), to train again with another order.
    mutating func reset() {
        for i in weights.indices { weights[i] = 0 }
        for i in weightSums.indices { weightSums[i] = 0 }
        for i in transitions.indices { transitions[i] = 0 }
        for i in transitionSums.indices { transitionSums[i] = 0 }
        step = 1
    }

    /// The averaged weights: `w − u/c`.
    func averaged() -> (rows: [Float], transitions: [Float]) {
        let c = Double(step)
        let rows = zip(weights, weightSums).map { Float(Double($0) - Double($1) / c) }
        let trans = zip(transitions, transitionSums).map { Float(Double($0) - Double($1) / c) }
        return (rows, trans)
    }

    /// The averaged model, quantised to 8 bits. `scale` is chosen so a high quantile of weight magnitudes maps
    /// to 127 (the few larger weights clip); rows that round to all zeros, and rows whose largest magnitude is
    /// under `pruneBelow` quantisation steps, are left out of the file.
    func model(rows: [Float], transitions trans: [Float], quantile: Double = 0.9999, pruneBelow: Float = 1) -> TaggerModel {
        var magnitudes = rows.map(abs).filter { $0 > 0 }
        magnitudes.sort()
        let reference = magnitudes.isEmpty ? 1 : magnitudes[min(magnitudes.count - 1, Int(Double(magnitudes.count) * quantile))]
        let scale = reference / 127
        // Prune rows whose strongest weight is below `pruneBelow` steps by zeroing them before quantising.
        var pruned = rows
        let L = labels
        for r in 0..<keys.count {
            var strongest: Float = 0
            for l in 0..<L { strongest = max(strongest, abs(rows[r * L + l])) }
            if strongest < pruneBelow * scale {
                for l in 0..<L { pruned[r * L + l] = 0 }
            }
        }
        let table = WeightTable(keys: keys, rows: pruned, labelCount: L, scale: scale)
        return TaggerModel(
            tagSet: tagSet, table: table, transitions: Array(trans[0..<(L * L)]),
            start: Array(trans[(L * L)..<(L * L + L)]), end: Array(trans[(L * L + L)...]))
    }
}
