/// The tagger's verdict per token, with its confidence, for the rules to consult where they would guess.
struct TokenLabels {
    struct Verdict {
        var label: EntityLabel
        /// The span's score in [0, 1]: how far the best reading is ahead of the next one.
        var score: Float
    }

    /// Above this the tagger overrides what the rules would guess; below it, it only settles what they cannot.
    static let confident: Float = 0.9
    /// Below this a verdict is ignored.
    static let plausible: Float = 0.5

    private var verdicts: [Verdict?]

    init(spans: [TaggedSpan], tokenCount: Int) {
        verdicts = Array(repeating: nil, count: tokenCount)
        for span in spans {
            for i in span.tokens where i < tokenCount { verdicts[i] = Verdict(label: span.label, score: span.score) }
        }
    }

    func verdict(_ i: Int) -> Verdict? { i < verdicts.count ? verdicts[i] : nil }

    func label(_ i: Int) -> EntityLabel? { verdict(i)?.label }

    /// The label most tokens of the range carry (ties: the earlier token's), with the lowest score among those
    /// tokens; nil when all are outside.
    func majority(_ range: Range<Int>) -> Verdict? {
        var counts: [EntityLabel: (count: Int, first: Int, score: Float)] = [:]
        for i in range {
            guard let verdict = verdict(i) else { continue }
            var entry = counts[verdict.label] ?? (0, i, 1)
            entry.count += 1
            entry.score = min(entry.score, verdict.score)
            counts[verdict.label] = entry
        }
        return counts.max { a, b in (a.value.count, -a.value.first) < (b.value.count, -b.value.first) }
            .map { Verdict(label: $0.key, score: $0.value.score) }
    }
}
