import GraphModel
import Recognition
import TextAnalysis

/// Something that can act in a clause: a person, organisation or country mention, or a phrase that stands for a
/// person through a role ("the Taliban's foreign minister").
struct Actor {
    var entity: Int
    var tokens: Range<Int>
    var type: NodeType
}

extension SentenceContext {
    /// The actors of a sentence, in text order. Nationalities that only qualify a title or an organisation are
    /// not actors: in "Russian Foreign Minister Sergey Lavrov said", Lavrov speaks, not Russia.
    func actors(in s: Int, entityOf: [Int]) -> [Actor] {
        var found: [Actor] = []
        var titled = titleReferences[s] ?? []
        for m in mentions(in: s) {
            while let next = titled.first, next.tokens.lowerBound < mentions[m].tokens.lowerBound {
                found.append(next)
                titled.removeFirst()
            }
            // The two fields asked, not a copy of the Mention (five Strings), and no array of types to search.
            let type = mentions[m].type
            guard type == .person || type == .organisation || type == .country, !mentions[m].isModifier else { continue }
            if type != .person, let reference = roleReference(startingWith: m, entityOf: entityOf) {
                found.append(reference)
                continue
            }
            // Names nested in a longer name (a country inside an organisation) are part of that name.
            if isNested[m] { continue }
            found.append(Actor(entity: entityOf[m], tokens: mentions[m].tokens, type: type))
        }
        return found + titled
    }

    /// "the general", "the pontiff": an office written alone after "the" stands for the one person the document
    /// names with that office before their name ("General Ashfaq Parvez Kayani", "Pope Benedict XVI"). Two
    /// such people, an office followed by a name or by "of" ("the president of the company"), or an office no
    /// name carries, and the phrase stands for no one. By sentence, in text order.
    static func titleReferences(text: AnalyzedText, mentions: [Mention], entityOf: [Int], lexicon: LexiconMemo) -> [Int: [Actor]] {
        var holders: [String: Set<Int>] = [:]
        for (m, mention) in mentions.enumerated() where mention.type == .person && entityOf[m] >= 0 {
            let start = mention.tokens.lowerBound
            let sentenceStart = text.sentences[mention.sentence].tokens.lowerBound
            // The longest office ending right before the name: "Prime Minister", not "Minister".
            guard let first = (max(sentenceStart, start - 4)..<start).first(where: {
                lexicon.titleLength(at: $0, limit: start) == start - $0 }) else { continue }
            holders[Self.office(text.string(tokens: first..<start)), default: []].insert(entityOf[m])
        }
        guard !holders.isEmpty else { return [:] }
        var found: [Int: [Actor]] = [:]
        for (s, sentence) in text.sentences.enumerated() {
            var i = sentence.tokens.lowerBound
            while i + 1 < sentence.tokens.upperBound {
                defer { i += 1 }
                guard text.token(i, is: "the") else { continue }
                let title = i + 1
                var length = lexicon.titleLength(at: title, limit: sentence.tokens.upperBound)
                if length == 0, Self.officeSynonyms[text.string(token: title).lowercased()] != nil { length = 1 }
                guard length > 0 else { continue }
                let end = title + length
                if end < sentence.tokens.upperBound, !Self.closesOfficeReference(text, at: end) { continue }
                guard let people = holders[Self.office(text.string(tokens: title..<end))], people.count == 1 else { continue }
                found[s, default: []].append(Actor(entity: people.first!, tokens: i..<end, type: .person))
                i = end - 1
            }
        }
        return found
    }

    /// Whether the token after "the OFFICE" ends the phrase: punctuation, a function word other than "of", a
    /// verb of speaking or acting, or a day. A name ("the general Kamau"), "of" ("the president of the company")
    /// or a noun ("the general manager") means the office is part of something longer.
    static func closesOfficeReference(_ text: AnalyzedText, at k: Int) -> Bool {
        let token = text.tokens[k]
        if token.kind == .possessive { return false }
        guard token.kind == .word else { return true }
        if text.token(k, is: "of") || text.isCapitalized(k) && !EnglishWords.dateWords.contains(text, k) { return false }
        return EnglishWords.functionWords.contains(text, k) || EnglishWords.auxiliaries.contains(text, k)
            || EnglishWords.personFollowers.contains(text, k) || EnglishWords.dateWords.contains(text, k)
    }

    /// Other words news uses for an office, by the office's own name.
    static let officeSynonyms = ["pontiff": "pope", "premier": "prime minister"]

    static func office(_ words: String) -> String {
        let lowered = words.lowercased()
        return officeSynonyms[lowered] ?? lowered
    }

    /// "the Taliban's foreign minister" standing alone is the one person the document gave that office.
    func roleReference(startingWith m: Int, entityOf: [Int]) -> Actor? {
        let mention = mentions[m]
        var i = mention.tokens.upperBound
        let end = text.sentences[mention.sentence].tokens.upperBound
        if i < end, text.tokens[i].kind == .possessive { i += 1 }
        let length = i < end ? lexicon.titleLength(at: i, limit: end) : 0
        guard length > 0 else { return nil }
        let title = text.string(tokens: i..<(i + length)).lowercased()
        // Followed by a name, it is a role statement, not a reference.
        if i + length < end, let next = mentionStarting(at: i + length), mentions[next].type == .person { return nil }
        if i + length < end, text.tokens[i + length].kind == .word, text.isCapitalized(i + length) { return nil }
        let holders = Set(roleHolders.filter { $0.organisation == entityOf[m] && $0.title == title }.map(\.person))
        guard holders.count == 1, let person = holders.first else { return nil }
        return Actor(entity: person, tokens: mention.tokens.lowerBound..<(i + length), type: .person)
    }
}
