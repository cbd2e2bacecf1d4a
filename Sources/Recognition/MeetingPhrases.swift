import GraphModel
import TextAnalysis

/// Meeting words that name the event itself, not a particular series: "Moscow Format Conference" and "Moscow
/// Format talks" are one series. The one list every stage uses (a series name is cut at them here; resolution's
/// `seriesWords` leaves them out when it compares series).
public let genericMeetingWordList = [
    "meeting", "meetings", "conference", "talks", "summit", "session", "consultations", "round",
    "dialogue", "dialogues", "negotiations",
]
let genericMeetingWords = WordSet(genericMeetingWordList)

/// Who meets, written between a meeting's owner and its head: "the UNDP donors' conference", "the APEC
/// ministers' meeting".
let meetingMemberNouns = WordSet([
    "donors", "leaders", "ministers", "members", "foreign", "defence", "defense", "finance", "heads",
])

/// Lower-case heads that make a described meeting ("a meeting of the heads of …", "a round of talks",
/// "a gathering in Berlin").
let describedMeetingHeads = WordSet([
    "meeting", "meetings", "summit", "conference", "talks", "consultations", "negotiations", "forum", "gathering",
])

/// Heads that are a meeting only as a noun with its article: "a gathering in Berlin", not "intelligence
/// gathering in Iraq".
let articleOnlyMeetingHeads = WordSet(["gathering"])

/// Words that make an exchange a call: "telephonically discussed", "spoke by phone", "in a phone call".
let callCues = PhraseTable<Bool>.with([
    "telephonically", "by phone", "by telephone", "over the phone", "phone call", "telephone call",
    "phone conversation", "telephone conversation", "phone talks", "telephone talks", "video call",
    "video conference", "videoconference",
])

/// Lower-case words by which news reports that a meeting took place, with the format they name. A cue is only a
/// proposal: the relation stage keeps it when the clause says who met (see `RelationExtractor.finishEncounters`).
let encounterCues: [String: MeetingFormat] = [
    "met": .meeting, "meets": .meeting, "meeting": .meeting, "meetings": .meeting,
    "talks": .talks, "visit": .visit, "visits": .visit, "visited": .visit, "visiting": .visit,
]

/// `encounterCues` read from a token's bytes: the cue test runs for every lower-case word, and building a
/// lower-cased String for each cost more than the rest of `readEncounters`.
let encounterCueTable: PhraseTable<MeetingFormat> = {
    var table = PhraseTable<MeetingFormat>()
    for (cue, format) in encounterCues { table.insert(cue, format) }
    return table
}()

/// The format an encounter cue names ("talks" → "talks", "met" → "meeting"), or nil: for the relation stage,
/// which reads the sides of a cue also where the cue is part of a described meeting ("talks … in Nairobi").
public func encounterFormat(of word: String) -> MeetingFormat? { encounterCues[word.lowercased()] }

/// Words right before a cue that make the meeting one that did not (yet) take place: "to meet", "will visit",
/// "refused to meet", "a proposed meeting", "no talks".
let unrealisedMeetingMarkers = WordSet([
    "to", "will", "would", "could", "may", "might", "should", "shall", "must", "can", "proposed", "planned",
    "possible", "future", "no", "not", "never", "refused", "rejected", "cancelled", "canceled", "postponed",
    "upcoming", "next", "any",
])

extension PhraseTable where Value == Bool {
    static func with(_ phrases: [String]) -> PhraseTable<Bool> {
        var table = PhraseTable<Bool>()
        for phrase in phrases { table.insert(phrase, true) }
        return table
    }
}

extension SentenceReader {
    /// A call is a meeting too. The cue becomes a meeting mention; the relation stage keeps it only when the
    /// clause says who spoke with whom, and names it after them.
    mutating func readCalls() {
        guard !isHeading else { return }
        var i = sentence.tokens.lowerBound
        while i < end {
            if !covered(i), let hit = callCues.longest(in: text, at: i, limit: end) {
                emit(i..<(i + hit.length), .meeting, .meeting,
                     meeting: MeetingDescription(series: nil, format: .call, isCall: true))
                i += hit.length
            } else {
                i += 1
            }
        }
    }

    /// Where a meeting name starting at `s` ends, if the capitalised run (plus any lower-case meeting words
    /// right after it) closes with a meeting word and has a proper-name part before it.
    /// Encounter cues: "X met Y", "held talks with Y", "during a visit to Z". Single lower-case words, so a cue
    /// never swallows a name; words that make the meeting proposed or refused keep it out.
    mutating func readEncounters() {
        guard !isHeading else { return }
        for i in sentence.tokens where text.tokens[i].kind == .word && !text.isCapitalized(i) && !covered(i) {
            guard let format = encounterCue(i) else { continue }
            var k = i - 1
            // "will not meet", "to have met": look past an adverb or auxiliary.
            while k >= sentence.tokens.lowerBound, k >= i - 3,
                  ["have", "has", "had", "be", "been", "also", "again", "a", "the", "first"].contains(text.string(token: k).lowercased()) {
                k -= 1
            }
            if k >= sentence.tokens.lowerBound, unrealisedMeetingMarkers.contains(text, k) { continue }
            if i - 1 >= sentence.tokens.lowerBound, unrealisedMeetingMarkers.contains(text, i - 1) { continue }
            emit(i..<(i + 1), .meeting, .meeting, meeting: MeetingDescription(series: nil, format: format, isEncounter: true))
        }
    }

    /// `encounterCues[word.lowercased()]` of token `i`: an ASCII word is folded in place (the same result);
    /// any other goes through `lowercased()` as before, which also folds non-ASCII capitals (KELVIN SIGN to "k").
    func encounterCue(_ i: Int) -> MeetingFormat? {
        let token = text.tokens[i]
        let bytes = text.bytes[token.start..<token.end]
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return encounterCues[text.string(token: i).lowercased()] }
        return encounterCueTable.value(forFoldedBytes: bytes)
    }

    func meetingNameEnd(from s: Int, chunkEnd e: Int) -> Int? {
        var last = e
        // "Moscow consultative format meeting": lower-case meeting words continuing the name.
        var j = e
        while j < end, text.tokens[j].kind == .word, !text.isCapitalized(j),
              EnglishWords.meetingModifiers.contains(text, j) || lexicon.meetingFormat(at: j) != nil {
            j += 1
            if lexicon.meetingFormat(at: j - 1) != nil { last = j }
        }
        guard lexicon.meetingFormat(at: last - 1) != nil else { return nil }
        // The name part: tokens before the first meeting word of the trailing run.
        var nameEnd = last
        while nameEnd > s, lexicon.meetingFormat(at: nameEnd - 1) != nil
                || (nameEnd > e && EnglishWords.meetingModifiers.contains(text, nameEnd - 1)) {
            nameEnd -= 1
        }
        // A bare "Summit" or "Format" is not a name, and neither is a person or a title before it.
        guard nameEnd > s else { return nil }
        return last
    }

    mutating func emitMeeting(_ range: Range<Int>) {
        var start = range.lowerBound
        var ordinal: Int?
        // "the sixth meeting of the Moscow Consultative Format": the ordinal belongs to this session.
        var k = start - 1
        if k >= sentence.tokens.lowerBound, text.token(k, is: "the") { k -= 1 }
        if k - 2 >= sentence.tokens.lowerBound, text.token(k, is: "of"),
           genericMeetingWords.contains(text, k - 1),
           let value = EnglishWords.ordinals[text.string(token: k - 2).lowercased()] {
            ordinal = value
            start = k - 2
        }
        // The series is the name without generic meeting words: "Moscow Format Conference" → "Moscow Format".
        var seriesEnd = range.upperBound
        while seriesEnd > range.lowerBound + 1, genericMeetingWords.contains(text, seriesEnd - 1) { seriesEnd -= 1 }
        // "G20 summit": when what is left names no meeting, the meeting word stays part of the series.
        if !(range.lowerBound..<seriesEnd).contains(where: { lexicon.meetingFormat(at: $0) != nil }) {
            seriesEnd = range.upperBound
        }
        let series = text.string(tokens: range.lowerBound..<seriesEnd)
        let format = lexicon.meetingFormat(at: range.upperBound - 1) ?? .meeting
        emit(start..<range.upperBound, .meeting, .meeting,
             meeting: MeetingDescription(series: series, format: format, ordinal: ordinal))
    }

    /// "six-party", "4-nation", "three-way": how many parties meet (1 or more), 0 for an uncounted "multi-party"
    /// or "multinational", nil for any other word.
    func countedParties(at k: Int) -> Int? {
        guard text.tokens[k].kind == .word, !text.isCapitalized(k) else { return nil }
        let word = text.string(token: k).lowercased()
        for suffix in ["-party", "-nation", "-way"] where word.hasSuffix(suffix) {
            let count = String(word.dropLast(suffix.count))
            if count == "multi" { return 0 }
            if let n = Int(count) ?? EnglishWords.cardinals[count], n > 1 { return n }
        }
        return nil
    }

    func covered(_ i: Int) -> Bool {
        mentions.contains { $0.tokens.contains(i) }
    }

    /// Meetings written in lower case: "a meeting of the heads of the security services of the CIS in Bishkek",
    /// "a round of talks would be held in Moscow on 20 October". Only anchored ones become nodes (described by
    /// whose meeting it is, numbered, or placed), so that a passing "talks" does not.
    mutating func readDescribedMeetings() {
        guard !isHeading else { return }
        var i = sentence.tokens.lowerBound
        while i < end {
            defer { i += 1 }
            guard !text.isCapitalized(i), describedMeetingHeads.contains(text, i), !covered(i),
                  let format = lexicon.meetingFormat(at: i) else { continue }
            if articleOnlyMeetingHeads.contains(text, i),
               !(i > sentence.tokens.lowerBound && (text.token(i - 1, is: "a") || text.token(i - 1, is: "the"))) { continue }
            var start = i
            var ordinal: Int?
            var anchored = false
            if i - 2 >= sentence.tokens.lowerBound, text.token(i - 1, is: "of"), text.token(i - 2, is: "round") {
                start = i - 2
                anchored = true
            } else if i - 1 >= sentence.tokens.lowerBound,
                      let value = EnglishWords.ordinals[text.string(token: i - 1).lowercased()] {
                ordinal = value
                start = i - 1
                anchored = true
            }
            // "the six-party talks", "four-nation talks": who meets, counted, names a series of talks;
            // "multi-party talks" refers back to the counted series the document names.
            if start == i, i - 1 >= sentence.tokens.lowerBound, let parties = countedParties(at: i - 1) {
                let phrase = text.string(tokens: (i - 1)..<(i + 1))
                emit((i - 1)..<(i + 1), .meeting, .meeting,
                     meeting: parties == 0 ? MeetingDescription(series: nil, format: format, isReference: true)
                                           : MeetingDescription(series: phrase, format: format))
                continue
            }
            var stop = i + 1
            if i + 1 < end, text.token(i + 1, is: "of") {
                // The description runs to the last name before a break: "… of the Commonwealth of Independent States".
                var j = i + 1
                var lastNameEnd: Int?
                while j < end, j - i <= 30 {
                    let token = text.tokens[j]
                    // Stops at any punctuation: "(CIS)" after the name restates it and stays out of the label.
                    if token.kind == .punctuation { break }
                    if text.token(j, is: "in") || text.token(j, is: "on") || text.token(j, is: "at")
                        || text.token(j, is: "to") || text.token(j, is: "about") || text.token(j, is: "that")
                        || text.token(j, is: "with") { break }
                    if let named = mentions.first(where: { $0.tokens.lowerBound == j && $0.type != .meeting }) {
                        lastNameEnd = named.tokens.upperBound
                        j = named.tokens.upperBound
                        continue
                    }
                    j += 1
                }
                if let lastNameEnd {
                    stop = lastNameEnd
                    anchored = true
                }
            }
            // Named after who meets: "the African Union (AU) summit", "the NATO summit".
            var owner: Int? = nil
            var k = start - 1
            if k >= sentence.tokens.lowerBound, text.isPunctuation(k, 0x29) {
                while k > sentence.tokens.lowerBound, !text.isPunctuation(k, 0x28) { k -= 1 }
                k -= 1
            }
            // "the United Nations Development Program donors' conference": whose members meet, between owner and head.
            if start == i, k - 1 > sentence.tokens.lowerBound, text.tokens[k].kind == .possessive,
               text.tokens[k - 1].kind == .word, !text.isCapitalized(k - 1), meetingMemberNouns.contains(text, k - 1) {
                k -= 2
            }
            if start == i, k >= sentence.tokens.lowerBound,
               let named = mentions.lastIndex(where: { $0.tokens.upperBound == k + 1 && [.organisation, .country].contains($0.type) }) {
                owner = named
            }
            if let owner {
                let name = mentions[owner].canonical ?? mentions[owner].text
                let head = text.string(token: i)
                emit(mentions[owner].tokens.lowerBound..<(i + 1), .meeting, .meeting,
                     meeting: MeetingDescription(series: name + " " + head, format: format, ordinal: ordinal))
                continue
            }
            if !anchored {
                // Placed: "… would be held in Moscow", within the meeting's own clause: not across a comma or
                // another meeting word ("talks with X, days before leaders gather in The Hague").
                anchored = mentions.contains { m in
                    m.type == .location && m.tokens.lowerBound > i && m.tokens.lowerBound - i <= 10
                        && text.token(m.tokens.lowerBound - 1, is: "in")
                        && !((i + 1)..<m.tokens.lowerBound).contains { text.isPunctuationComma($0) || describedMeetingHeads.contains(text, $0) }
                }
            }
            if !anchored, start == i, i > sentence.tokens.lowerBound, text.token(i - 1, is: "the") {
                // "Speaking at the summit": a reference to a meeting named elsewhere in the document.
                emit((i - 1)..<(i + 1), .meeting, .meeting,
                     meeting: MeetingDescription(series: nil, format: format, isReference: true))
                continue
            }
            guard anchored else { continue }
            emit(start..<stop, .meeting, .meeting,
                 meeting: MeetingDescription(series: nil, format: format, ordinal: ordinal))
            i = stop - 1
        }
    }
}
