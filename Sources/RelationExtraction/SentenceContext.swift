import Recognition
import TextAnalysis

/// Lookups over one document's mentions that every pattern needs: which mention starts or ends at a token,
/// and which mentions a sentence holds.
struct SentenceContext {
    let text: AnalyzedText
    let mentions: [Mention]
    /// The document's lexicon answers: the patterns ask the same tokens for offices again and again.
    let lexicon: LexiconMemo
    // Token- and sentence-indexed (-1: none), not dictionaries: the patterns ask them for nearly every token.
    private var byStart: [Int32]
    private var byEnd: [Int32]
    private var bySentence: [[Int]]
    /// Mentions inside a longer non-meeting mention of the same sentence (a country inside an organisation).
    private(set) var isNested: [Bool] = []
    /// Country modifiers by their first token.
    private var modifierByStart: [Int32]
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
        // Sized by the mentions too, so that a mention past the text (none the recognizer makes) is still held.
        let positions = max(text.tokens.count, mentions.lazy.map(\.tokens.upperBound).max() ?? 0) + 1
        byStart = [Int32](repeating: -1, count: positions)
        byEnd = [Int32](repeating: -1, count: positions)
        modifierByStart = [Int32](repeating: -1, count: positions)
        bySentence = [[Int]](repeating: [], count: max(text.sentences.count, (mentions.lazy.map(\.sentence).max() ?? -1) + 1))
        for m in mentions.indices {
            let tokens = mentions[m].tokens
            bySentence[mentions[m].sentence].append(m)
            if mentions[m].isModifier, mentions[m].type == .country { modifierByStart[tokens.lowerBound] = Int32(m) }
            guard mentions[m].type != .meeting else { continue }
            // The longest mention wins a position: "Russian Foreign Ministry" over "Russian".
            let start = byStart[tokens.lowerBound]
            if start < 0 || mentions[Int(start)].tokens.count < tokens.count { byStart[tokens.lowerBound] = Int32(m) }
            let end = byEnd[tokens.upperBound]
            if end < 0 || mentions[Int(end)].tokens.count < tokens.count { byEnd[tokens.upperBound] = Int32(m) }
        }
        isNested = Self.nestedFlags(mentions, bySentence: bySentence)
    }

    func mentionStarting(at token: Int) -> Int? { Self.entry(byStart, token) }
    func countryModifier(startingAt token: Int) -> Int? { Self.entry(modifierByStart, token) }

    private static func entry(_ table: [Int32], _ index: Int) -> Int? {
        guard index >= 0, index < table.count, table[index] >= 0 else { return nil }
        return Int(table[index])
    }

    /// Computed per sentence, so long documents stay linear in their number of sentences. Spans are read in
    /// place (copying each mention, strings and all, for every pair cost more than the test).
    static func nestedFlags(_ mentions: [Mention], bySentence: [[Int]]) -> [Bool] {
        var nested = [Bool](repeating: false, count: mentions.count)
        for members in bySentence {
            for m in members {
                let inner = mentions[m].tokens
                nested[m] = members.contains { k in
                    let outer = mentions[k].tokens
                    return outer.count > inner.count && outer.lowerBound <= inner.lowerBound && outer.upperBound >= inner.upperBound
                        && mentions[k].type != .meeting
                }
            }
        }
        return nested
    }
    /// The mention whose last token is `token - 1` (its end is `token`).
    func mentionEnding(at token: Int) -> Int? { Self.entry(byEnd, token) }

    /// Where the next of several coordinated names starts when `k` follows their "and": past "his brother," or
    /// "their host," (a noun in apposition to the name after it, as in "met Castro and his brother, Cuban
    /// President Raul Castro"), else `k`.
    func startAfterCoordination(_ k: Int, end: Int) -> Int {
        guard k + 2 < end, text.token(k, is: "his") || text.token(k, is: "her") || text.token(k, is: "their"),
              text.tokens[k + 1].kind == .word, !text.isCapitalized(k + 1), text.isPunctuationComma(k + 2) else { return k }
        return k + 3
    }
    func mentions(in sentence: Int) -> [Int] { sentence >= 0 && sentence < bySentence.count ? bySentence[sentence] : [] }


}

struct RoleHolder {
    var person: Int
    var organisation: Int
    var title: String
}
