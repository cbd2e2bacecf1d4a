import Foundation
import Recognition

/// Exact-match mention scores, conlleval style: a predicted mention counts only if its token range and type
/// both equal a gold mention's.
struct MentionScores {
    private(set) var truePositives: [EntityLabel: Int] = [:]
    private(set) var falsePositives: [EntityLabel: Int] = [:]
    private(set) var falseNegatives: [EntityLabel: Int] = [:]

    /// The types the project's target is stated on (time and event mentions are not used downstream).
    static let headlineLabels: [EntityLabel] = [.per, .org, .geo, .gpe]

    mutating func add(gold: [(tokens: Range<Int>, label: EntityLabel)], predicted: [(tokens: Range<Int>, label: EntityLabel)]) {
        var unmatched = gold.map { ($0.tokens, $0.label) }
        for mention in predicted {
            if let i = unmatched.firstIndex(where: { $0.0 == mention.tokens && $0.1 == mention.label }) {
                truePositives[mention.label, default: 0] += 1
                unmatched.remove(at: i)
            } else {
                falsePositives[mention.label, default: 0] += 1
            }
        }
        for (_, label) in unmatched { falseNegatives[label, default: 0] += 1 }
    }

    struct PRF {
        var precision: Double, recall: Double, f1: Double, gold: Int
    }

    func scores(_ labels: [EntityLabel]) -> PRF {
        let tp = labels.reduce(0) { $0 + truePositives[$1, default: 0] }
        let fp = labels.reduce(0) { $0 + falsePositives[$1, default: 0] }
        let fn = labels.reduce(0) { $0 + falseNegatives[$1, default: 0] }
        let p = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let r = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        return PRF(precision: p, recall: r, f1: p + r == 0 ? 0 : 2 * p * r / (p + r), gold: tp + fn)
    }

    var microF1: Double { scores(Self.headlineLabels).f1 }

    func report(title: String) -> String {
        func line(_ name: String, _ s: PRF) -> String {
            name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + [s.precision, s.recall, s.f1].map { format($0 * 100) }.joined(separator: "  ")
                + "  " + String(s.gold).leftPad(7)
        }
        var lines = [title, "type                  precision  recall      F1     gold"]
        for label in EntityLabel.allCases { lines.append(line(label.name, scores([label]))) }
        lines.append(line("micro per/org/geo/gpe", scores(Self.headlineLabels)))
        lines.append(line("micro all six", scores(EntityLabel.allCases)))
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            text += String(repeating: "0", count: max(0, 2 - decimals))
        }
        return text.leftPad(9)
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

enum Evaluator {
    /// Scores `tagger` on labelled sentences.
    static func evaluate(_ tagger: EntityTagger, on sentences: [LabelledSentence]) -> MentionScores {
        var scores = MentionScores()
        for example in sentences {
            let lower = example.sentence.tokens.lowerBound
            let predicted = tagger.tag(example.text, sentence: example.sentence, context: example.context,
                                       externalFeatures: example.externalFeatures).map {
                (tokens: ($0.tokens.lowerBound - lower)..<($0.tokens.upperBound - lower), label: $0.label)
            }
            scores.add(gold: example.mentions, predicted: predicted)
        }
        return scores
    }
}

/// How often each external bit fires on held-out tokens and which gold labels those tokens carry: a check that
/// the gazetteer features say something (`ner-train eval` prints it when features are on).
enum FeatureStatistics {
    static func report(_ sentences: [LabelledSentence]) -> String {
        var counts: [Int: [String: Int]] = [:]
        for example in sentences {
            guard let bits = example.externalFeatures else { continue }
            var labels = [String](repeating: "O", count: example.sentence.tokens.count)
            for m in example.mentions { for t in m.tokens where t < labels.count { labels[t] = m.label.name } }
            for (i, t) in example.sentence.tokens.enumerated() where t < bits.count {
                var rest = bits[t]
                while rest != 0 {
                    counts[rest.trailingZeroBitCount, default: [:]][labels[i], default: 0] += 1
                    rest &= rest - 1
                }
            }
        }
        var lines = ["external bit  tokens  gold labels of those tokens"]
        for bit in counts.keys.sorted() {
            let byLabel = counts[bit]!
            let total = byLabel.values.reduce(0, +)
            let parts = byLabel.sorted { $0.value > $1.value }.map { "\($0.key) \(String(format: "%.0f", Double($0.value) * 100 / Double(total)))%" }
            lines.append(String(bit).leftPad(12) + String(total).leftPad(8) + "  " + parts.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
