import GraphModel
import TextAnalysis

/// The first recognizer: finds names by capitalisation and classifies them with the lexicon.
///
/// A sentence is cut into runs of capitalised words ("chunks"); each chunk is then read left to right:
/// a nationality before a title is a modifier ("Russian Foreign Minister …"), a title is skipped, a head word
/// such as Ministry or Department closes an organisation, a meeting word closes a meeting, gazetteer places
/// become countries and locations, acronyms organisations, and what is left of two or more words a person.
/// The statistical tagger replaces the guessing part; the reading of titles, modifiers and meetings stays.
public struct RuleRecognizer<L: Lexicon>: Sendable {
    public let lexicon: L
    /// The statistical tagger, when loaded: it decides what the rules can only guess (the type of a name no
    /// table knows, and whether a lone capitalised word is a name at all).
    public let tagger: EntityTagger?
    /// Whether the rules propose mentions. Off only to measure the tagger alone through the whole pipeline
    /// (`extract --tagger-only`): its spans still get gazetteer identities, but no meeting, nationality or
    /// description is added.
    public let proposesRules: Bool

    public init(lexicon: L, tagger: EntityTagger? = nil, proposesRules: Bool = true) {
        self.lexicon = lexicon
        self.tagger = tagger
        self.proposesRules = proposesRules || tagger == nil
    }

    /// Encounter cues proposed in one document at most (see `recognize`).
    public static var maximumEncounterCues: Int { 100 }

    public func recognize(_ text: AnalyzedText) -> [Mention] {
        let headings = text.headingSentences()
        // Every stage below asks the lexicon through one memo: they ask the same tokens again and again.
        let words = LexiconMemo(lexicon: lexicon, text: text)
        let evidence = DocumentEvidence(text: text, headings: headings, lexicon: words)
        let places = PlaceMemo()
        func reader(_ s: Int) -> SentenceReader {
            SentenceReader(text: text, sentenceIndex: s, sentence: text.sentences[s], lexicon: words,
                           evidence: evidence, isHeading: headings.contains(s), places: places)
        }
        // The rules' proposals, read without the tagger: what they say from the words and tables alone.
        var mentions: [Mention] = []
        for s in text.sentences.indices where proposesRules {
            var sentenceReader = reader(s)
            sentenceReader.read()
            mentions.append(contentsOf: sentenceReader.mentions)
        }
        if let tagger {
            // Gazetteer bits only for a model trained with them (see Model/README.md).
            let features = tagger.usesExternalFeatures ? lexicon.tokenFeatures(for: text) : nil
            var sentenceOf = [Int](repeating: 0, count: text.tokens.count)
            for (s, sentence) in text.sentences.enumerated() { for t in sentence.tokens { sentenceOf[t] = s } }
            let arbiter = MentionArbiter(
                text: text,
                place: { tokens, s in
                    reader(s).placeAt(tokens.lowerBound, limit: tokens.upperBound)
                        .flatMap { $0.length == tokens.count ? $0.place : nil }
                },
                isOrganisationHead: { words.isOrganisationHead(at: $0) },
                isGovernmentHead: { words.isGovernmentHead(at: $0) },
                titleLength: { words.titleLength(at: $0, limit: min($1, text.tokens.count)) },
                headings: headings,
                countriesOpeningOfficialName: { words.countriesOpeningOfficialName(tokens: $0) },
                namedCountries: evidence.countries)
            mentions = arbiter.decide(rules: mentions, model: tagger.tag(text, externalFeatures: features),
                                      sentenceOf: { sentenceOf[$0] })
        }
        // A bound on hostile input: a news article names a handful of encounters ("met", "talks"); past
        // `maximumEncounterCues` in one document (a list, a log, generated text) the rest are not proposed, so
        // linking them stays linear in the document (Scripts/bench-hostile, "encounters").
        var cues = 0
        mentions.removeAll { mention in
            guard mention.meeting?.isEncounter == true else { return false }
            cues += 1
            return cues > Self.maximumEncounterCues
        }
        // "the talks" with no meeting of that kind named in the document refers to nothing we can show.
        let namedFormats = Set(mentions.compactMap { m in m.meeting.flatMap { $0.isReference || $0.isCall ? nil : $0.format } })
        mentions.removeAll { $0.meeting?.isReference == true && !namedFormats.contains($0.meeting!.format) }
        return mentions.sorted { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }
    }
}

/// `SentenceReader.placeAt` answers of one document for names that several cities share, by start and length.
/// The rules ask the same question several times (a chunk, then each of its segments, then the tagger's spans),
/// and telling such cities apart costs lists of candidates and the document's countries; the answer depends only
/// on the document, so one memo serves all its readers. Used by one thread: a document is recognised on one. A
/// pure cache, bounded: a document of nothing but names (a 10 MB list) would otherwise keep an answer for every
/// token, and the hostile list peaked 250 MB higher.
final class PlaceMemo {
    private(set) var answers: [Int: (length: Int, place: PlaceReference)] = [:]
    static let capacity = 1 << 14

    func remember(_ answer: (length: Int, place: PlaceReference), for key: Int) {
        if answers.count >= Self.capacity { answers.removeAll(keepingCapacity: true) }
        answers[key] = answer
    }
}

/// Reads one sentence; keeps the per-sentence state out of the recognizer.
struct SentenceReader {
    let text: AnalyzedText
    let sentenceIndex: Int
    let sentence: Sentence
    /// The document's lexicon answers, shared by its readers.
    let lexicon: LexiconMemo
    let evidence: DocumentEvidence
    let isHeading: Bool
    let places: PlaceMemo
    var mentions: [Mention] = []

    init(text: AnalyzedText, sentenceIndex: Int, sentence: Sentence, lexicon: LexiconMemo, evidence: DocumentEvidence,
         isHeading: Bool, places: PlaceMemo = PlaceMemo()) {
        self.places = places
        self.text = text
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.lexicon = lexicon
        self.evidence = evidence
        self.isHeading = isHeading
    }

    var end: Int { sentence.tokens.upperBound }

    /// The place a name stands for here. Cities that share a name are told apart by the countries the document
    /// mentions, then by a clear lead (a capital; a city of a million or more, ten times the next); otherwise
    /// the name stays a place without a gazetteer identity rather than a guess ("Bali" is no Indian town).
    ///
    /// Only a name shared by several cities needs the reading below, and only its answer is remembered: the
    /// lexicon memo answers every other name (most tokens start none) from its slot, for less than the memo of
    /// answers costs to look up.
    func placeAt(_ i: Int, limit: Int) -> (length: Int, place: PlaceReference)? {
        guard let (length, candidates) = lexicon.placeCandidates(at: i, limit: limit) else { return nil }
        guard candidates[0].kind == .city, candidates.dropFirst().contains(where: { $0.kind == .city }) else {
            return (length, candidates[0])
        }
        // The answer depends on the name matched, not on the limit it was asked with.
        let key = i << 32 | length
        if let known = places.answers[key] { return known }
        let answer = readSharedCityName(i, length: length, cities: candidates.filter { $0.kind == .city })
        places.remember(answer, for: key)
        return answer
    }

    /// The place of a name that the `cities` (two or more, as the lexicon orders them) share.
    private func readSharedCityName(_ i: Int, length: Int, cities: [PlaceReference]) -> (length: Int, place: PlaceReference) {
        let top = cities[0], second = cities[1]
        // A national capital or a city ten times the size of any namesake is that city, even in a document that
        // names the country of a smaller one ("arrived in Berlin" in an article that names the U.S. is not a town
        // in Ohio); otherwise a city in a country the document names.
        let dominant = top.isCapital || (top.population >= 1_000_000 && top.population >= 10 * second.population)
        let local = cities.filter { $0.countryIdentity.map(evidence.countries.contains) ?? false }
        if let first = local.first, !dominant || first == top { return (length, first) }
        if dominant { return (length, top) }
        let surface = text.string(tokens: i..<(i + length))
        return (length, PlaceReference(kind: .city, identity: "location:" + surface.lowercased(), name: surface,
                                       isAmbiguous: cities.contains(where: \.isAmbiguous)))
    }

    /// "The", "He", "Meanwhile" — but never an acronym: "IS" in "Islamic State (IS)" is a name.
    func isFunctionWord(_ i: Int) -> Bool {
        !text.isAllCaps(i) && EnglishWords.functionWords.contains(text, i)
    }

    func isNameToken(_ i: Int) -> Bool {
        guard i < end, text.tokens[i].kind == .word else { return false }
        return (text.isCapitalized(i) || text.isAllCaps(i) || hasArticlePrefix(i)) && !EnglishWords.dateWords.contains(text, i)
    }

    func hasArticlePrefix(_ i: Int) -> Bool { text.hasArabicArticlePrefix(i) }

    mutating func read() {
        var i = sentence.tokens.lowerBound
        while i < end {
            guard isNameToken(i) else {
                i += 1
                continue
            }
            var chunkEnd = i
            while true {
                if isNameToken(chunkEnd) { chunkEnd += 1; continue }
                // "Mohammed bin Salman", "Ursula von der Leyen": particles inside a name.
                var k = chunkEnd
                while k < end, k - chunkEnd < 2, EnglishWords.nameParticles.contains(text, k), !text.isCapitalized(k) { k += 1 }
                if k > chunkEnd, chunkEnd > i, isNameToken(k) { chunkEnd = k; continue }
                break
            }
            chunkEnd = extendOverOf(from: i, to: chunkEnd)
            if isHeading {
                readHeadingChunk(i..<chunkEnd)
            } else {
                readChunk(i..<chunkEnd)
            }
            i = chunkEnd
        }
        readDescribedOrganisations()
        readDescribedMeetings()
        readCalls()
        readEncounters()
    }

    /// "Russia's security agency", "the Russian embassy": a country or nationality owning a lower-case
    /// institution is an organisation of that country; the country mention stays, as its modifier.
    mutating func readDescribedOrganisations() {
        guard !isHeading else { return }
        for k in mentions.indices where mentions[k].type == .country {
            var i = mentions[k].tokens.upperBound
            if mentions[k].kind != .demonym {
                guard i < end, text.tokens[i].kind == .possessive else { continue }
                i += 1
            }
            var j = i
            while j < end, j - i < 3, text.tokens[j].kind == .word, !text.isCapitalized(j), !text.isAllCaps(j),
                  !EnglishWords.institutions.contains(text, j) {
                j += 1
            }
            guard j < end, EnglishWords.institutions.contains(text, j), !text.isCapitalized(j) else { continue }
            mentions[k].isModifier = true
            emit(mentions[k].tokens.lowerBound..<(j + 1), .organisation, .description, evidence: .description)
        }
    }

    /// "Ministry of Foreign Affairs", "Commonwealth of Independent States (CIS)": `of` joins two capitalised runs
    /// when the first ends in an organisation head word or the whole is spelled out by an acronym in brackets.
    func extendOverOf(from start: Int, to chunkEnd: Int) -> Int {
        guard chunkEnd + 1 < end, text.token(chunkEnd, is: "of") else { return chunkEnd }
        var next = chunkEnd + 1
        if text.token(next, is: "the") { next += 1 }
        guard isNameToken(next) else { return chunkEnd }
        var secondEnd = next
        while isNameToken(secondEnd) { secondEnd += 1 }
        if lexicon.isOrganisationHead(at: chunkEnd - 1) { return secondEnd }
        // "Summit of the Americas": a meeting word opening a name.
        if chunkEnd - start == 1, openingMeetingFormat(at: start) != nil { return secondEnd }
        // "Democratic Republic of Congo": a place whose name runs across "of".
        if let place = placeAt(start, limit: secondEnd), start + place.length > chunkEnd { return start + place.length }
        // "Secretary of State Antony Blinken": an office that runs across "of".
        for k in start..<chunkEnd where lexicon.titleLength(at: k, limit: secondEnd) > chunkEnd - k {
            return secondEnd
        }
        if acronymDefinition(after: secondEnd, spelling: start..<secondEnd) != nil { return secondEnd }
        return chunkEnd
    }

    /// Token index of an acronym in brackets right after `index` whose letters are the initials of the
    /// capitalised words of `spelling` ("Islamic States (IS)").
    func acronymDefinition(after index: Int, spelling: Range<Int>) -> Int? {
        guard index + 2 < end, text.isPunctuation(index, 0x28),
              text.isAllCaps(index + 1) || text.tokens[index + 1].length == 1,
              text.isPunctuation(index + 2, 0x29) else { return nil }
        var initials: [UInt8] = []
        for i in spelling where text.isCapitalized(i) && !isFunctionWord(i) {
            initials.append(text.bytes[text.tokens[i].start])
        }
        let acronym = text.tokens[index + 1]
        let letters = text.bytes[acronym.start..<acronym.end].filter { $0 >= 0x41 && $0 <= 0x5A }
        return letters.count >= 2 && Array(letters) == initials ? index + 1 : nil
    }

    mutating func emit(_ range: Range<Int>, _ type: NodeType, _ kind: Mention.Kind, identity: String? = nil,
                       isModifier: Bool = false, meeting: MeetingDescription? = nil, name: String? = nil,
                       within country: String? = nil, evidence: Mention.Evidence? = nil) {
        guard !range.isEmpty else { return }
        let evidence = evidence ?? (type == .meeting ? .meetingPhrase : .gazetteer)
        mentions.append(Mention(tokens: range, sentence: sentenceIndex, type: type, kind: kind,
                                text: text.string(tokens: range), canonical: name, identity: identity, countryIdentity: country,
                                isModifier: isModifier, meeting: meeting, evidence: evidence))
    }

    /// Reads a capitalised run of a body sentence.
    mutating func readChunk(_ chunk: Range<Int>) {
        var s = chunk.lowerBound
        let e = chunk.upperBound
        // "The Hague", "New York": a place name may begin with what is otherwise a function word.
        while s < e, isFunctionWord(s), (placeAt(s, limit: e)?.length ?? 0) < 2 { s += 1 }
        // A lone capitalised word that opens a sentence is a name only if the document confirms it.
        if s <= text.effectiveStart(of: sentence), e - s == 1, !text.isAllCaps(s),
           !evidence.confirmed.contains(TokenHash.of(text, s)),
           placeAt(s, limit: e) == nil, lexicon.demonym(at: s) == nil {
            return
        }
        while s < e {
            s = readSegment(from: s, to: e)
        }
    }

    /// Reads from `s` and returns where the next segment starts.
    mutating func readSegment(from s: Int, to e: Int) -> Int {
        if isFunctionWord(s), (placeAt(s, limit: e)?.length ?? 0) < 2 { return s + 1 }

        // "Summit of the Americas", "Meeting of the Parties": a meeting word that opens a name joined by "of".
        if let format = openingMeetingFormat(at: s), s + 2 < e, text.token(s + 1, is: "of") {
            emit(s..<e, .meeting, .meeting, meeting: MeetingDescription(series: text.string(tokens: s..<e), format: format))
            return e
        }
        // A meeting name: "Moscow Format Conference", "Moscow consultative format meeting".
        if let meetingEnd = meetingNameEnd(from: s, chunkEnd: e) {
            emitMeeting(s..<meetingEnd)
            return max(e, meetingEnd)
        }
        // An organisation closed by a head word: "Russian Foreign Ministry", "Second Asian Department".
        if var head = (s..<e).first(where: { lexicon.isOrganisationHead(at: $0) }),
           head > s || e - s == 1 || (head + 1 < e && text.token(head + 1, is: "of")) {
            // "African Union Commission": a run of head words closes one organisation.
            while head + 1 < e, lexicon.isOrganisationHead(at: head + 1) { head += 1 }
            var orgEnd = head + 1
            // "Ministry of Foreign Affairs": keep the `of` complement that extendOverOf joined.
            if orgEnd < e, text.token(orgEnd, is: "of") { orgEnd = e }
            emitModifiers(in: s..<head)
            emit(s..<orgEnd, .organisation, .name, evidence: .headWord)
            return orgEnd
        }
        // A nationality or country that qualifies a title: "Russian Foreign Minister", "Tajik President".
        if let demonym = lexicon.demonym(at: s), s + demonym.length < end,
           lexicon.titleLength(at: s + demonym.length, limit: end) > 0 {
            emit(s..<(s + demonym.length), .country, .demonym, identity: demonym.place.identity, isModifier: true,
                 name: demonym.place.name)
            return s + demonym.length
        }
        // An organisation spelled out before its acronym: "Commonwealth of Independent States (CIS)".
        if e - s > 1, acronymDefinition(after: e, spelling: s..<e) != nil,
           placeAt(s, limit: e)?.length != e - s {
            emit(s..<e, .organisation, .name, evidence: .acronymDefinition)
            return e
        }
        // A country name that qualifies a title: "U.S. Secretary of State", "Afghanistan Foreign Minister".
        if let (length, place) = placeAt(s, limit: e), place.kind == .country, s + length < e,
           lexicon.titleLength(at: s + length, limit: end) > 0 {
            emit(s..<(s + length), .country, .name, identity: place.identity, isModifier: true, name: place.name)
            return s + length
        }
        let title = lexicon.titleLength(at: s, limit: e)
        // "Amir Khan Muttaqi": a one-word title that is also a given name starts a name when a full name follows.
        if title == 1, EnglishWords.titlesThatAreNames.contains(text, s), e - s >= 3 {
            emit(s..<e, .person, .name, evidence: .capitalisation)
            return e
        }
        if title > 0 { return s + title }

        if let (length, place) = placeAt(s, limit: e) {
            // An ambiguous name ("Split", "Victoria") is a place when the document or the tagger says so.
            let afterLocative = s > sentence.tokens.lowerBound && EnglishWords.locativePrepositions.contains(text, s - 1)
            let isAmbiguous = place.isAmbiguous && !evidence.definite.contains(TokenHash.of(text, s))
                && !afterLocative
            // A city or region at the start of a longer capitalised run is part of a name ("Antony Blinken",
            // "Kabul Water Board"); so is a country at the start of an "X of Y" name.
            let joinedByOf = (s..<e).contains { text.token($0, is: "of") }
            if !isAmbiguous && (length == e - s || (!joinedByOf && place.kind == .country)) {
                emit(s..<(s + length), place.kind == .country ? .country : .location, .name,
                     identity: place.identity, name: place.name, within: place.countryIdentity)
                return s + length
            }
        }
        if let demonym = lexicon.demonym(at: s) {
            // A nationality is never part of a name ("American Vince Spadea"); an ambiguous one ("American",
            // "Korean") is proposed too, and stands for its usual country only where the tagger reads it as a
            // nationality (`MentionArbiter`).
            if !EnglishWords.peoplesWithoutCountry.contains(text, s) {
                emit(s..<(s + demonym.length), .country, .demonym, identity: demonym.place.identity, name: demonym.place.name,
                     evidence: demonym.ambiguous ? .ambiguousNationality : .gazetteer)
            }
            return s + demonym.length
        }
        if e - s == 1 {
            readSingleWord(s)
            return e
        }
        // "United Nations Secretary-General, Antonio Guterres", "NATO Secretary General Jens Stoltenberg": what
        // stands before an office that a name follows is the body the office belongs to.
        for k in (s + 1)..<e {
            let length = lexicon.titleLength(at: k, limit: e)
            guard length > 0 else { continue }
            let nameFollows = k + length < e
                || (e + 1 < end && text.isPunctuationComma(e) && isNameToken(e + 1))
            guard nameFollows else { break }
            emit(s..<k, .organisation, .name, evidence: .beforeOffice)
            return k
        }
        readUnknownName(s..<e)
        return e
    }

    /// The format of a capitalised summit, meeting or talks word that may open a meeting's name ("Summit of the
    /// Americas"). Not "Conference" or "Congress", which open organisations' names as often ("Conference of
    /// Catholic Bishops").
    func openingMeetingFormat(at i: Int) -> MeetingFormat? {
        guard text.isCapitalized(i), let format = lexicon.meetingFormat(at: i),
              [.summit, .meeting, .talks].contains(format) else { return nil }
        return format
    }

    /// Two or more capitalised words no table explains: the rules can only guess a person.
    mutating func readUnknownName(_ range: Range<Int>) {
        emit(range, .person, .name, evidence: .capitalisation)
    }

    /// A place the gazetteer does not list ("Helmand", "Donetsk Oblast"): a location known by its name only.
    mutating func emitUnlistedPlace(_ range: Range<Int>) {
        let surface = text.string(tokens: range)
        emit(range, .location, .name, identity: "location:" + surface.lowercased(), name: surface, evidence: .capitalisation)
    }

    /// A single capitalised word that no table knows, read from what the document shows of it.
    mutating func readSingleWord(_ i: Int) {
        let hash = TokenHash.of(text, i)
        if coordinatedWithTitledPerson(i) {
            // "Putin and the Tajik President, Emomali Rakhmon": joined to a person by title, it is a person.
            emit(i..<(i + 1), .person, .name, evidence: .coordination)
        } else if text.isAllCaps(i) && i > sentence.tokens.lowerBound && i + 1 < end && text.isPunctuation(i - 1, 0x28) {
            emit(i..<(i + 1), .organisation, .acronym, evidence: .acronymDefinition)
        } else if evidence.definite.contains(hash) {
            // "the Kremlin", "the Taliban": a name written with "the" is a body, not a person.
            emit(i..<(i + 1), .organisation, text.isAllCaps(i) ? .acronym : .name, evidence: .definiteArticle)
        } else if text.isAllCaps(i) {
            // In a sentence written in lower case, capitals alone mark a short form; in an all-caps line they
            // mark nothing.
            let mixedCase = sentence.tokens.contains { text.tokens[$0].kind == .word && !text.isCapitalized($0) && !text.isAllCaps($0) }
            emit(i..<(i + 1), .organisation, .acronym, evidence: mixedCase ? .acronym : .capitalisation)
        } else if evidence.surnames.contains(hash) {
            emit(i..<(i + 1), .person, .name, evidence: .surname)
        } else if hasArticlePrefix(i) {
            // "al-Shabaab" alone, and not the end of a person's name in this document.
            emit(i..<(i + 1), .organisation, .name, evidence: .capitalisation)
        } else if i + 1 < end, EnglishWords.personFollowers.contains(text, i + 1)
                    || [.possessive].contains(text.tokens[i + 1].kind)
                    || text.isPunctuationComma(i + 1) {
            emit(i..<(i + 1), .person, .name, evidence: .capitalisation)
        } else if i <= text.effectiveStart(of: sentence), evidence.confirmed.contains(hash) {
            emit(i..<(i + 1), .person, .name, evidence: .capitalisation)
        }
    }

    /// "X and [the] [nationality] Title …": coordinated phrases share their type, and an office makes the other
    /// conjunct a person.
    func coordinatedWithTitledPerson(_ i: Int) -> Bool {
        var k = i + 1
        guard k < end, text.token(k, is: "and") else { return false }
        k += 1
        if k < end, text.token(k, is: "the") { k += 1 }
        if k < end, let demonym = lexicon.demonym(at: k) { k += demonym.length }
        return k < end && lexicon.titleLength(at: k, limit: end) > 0
    }

    /// In a headline, only words the body confirms, and places, are names.
    mutating func readHeadingChunk(_ chunk: Range<Int>) {
        var i = chunk.lowerBound
        while i < chunk.upperBound {
            if let (length, place) = placeAt(i, limit: chunk.upperBound), !place.isAmbiguous {
                emit(i..<(i + length), place.kind == .country ? .country : .location, .name,
                     identity: place.identity, name: place.name, within: place.countryIdentity)
                i += length
                continue
            }
            if let demonym = lexicon.demonym(at: i), !demonym.ambiguous {
                emit(i..<(i + demonym.length), .country, .demonym, identity: demonym.place.identity, name: demonym.place.name)
                i += demonym.length
                continue
            } else if !EnglishWords.functionWords.contains(text, i), evidence.confirmed.contains(TokenHash.of(text, i)) {
                let hash = TokenHash.of(text, i)
                let type: NodeType = text.isAllCaps(i) || evidence.definite.contains(hash) ? .organisation : .person
                emit(i..<(i + 1), type, text.isAllCaps(i) ? .acronym : .name, evidence: .capitalisation)
            }
            i += 1
        }
    }

    /// Nationalities and countries inside an organisation name are mentions of the country too.
    mutating func emitModifiers(in range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            if let demonym = lexicon.demonym(at: i), i + demonym.length <= range.upperBound {
                emit(i..<(i + demonym.length), .country, .demonym, identity: demonym.place.identity, isModifier: true,
                     name: demonym.place.name)
                i += demonym.length
                continue
            } else if let (length, place) = placeAt(i, limit: range.upperBound),
                      place.kind == .country, length == 1 {
                emit(i..<(i + 1), .country, .name, identity: place.identity, isModifier: true, name: place.name)
            }
            i += 1
        }
    }
}
