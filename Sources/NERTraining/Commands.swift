import Foundation
import Recognition
import TextAnalysis

/// The corpus split once into training and held-out sentences (see `HeldOutSplit`).
///
/// With `development: true` (`--split dev`), the held-out blocks are left out altogether, and the training blocks
/// are split again: `training` is the training portion minus the development blocks, `heldOut` the development
/// blocks (`HeldOutSplit.isDevelopment`). Settings are chosen on that split; the held-out split only scores
/// final candidates.
struct SplitCorpus {
    var training: [GMBSentence] = []
    var heldOut: [GMBSentence] = []
    /// Whether `heldOut` is the development split.
    var development = false

    init(path: String, development: Bool = false) throws(CorpusError) {
        self.development = development
        for (i, sentence) in try GMBCorpus.load(path: path).enumerated() {
            if HeldOutSplit.isHeldOut(sentence: i) {
                if !development { heldOut.append(sentence) }
            } else if development && HeldOutSplit.isDevelopment(sentence: i) {
                heldOut.append(sentence)
            } else {
                training.append(sentence)
            }
        }
    }

    init(_ options: Options) throws {
        switch options.string("--split", default: "heldout") {
        case "heldout": try self.init(path: try options.string("--corpus"))
        case "dev": try self.init(path: try options.string("--corpus"), development: true)
        default: throw CommandError(description: "--split must be heldout or dev")
        }
    }
}

/// `--weight-bits`: 8 (`Int8`, version-1 file), 16 (`Int16`, version 2) or 32 (`Float32` steps, version 2: for
/// measuring, far too large to ship).
func weightWidth(_ bits: String) throws -> Int {
    switch bits {
    case "8": 1
    case "16": 2
    case "32": 4
    default: throw CommandError(description: "--weight-bits must be 8, 16 or 32")
    }
}

struct CommandError: Error, CustomStringConvertible {
    var description: String
}

/// The tagger's external features in training and evaluation with `--gazetteer-features yes`: the shipped
/// gazetteer's membership bits (`GazetteerLexicon.tokenFeatures(for:)`, exactly what `RuleRecognizer` passes at
/// run time to a model that uses them). Off by default: on the held-out split they did not help (Model/README.md),
/// and the committed model, which `Scripts/train` reproduces, is trained without them.
func featureSource(_ options: Options) throws -> FeatureSource? {
    switch options.string("--gazetteer-features", default: "no") {
    case "yes":
        let lexicon = try GazetteerLexicon.shipped()
        // Ablations only (`--feature-mask 0x…`): a shipped model must see every bit, as RuleRecognizer passes them.
        guard let mask = UInt32(options.string("--feature-mask", default: "0xFFFFFFFF").dropFirst(2), radix: 16) else {
            throw CommandError(description: "--feature-mask must be 0x followed by hex digits")
        }
        if mask != .max { return { lexicon.tokenFeatures(for: $0)?.map { $0 & mask } } }
        return { lexicon.tokenFeatures(for: $0) }
    case "no": return nil
    default: throw CommandError(description: "--gazetteer-features must be yes or no")
    }
}

enum Commands {
    static func train(_ options: Options) throws -> Void {
        let outPath = try options.string("--out")
        let epochs = try options.int("--epochs", default: 4)
        let seed = UInt64(try options.int("--seed", default: 20_240_611))
        let titleFraction = try options.double("--title-fraction", default: 0.15)
        let minimumCount = try options.int("--min-count", default: 2)
        let quantile = try options.double("--quantile", default: 1)
        let prune = try options.double("--prune", default: 1)
        let margin = try options.double("--margin", default: 0)
        let runs = try options.int("--runs", default: 3)
        let weightBytes = try weightWidth(options.string("--weight-bits", default: "16"))
        guard let scheme = TagScheme(rawValue: options.string("--scheme", default: "bio")) else {
            throw CommandError(description: "--scheme must be bio or bilou")
        }
        var generator = SplitMix64(seed: seed)
        let clock = ContinuousClock()
        let started = clock.now
        func log(_ message: String) {
            let elapsed = clock.now - started
            print("[\(String(format: "%6.1f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))s] \(message)")
        }

        let features = try featureSource(options)
        // `--word-classes yes`: the shipped word classes (Resources/Model/word-classes.bin) as features.
        let wordClasses = options.string("--word-classes", default: "no") == "yes" ? try WordClasses.loadBundled() : nil
        let conllPath = options.string("--conll", default: "")
        let devPath = options.string("--dev", default: "")
        var examples: [LabelledSentence]
        var labels = EntityLabel.allCases
        var corpus: SplitCorpus? = nil
        if !conllPath.isEmpty {
            // Gold Reuters news (CoNLL-2003 `eng.train`): the training set of the shipped model.
            let documents = try CoNLLCorpus.load(path: conllPath)
            var dropped = 0
            examples = documents.flatMap { document in
                let analyzed = CoNLLCorpus.analyzed(document, features: features)
                dropped += analyzed.dropped
                return analyzed.sentences
            }
            labels = [.per, .org, .geo, .misc]
            // Headline copies (see `CoNLLCorpus.headline`): short sentences of a fixed random fraction.
            var titled = 0
            for document in documents {
                for (i, sentence) in document.sentences.enumerated()
                where sentence.words.count <= 12 && Double.random(in: 0..<1, using: &generator) < titleFraction {
                    let style = TrainingExamples.TitleStyle(
                        lowerSmallWords: Bool.random(using: &generator), dropFinalPeriod: Bool.random(using: &generator))
                    if let headline = CoNLLCorpus.headline(document, sentence: i, style: style, features: features) {
                        examples.append(headline)
                        titled += 1
                    }
                }
            }
            log("plus \(titled) headline copies")
            let gmbPath = options.string("--gmb", default: "")
            if !gmbPath.isEmpty {
                // GMB's training blocks (never its held-out ones) as more news, in CoNLL's label set: its
                // nationalities (gpe) and events are CoNLL's MISC; times are no names there.
                // Its persons lose their leading titles ("President", "Mr."), which GMB's silver labels put
                // inside the name and CoNLL (and the graph) leave outside.
                let fraction = try options.double("--gmb-fraction", default: 1)
                let split = try SplitCorpus(path: gmbPath)
                let titles = try TitleWords.load()
                let mapped = split.training.enumerated().compactMap { i, sentence -> GMBSentence? in
                    guard Double(i % 100) < fraction * 100 else { return nil }
                    var copy = sentence
                    copy.mentions = sentence.mentions.compactMap { m in
                        switch m.label {
                        case .gpe, .eve: return (m.tokens, EntityLabel.misc)
                        case .tim: return nil
                        case .per:
                            var start = m.tokens.lowerBound
                            while start + 1 < m.tokens.upperBound, titles.contains(sentence.words[start]) { start += 1 }
                            return (start..<m.tokens.upperBound, .per)
                        default: return m
                        }
                    }
                    return copy
                }
                let gmb = TrainingExamples.analyzed(mapped, features: features)
                examples += gmb
                log("plus \(gmb.count) GMB training sentences")
            }
            log("corpus: \(documents.count) CoNLL articles, \(examples.count) run-time sentences, \(dropped) gold mentions the run-time tokens cannot express")
        } else {
            let split = try SplitCorpus(options)
            corpus = split
            log("corpus: \(split.training.count) training, \(split.heldOut.count) held-out sentences")
            // Headline copies of a fixed random fraction of the training sentences, each at the top of the
            // pseudo-document it comes from (see `TrainingExamples.headline`).
            examples = TrainingExamples.analyzed(split.training, features: features)
            var titled = 0
            let size = TrainingExamples.sentencesPerDocument
            for start in stride(from: 0, to: split.training.count, by: size) {
                let document = Array(split.training[start..<min(split.training.count, start + size)])
                for (i, sentence) in document.enumerated() where Double.random(in: 0..<1, using: &generator) < titleFraction {
                    let style = TrainingExamples.TitleStyle(
                        lowerSmallWords: Bool.random(using: &generator), dropFinalPeriod: Bool.random(using: &generator))
                    var body = document
                    body.remove(at: i)
                    examples.append(TrainingExamples.headline(sentence, body: body, style: style, features: features))
                    titled += 1
                }
            }
            log("examples: \(examples.count) sentences (\(titled) headline copies)")
        }

        let data = TrainingSet(tagSet: TagSet(scheme: scheme, labels: labels), examples: examples,
                               externalFeatures: { $0.externalFeatures }, minimumCount: minimumCount,
                               wordClasses: wordClasses)
        log("features: \(data.featureCount) kept (seen ≥ \(minimumCount) times), \(data.tokenCount) tokens, \(data.tagSet.count) tags")
        // `runs` perceptrons over different sentence orders, averaged: smooths out the order-dependence of a
        // single run (a cheap ensemble that costs nothing at run time).
        var rows: [Float] = [], transitions: [Float] = []
        for run in 0..<max(1, runs) {
            var trainer = PerceptronTrainer(data)
            for epoch in 1...max(1, epochs) {
                let mistakes = trainer.epoch(generator: &generator, margin: Float(margin))
                log("run \(run + 1) epoch \(epoch): \(mistakes) sentences with mistakes")
            }
            let averaged = trainer.averaged()
            rows = rows.isEmpty ? averaged.rows : zip(rows, averaged.rows).map(+)
            transitions = transitions.isEmpty ? averaged.transitions : zip(transitions, averaged.transitions).map(+)
        }
        // `--compare yes` (development split only: settings are chosen there): the same averaged weights
        // unquantised and unpruned (Float32 table) beside 8- and 16-bit tables at the given pruning, scored on
        // the development blocks, to see what quantisation and pruning cost.
        if options.string("--compare", default: "no") == "yes" {
            guard let corpus, corpus.development else { throw CommandError(description: "--compare needs --split dev") }
            let dev = TrainingExamples.analyzed(corpus.heldOut, features: features)
            for (name, width, pruneBelow) in [("float, no pruning", 4, Float(0)), ("float, pruned", 4, Float(prune)),
                                               ("16-bit, no pruning", 2, 0), ("16-bit, pruned", 2, Float(prune)),
                                               ("8-bit, no pruning", 1, 0), ("8-bit, pruned", 1, Float(prune))] {
                let candidate = data.model(rows: rows, transitions: transitions, quantile: quantile,
                                           pruneBelow: pruneBelow, weightBytes: width)
                let scores = Evaluator.evaluate(EntityTagger(model: candidate, wordClasses: wordClasses), on: dev)
                let size = ModelFile.encode(candidate).count
                log(String(format: "DEV %@: micro F1 %.4f (per %.4f org %.4f geo %.4f gpe %.4f), %d bytes, %d features",
                           name, scores.microF1, scores.scores([.per]).f1, scores.scores([.org]).f1,
                           scores.scores([.geo]).f1, scores.scores([.gpe]).f1, size, candidate.table.entryCount))
            }
        }
        let model = data.model(rows: rows, transitions: transitions, quantile: quantile, pruneBelow: Float(prune),
                               weightBytes: weightBytes)
        let bytes = ModelFile.encode(model)
        let url = URL(fileURLWithPath: outPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        log("wrote \(outPath): \(bytes.count) bytes, \(model.table.entryCount) features, \(model.table.slotCount) slots")

        let tagger = try EntityTagger(modelBytes: bytes, wordClasses: wordClasses)
        if let corpus { report(tagger, corpus: corpus, features: features) }
        if !devPath.isEmpty { try reportCoNLL(tagger, path: devPath, features: features) }
        log("done")
    }

    static func eval(_ options: Options) throws {
        let tagger = try loadModel(try options.string("--model"))
        let conll = options.string("--conll", default: "")
        if !conll.isEmpty {
            try reportCoNLL(tagger, path: conll, features: try featureSource(options))
            return
        }
        let corpus = try SplitCorpus(options)
        report(tagger, corpus: corpus, features: try featureSource(options))
    }

    /// The tagger alone on a CoNLL file (the development split `eng.testa`), scored as `ner_dev.py` scores the
    /// whole recognizer: exact span and type over PER/ORG/LOC; a prediction on exactly a MISC span counts
    /// neither way, MISC itself is not scored. Gold mentions the run-time tokens cannot express count as missed.
    static func reportCoNLL(_ tagger: EntityTagger, path: String, features: FeatureSource?) throws {
        var scores = MentionScores()
        var calibration: [Int: (right: Int, total: Int)] = [:]
        var unreachable = 0
        for document in try CoNLLCorpus.load(path: path) {
            let analyzed = CoNLLCorpus.analyzed(document, features: features)
            unreachable += analyzed.dropped
            for example in analyzed.sentences {
                let lower = example.sentence.tokens.lowerBound
                let misc = Set(example.mentions.filter { $0.label == .misc }.map(\.tokens))
                let tagged = tagger.tag(example.text, sentence: example.sentence, context: example.context,
                                        externalFeatures: example.externalFeatures)
                for span in tagged {
                    let tokens = (span.tokens.lowerBound - lower)..<(span.tokens.upperBound - lower)
                    guard !misc.contains(tokens) || span.label == .misc else { continue }
                    let bucket = min(9, Int(span.score * 10))
                    let right = example.mentions.contains { $0.tokens == tokens && $0.label == span.label }
                    calibration[bucket, default: (0, 0)].total += 1
                    if right { calibration[bucket, default: (0, 0)].right += 1 }
                }
                let predicted = tagged
                    .map { (tokens: ($0.tokens.lowerBound - lower)..<($0.tokens.upperBound - lower), label: $0.label) }
                    .filter { $0.label != .misc && !misc.contains($0.tokens) }
                scores.add(gold: example.mentions.filter { $0.label != .misc }, predicted: predicted)
            }
        }
        let types: [EntityLabel] = [.per, .org, .geo]
        print("tagger alone on \(path) (exact span and type; \(unreachable) gold mentions not expressible in run-time tokens, not counted)")
        for label in types + [.misc] {
            let s = scores.scores([label])
            print(String(format: "  %-5@ P %.4f R %.4f F1 %.4f (%d gold)", label.name, s.precision, s.recall, s.f1, s.gold))
        }
        print("span score → share of spans exactly right (all four labels): the calibration of TaggedSpan.score")
        for bucket in calibration.keys.sorted() {
            let (right, total) = calibration[bucket]!
            print(String(format: "  %.1f–%.1f  %5d spans  %.3f right", Double(bucket) / 10, Double(bucket + 1) / 10, total,
                         Double(right) / Double(max(1, total))))
        }
        let micro = scores.scores(types)
        print(String(format: "CONLL tagger micro F1 per/org/geo: %.4f (P %.4f R %.4f)", micro.f1, micro.precision, micro.recall))
    }

    static func bench(_ options: Options) throws {
        let corpus = try SplitCorpus(path: try options.string("--corpus"))
        let tagger = try loadModel(try options.string("--model"))
        let clock = ContinuousClock()
        let start = clock.now
        _ = try EntityTagger.loadBundled()
        let loading = clock.now - start
        print("EntityTagger.loadBundled(): \(String(format: "%.1f", Double(loading.components.attoseconds) / 1e15 + Double(loading.components.seconds) * 1000)) ms")
        let result = Benchmark.run(tagger, sentences: corpus.training + corpus.heldOut,
                                   minimumSeconds: try options.double("--seconds", default: 3))
        print("\(result.documents) documents, \(result.tokens) tokens tagged in \(String(format: "%.2f", result.seconds)) s (1 thread)")
        print("throughput: \(Int(result.tokensPerSecond)) tokens/s wall clock, \(Int(result.tokensPerCPUSecond)) tokens/s of CPU time")
        // What RuleRecognizer adds before tagging: the gazetteer bits of each document.
        let lexicon = try GazetteerLexicon.shipped()
        let sentences = corpus.training + corpus.heldOut
        let documents = stride(from: 0, to: sentences.count, by: TrainingExamples.sentencesPerDocument).map { start in
            TrainingExamples.document(Array(sentences[start..<min(sentences.count, start + TrainingExamples.sentencesPerDocument)]))[0].text
        }
        let featureStart = clock.now
        var bits = 0
        for document in documents { bits &+= lexicon.tokenFeatures(for: document)?.count ?? 0 }
        let featureTime = clock.now - featureStart
        let seconds = Double(featureTime.components.seconds) + Double(featureTime.components.attoseconds) / 1e18
        print("gazetteer features (GazetteerLexicon.tokenFeatures): \(Int(Double(bits) / seconds)) tokens/s wall clock")
    }

    /// Prints held-out sentences where prediction and gold differ, mention by mention, to see what goes wrong.
    static func errors(_ options: Options) throws {
        let corpus = try SplitCorpus(path: try options.string("--corpus"))
        let tagger = try loadModel(try options.string("--model"))
        var remaining = try options.int("--limit", default: 50)
        for example in TrainingExamples.analyzed(corpus.heldOut, features: try featureSource(options)) where remaining > 0 {
            let lower = example.sentence.tokens.lowerBound
            let predicted = tagger.tag(example.text, sentence: example.sentence, context: example.context,
                                       externalFeatures: example.externalFeatures)
            let predictedSet = Set(predicted.map { "\($0.tokens.lowerBound - lower)-\($0.tokens.upperBound - lower) \($0.label)" })
            let goldSet = Set(example.mentions.map { "\($0.tokens.lowerBound)-\($0.tokens.upperBound) \($0.label)" })
            guard predictedSet != goldSet else { continue }
            remaining -= 1
            func render(_ range: Range<Int>) -> String { example.text.string(tokens: (lower + range.lowerBound)..<(lower + range.upperBound)) }
            print(example.text.string(tokens: example.sentence.tokens))
            for m in example.mentions where !predictedSet.contains("\(m.tokens.lowerBound)-\(m.tokens.upperBound) \(m.label)") {
                print("  missed   \(m.label) [\(render(m.tokens))]")
            }
            for p in predicted {
                let r = (p.tokens.lowerBound - lower)..<(p.tokens.upperBound - lower)
                if !goldSet.contains("\(r.lowerBound)-\(r.upperBound) \(p.label)") { print("  spurious \(p.label) [\(render(r))]") }
            }
        }
    }

    private static func loadModel(_ path: String) throws -> EntityTagger {
        let clock = ContinuousClock()
        let start = clock.now
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let tagger = try EntityTagger(modelBytes: bytes, wordClasses: try? WordClasses.loadBundled())
        let elapsed = clock.now - start
        print("loaded \(path) (\(bytes.count) bytes) in \(String(format: "%.1f", Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)) ms")
        return tagger
    }

    /// Held-out scores, and the same sentences as Title Case headlines (a robustness check of the title handling:
    /// no gold changes, so the drop from the first table is what headline case costs).
    private static func report(_ tagger: EntityTagger, corpus: SplitCorpus, features: FeatureSource?) {
        let heldOut = TrainingExamples.analyzed(corpus.heldOut, features: features)
        let scores = Evaluator.evaluate(tagger, on: heldOut)
        print(scores.report(title: corpus.development
            ? "development (every 10th training block of 100 sentences; \(heldOut.count) sentences)"
            : "held-out (every 10th block of 100 sentences; \(heldOut.count) sentences)"))
        let size = TrainingExamples.sentencesPerDocument
        let titled = corpus.heldOut.indices.map { i in
            let start = i / size * size
            var body = Array(corpus.heldOut[start..<min(corpus.heldOut.count, start + size)])
            body.remove(at: i - start)
            return TrainingExamples.headline(
                corpus.heldOut[i], body: body, style: .init(lowerSmallWords: false, dropFinalPeriod: true),
                features: features)
        }
        let titleScores = Evaluator.evaluate(tagger, on: titled)
        print(titleScores.report(title: "held-out sentences rendered as Title Case headlines above the rest of their pseudo-document (diagnostic)"))
        if features != nil { print(FeatureStatistics.report(heldOut)) }
        print(String(format: "\(corpus.development ? "DEVELOPMENT" : "HELD-OUT") micro F1 per/org/geo/gpe: %.4f", scores.microF1))
    }
}

/// Office and courtesy words that may open a GMB person span: the project's title table
/// (`Resources/Gazetteers/titles.tsv`) and the abbreviations of address.
enum TitleWords {
    static func load() throws -> Set<[UInt8]> {
        let path = "Sources/Recognition/Resources/Gazetteers/titles.tsv"
        let table = try String(contentsOfFile: path, encoding: .utf8)
        var words: Set<[UInt8]> = []
        for line in table.split(separator: "\n").dropFirst() {
            for word in line.split(separator: "\t").first?.split(separator: " ") ?? [] {
                words.insert(Array(word.utf8))
            }
        }
        for word in ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prime", "vice", "general", "senator"] {
            words.insert(Array(word.utf8))
        }
        // Capitalised forms: titles open a name with a capital.
        for word in words where !word.isEmpty {
            var capitalised = word
            if capitalised[0] >= 0x61 && capitalised[0] <= 0x7A { capitalised[0] -= 0x20 }
            words.insert(capitalised)
        }
        return words
    }
}
