import Recognition

/// Averaged structured perceptron (Collins 2002).
///
/// Weights are integers (perceptron updates are ±1), and averaging uses the usual trick: keep `u += c·δ` beside
/// `w += δ`, the average is `w − u/c`, so no per-step pass over all weights is needed.
struct PerceptronTrainer {
    private let data: TrainingSet
    private var weights: [Int32]
    private var weightSums: [Int64]
    /// Transitions `[from * L + to]`, then start scores, then end scores.
    private var transitions: [Int32]
    private var transitionSums: [Int64]
    private var step: Int64 = 1

    init(_ data: TrainingSet) {
        self.data = data
        let L = data.labels
        weights = [Int32](repeating: 0, count: data.featureCount * L)
        weightSums = [Int64](repeating: 0, count: data.featureCount * L)
        transitions = [Int32](repeating: 0, count: L * L + 2 * L)
        transitionSums = [Int64](repeating: 0, count: L * L + 2 * L)
    }

    /// One pass over the sentences in a seeded shuffled order. Returns the number of sentences with a mistake.
    ///
    /// `margin`: decoding during training adds this much to every wrong tag's score (loss-augmented decoding), so
    /// the perceptron keeps updating until gold wins by a margin per token, not just barely.
    mutating func epoch(generator: inout SplitMix64, margin: Float = 0) -> Int {
        var order = Array(0..<data.sentenceCount)
        order.shuffle(using: &generator)
        var mistakes = 0
        var emissions: [Float] = []
        let L = data.labels
        for s in order {
            let first = data.sentenceOffsets[s], count = data.sentenceOffsets[s + 1] - first
            guard count > 0 else { continue }
            weights.withUnsafeBufferPointer { data.emissions(ofSentence: s, weights: $0, into: &emissions) }
            if margin != 0 {
                for t in 0..<count {
                    let g = Int(data.gold[first + t])
                    for l in 0..<L where l != g { emissions[t * L + l] += margin }
                }
            }
            let raw = transitions.map(Float.init)
            let (tr, st, en) = data.tagSet.constrained(
                transitions: Array(raw[0..<(L * L)]), start: Array(raw[(L * L)..<(L * L + L)]),
                end: Array(raw[(L * L + L)...]))
            let predicted = Viterbi.decode(emissions: emissions, labels: L, transitions: tr, start: st, end: en)
            if update(sentenceStart: first, count: count, predicted: predicted) { mistakes += 1 }
            step += 1
        }
        return mistakes
    }

    /// Perceptron update towards gold, away from the prediction. Returns whether anything differed.
    private mutating func update(sentenceStart first: Int, count: Int, predicted: [UInt8]) -> Bool {
        let L = data.labels
        var changed = false
        for t in 0..<count {
            let g = Int(data.gold[first + t]), p = Int(predicted[t])
            if g != p {
                changed = true
                for k in data.tokenOffsets[first + t]..<data.tokenOffsets[first + t + 1] {
                    let row = Int(data.features[k]) * L
                    add(row + g, 1)
                    add(row + p, -1)
                }
            }
            let gPrev = t == 0 ? -1 : Int(data.gold[first + t - 1])
            let pPrev = t == 0 ? -1 : Int(predicted[t - 1])
            if g != p || gPrev != pPrev {
                addTransition(t == 0 ? L * L + g : gPrev * L + g, 1)
                addTransition(t == 0 ? L * L + p : pPrev * L + p, -1)
            }
        }
        let gLast = Int(data.gold[first + count - 1]), pLast = Int(predicted[count - 1])
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

    /// The averaged weights: `w − u/c`.
    func averaged() -> (rows: [Float], transitions: [Float]) {
        let c = Double(step)
        let rows = zip(weights, weightSums).map { Float(Double($0) - Double($1) / c) }
        let trans = zip(transitions, transitionSums).map { Float(Double($0) - Double($1) / c) }
        return (rows, trans)
    }
}
