import GraphModel
import Recognition
import TextAnalysis

/// A verb that binds two actors, with its lemma and a coarse class in the spirit of the CAMEO event codes.
struct InteractionVerb {
    var lemma: String
    var eventClass: EventClass
    /// Meeting-like verbs are mutual: "A and B discussed" is an interaction between A and B.
    var isMutual: Bool
    /// A word that must follow the verb ("called on", "appealed to").
    var particle: StaticString?
}

/// Finds `interaction` edges: a subject and an object bound by a verb in one clause.
///
/// The subject is the actor right before the verb, allowing auxiliaries, adverbs and an apposition in commas
/// ("Putin and the Tajik President, Emomali Rakhmon, telephonically discussed"); the object is the actor right
/// after it, allowing an article and a group noun ("invite representatives of the Taliban"). Anything else
/// between them — a clause, another verb — and nothing is said: precision over recall.
struct InteractionFinder {
    let context: SentenceContext
    let entityOf: [Int]

    static let verbs: PhraseTable<[InteractionVerb]> = {
        var table = PhraseTable<[InteractionVerb]>()
        func add(_ forms: [String], _ lemma: String, _ eventClass: EventClass, mutual: Bool = false, particle: StaticString? = nil) {
            for form in forms {
                table.insert(form, (table.value(for: form) ?? [])
                    + [InteractionVerb(lemma: lemma, eventClass: eventClass, isMutual: mutual, particle: particle)])
            }
        }
        add(["met", "meets", "meet"], "meet", .consult, mutual: true)
        add(["discussed", "discusses", "discuss"], "discuss", .consult, mutual: true)
        add(["negotiated", "negotiates", "negotiate"], "negotiate", .consult, mutual: true)
        add(["signed", "signs"], "sign", .cooperate, mutual: true)
        add(["phoned", "telephoned", "phones", "telephones"], "phone", .consult, mutual: true)
        add(["visited", "visits", "visit"], "visit", .visit)
        add(["hosted", "hosts", "host"], "host", .host)
        add(["called", "calls", "call"], "call on", .appeal, particle: "on")
        add(["urged", "urges", "urge"], "urge", .appeal)
        add(["appealed", "appeals", "appeal"], "appeal to", .appeal, particle: "to")
        add(["invited", "invites", "invite"], "invite", .invite)
        add(["recognised", "recognises", "recognise", "recognized", "recognizes", "recognize"], "recognise", .recognise)
        add(["accused", "accuses", "accuse", "blamed", "blames", "blame"], "accuse", .accuse)
        add(["attacked"], "attack", .attack)
        add(["condemned", "condemns", "condemn"], "condemn", .disapprove)
        add(["cooperated", "cooperates", "cooperate"], "cooperate", .cooperate, particle: "with")
        add(["supported", "supports", "support", "backed", "backs"], "support", .cooperate)
        add(["sanctioned", "sanctions"], "sanction", .coerce)
        add(["warned", "warns"], "warn", .threaten)
        // Reporting verbs that say who spoke to whom: "Bush has told Indian Prime Minister Manmohan Singh that …".
        add(["told", "tells"], "tell", .consult)
        add(["assured", "assures"], "assure", .consult)
        add(["briefed", "briefs"], "brief", .consult)
        add(["criticized", "criticised", "criticizes", "criticises", "criticize", "criticise"], "criticise", .disapprove)
        add(["praised", "praises"], "praise", .approve)
        add(["thanked", "thanks"], "thank", .approve)
        add(["congratulated", "congratulates"], "congratulate", .approve)
        add(["welcomed", "welcomes"], "welcome", .host)
        add(["received", "receives"], "receive", .host)
        return table
    }()

    var text: AnalyzedText { context.text }

    func verb(at i: Int) -> InteractionVerb? {
        guard text.tokens[i].kind == .word, !text.isCapitalized(i),
              let candidates = Self.verbs.longest(in: text, at: i, limit: i + 1)?.value else { return nil }
        return candidates.first { verb in
            guard let particle = verb.particle else { return true }
            return i + 1 < text.tokens.count && text.token(i + 1, is: particle)
        }
    }

    func find(in s: Int) -> [LocalRelation] {
        let sentence = text.sentences[s]
        let actors = context.actors(in: s, entityOf: entityOf)
        guard actors.count >= 2 else { return [] }
        var found: [LocalRelation] = []
        for i in sentence.tokens {
            guard let verb = verb(at: i), !isInfinitive(i, sentence: sentence),
                  !isNounBeforeTitle(i, sentence: sentence),
                  let subject = subject(before: i, actors: actors, sentence: sentence),
                  !isOwnerOfUnnamedSubject(subject, sentence: sentence) else { continue }
            let afterVerb = i + 1 + (verb.particle == nil ? 0 : 1)
            var subjects = [subject]
            if let partner = coordinated(with: subject, actors: actors, sentence: sentence) { subjects.insert(partner, at: 0) }
            if let object = object(after: afterVerb, actors: actors, sentence: sentence)
                ?? (verb.isMutual ? partnerAfterWith(from: afterVerb, actors: actors, sentence: sentence) : nil) {
                let objects = [object] + coordinatedObjects(after: object, actors: actors, sentence: sentence)
                for object in objects {
                    for actor in subjects where actor.entity != object.entity {
                        found.append(LocalRelation(source: actor.entity, target: object.entity, kind: .interaction,
                                                   label: verb.lemma, sentence: s, eventClass: verb.eventClass))
                    }
                }
            } else if verb.isMutual, subjects.count == 2, subjects[0].entity != subjects[1].entity {
                found.append(LocalRelation(source: subjects[0].entity, target: subjects[1].entity, kind: .interaction,
                                           label: verb.lemma, sentence: s, eventClass: verb.eventClass))
            }
        }
        found += participleMeetings(in: s, actors: actors, sentence: sentence)
        return found
    }

    /// "Fillon held talks with Hu Jintao, a day after meeting Premier Wen Jiabao": "meeting" after "after" or
    /// "before" is a participle whose subject is the sentence's: its first actor, a person whose verb follows it
    /// (a lower-case word right after the name). "The meeting after meeting X" or a sentence opening with a
    /// country says nothing.
    func participleMeetings(in s: Int, actors: [Actor], sentence: Sentence) -> [LocalRelation] {
        guard let subject = actors.first, subject.type == .person else { return [] }
        var verb = subject.tokens.upperBound
        while verb < sentence.tokens.upperBound, EnglishWords.auxiliaries.contains(text, verb) || isAdverb(verb) { verb += 1 }
        guard verb < sentence.tokens.upperBound, text.tokens[verb].kind == .word, !text.isCapitalized(verb),
              !EnglishWords.functionWords.contains(text, verb) || text.token(verb, is: "said") else { return [] }
        var found: [LocalRelation] = []
        for i in (verb + 1)..<sentence.tokens.upperBound where text.token(i, is: "meeting") {
            guard text.token(i - 1, is: "after") || text.token(i - 1, is: "before"),
                  let object = object(after: i + 1, actors: actors, sentence: sentence), object.type == .person,
                  object.entity != subject.entity else { continue }
            found.append(LocalRelation(source: subject.entity, target: object.entity, kind: .interaction, label: "meet",
                                       sentence: s, eventClass: .consult))
        }
        return found
    }

    /// "The new speaker of the U.S. House of Representatives has met …": an organisation or country after "of"
    /// names whose someone is, and that someone, not it, is the subject.
    func isOwnerOfUnnamedSubject(_ subject: Actor, sentence: Sentence) -> Bool {
        guard subject.type != .person else { return false }
        var k = subject.tokens.lowerBound - 1
        if k >= sentence.tokens.lowerBound, text.token(k, is: "the") { k -= 1 }
        return k >= sentence.tokens.lowerBound && text.token(k, is: "of")
    }

    /// "signed a memorandum of understanding Friday in Tokyo with U.S. Ambassador Howard Baker", "discussed the
    /// crisis with X": a mutual verb's partner after "with", over the verb's own object and its time and place,
    /// within the clause (no comma, no clause breaker, no other verb's "and", at most twelve words).
    func partnerAfterWith(from start: Int, actors: [Actor], sentence: Sentence) -> Actor? {
        var k = start
        while k < sentence.tokens.upperBound, k - start < 12 {
            if text.token(k, is: "with") {  return object(after: k + 1, actors: actors, sentence: sentence) }
            if text.isPunctuationComma(k) || text.isPunctuation(k, 0x3B) || text.token(k, is: "and")
                || EnglishWords.clauseBreakers.contains(text, k) || actors.contains(where: { $0.tokens.lowerBound == k }) {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// "called on Ruto to meet the AU", "agreed to visit": what is asked or planned has not happened.
    func isInfinitive(_ verb: Int, sentence: Sentence) -> Bool {
        var j = verb - 1
        while j >= sentence.tokens.lowerBound, isAdverb(j) { j -= 1 }
        return j >= sentence.tokens.lowerBound && text.token(j, is: "to")
    }

    func isAdverb(_ i: Int) -> Bool {
        let token = text.tokens[i]
        return token.kind == .word && token.length > 3 && text.bytes[token.end - 1] == 0x79 && text.bytes[token.end - 2] == 0x6C
            && !text.isCapitalized(i)
    }

    /// The actor ending right before the verb, over auxiliaries, adverbs and commas.
    func subject(before verb: Int, actors: [Actor], sentence: Sentence) -> Actor? {
        var j = verb - 1
        var commas = 0
        while j >= sentence.tokens.lowerBound {
            if let actor = actors.last(where: { $0.tokens.upperBound == j + 1 }) { return actor }
            if EnglishWords.auxiliaries.contains(text, j) || isAdverb(j) {
                j -= 1
            } else if text.isPunctuationComma(j), commas < 2 {
                commas += 1
                j -= 1
            } else {
                return nil
            }
        }
        return nil
    }

    /// "Egyptian host President Hosni Mubarak": between a nationality and a title the word is a noun
    /// qualifying the title, not a verb.
    func isNounBeforeTitle(_ i: Int, sentence: Sentence) -> Bool {
        guard i + 1 < sentence.tokens.upperBound, i > sentence.tokens.lowerBound,
              context.lexicon.titleLength(at: i + 1, limit: sentence.tokens.upperBound) > 0,
              let m = context.mentionEnding(at: i) else { return false }
        return context.mentions[m].kind == .demonym
    }

    /// "A and [the Tajik President,] B": the actor joined to the subject by "and", over a title in apposition.
    func coordinated(with subject: Actor, actors: [Actor], sentence: Sentence) -> Actor? {
        var j = subject.tokens.lowerBound - 1
        if j >= sentence.tokens.lowerBound, text.isPunctuationComma(j) { j -= 1 }
        // Skip a title with its nationality: "the Tajik President", "the Ethiopian Prime Minister", "Mr.".
        while j >= sentence.tokens.lowerBound {
            if text.token(j, is: "the") || encounterHonorifics.contains(text, j) { j -= 1; continue }
            if let start = titleStart(endingAt: j + 1, sentence: sentence) { j = start - 1; continue }
            if let m = context.mentionEnding(at: j + 1), context.mentions[m].isModifier { j = context.mentions[m].tokens.lowerBound - 1; continue }
            break
        }
        guard j >= sentence.tokens.lowerBound, text.token(j, is: "and") else { return nil }
        return actors.last { $0.tokens.upperBound == j }
    }

    /// Words that may follow the last of several objects: where the clause goes on with a place or a time, not
    /// with a verb of its own ("met A and B said" is two clauses).
    static let objectFollowers = WordSet(["in", "on", "at", "for", "during", "about", "after", "before", "last", "this",
                                          "over", "to", "when", "while", "and", "as"])

    /// "met A and B", "met A and his brother, Cuban President B": the objects joined to the first by "and" (over a
    /// kinship or other noun of the first in apposition), each as `object(after:)` reads it. Only where the last
    /// one ends the clause or a place or time follows it: "met A and B said" is two clauses, and B said something.
    func coordinatedObjects(after first: Actor, actors: [Actor], sentence: Sentence) -> [Actor] {
        let end = sentence.tokens.upperBound
        var result: [Actor] = []
        var last = first
        while true {
            var k = last.tokens.upperBound
            guard k < end, text.token(k, is: "and") else { break }
            k = context.startAfterCoordination(k + 1, end: end)
            guard let next = object(after: k, actors: actors, sentence: sentence), next.entity != last.entity else { break }
            result.append(next)
            last = next
        }
        guard let final = result.last else { return [] }
        let after = final.tokens.upperBound
        guard after < end, text.tokens[after].kind == .word else { return result }
        let placeOrTime = Self.objectFollowers.contains(text, after)
            || EnglishWords.weekdays.contains { text.token(after, equalsLowercased: $0) }
        return placeOrTime ? result : []
    }

    /// The first token of an office that ends right before `end` ("Prime Minister" → "Prime").
    func titleStart(endingAt end: Int, sentence: Sentence) -> Int? {
        // The longest office wins: "Prime Minister", not just "Minister".
        var k = max(sentence.tokens.lowerBound, end - 5)
        while k < end {
            if context.lexicon.titleLength(at: k, limit: end) == end - k { return k }
            k += 1
        }
        return nil
    }

    /// The actor right after the verb, over articles, "representatives of" and a title with its nationality
    /// ("met Kenyan President William Ruto").
    func object(after start: Int, actors: [Actor], sentence: Sentence) -> Actor? {
        var k = start
        let end = sentence.tokens.upperBound
        while k < end {
            if let actor = actors.first(where: { $0.tokens.lowerBound == k }) {
                let after = actor.tokens.upperBound
                // "told Venezuela's President Hugo Chavez": the country qualifies the office of the one told.
                if actor.type != .person, after + 1 < end, text.tokens[after].kind == .possessive,
                   context.lexicon.titleLength(at: after + 1, limit: end) > 0 {
                    k = after + 1
                    continue
                }
                // "told Chinese university students": a nationality describing people is not its country.
                if actor.type == .country, let m = context.mentionStarting(at: k), context.mentions[m].kind == .demonym,
                   after < end, text.tokens[after].kind == .word, !text.isNameLike(after) {
                    return nil
                }
                return actor
            }
            if let m = context.countryModifier(startingAt: k) {
                k = context.mentions[m].tokens.upperBound
                continue
            }
            let title = context.lexicon.titleLength(at: k, limit: sentence.tokens.upperBound)
            if title > 0 {
                k += title
                // "Ambassador to Japan Howard Baker": the post's country is part of the office.
                if k + 1 < end, text.token(k, is: "to"),
                   let post = actors.first(where: { $0.tokens.lowerBound == k + 1 && $0.type == .country }) {
                    k = post.tokens.upperBound
                }
                if k < sentence.tokens.upperBound, text.isPunctuationComma(k) { k += 1 }
                continue
            }
            // "assured visiting German Foreign Minister X": the visitor is the one assured.
            if text.token(k, is: "the") || text.token(k, is: "a") || text.token(k, is: "an") || text.token(k, is: "with")
                || text.token(k, is: "visiting") {
                k += 1
            } else if EnglishWords.groupNouns.contains(text, k), k + 1 < sentence.tokens.upperBound, text.token(k + 1, is: "of") {
                k += 2
            } else {
                return nil
            }
        }
        return nil
    }
}
