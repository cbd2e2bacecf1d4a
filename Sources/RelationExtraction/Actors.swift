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
        for m in mentions(in: s) {
            let mention = mentions[m]
            guard [.person, .organisation, .country].contains(mention.type), !mention.isModifier else { continue }
            if mention.type != .person, let reference = roleReference(startingWith: m, entityOf: entityOf) {
                found.append(reference)
                continue
            }
            // Names nested in a longer name (a country inside an organisation) are part of that name.
            if isNested[m] { continue }
            found.append(Actor(entity: entityOf[m], tokens: mention.tokens, type: mention.type))
        }
        return found
    }

    /// "the Taliban's foreign minister" standing alone is the one person the document gave that office.
    func roleReference(startingWith m: Int, entityOf: [Int]) -> Actor? {
        let mention = mentions[m]
        var i = mention.tokens.upperBound
        let end = text.sentences[mention.sentence].tokens.upperBound
        if i < end, text.tokens[i].kind == .possessive { i += 1 }
        let length = i < end ? lexicon.titleLength(in: text, at: i, limit: end) : 0
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
