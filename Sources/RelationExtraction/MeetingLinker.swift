import DocumentReading
import GraphModel
import Recognition
import Resolution
import TextAnalysis

/// Verbs by which a subject takes part in a meeting it is placed at ("spoke at", "participated in").
let participationVerbs = WordSet([
    "speaking", "spoke", "speaks", "said", "says", "participated", "participates", "participate", "participating",
    "attended", "attends", "attend", "attending", "addressed", "addresses", "addressing", "headed", "joined",
    "told", "stated", "noted", "met", "took", "partook", "represented", "chaired", "hosted", "hosts", "hosting",
    "welcomed", "welcomes", "welcoming", "opened", "opens", "honored", "honoured",
])
/// Verbs that say a subject took part whoever it is: a country or an organisation "participated in" or
/// "attended" talks as much as a person. ("The ministry said at the summit" says nothing of who attended.)
let attendanceVerbs = WordSet([
    "participated", "participates", "participate", "participating", "attended", "attends", "attend", "attending",
    "joined", "hosted", "hosts", "hosting",
])

/// Words that move a clause to another moment: what stands across them happened before or after.
let timeShifters = WordSet(["after", "before", "following", "since", "ahead", "until"])

/// "in three rounds of talks", "at a session of": words that count a meeting's sittings.
let roundWords = WordSet(["round", "rounds", "of", "several", "many"])

/// Nouns that describe a place the name after them specifies ("the resort of Sharm al-Sheikh").
let placeNouns = WordSet(["resort", "city", "town", "capital", "village", "port", "province", "region", "island"])

/// Verbs by which an invited party takes part ("invite X to partake in …").
let joiningVerbs = WordSet(["partake", "participate", "attend", "join", "take"])
let invitationVerbs = WordSet(["invite", "invited", "invites", "inviting"])

/// Links meetings to their participants, places and dates, and makes one meeting of all the phrases in a
/// document that name the same event.
struct MeetingLinker {
    let context: SentenceContext
    let resolution: DocumentResolution
    let documentDate: CalendarDate?
    var facts: [Int: MeetingFacts] = [:]

    init(context: SentenceContext, resolution: DocumentResolution, documentDate: CalendarDate?) {
        self.context = context
        self.resolution = resolution
        self.documentDate = documentDate
    }

    var text: AnalyzedText { context.text }

    mutating func link(in s: Int) -> [LocalRelation] {
        let sentence = text.sentences[s]
        let meetings = context.mentions(in: s).filter { context.mentions[$0].type == .meeting }
        guard !meetings.isEmpty else { return [] }
        var found: [LocalRelation] = []
        let actors = context.actors(in: s, entityOf: resolution.entityOfMention)
        for m in meetings {
            let mention = context.mentions[m]
            let meeting = resolution.entityOfMention[m]
            var fact = facts[meeting] ?? MeetingFacts(label: mention.text, series: mention.meeting?.series,
                                                       format: mention.meeting?.format ?? .meeting,
                                                       ordinal: mention.meeting?.ordinal,
                                                       isReference: mention.meeting?.isReference ?? false,
                                                       isCall: mention.meeting?.isCall ?? false,
                                                       isEncounter: mention.meeting?.isEncounter ?? false)
            if fact.date == nil {
                // A call's date may come first ("on Thursday, A and B telephonically discussed"); other meetings
                // take the date written after them.
                let from = fact.isCall ? sentence.tokens.lowerBound : mention.tokens.upperBound
                fact.date = DateExpressions.firstDate(in: text, sentence: sentence, from: from,
                                                      documentDate: documentDate)
            }
            // Places: "in Bishkek", "to Moscow" in a sentence about this meeting.
            for l in context.mentions(in: s) where context.mentions[l].type == .location {
                let place = context.mentions[l]
                let before = place.tokens.lowerBound - 1
                guard before >= sentence.tokens.lowerBound,
                      text.token(before, is: "in") || text.token(before, is: "to") || text.token(before, is: "at")
                        || isPlaceDescription(endingAt: before, sentence: sentence, index: s),
                      !mention.tokens.contains(place.tokens.lowerBound),
                      nearestMeeting(to: place.tokens.lowerBound, among: meetings) == m,
                      !isOtherTime(between: place.tokens, and: mention.tokens) else { continue }
                found.append(LocalRelation(source: meeting, target: resolution.entityOfMention[l], kind: .heldIn, sentence: s))
                fact.places.insert(normalizedName(place.canonical ?? place.text))
            }
            // Organisations and countries named in a described meeting take part in it; a country named in a
            // visit or trip ("his U.S. trip") is where it went.
            for k in context.mentions(in: s) where k != m {
                let inner = context.mentions[k]
                if [.organisation, .country].contains(inner.type), !inner.isModifier,
                   mention.tokens.contains(inner.tokens.lowerBound) {
                    let other = resolution.entityOfMention[k]
                    if fact.format == .visit && inner.type == .country {
                        found.append(LocalRelation(source: meeting, target: other, kind: .heldIn, sentence: s))
                        fact.places.insert(normalizedName(inner.canonical ?? inner.text))
                    } else {
                        found.append(LocalRelation(source: other, target: meeting, kind: .participant, sentence: s))
                    }
                }
            }
            for actor in participants(of: mention, actors: actors, sentence: sentence) {
                found.append(LocalRelation(source: actor.entity, target: meeting, kind: .participant, sentence: s))
            }
            facts[meeting] = fact
        }
        return found
    }

    /// "in the Egyptian resort of Sharm al-Sheikh", "in the Kenyan capital, Nairobi": a place noun after "in"
    /// or "at" that the name then specifies. `last` is the token right before the name ("of" or the comma).
    func isPlaceDescription(endingAt last: Int, sentence: Sentence, index s: Int) -> Bool {
        guard text.token(last, is: "of") || text.isPunctuationComma(last), last - 1 > sentence.tokens.lowerBound,
              placeNouns.contains(text, last - 1) else { return false }
        var k = last - 2
        while k >= sentence.tokens.lowerBound, last - k <= 5 {
            if text.token(k, is: "in") || text.token(k, is: "at") { return true }
            // Over "the" and a nationality or an adjective only.
            guard text.token(k, is: "the") || context.countryModifier(startingAt: k) != nil
                || context.mentions(in: s).contains(where: {
                    context.mentions[$0].kind == .demonym && context.mentions[$0].tokens.contains(k) })
                || (text.tokens[k].kind == .word && !text.isCapitalized(k)) else { return false }
            k -= 1
        }
        return false
    }

    /// "spoke in Beijing after three days of talks", "talks … before flying to Tokyo": a place on the other side
    /// of "after" or "before" belongs to another moment than the meeting. Not so for a meeting named before
    /// ("Speaking to reporters in Jakarta after the meeting"): what follows it right away happens where it was.
    func isOtherTime(between place: Range<Int>, and meeting: Range<Int>) -> Bool {
        if text.token(meeting.lowerBound, is: "the") || (meeting.lowerBound > 0 && text.token(meeting.lowerBound - 1, is: "the")) {
            return false
        }
        let between = place.upperBound <= meeting.lowerBound ? place.upperBound..<meeting.lowerBound
                                                             : meeting.upperBound..<place.lowerBound
        return between.contains { timeShifters.contains(text, $0) }
    }

    func nearestMeeting(to token: Int, among meetings: [Int]) -> Int? {
        meetings.min { a, b in
            abs(context.mentions[a].tokens.lowerBound - token) < abs(context.mentions[b].tokens.lowerBound - token)
        }
    }

    /// The preposition that places an act at the meeting: "at", "in", "during" right before it.
    func isPlacedAt(_ mention: Mention, sentence: Sentence) -> Bool {
        var i = mention.tokens.lowerBound - 1
        // "in three rounds of talks": a count of sessions stands between the preposition and the meeting.
        while i >= sentence.tokens.lowerBound, text.token(i, is: "the") || text.token(i, is: "a")
                || roundWords.contains(text, i) || EnglishWords.cardinals[text.string(token: i).lowercased()] != nil {
            i -= 1
        }
        guard i >= sentence.tokens.lowerBound else { return false }
        return text.token(i, is: "at") || text.token(i, is: "in") || text.token(i, is: "during")
    }

    /// ", Kenyan President" between a fronted phrase and the name it belongs to: commas, articles, a
    /// nationality and an office, nothing else.
    func isTitleApposition(_ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            if text.isPunctuationComma(k) || text.token(k, is: "the") { k += 1; continue }
            if let m = context.countryModifier(startingAt: k) { k = context.mentions[m].tokens.upperBound; continue }
            let title = context.lexicon.titleLength(at: k, limit: range.upperBound)
            if title > 0 { k += title; continue }
            return false
        }
        return true
    }

    /// The words between a subject and its verb: no new clause, except "NAME, who …" which is about NAME.
    func isSubjectLink(_ between: Range<Int>) -> Bool {
        let breakers = between.filter { EnglishWords.clauseBreakers.contains(text, $0) }
        guard let only = breakers.first else { return true }
        return breakers.count == 1 && text.token(only, is: "who") && only == between.lowerBound + 1
            && text.isPunctuationComma(between.lowerBound)
    }

    func participants(of mention: Mention, actors: [Actor], sentence: Sentence) -> [Actor] {
        var found: [Actor] = []
        let start = mention.tokens.lowerBound
        if isPlacedAt(mention, sentence: sentence) {
            // "Speaking at M, PERSON …": the fronted phrase belongs to the first person after it.
            if participationVerbs.contains(text, sentence.tokens.lowerBound), sentence.tokens.lowerBound < start,
               let person = actors.first(where: { $0.type == .person && $0.tokens.lowerBound >= mention.tokens.upperBound }),
               isTitleApposition(mention.tokens.upperBound..<person.tokens.lowerBound) {
                found.append(person)
            }
        }
        // "PERSON … spoke at M", "PERSON, who hosted the summit": the subject nearest before the verb; the meeting
        // is either placed ("at", "in") or the verb's object ("hosted", "attended").
        if let verb = (sentence.tokens.lowerBound..<start).last(where: { participationVerbs.contains(text, $0) }),
           isPlacedAt(mention, sentence: sentence) || (verb + 1..<start).allSatisfy({ text.token($0, is: "the") || text.token($0, is: "a") }),
           !(verb..<start).contains(where: { EnglishWords.clauseBreakers.contains(text, $0) }),
           let subject = actors.last(where: { $0.tokens.upperBound <= verb }),
           subject.type == .person || attendanceVerbs.contains(text, verb),
           isSubjectLink(subject.tokens.upperBound..<verb) {
            found.append(subject)
            // "A, B and C will be among the leaders attending the summit": everyone listed with the subject.
            let finder = InteractionFinder(context: context, entityOf: resolution.entityOfMention)
            found.append(contentsOf: finder.listedBefore(subject, actors: actors, sentence: sentence))
        }
        // "invite representatives of the Taliban to partake in … M".
        if let invite = (sentence.tokens.lowerBound..<start).first(where: { invitationVerbs.contains(text, $0) }),
           let guest = actors.first(where: { $0.tokens.lowerBound > invite }), guest.tokens.upperBound < start,
           (guest.tokens.upperBound..<start).contains(where: { joiningVerbs.contains(text, $0) }) {
            found.append(guest)
        }
        return found
    }

    /// Makes one meeting of the phrases that name the same event, and returns the facts per remaining meeting.
    ///
    /// Named phrases join when one's name words are a subset of the other's ("Moscow Format Conference" and
    /// "Moscow Consultative Format meeting") and their ordinals and dates agree; a described meeting joins a
    /// named one whose name carries the place it was held in ("a round of talks … in Moscow" and "Moscow format
    /// meeting"). Sessions with different ordinals or dates stay apart.
    mutating func consolidate(_ resolution: inout DocumentResolution, relations: inout [LocalRelation]) -> [Int: MeetingFacts] {
        let meetings = facts.keys.sorted()
        var parent = Dictionary(uniqueKeysWithValues: meetings.map { ($0, $0) })
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x]! != x { x = parent[x]! }
            return x
        }
        let references = meetings.filter { facts[$0]!.isReference }
        let named = meetings.filter { !facts[$0]!.isReference }
        func union(_ a: Int, into b: Int) {
            let ra = root(a), rb = root(b)
            if ra != rb { parent[ra] = rb }
        }

        // 1. Series: the words of each name, computed once; names whose words are a subset of another's are one
        //    series ("Moscow Format Conference" and "Moscow Consultative Format meeting"). Compared per distinct
        //    word set, so a document repeating one series a thousand times costs nothing extra.
        var wordsOf: [Int: Set<String>] = [:]
        var described: [Int] = []
        for m in named {
            let words = Self.seriesWords(facts[m]!.series)
            if facts[m]!.series != nil, !words.isEmpty { wordsOf[m] = words } else { described.append(m) }
        }
        let distinct = Set(wordsOf.values).sorted { $0.sorted().joined(separator: " ") < $1.sorted().joined(separator: " ") }
        var setParent = Array(distinct.indices)
        func setRoot(_ x: Int) -> Int { var x = x; while setParent[x] != x { x = setParent[x] }; return x }
        for i in distinct.indices {
            for j in distinct.indices where j > i && (distinct[i].isSubset(of: distinct[j]) || distinct[j].isSubset(of: distinct[i])) {
                let ri = setRoot(i), rj = setRoot(j)
                if ri != rj { setParent[rj] = ri }
            }
        }
        let setIndex = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        var seriesMembers: [Int: [Int]] = [:]
        for m in wordsOf.keys.sorted() { seriesMembers[setRoot(setIndex[wordsOf[m]!]!), default: []].append(m) }
        var seriesWords: [Int: Set<String>] = [:]
        for (i, words) in distinct.enumerated() { seriesWords[setRoot(i), default: []].formUnion(words) }

        // 2. Sessions: within a series, mentions with the same ordinal and date are one session; mentions with
        //    neither join the only session the document dates or numbers, else share one node (never chaining
        //    two different sessions together).
        var sessionsOf: [Int: [String: Int]] = [:]
        for (series, members) in seriesMembers.sorted(by: { $0.key < $1.key }) {
            var sessions: [String: Int] = [:]
            var plain: [Int] = []
            for m in members {
                let fact = facts[m]!
                guard fact.ordinal != nil || fact.date != nil else { plain.append(m); continue }
                let key = "\(fact.ordinal.map(String.init) ?? "")|\(fact.date?.iso ?? "")"
                if let first = sessions[key] { union(m, into: first) } else { sessions[key] = m }
            }
            if let first = plain.first {
                let target = sessions.count == 1 ? sessions.values.first! : first
                for m in plain { union(m, into: target) }
                if sessions.count != 1 { sessions["|"] = first }
            }
            sessionsOf[series] = sessions
        }

        // 3. Described meetings: one held in a place a series is named after joins that series' session of the
        //    same date (or its only session); otherwise described meetings with the same words and a shared
        //    place are one.
        var describedByLabel: [String: [Int]] = [:]
        for m in described {
            let fact = facts[m]!
            let series = seriesWords.filter { !fact.places.isEmpty && fact.places.isSubset(of: $0.value) }.map(\.key)
            if series.count == 1, let sessions = sessionsOf[series[0]] {
                let dated = fact.date.flatMap { date in sessions.first { $0.key.hasSuffix("|" + date.iso) }?.value }
                if let target = dated ?? (sessions.count == 1 ? sessions.values.first : sessions["|"]) {
                    union(m, into: target)
                    continue
                }
            }
            let label = normalizedName(fact.label)
            if let other = describedByLabel[label]?.first(where: { !facts[$0]!.places.isDisjoint(with: fact.places)
                && (facts[$0]!.date == nil || fact.date == nil || facts[$0]!.date == fact.date) }) {
                union(m, into: other)
            } else {
                describedByLabel[label, default: []].append(m)
            }
        }
        // "will begin meetings in Santiago … today's meetings of the APEC group": a bare head word is the one
        // other described meeting of the document written with that head, when their places and dates agree.
        for (label, bare) in describedByLabel.sorted(by: { $0.key < $1.key }) where !label.contains(" ") {
            let fuller = describedByLabel.filter { $0.key.hasPrefix(label + " ") }.flatMap(\.value).map(root)
            guard Set(fuller).count == 1, let target = fuller.first else { continue }
            for m in bare where Self.agree(facts[m]!, facts[target]!) { union(m, into: target) }
        }

        // "the summit" joins the one meeting of that format the document names.
        var dropped: Set<Int> = []
        // Named meetings first: an encounter cue ("met") is only a proposal, and stands in only when the
        // document names no meeting of that format.
        var rootsByFormat: [MeetingFormat: Set<Int>] = [:]
        for m in named where !facts[m]!.isEncounter { rootsByFormat[facts[m]!.format, default: []].insert(root(m)) }
        var encounterRoots: [MeetingFormat: Set<Int>] = [:]
        for m in named where facts[m]!.isEncounter { encounterRoots[facts[m]!.format, default: []].insert(root(m)) }
        for (format, roots) in encounterRoots where rootsByFormat[format] == nil { rootsByFormat[format] = roots }
        for reference in references {
            // Only a meeting of the same kind: "the talks" is not the forum named earlier.
            if let roots = rootsByFormat[facts[reference]!.format], roots.count == 1, let target = roots.first {
                parent[reference] = target
            } else {
                dropped.insert(reference)
            }
        }
        for reference in dropped { resolution.drop(reference) }
        relations.removeAll { dropped.contains($0.source) || dropped.contains($0.target) }
        // Merge members into their root.
        var groups: [Int: [Int]] = [:]
        for meeting in meetings where !dropped.contains(meeting) { groups[root(meeting), default: []].append(meeting) }
        var result: [Int: MeetingFacts] = [:]
        var remap: [Int: Int] = [:]
        for (representative, members) in groups {
            let memberFacts = members.map { facts[$0]! }
            for member in members where member != representative {
                remap[member] = representative
                resolution.merge(member, into: representative, reason: "same meeting (name, place or date)")
            }
            result[representative] = Self.combine(memberFacts)
            resolution.entities[representative].name = result[representative]!.label
        }
        for r in relations.indices {
            if let to = remap[relations[r].source] { relations[r].source = to }
            if let to = remap[relations[r].target] { relations[r].target = to }
        }
        return result
    }

    /// Two described meetings that may be one: no two different places, no two different dates.
    static func agree(_ a: MeetingFacts, _ b: MeetingFacts) -> Bool {
        (a.places.isEmpty || b.places.isEmpty || !a.places.isDisjoint(with: b.places))
            && (a.date == nil || b.date == nil || a.date == b.date)
    }

    /// The words that name a series (`Resolution.seriesWords`), as a set for comparing series.
    static func seriesWords(_ series: String?) -> Set<String> {
        Set(Resolution.seriesWords(series ?? ""))
    }

    static let formatPriority: [MeetingFormat] = [.summit, .conference, .talks, .forum, .call, .visit, .meeting, .format]

    static func combine(_ all: [MeetingFacts]) -> MeetingFacts {
        let named = all.filter { !$0.isReference }
        let parts = named.isEmpty ? all : named
        var fact = parts[0]
        fact.places = all.reduce(into: Set<String>()) { $0.formUnion($1.places) }
        fact.date = all.lazy.compactMap(\.date).first
        fact.ordinal = parts.lazy.compactMap(\.ordinal).first
        fact.format = parts.map(\.format).min {
            (formatPriority.firstIndex(of: $0) ?? formatPriority.count) < (formatPriority.firstIndex(of: $1) ?? formatPriority.count)
        } ?? .meeting
        // The series as most often written, preferring capitalised spellings, then the longer one.
        let serieses = parts.compactMap(\.series)
        let counts = Dictionary(serieses.map { (normalizedName($0), 1) }, uniquingKeysWith: +)
        fact.series = serieses.max { a, b in
            let ka = (counts[normalizedName(a)]!, a.filter(\.isUppercase).count, a.count)
            let kb = (counts[normalizedName(b)]!, b.filter(\.isUppercase).count, b.count)
            return ka < kb
        }
        if let series = fact.series {
            if let ordinal = fact.ordinal {
                fact.label = "\(series) (\(ordinalWord(ordinal)) meeting)"
            } else if let date = fact.date {
                fact.label = "\(series) (\(date.iso))"
            } else {
                fact.label = series
            }
        } else {
            fact.label = parts.map(\.label).max { $0.count < $1.count } ?? fact.label
        }
        return fact
    }

    static func ordinalWord(_ n: Int) -> String {
        EnglishWords.ordinals.first { $0.value == n && !$0.key.first!.isNumber }?.key ?? "\(n)th"
    }
}
