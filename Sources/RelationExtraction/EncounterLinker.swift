import GraphModel
import Recognition
import Resolution
import TextAnalysis

/// Words between an encounter cue and its partner that say nothing about who met: "met Saturday with",
/// "met twice with", "a meeting Tuesday with".
let encounterFillers = WordSet([
    "with", "again", "twice", "separately", "privately", "briefly", "today", "yesterday", "here", "there",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "visiting", "also",
])

/// Words a partner phrase never crosses.
/// Nouns for someone sent by an organisation or country: "a United Nations official", "an EU envoy".
let encounterTitleAdjectives = WordSet(["top", "senior", "high-ranking", "former", "new", "chief"])
let encounterEnvoys = WordSet(["official", "officials", "envoy", "envoys", "delegation", "delegate", "delegates", "representative", "representatives", "diplomat", "diplomats"])

/// Verbs whose object is the meeting: "held talks", "hold a meeting".
let encounterSupportVerbs = WordSet(["held", "holds", "hold", "had", "have", "has"])

/// Words that front a participle phrase whose subject comes after it: "Besides holding talks with …, X".
let frontingWords = WordSet(["besides", "after", "before", "following", "while", "during"])

/// Words that may stand between a preposition and its meeting noun: "after three days of talks", "before a
/// round of talks", "during their meeting".
let cueNounPhraseWords = WordSet([
    "a", "an", "the", "his", "her", "their", "its", "of", "days", "weeks", "hours", "round", "rounds", "several",
    "two-day", "three-day", "lengthy", "long", "brief", "fresh", "new", "landmark", "closed-door", "bilateral",
])

/// Words that date an office without naming another: "former U.S. president B", "the late leader C".
let formerWords = WordSet(["former", "late", "then", "acting", "outgoing", "incoming", "interim"])

let encounterHonorifics = WordSet(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."])

/// Who an encounter cue's clause names on each side: the subjects ("A [and B] met", "A's talks") and the
/// partners after the cue ("with C and D"). Only a clause that names both says who met whom.
struct EncounterSides {
    var subjects: [Int]
    var partners: [Int]
    /// A visit's place, or where the clause puts the meeting.
    var place: Int?
    /// The partner is someone of a named organisation or country whom the text does not name: the words that
    /// describe them ("high-ranking North Korean officials").
    var describedPartner: Range<Int>?
    /// The subject is in the place for the meeting ("Abbas is in the Gaza Strip for talks"): the meeting takes
    /// place there whoever the partners are.
    var isStay = false
    var sides: [Int] { subjects + partners }
}

let encounterStops = WordSet([
    "and", "or", "to", "at", "in", "on", "for", "from", "during", "by", "of", "about", "over", "into", "after",
    "before", "said", "says",
])

extension RelationExtractor {
    /// Who took part in each encounter cue's meeting, read from the clause: the subject (the actor before
    /// "met", the owner in "Pelosi's talks", or the clause's one person before "held talks with"), the partners
    /// after it ("met [Saturday] with A and B"), and for a visit the place visited. A cue that names two sides,
    /// or a visitor and a place, is a meeting labelled after them; cues with the same sides in one document are
    /// one meeting; a cue whose sides are part of one such meeting joins it; any other cue is dropped, so a
    /// passing "talks" makes no node (precision first).
    func finishEncounters(_ facts: inout [Int: MeetingFacts], resolution: inout DocumentResolution,
                          relations: inout [LocalRelation], context: SentenceContext) {
        let finder = InteractionFinder(context: context, entityOf: resolution.entityOfMention)
        var sidesOf: [Int: [Int]] = [:]
        var placeOf: [Int: Int] = [:]
        var sentenceOf: [Int: Int] = [:]
        var describedOf: [Int: String] = [:]
        var stays: Set<Int> = []
        var exchanges: [LocalRelation] = []
        let encounters = facts.keys.sorted().filter { facts[$0]!.isEncounter }
        for meeting in encounters {
            var sides: [Int] = []
            for m in resolution.entities[meeting].mentions {
                let mention = context.mentions[m]
                guard mention.meeting?.isEncounter == true else { continue }
                let found = encounterSides(at: mention.tokens.lowerBound, sentence: mention.sentence,
                                           finder: finder, context: context, entityOf: resolution.entityOfMention)
                for side in found.sides where !sides.contains(side) { sides.append(side) }
                if placeOf[meeting] == nil, let place = found.place { placeOf[meeting] = place }
                if let phrase = found.describedPartner, describedOf[meeting] == nil {
                    describedOf[meeting] = context.text.string(tokens: phrase)
                }
                if found.isStay, found.subjects.count == 1 { stays.insert(meeting) }
                if !found.sides.isEmpty, sentenceOf[meeting] == nil { sentenceOf[meeting] = mention.sentence }
                exchanges += Self.exchanges(found, format: mention.meeting?.format ?? .meeting, sentence: mention.sentence)
            }
            sidesOf[meeting] = sides
        }
        // A described meeting ("talks … in Nairobi") whose words include a cue: the clause around the cue says
        // who took part, as for any cue; the meeting stands whatever is found.
        var describedSides: [(meeting: Int, sides: [Int], sentence: Int)] = []
        for meeting in facts.keys.sorted() where !facts[meeting]!.isEncounter && !facts[meeting]!.isCall {
            for m in resolution.entities[meeting].mentions {
                let mention = context.mentions[m]
                guard let cue = mention.tokens.first(where: { encounterFormat(of: context.text.string(token: $0)) != nil })
                else { continue }
                let found = encounterSides(at: cue, sentence: mention.sentence, finder: finder, context: context,
                                           entityOf: resolution.entityOfMention)
                guard !found.subjects.isEmpty, !found.partners.isEmpty else { continue }
                exchanges += Self.exchanges(found, format: encounterFormat(of: context.text.string(token: cue))!,
                                            sentence: mention.sentence)
                describedSides.append((meeting, found.sides, mention.sentence))
            }
        }
        // Complete meetings: two sides, or a visitor and a place, or one side in the place it came to for the
        // meeting.
        let complete = encounters.filter { meeting in
            let sides = sidesOf[meeting]!.count
            return sides >= 2 || (sides == 1 && ((placeOf[meeting] != nil && facts[meeting]!.format == .visit)
                || describedOf[meeting] != nil || stays.contains(meeting)))
        }
        var dropped: Set<Int> = []
        var groups: [[Int]] = []
        for meeting in complete {
            let sides = Set(sidesOf[meeting]!)
            if let g = groups.firstIndex(where: { Set(sidesOf[$0[0]]!) == sides }) {
                groups[g].append(meeting)
            } else {
                groups.append([meeting])
            }
        }
        // A cue with fewer sides joins the one group whose sides hold them all.
        let completeSet = Set(complete)
        for meeting in encounters where !completeSet.contains(meeting) {
            let sides = Set(sidesOf[meeting]!)
            let holders = groups.indices.filter { !sides.isEmpty && sides.isSubset(of: Set(sidesOf[groups[$0][0]]!)) }
            if holders.count == 1 {
                groups[holders[0]].append(meeting)
            } else if sides.isEmpty, placeOf[meeting] != nil,
                      let cue = resolution.entities[meeting].mentions.first,
                      case let same = groups.indices.filter({ groups[$0].contains { sentenceOf[$0] == context.mentions[cue].sentence } }),
                      same.count == 1 {
                // "A met B during a visit to P": the visit is that meeting, held in P.
                groups[same[0]].append(meeting)
            } else if sides.isEmpty, isDefinite(meeting, resolution: resolution, context: context),
                      let cue = resolution.entities[meeting].mentions.first,
                      let g = groups.indices.max(by: { lastMention(of: groups[$0], before: cue, resolution) < lastMention(of: groups[$1], before: cue, resolution) }),
                      lastMention(of: groups[g], before: cue, resolution) >= 0 {
                // "Following their talks": a definite cue with no sides is the last meeting named before it.
                groups[g].append(meeting)
            } else {
                dropped.insert(meeting)
            }
        }
        // A visit and the talks held during it are one event: a visit joins the one other meeting its visitor
        // takes part in.
        for g in groups.indices.reversed() where groups[g].allSatisfy({ facts[$0]!.format == .visit }) {
            let visitors = Set(groups[g].flatMap { sidesOf[$0]! })
            let others = groups.indices.filter { $0 != g && !Set(sidesOf[groups[$0][0]]!).isDisjoint(with: visitors)
                && !groups[$0].allSatisfy({ facts[$0]!.format == .visit }) }
            guard visitors.count == 1, others.count == 1 else { continue }
            groups[others[0]].append(contentsOf: groups[g])
            groups.remove(at: g)
        }
        // "Chavez has met twice with Castro … the first meeting took place after he arrived": a meeting written
        // only by its ordinal, unnamed, unplaced and with no one taking part, is one of the meetings the document
        // reports, when it reports one. (Its ordinal counts sessions of that event, so the event does not take it.)
        if groups.count == 1 {
            let described = facts.keys.sorted().filter { m in
                let fact = facts[m]!
                return !fact.isEncounter && !fact.isCall && !fact.isReference && fact.series == nil && fact.ordinal != nil
                    && fact.places.isEmpty && !relations.contains { $0.target == m || $0.source == m }
            }
            for m in described {
                facts[m]!.ordinal = nil
                groups[0].append(m)
            }
        }
        for meeting in encounters where dropped.contains(meeting) {
            resolution.drop(meeting)
            relations.removeAll { $0.source == meeting || $0.target == meeting }
            facts[meeting] = nil
        }
        // Every merged meeting's edges move to the group's first, in one pass over the relations (a pass per
        // merged cue was quadratic in a document full of "met").
        var mergedInto: [Int: Int] = [:]
        for group in groups { for meeting in group.dropFirst() { mergedInto[meeting] = group[0] } }
        if !mergedInto.isEmpty {
            for r in relations.indices {
                if let first = mergedInto[relations[r].source] { relations[r].source = first }
                if let first = mergedInto[relations[r].target] { relations[r].target = first }
            }
        }
        // Who met whom, as interactions: a clause that names both sides of a cue says so, whatever becomes of
        // the meeting node. A verb the interaction finder read in the same sentence already says it.
        var said = Set(relations.lazy.filter { $0.kind == .interaction }.map { UnorderedPair($0.source, $0.target, $0.sentence) })
        for exchange in exchanges where said.insert(UnorderedPair(exchange.source, exchange.target, exchange.sentence)).inserted {
            relations.append(exchange)
        }
        var heldIn = Set(relations.lazy.filter { $0.kind == .heldIn }.map { [$0.source, $0.target] })
        var participants = Set(relations.lazy.filter { $0.kind == .participant }.map { [$0.source, $0.target] })
        for (meeting, sides, sentence) in describedSides {
            for side in sides where participants.insert([side, meeting]).inserted {
                relations.append(LocalRelation(source: side, target: meeting, kind: .participant, sentence: sentence))
            }
        }
        for group in groups {
            let first = group[0]
            var sides: [Int] = []
            var place = placeOf[first]
            for meeting in group {
                for side in sidesOf[meeting] ?? [] where !sides.contains(side) { sides.append(side) }
                place = place ?? placeOf[meeting]
            }
            var fact = MeetingLinker.combine(group.map { facts[$0]! })
            fact.isEncounter = true
            // Talks held during a visit are part of the visit, named after the visitor.
            let visitor = group.first { facts[$0]!.format == .visit && !(sidesOf[$0] ?? []).isEmpty }.map { sidesOf[$0]![0] }
            if visitor != nil { fact.format = .visit }
            for meeting in group.dropFirst() {
                resolution.merge(meeting, into: first, reason: "same meeting (same participants)")
                facts[meeting] = nil
            }
            let names = sides.map { sideName(resolution.entities[$0]) }
            let sentence = sentenceOf[first] ?? 0
            let noun = fact.format == .visit ? "visit" : fact.format == .talks ? "talks" : "meeting"
            if let place, heldIn.insert([first, place]).inserted {
                relations.append(LocalRelation(source: first, target: place, kind: .heldIn, sentence: sentence))
            }
            if fact.format == .visit {
                let who = sides.firstIndex(of: visitor ?? sides[0]).map { names[$0] } ?? names[0]
                fact.label = "\(who) visit" + (place.map { " to \(resolution.entities[$0].name)" } ?? "")
            } else if sides.count == 1, let partner = group.lazy.compactMap({ describedOf[$0] }).first {
                // One named side: the label says whom they met ("Lantos talks with North Korean officials").
                fact.label = "\(names[0]) \(noun) with \(partner)"
            } else if sides.count == 1, let place {
                // "Abbas talks in Gaza Strip": where, since with whom is not known.
                fact.label = "\(names[0]) \(noun) in \(resolution.entities[place].name)"
            } else {
                fact.label = names.prefix(3).joined(separator: " – ") + " " + noun
            }
            facts[first] = fact
            resolution.entities[first].name = fact.label
            for side in sides where participants.insert([side, first]).inserted {
                relations.append(LocalRelation(source: side, target: first, kind: .participant, sentence: sentence))
            }
        }
    }

    /// The interactions one encounter cue states: each subject with each partner ("A met B and C": A–B, A–C;
    /// never B–C, who are only on the same side). The label is the cue's verb or noun.
    static func exchanges(_ found: EncounterSides, format: MeetingFormat, sentence: Int) -> [LocalRelation] {
        let label = format == .meeting ? "meet" : format.rawValue
        return found.subjects.flatMap { subject in
            found.partners.filter { $0 != subject }.map { partner in
                LocalRelation(source: subject, target: partner, kind: .interaction, label: label, sentence: sentence,
                              eventClass: format == .visit ? .visit : .consult)
            }
        }
    }

    /// "The Speaker of the U.S. House of Representatives has met": an organisation after "of" names where
    /// the subject comes from, not the subject.
    func isPartOfPhrase(_ actor: Actor, context: SentenceContext, sentence: Sentence) -> Bool {
        guard actor.type != .person else { return false }
        var k = actor.tokens.lowerBound - 1
        if k >= sentence.tokens.lowerBound, context.text.token(k, is: "the") { k -= 1 }
        return k >= sentence.tokens.lowerBound && context.text.token(k, is: "of")
    }

    /// "held talks", "hold a meeting", "had bilateral talks": the verb that carries a noun cue, over at most two
    /// lower-case words between them, or nil.
    func supportVerb(before cue: Int, sentence: Sentence, text: AnalyzedText) -> Int? {
        var j = cue - 1
        while j >= sentence.tokens.lowerBound, cue - j <= 3, text.tokens[j].kind == .word, !text.isCapitalized(j) {
            if encounterSupportVerbs.contains(text, j) { return j }
            j -= 1
        }
        return nil
    }

    /// "he" or "she" as the subject right before the cue (over auxiliaries and adverbs): its token, or nil.
    func pronounSubject(before cue: Int, sentence: Sentence, text: AnalyzedText) -> Int? {
        var j = cue - 1
        while j >= sentence.tokens.lowerBound, EnglishWords.auxiliaries.contains(text, j) || text.token(j, is: "also") { j -= 1 }
        guard j >= sentence.tokens.lowerBound, text.token(j, is: "he") || text.token(j, is: "she") else { return nil }
        return j
    }

    /// "he" or "she" as the subject of the clause a time phrase with the cue belongs to ("he was about to quit
    /// following a meeting with …"): the cue is opened by "after", "following", "before" or "during" (over its
    /// own noun phrase), and the pronoun is the last "he"/"she" between `start` and it, with no clause breaker or
    /// comma after the pronoun. Its token, or nil.
    func clausePronoun(before cue: Int, after start: Int, sentence: Sentence, text: AnalyzedText) -> Int? {
        var j = cue - 1
        while j > start, cueNounPhraseWords.contains(text, j) { j -= 1 }
        guard j > start, timeShifters.contains(text, j) || text.token(j, is: "during"),
              let pronoun = (start..<j).last(where: { text.token($0, is: "he") || text.token($0, is: "she") }),
              !((pronoun + 1)..<j).contains(where: { EnglishWords.clauseBreakers.contains(text, $0)
                  || text.isPunctuation($0, 0x2C) || text.isPunctuation($0, 0x3B) }) else { return nil }
        return pronoun
    }

    /// "NATO Secretary General Mark Rutte", "Russia's Foreign Minister X": `actor` names the body of the office
    /// written right before `person`.
    func qualifiesOffice(_ actor: Actor, of person: Actor, text: AnalyzedText, context: SentenceContext) -> Bool {
        guard actor.type != .person, actor.tokens.upperBound <= person.tokens.lowerBound else { return false }
        var k = actor.tokens.upperBound
        if k < person.tokens.lowerBound, text.tokens[k].kind == .possessive { k += 1 }
        let title = context.lexicon.titleLength(at: k, limit: person.tokens.lowerBound)
        return title > 0 && k + title == person.tokens.lowerBound
    }

    /// The last mention of the group's meetings before `cue`, or -1.
    func lastMention(of group: [Int], before cue: Int, _ resolution: DocumentResolution) -> Int {
        group.flatMap { resolution.entities[$0].mentions }.filter { $0 < cue }.max() ?? -1
    }

    /// Every cue of the meeting is written "the/their/that CUE".
    func isDefinite(_ meeting: Int, resolution: DocumentResolution, context: SentenceContext) -> Bool {
        let mentions = resolution.entities[meeting].mentions
        return !mentions.isEmpty && mentions.allSatisfy { m in
            let before = context.mentions[m].tokens.lowerBound - 1
            return before >= 0 && ["the", "their", "that", "these", "those"].contains(context.text.string(token: before).lowercased())
        }
    }

    /// The sides an encounter cue at `cue` names in its sentence, and for a visit the place visited.
    func encounterSides(at cue: Int, sentence s: Int, finder: InteractionFinder, context: SentenceContext,
                        entityOf: [Int]) -> EncounterSides {
        let text = context.text
        let sentence = text.sentences[s]
        let actors = context.actors(in: s, entityOf: entityOf)
        var sides: [Int] = []
        func add(_ actor: Actor) { if !sides.contains(actor.entity) { sides.append(actor.entity) } }

        if text.token(cue, is: "visiting"),
           let visitor = partner(from: cue + 1, actors: actors, context: context, sentence: sentence), visitor.type == .person {
            // "Rice assured visiting German Foreign Minister Frank-Walter Steinmeier": the one visiting is named
            // after the word, and the subject of the verb before it is whom they visit.
            var hosts: [Int] = []
            let verb = cue - 1
            if verb > sentence.tokens.lowerBound, text.tokens[verb].kind == .word, !text.isCapitalized(verb),
               let host = finder.subject(before: verb, actors: actors, sentence: sentence), host.type == .person,
               host.entity != visitor.entity {
                hosts.append(host.entity)
            }
            return EncounterSides(subjects: [visitor.entity], partners: hosts, place: nil, describedPartner: nil)
        }
        // Subject: "A [and B] (have) met", "A [and B] held talks", "A's talks", or the clause's one person
        // before "talks with".
        if let subject = finder.subject(before: supportVerb(before: cue, sentence: sentence, text: text) ?? cue,
                                        actors: actors, sentence: sentence),
           !isPartOfPhrase(subject, context: context, sentence: sentence) {
            for listed in finder.listedBefore(subject, actors: actors, sentence: sentence).reversed() { add(listed) }
            add(subject)
        } else if let owner = possessiveOwner(before: cue, actors: actors, context: context, sentence: sentence) {
            add(owner)
        } else if let pronoun = pronounSubject(before: cue, sentence: sentence, text: text) {
            // "Than Shwe …, where he met …": "he" is the sentence's one person before it.
            let people = Set(actors.filter { $0.tokens.upperBound <= pronoun && $0.type == .person }.map(\.entity))
            if people.count == 1, let subject = actors.first(where: { $0.entity == people.first! }) { add(subject) }
        } else {
            let before = actors.filter { $0.tokens.upperBound <= cue && $0.type == .person }
            // The person opens the sentence: only a body whose office they hold may stand before them ("NATO
            // Secretary General Mark Rutte").
            if before.count == 1, let subject = before.first,
               actors.first(where: { $0.tokens.upperBound <= cue && !qualifiesOffice($0, of: subject, text: text, context: context) })
                .map({ $0.entity == subject.entity }) ?? false {
                let between = subject.tokens.upperBound..<cue
                // "after talks with", "during a meeting", "after three days of talks": a breaker that only
                // opens the cue's own noun phrase opens no new clause.
                let breakers = between.filter {
                    EnglishWords.clauseBreakers.contains(text, $0)
                        && !(($0 + 1)..<cue).allSatisfy { cueNounPhraseWords.contains(text, $0)
                            || EnglishWords.cardinals[text.string(token: $0).lowercased()] != nil }
                }
                if breakers.isEmpty, !between.contains(where: { text.isPunctuation($0, 0x2C) || text.isPunctuation($0, 0x3B) }) {
                    add(subject)
                } else if clausePronoun(before: cue, after: subject.tokens.upperBound, sentence: sentence, text: text) != nil {
                    // "Musharraf …, that speculated he was about to quit following a meeting with the general": the
                    // cue's phrase belongs to the clause of "he", the sentence's one person.
                    add(subject)
                }
            }
        }
        // Partners: "met [Saturday] with A and B", "met A".
        var k = cue + 1
        while k < sentence.tokens.upperBound, encounterFillers.contains(text, k) { k += 1 }
        var place: Int?
        // "meeting at the Pentagon with", "met in Islamabad with": the place, then the partner.
        if k < sentence.tokens.upperBound, text.token(k, is: "at") || text.token(k, is: "in") {
            var p = k + 1
            if p < sentence.tokens.upperBound, text.token(p, is: "the") { p += 1 }
            if let m = context.mentionStarting(at: p), !context.mentions[m].isModifier {
                var after = context.mentions[m].tokens.upperBound
                while after < sentence.tokens.upperBound, encounterFillers.contains(text, after) { after += 1 }
                if after > context.mentions[m].tokens.upperBound, text.token(after - 1, is: "with") {
                    if [.location, .country].contains(context.mentions[m].type) { place = entityOf[m] }
                    k = after
                }
            }
        }
        // "was in Syria for landmark talks with …": the place the subject is in for the meeting.
        var stay = false
        var f = cue - 1
        while f > sentence.tokens.lowerBound, cue - f <= 3, text.tokens[f].kind == .word, !text.isCapitalized(f),
              !text.token(f, is: "for") { f -= 1 }
        // "arrived in Kyiv on Monday for talks": over a time between the place and "for".
        if place == nil, f > sentence.tokens.lowerBound, text.token(f, is: "for"),
           let m = context.mentionEnding(at: EnglishWords.timeBefore(f, in: text, from: sentence.tokens.lowerBound)),
           [.location, .country].contains(context.mentions[m].type), !context.mentions[m].isModifier {
            var before = context.mentions[m].tokens.lowerBound - 1
            if before >= sentence.tokens.lowerBound, text.token(before, is: "the") { before -= 1 }
            if before >= sentence.tokens.lowerBound, text.token(before, is: "in") { place = entityOf[m]; stay = true }
        }
        let format = context.mentions.first { $0.tokens.lowerBound == cue && $0.type == .meeting }?.meeting?.format
        var described: Range<Int>?
        if format == .visit {
            // "a visit to India", "visited Kabul", "is visiting China".
            var p = k
            if p < sentence.tokens.upperBound, text.token(p, is: "to") { p += 1 }
            if let m = context.mentionStarting(at: p), [.location, .country].contains(context.mentions[m].type),
               !context.mentions[m].isModifier {
                place = entityOf[m]
            }
        } else if k > cue + 1 || text.token(cue, is: "met") {
            // Without a subject the clause does not say who met ("officials holding talks with A and B"), unless
            // the phrase is fronted and its subject follows: "Besides holding talks with A and B, Mr. X …".
            let fronted = sides.isEmpty && cue - sentence.tokens.lowerBound <= 2
                && frontingWords.contains(text, sentence.tokens.lowerBound)
            guard !sides.isEmpty || fronted else { return EncounterSides(subjects: sides, partners: [], place: place, describedPartner: nil) }
            var partners: [Actor] = []
            var next = partner(from: k, actors: actors, context: context, sentence: sentence)
            described = next == nil ? describedPartner(from: k, actors: actors, context: context, sentence: sentence) : nil
            while let object = next {
                partners.append(object)
                guard object.tokens.upperBound < sentence.tokens.upperBound, text.token(object.tokens.upperBound, is: "and") else { break }
                next = partner(from: context.startAfterCoordination(object.tokens.upperBound + 1, end: sentence.tokens.upperBound),
                               actors: actors, context: context, sentence: sentence)
            }
            if fronted {
                guard let last = partners.last, last.tokens.upperBound < sentence.tokens.upperBound,
                      text.isPunctuationComma(last.tokens.upperBound),
                      let subject = actors.first(where: { $0.tokens.lowerBound > last.tokens.upperBound }),
                      subject.type == .person,
                      (last.tokens.upperBound + 1..<subject.tokens.lowerBound).allSatisfy({
                          context.lexicon.titleLength(at: $0, limit: subject.tokens.lowerBound) > 0
                              || encounterHonorifics.contains(text, $0)
                              || text.tokens[$0].kind == .punctuation && !text.isPunctuationComma($0) }) else {
                    return EncounterSides(subjects: [], partners: [], place: place, describedPartner: nil)
                }
                add(subject)
                described = nil
            }
            let subjects = sides
            var others: [Int] = []
            for object in partners where !subjects.contains(object.entity) && !others.contains(object.entity) {
                others.append(object.entity)
            }
            return EncounterSides(subjects: subjects, partners: others, place: place, describedPartner: described, isStay: stay)
        }
        return EncounterSides(subjects: sides, partners: [], place: place, describedPartner: described, isStay: stay)
    }

    /// "met with a top United Nations official", "met Burma's foreign minister", "talks with high-ranking North
    /// Korean officials": the partner is someone of a named organisation or country whom the text does not name.
    /// The meeting took place; only its subject is known. The tokens of the description (without its article),
    /// or nil.
    func describedPartner(from start: Int, actors: [Actor], context: SentenceContext, sentence: Sentence) -> Range<Int>? {
        let text = context.text
        let end = sentence.tokens.upperBound
        var k = start
        var first: Int?
        while k < end, k - start <= 3 {
            if let actor = actors.first(where: { $0.tokens.lowerBound == k }) {
                guard actor.type != .person else { return nil }
                var after = actor.tokens.upperBound
                if after < end, text.tokens[after].kind == .possessive { after += 1 }
                while after < end, after - actor.tokens.upperBound <= 2, text.tokens[after].kind == .word,
                      !text.isCapitalized(after), encounterTitleAdjectives.contains(text, after) { after += 1 }
                guard after < end else { return nil }
                let title = context.lexicon.titleLength(at: after, limit: end)
                let length = title > 0 ? title : encounterEnvoys.contains(text, after) ? 1 : 0
                return length > 0 ? (first ?? k)..<(after + length) : nil
            }
            let isArticle = text.token(k, is: "a") || text.token(k, is: "the") || text.token(k, is: "an")
            guard isArticle || encounterTitleAdjectives.contains(text, k) else { return nil }
            if !isArticle, first == nil { first = k }
            k += 1
        }
        return nil
    }

    /// The partner named after "met [with]": a person over at most five words of description ("the ailing former
    /// Cuban leader Fidel Castro"); an organisation or country only when it ends the phrase, so "Burma's foreign
    /// minister" or "a United Nations official" (someone of it, not it) is no partner.
    func partner(from start: Int, actors: [Actor], context: SentenceContext, sentence: Sentence) -> Actor? {
        let text = context.text
        var k = start
        while k < sentence.tokens.upperBound, k - start <= 5 {
            if let actor = actors.first(where: { $0.tokens.lowerBound == k }) {
                if actor.type == .person { return actor }
                let after = actor.tokens.upperBound
                // "U.S. Defense Secretary Donald Rumsfeld": a country or organisation qualifying a title.
                if after < sentence.tokens.upperBound, context.lexicon.titleLength(at: after, limit: sentence.tokens.upperBound) > 0 {
                    k = after
                    continue
                }
                if after >= sentence.tokens.upperBound || text.tokens[after].kind == .punctuation
                    || ["and", "in", "on", "at", "to", "for", "about", "over"].contains(text.string(token: after).lowercased()) {
                    return actor
                }
                return nil
            }
            if let m = context.countryModifier(startingAt: k) { k = context.mentions[m].tokens.upperBound; continue }
            // Over words that describe the partner, never over a preposition: "met at the White House" places
            // the meeting, it names no partner.
            guard text.tokens[k].kind == .word, !EnglishWords.clauseBreakers.contains(text, k),
                  !encounterStops.contains(text, k) else { return nil }
            k += 1
        }
        return nil
    }

    /// "Nancy Pelosi's talks", "Than Shwe's five-day visit": the owner, over at most two lower-case words.
    func possessiveOwner(before cue: Int, actors: [Actor], context: SentenceContext, sentence: Sentence) -> Actor? {
        var k = cue - 1
        let text = context.text
        while k > sentence.tokens.lowerBound, k >= cue - 2, text.tokens[k].kind == .word, !text.isCapitalized(k) { k -= 1 }
        guard k > sentence.tokens.lowerBound, text.tokens[k].kind == .possessive else { return nil }
        return actors.last { $0.tokens.upperBound == k && $0.type == .person }
    }
}

/// Two entities and a sentence, whichever entity comes first.
struct UnorderedPair: Hashable {
    var low: Int
    var high: Int
    var sentence: Int
    init(_ a: Int, _ b: Int, _ sentence: Int) {
        (low, high, self.sentence) = (min(a, b), max(a, b), sentence)
    }
}

extension InteractionFinder {
    /// The actors listed before `subject` as one subject with it: "A, [the Chinese President] B and C attend".
    /// Each is joined by a comma or "and" over titles and nationalities only; anything else ends the list.
    func listedBefore(_ subject: Actor, actors: [Actor], sentence: Sentence) -> [Actor] {
        var found: [Actor] = []
        var current = subject
        while true {
            var j = current.tokens.lowerBound - 1
            var afterTitle = false
            while j >= sentence.tokens.lowerBound {
                if text.token(j, is: "the") || formerWords.contains(text, j) || encounterHonorifics.contains(text, j) { j -= 1; continue }
                if let start = titleStart(endingAt: j + 1, sentence: sentence) { j = start - 1; afterTitle = true; continue }
                // "former U.S. president B": a country qualifying the office, written as a modifier or not.
                if let m = context.mentionEnding(at: j + 1),
                   context.mentions[m].isModifier || (afterTitle && context.mentions[m].type == .country) {
                    j = context.mentions[m].tokens.lowerBound - 1
                    afterTitle = false
                    continue
                }
                // "former Soviet leader B": one capitalised word qualifying the office, known to the gazetteer or not.
                if afterTitle, text.tokens[j].kind == .word, text.isCapitalized(j), context.mentionEnding(at: j + 1) == nil {
                    afterTitle = false
                    j -= 1
                    continue
                }
                break
            }
            guard j >= sentence.tokens.lowerBound, text.token(j, is: "and") || text.isPunctuationComma(j) else { break }
            if text.token(j, is: "and"), j - 1 >= sentence.tokens.lowerBound, text.isPunctuationComma(j - 1) { j -= 1 }
            guard let previous = actors.last(where: { $0.tokens.upperBound == j }), previous.type == current.type else { break }
            found.append(previous)
            current = previous
        }
        return found
    }
}
