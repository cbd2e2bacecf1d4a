import GraphModel
import Recognition
import Resolution
import TextAnalysis

/// Words between a call cue and the one called: "a phone call [he made] to X", "a phone conversation with X".
let callPartnerLinks = WordSet(["he", "she", "they", "made", "placed", "had", "held", "to", "with"])

extension RelationExtractor {
    /// A call cue ("telephonically discussed", "in a phone call he made to X") becomes a call between its two
    /// sides, dated like the sentence. The sides are, in order of trust: the two actors the clause's
    /// interaction names; the one called after the cue ("to X", "with X") and the sentence's one other person;
    /// and, for a call whose sentence names only one person ("Despite the support expressed by Mr. Bush during
    /// Thursday's phone conversation"), that person and the one person the sentence before says they spoke
    /// to ("Bush has told Indian Prime Minister Manmohan Singh"). A cue that gives no two sides is dropped, so
    /// no nameless "telephone call" node appears.
    func finishCalls(_ facts: inout [Int: MeetingFacts], resolution: inout DocumentResolution,
                     relations: inout [LocalRelation], context: SentenceContext) {
        let mentions = context.mentions
        for call in facts.keys.sorted() where facts[call]!.isCall {
            let cues = resolution.entities[call].mentions
            let sentences = Set(cues.map { mentions[$0].sentence })
            let exchanges = relations.filter { $0.kind == .interaction && sentences.contains($0.sentence) }
            var sides: [Int] = []
            for exchange in exchanges {
                for side in [exchange.source, exchange.target] where !sides.contains(side) { sides.append(side) }
            }
            var sentence = exchanges.first?.sentence
            if sides.count != 2 {
                for cue in cues {
                    if let found = callSides(of: mentions[cue], relations: relations, context: context,
                                             entityOf: resolution.entityOfMention) {
                        sides = found.sides
                        sentence = mentions[cue].sentence
                        // A call read from its own clause is news; one read back from the sentence before
                        // restates that sentence's interaction.
                        if found.fromClause {
                            relations.append(LocalRelation(source: found.sides[0], target: found.sides[1], kind: .interaction,
                                                           label: "call", sentence: mentions[cue].sentence, eventClass: .consult))
                        }
                        break
                    }
                }
            }
            guard sides.count == 2, let sentence else {
                resolution.drop(call)
                relations.removeAll { $0.source == call || $0.target == call }
                facts[call] = nil
                continue
            }
            // People by surname, as headlines write it: "Putin – Rahmon phone call".
            let names = sides.map { sideName(resolution.entities[$0]) }.sorted()
            var fact = facts[call]!
            let cue = resolution.entities[call].surfaces.first?.lowercased() ?? ""
            let noun = cue.contains("video") ? "video call" : "phone call"
            // The date is the node's `date` attribute; the label stays a name a reader would use.
            fact.label = "\(names[0]) – \(names[1]) \(noun)"
            facts[call] = fact
            resolution.entities[call].name = fact.label
            for side in sides {
                relations.append(LocalRelation(source: side, target: call, kind: .participant, sentence: sentence))
            }
        }
    }

    /// The two people of one call cue when no interaction verb names them: the one called, written right after
    /// the cue ("a phone call he made to Pakistan's President Pervez Musharraf"), with the sentence's one other
    /// person; or the sentence's one person with the one other person of the sentence before, when an
    /// interaction there joins the two. Nil when either side is in doubt.
    func callSides(of cue: Mention, relations: [LocalRelation], context: SentenceContext, entityOf: [Int]) -> (sides: [Int], fromClause: Bool)? {
        let text = context.text
        let s = cue.sentence
        let sentence = text.sentences[s]
        let actors = context.actors(in: s, entityOf: entityOf)
        let people = actors.filter { $0.type == .person }
        var k = cue.tokens.upperBound
        while k < sentence.tokens.upperBound, k - cue.tokens.upperBound < 3, callPartnerLinks.contains(text, k) { k += 1 }
        if k > cue.tokens.upperBound, text.token(k - 1, is: "to") || text.token(k - 1, is: "with"),
           let called = InteractionFinder(context: context, entityOf: entityOf).object(after: k, actors: actors, sentence: sentence),
           called.type == .person {
            let callers = Set(people.map(\.entity)).subtracting([called.entity])
            if callers.count == 1 { return ([callers.first!, called.entity], true) }
            return nil
        }
        let named = Set(people.map(\.entity))
        guard named.count == 1, let caller = named.first, s > 0 else { return nil }
        let before = Set(relations.lazy.filter { $0.kind == .interaction && $0.sentence == s - 1 }
            .compactMap { r -> Int? in
                r.source == caller ? r.target : r.target == caller ? r.source : nil
            })
        // The sentence before names exactly one other person, and an interaction joins the two.
        let others = Set(context.actors(in: s - 1, entityOf: entityOf).filter { $0.type == .person }.map(\.entity))
            .subtracting([caller])
        guard before.count == 1, let other = before.first, others == [other] else { return nil }
        return ([caller, other], false)
    }
}
