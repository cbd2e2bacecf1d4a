import Recognition
import TextAnalysis

/// The training sentences as dense feature indices, extracted once.
///
/// Features do not depend on tags (tag context lives in the transition scores), so every sentence's features
/// are extracted once with the run-time `FeatureExtractor`, mapped to dense indices and kept as `Int32`s; each
/// training epoch is then arithmetic only.
struct TrainingSet {
    let tagSet: TagSet
    /// Per token: feature indices `features[tokenOffsets[t]..<tokenOffsets[t + 1]]`.
    private(set) var features: [Int32] = []
    private(set) var tokenOffsets: [Int] = [0]
    /// Per sentence: tokens `sentenceOffsets[s]..<sentenceOffsets[s + 1]`.
    private(set) var sentenceOffsets: [Int] = [0]
    private(set) var gold: [UInt8] = []
    /// Dense index → feature key.
    private(set) var keys: [UInt64] = []

    var sentenceCount: Int { sentenceOffsets.count - 1 }
    var tokenCount: Int { gold.count }
    var featureCount: Int { keys.count }
    var labels: Int { tagSet.count }

    /// Keys seen fewer than `minimumCount` times are dropped: they are mostly one-off names and typos, and
    /// dropping them halves memory and model size at no cost in accuracy. Dense indices follow first
    /// occurrence, so the result (and the model file) does not depend on dictionary order.
    init(tagSet: TagSet, examples: [LabelledSentence], externalFeatures: (LabelledSentence) -> [UInt32]? = { _ in nil },
         minimumCount: Int = 2, wordClasses: WordClasses? = nil) {
        self.tagSet = tagSet
        var buffer = FeatureBuffer()
        var allKeys: [UInt64] = []
        var counts: [UInt64: Int32] = [:]
        for example in examples {
            FeatureExtractor.extract(example.text, sentence: example.sentence, document: example.context,
                                     externalFeatures: externalFeatures(example), wordClasses: wordClasses, into: &buffer)
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
        var packedOffsets = [0]
        packedOffsets.reserveCapacity(tokenOffsets.count)
        features.reserveCapacity(allKeys.count)
        for t in 0..<(tokenOffsets.count - 1) {
            for k in tokenOffsets[t]..<tokenOffsets[t + 1] {
                let key = allKeys[k]
                if let i = index[key] {
                    features.append(i)
                } else if counts[key]! >= minimumCount {
                    let i = Int32(keys.count)
                    index[key] = i
                    keys.append(key)
                    features.append(i)
                }
            }
            packedOffsets.append(features.count)
        }
        tokenOffsets = packedOffsets
    }

    /// Adds the weight rows of each token of sentence `s` into `emissions` (`count × labels`, zeroed first).
    func emissions<W: BinaryInteger>(ofSentence s: Int, weights: UnsafeBufferPointer<W>, into emissions: inout [Float]) {
        emissionsGeneric(ofSentence: s, into: &emissions) { Float(weights[$0]) }
    }

    func emissions(ofSentence s: Int, weights: UnsafeBufferPointer<Float>, into emissions: inout [Float]) {
        emissionsGeneric(ofSentence: s, into: &emissions) { weights[$0] }
    }

    @inline(__always)
    private func emissionsGeneric(ofSentence s: Int, into emissions: inout [Float], weight: (Int) -> Float) {
        let first = sentenceOffsets[s], count = sentenceOffsets[s + 1] - first, L = labels
        emissions.removeAll(keepingCapacity: true)
        emissions.append(contentsOf: repeatElement(0, count: count * L))
        features.withUnsafeBufferPointer { f in
            emissions.withUnsafeMutableBufferPointer { e in
                for t in 0..<count {
                    for k in tokenOffsets[first + t]..<tokenOffsets[first + t + 1] {
                        let row = Int(f[k]) * L
                        for l in 0..<L { e[t * L + l] += weight(row + l) }
                    }
                }
            }
        }
    }

    /// A quantised model from float weights (`rows`: features × labels; `transitions`: L×L, start L, end L).
    /// A high quantile of weight magnitudes maps to the largest level of `weightBytes`-byte weights (127 for
    /// `Int8`, 32,767 for `Int16`; the few larger weights clip; `Float32` stores unrounded steps, no clipping).
    /// Rows whose strongest weight is under `pruneBelow` 8-bit steps (quantile / 127, whatever the width, so a
    /// setting prunes the same rows at every width) are left out of the file.
    func model(rows: [Float], transitions: [Float], quantile: Double = 0.9999, pruneBelow: Float = 1,
               weightBytes: Int = 1) -> TaggerModel {
        var magnitudes = rows.map(abs).filter { $0 > 0 }
        magnitudes.sort()
        let reference = magnitudes.isEmpty ? 1 : magnitudes[min(magnitudes.count - 1, Int(Double(magnitudes.count) * quantile))]
        let scale = reference / WeightTable.maximumLevel(weightBytes: weightBytes)
        let pruneStep = reference / 127
        var pruned = rows
        let L = labels
        for r in 0..<keys.count {
            var strongest: Float = 0
            for l in 0..<L { strongest = max(strongest, abs(rows[r * L + l])) }
            if strongest < pruneBelow * pruneStep {
                for l in 0..<L { pruned[r * L + l] = 0 }
            }
        }
        let table = WeightTable(keys: keys, rows: pruned, labelCount: L, scale: scale, weightBytes: weightBytes)
        return TaggerModel(
            tagSet: tagSet, table: table, transitions: Array(transitions[0..<(L * L)]),
            start: Array(transitions[(L * L)..<(L * L + L)]), end: Array(transitions[(L * L + L)...]))
    }
}
