import Foundation
import TextAnalysis

/// The statistical entity tagger: an averaged structured perceptron over hashed byte-level features, decoded
/// with Viterbi under tag-scheme constraints.
///
/// Trained on the Groningen Meaning Bank (see `ner-train` and `Resources/Model/README.md`). Tagging reads the
/// tokens' UTF-8 bytes in place; it allocates a few arrays per sentence and nothing per token.
public struct EntityTagger: Sendable {
    package let model: TaggerModel
    /// The word classes the model was trained with (`WordClasses`); nil gives no class features.
    package let wordClasses: WordClasses?

    /// Decodes a model file. Throws `TaggerModelError` when the bytes are not a valid model for this build.
    public init(modelBytes: [UInt8]) throws(TaggerModelError) {
        model = try ModelFile.decode(modelBytes)
        wordClasses = nil
    }

    package init(modelBytes: [UInt8], wordClasses: WordClasses?) throws(TaggerModelError) {
        model = try ModelFile.decode(modelBytes)
        self.wordClasses = wordClasses
    }

    package init(model: TaggerModel, wordClasses: WordClasses? = nil) {
        self.model = model
        self.wordClasses = wordClasses
    }

    /// The model shipped in the module's resources (`Resources/Model/ner-model.bin`) with its word classes
    /// (`Resources/Model/word-classes.bin`).
    public static func loadBundled() throws(TaggerModelError) -> EntityTagger {
        guard let url = Bundle.module.url(forResource: "ner-model", withExtension: "bin", subdirectory: "Resources/Model")
        else { throw .resourceMissing }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(String(describing: error))
        }
        let model = try ModelFile.decode([UInt8](data))
        // The class table only for a model trained with it: looking classes up costs a fifth of the tagger's speed.
        return EntityTagger(model: model, wordClasses: usesWordClasses(model) ? try WordClasses.loadBundled() : nil)
    }

    /// Whether a model has weights for word-class features (some 256-way class of a word has a weight).
    package static func usesWordClasses(_ model: TaggerModel) -> Bool {
        (0..<UInt64(256)).contains { model.table.slot(of: featureKey(FeatureTemplate.wordClass.rawValue, $0, 2)) != nil }
    }

    /// Whether the model was trained with external features (some `externalFeatures` bit has a weight). When
    /// false, passing them changes nothing, and callers can skip computing them.
    public var usesExternalFeatures: Bool {
        (0..<UInt64(32)).contains { model.table.slot(of: featureKey(FeatureTemplate.external.rawValue, $0)) != nil }
    }

    /// The model's tag names ("O", "B-per", ...), indexed like the values `tagLabels` returns.
    public var tagNames: [String] { model.tagSet.names }

    /// Mentions in one sentence.
    ///
    /// - Parameter externalFeatures: optional per-token bits from outside the model (gazetteer membership),
    ///   indexed by absolute token index like `text.tokens`. Bit meanings are fixed by the caller and must match
    ///   those used in training; `nil` (or zero bits) is always valid.
    ///
    /// The features include what the rest of `text` says about each word (`DocumentContext`), which this call
    /// computes from the whole text: when tagging a long document sentence by sentence, build the context once
    /// and use `tag(_:sentence:context:externalFeatures:)`, or tag the whole text with `tag(_:externalFeatures:)`.
    public func tag(_ text: AnalyzedText, sentence: Sentence, externalFeatures: [UInt32]? = nil) -> [TaggedSpan] {
        tag(text, sentence: sentence, context: DocumentContext(text), externalFeatures: externalFeatures)
    }

    /// Mentions in one sentence, with a precomputed `DocumentContext(text)`.
    public func tag(
        _ text: AnalyzedText, sentence: Sentence, context: DocumentContext, externalFeatures: [UInt32]? = nil
    ) -> [TaggedSpan] {
        var workspace = Workspace()
        return tag(text, sentence: sentence, context: context, externalFeatures: externalFeatures, workspace: &workspace)
    }

    /// Mentions in every sentence of `text`, in order. Computes the document context once and reuses its
    /// buffers across sentences: the fast way to tag a document.
    public func tag(_ text: AnalyzedText, externalFeatures: [UInt32]? = nil) -> [TaggedSpan] {
        var workspace = Workspace()
        let context = DocumentContext(text)
        var spans: [TaggedSpan] = []
        for sentence in text.sentences {
            spans += tag(text, sentence: sentence, context: context, externalFeatures: externalFeatures, workspace: &workspace)
        }
        return spans
    }

    /// The best tag index of each token of `sentence` (see `tagNames`): for evaluation and debugging.
    public func tagLabels(
        _ text: AnalyzedText, sentence: Sentence, context: DocumentContext? = nil, externalFeatures: [UInt32]? = nil
    ) -> [UInt8] {
        var workspace = Workspace()
        decode(text, sentence: sentence, context: context ?? DocumentContext(text), externalFeatures: externalFeatures,
               workspace: &workspace)
        return workspace.path
    }

    package func tag(
        _ text: AnalyzedText, sentence: Sentence, context: DocumentContext, externalFeatures: [UInt32]?,
        workspace: inout Workspace
    ) -> [TaggedSpan] {
        decode(text, sentence: sentence, context: context, externalFeatures: externalFeatures, workspace: &workspace)
        let labels = model.tagSet.count
        let tags = model.tagSet.tags
        // Score units are arbitrary (they grow with training); 1/8 of the largest single weight spreads the
        // scores usefully over 0...1. Uncalibrated by design: a ranking signal, not a probability.
        let temperature = max(Float.leastNormalMagnitude, model.table.scale * model.table.maximumLevel / 8)
        return model.tagSet.spans(workspace.path).map { span in
            // Confidence: at the weakest token, how far the best tag of the span's type (B, I, ... alike) beats
            // the best tag of any other type or O, squashed. Cheap: the emission scores are already there.
            var margin = Float.greatestFiniteMagnitude
            for t in span.tokens {
                var own = -Float.greatestFiniteMagnitude, rival = -Float.greatestFiniteMagnitude
                for l in 0..<labels {
                    let score = workspace.emissions[t * labels + l]
                    if tags[l].label == span.label { own = max(own, score) } else { rival = max(rival, score) }
                }
                margin = min(margin, own - rival)
            }
            let lower = sentence.tokens.lowerBound
            let x = max(-30, min(30, margin / temperature))
            return TaggedSpan(
                tokens: (lower + span.tokens.lowerBound)..<(lower + span.tokens.upperBound),
                label: span.label, score: 1 / (1 + exp(-x)))
        }
    }

    /// Reusable buffers for tagging many sentences.
    package struct Workspace {
        var features = FeatureBuffer()
        var emissions: [Float] = []
        var path: [UInt8] = []
        package init() {}
    }

    private func decode(
        _ text: AnalyzedText, sentence: Sentence, context: DocumentContext, externalFeatures: [UInt32]?,
        workspace: inout Workspace
    ) {
        FeatureExtractor.extract(
            text, sentence: sentence, document: context, externalFeatures: externalFeatures, wordClasses: wordClasses,
            into: &workspace.features)
        let count = workspace.features.tokenCount
        let labels = model.tagSet.count
        workspace.emissions.removeAll(keepingCapacity: true)
        workspace.emissions.append(contentsOf: repeatElement(0, count: count * labels))
        workspace.path.removeAll(keepingCapacity: true)
        workspace.path.append(contentsOf: repeatElement(0, count: count))
        guard count > 0 else { return }
        model.table.score(workspace.features, into: &workspace.emissions)
        workspace.emissions.withUnsafeBufferPointer { emissions in
            model.decodeTransitions.withUnsafeBufferPointer { transitions in
                model.decodeStart.withUnsafeBufferPointer { start in
                    model.decodeEnd.withUnsafeBufferPointer { end in
                        workspace.path.withUnsafeMutableBufferPointer { path in
                            Viterbi.decode(
                                emissions: emissions, count: count, labels: labels, transitions: transitions,
                                start: start, end: end, path: path)
                        }
                    }
                }
            }
        }
    }
}
