import Recognition
import TextAnalysis

/// Lookups over one document's mentions that every pattern needs: which mention starts or ends at a token,
/// and which mentions a sentence holds.
struct SentenceContext {
    let text: AnalyzedText
    let mentions: [Mention]
    /// The document's lexicon answers: the patterns ask the same tokens for offices again and again.
    let lexicon: LexiconMemo
    private var byStart: [Int: Int] = [:]
    private var byEnd: [Int: Int] = [:]
    private var bySentence: [Int: [Int]] = [:]
    /// Mentions inside a longer non-meeting mention of the same sentence (a country inside an organisation).
    private(set) var isNested: [Bool] = []
    /// Country modifiers by their first token.
    private var modifierByStart: [Int: Int] = [:]
    /// Phrases that stand for a person through a role stated elsewhere in the document:
    /// (holder entity, organisation/country entity, normalised title).
    var roleHolders: [RoleHolder] = []
    /// "the general", "the pontiff" standing for the one person named with that office, by sentence
    /// (`titleReferences(text:mentions:entityOf:lexicon:)`).
    var titleReferences: [Int: [Actor]] = [:]

    init(text: AnalyzedText, mentions: [Mention], lexicon: LexiconMemo) {
        self.text = text
        self.mentions = mentions
        self.lexicon = lexicon
        for (m, mention) in mentions.enumerated() {
            bySentence[mention.sentence, default: []].append(m)
            if mention.isModifier, mention.type == .country { modifierByStart[mention.tokens.lowerBound] = m }
            guard mention.type != .meeting else { continue }
            // The longest mention wins a position: "Russian Foreign Ministry" over "Russian".
            if let other = byStart[mention.tokens.lowerBound], mentions[other].tokens.count >= mention.tokens.count {} else {
                byStart[mention.tokens.lowerBound] = m
            }
            if let other = byEnd[mention.tokens.upperBound], mentions[other].tokens.count >= mention.tokens.count {} else {
                byEnd[mention.tokens.upperBound] = m
            }
        }
        isNested = Self.nestedFlags(mentions, bySentence: bySentence)
    }

    func mentionStarting(at token: Int) -> Int? { byStart[token] }
    func countryModifier(startingAt token: Int) -> Int? { modifierByStart[token] }

    /// Computed per sentence, so long documents stay linear in their number of sentences.
    static func nestedFlags(_ mentions: [Mention], bySentence: [Int: [Int]]) -> [Bool] {
        var nested = [Bool](repeating: false, count: mentions.count)
        for members in bySentence.values {
            for m in members {
                let inner = mentions[m]
                nested[m] = members.contains { k in
                    let outer = mentions[k]
                    return outer.type != .meeting && outer.tokens.count > inner.tokens.count
                        && outer.tokens.lowerBound <= inner.tokens.lowerBound && outer.tokens.upperBound >= inner.tokens.upperBound
                }
            }
        }
        return nested
    }
    /// The mention whose last token is `token - 1` (its end is `token`).
    func mentionEnding(at token: Int) -> Int? { byEnd[token] }

    /// Where the next of several coordinated names starts when `k` follows their "and": past "his brother," or
    /// "their host," (a noun in apposition to the name after it, as in "met Castro and his brother, Cuban
    /// President Raul Castro"), else `k`.
    func startAfterCoordination(_ k: Int, end: Int) -> Int {
        guard k + 2 < end, text.token(k, is: "his") || text.token(k, is: "her") || text.token(k, is: "their"),
              text.tokens[k + 1].kind == .word, !text.isCapitalized(k + 1), text.isPunctuationComma(k + 2) else { return k }
        return k + 3
    }
    func mentions(in sentence: Int) -> [Int] { bySentence[sentence] ?? [] }


}

struct RoleHolder {
    var person: Int
    var organisation: Int
    var title: String
}
