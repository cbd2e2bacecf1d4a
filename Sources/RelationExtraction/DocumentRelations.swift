import DocumentReading
import GraphModel
import Recognition
import Resolution
import TextAnalysis

/// A relation found in one document, between two of its entities.
public struct LocalRelation: Hashable, Sendable {
    /// Entity indices into `DocumentResolution.entities`.
    public var source: Int
    public var target: Int
    public var kind: EdgeKind
    public var label: String
    /// The supporting sentence (index into `AnalyzedText.sentences`).
    public var sentence: Int
    /// Interactions: the verb's coarse event class.
    public var eventClass: EventClass?

    public init(source: Int, target: Int, kind: EdgeKind, label: String = "", sentence: Int, eventClass: EventClass? = nil) {
        self.eventClass = eventClass
        self.source = source
        self.target = target
        self.kind = kind
        self.label = label
        self.sentence = sentence
    }
}

/// The coarse class of an interaction, in the spirit of the CAMEO event codes: what an analyst filters
/// interactions by (the edge's `event_class`).
public enum EventClass: String, Hashable, Sendable, CaseIterable {
    case consult, visit, host, appeal, invite, recognise, accuse, attack, disapprove, cooperate, coerce, threaten, approve
}

/// What a document says about one of its meetings.
public struct MeetingFacts: Hashable, Sendable {
    public var label: String
    public var series: String?
    public var format: MeetingFormat
    public var ordinal: Int?
    public var date: CalendarDate?
    /// Normalised names of the places it was held in.
    public var places: Set<String> = []
    /// Only "the summit": joins the document's one meeting of its kind, or is dropped.
    public var isReference = false
    /// A call cue: kept only with two sides (see `RelationExtractor.finishCalls`).
    public var isCall = false
    /// An encounter cue ("met", "talks", "visit"): kept only with its sides (see `RelationExtractor.finishEncounters`).
    public var isEncounter = false
}

/// A phrase that names a person by the office the document gave them: "the Taliban's foreign minister".
public struct RoleReference: Hashable, Sendable {
    /// The person's entity index.
    public var entity: Int
    public var tokens: Range<Int>
    public var sentence: Int
    /// The phrase without a leading article ("Taliban's foreign minister").
    public var text: String
}

/// The relations of one document and the facts about its meetings.
public struct DocumentRelations: Sendable {
    public var relations: [LocalRelation]
    /// Keyed by entity index.
    public var meetings: [Int: MeetingFacts]
    /// Role phrases resolved to the person who holds the office: mentions of that person.
    public var references: [RoleReference] = []
}

/// Finds typed relations between the entities of one document.
///
/// Each pattern reads the sentence's tokens and mentions directly (the tokens between two names must be the
/// right words), so an edge always has a sentence that says it; two names that merely share a sentence get only
/// a `co_mention`. Precision comes first: a pattern that cannot tell stays silent.
public struct RelationExtractor<L: Lexicon>: Sendable {
    public let lexicon: L

    public init(lexicon: L) {
        self.lexicon = lexicon
    }

    public func extract(text: AnalyzedText, mentions: [Mention], resolution: inout DocumentResolution,
                        documentDate: CalendarDate?) -> DocumentRelations {
        let words = LexiconMemo(lexicon: lexicon, text: text)
        var context = SentenceContext(text: text, mentions: mentions, lexicon: words)
        var relations: [LocalRelation] = []
        let headings = text.headingSentences()

        // Roles first: they let "the Taliban's foreign minister" stand for the person later on.
        let roles = RoleFinder(context: context, entityOf: resolution.entityOfMention)
        for s in text.sentences.indices {
            relations.append(contentsOf: roles.find(in: s))
        }
        let countries = Set(mentions.indices.filter { mentions[$0].type == .country }.map { resolution.entityOfMention[$0] })
        let soleCountry = countries.count == 1 ? countries.first : nil
        relations.append(contentsOf: Self.confirmedImplied(
            text.sentences.indices.flatMap { roles.implied(in: $0, stated: relations, soleCountry: soleCountry) },
            stated: relations))
        relations.append(contentsOf: memberships(context: context, resolution: resolution))
        context.roleHolders = roles.holders(relations: relations)
        context.titleReferences = SentenceContext.titleReferences(text: text, mentions: mentions,
                                                                  entityOf: resolution.entityOfMention, lexicon: words)
        let references = roleReferences(context: context, resolution: resolution)

        var meetings = MeetingLinker(context: context, resolution: resolution, documentDate: documentDate)
        for s in text.sentences.indices where !headings.contains(s) {
            relations.append(contentsOf: meetings.link(in: s))
        }
        let merged = meetings.consolidate(&resolution, relations: &relations)


        let interactions = InteractionFinder(context: context, entityOf: resolution.entityOfMention)
        for s in text.sentences.indices where !headings.contains(s) {
            relations.append(contentsOf: interactions.find(in: s))
        }
        var meetingFacts = merged
        finishCalls(&meetingFacts, resolution: &resolution, relations: &relations, context: context)
        finishEncounters(&meetingFacts, resolution: &resolution, relations: &relations, context: context)
        relations.append(contentsOf: coMentions(context: context, resolution: resolution))
        return DocumentRelations(relations: relations, meetings: meetingFacts, references: references)
    }

    /// The implied roles (`RoleFinder.implied`) the document does not contradict: none for a person whose office
    /// the document states somewhere (the statement wins), and none where two people would hold one office of
    /// one state in a sentence ("President Chavez criticised President Bush" says nothing of whose president
    /// Bush is).
    static func confirmedImplied(_ implied: [LocalRelation], stated: [LocalRelation]) -> [LocalRelation] {
        let statedHolders = Set(stated.lazy.filter { $0.kind == .role }.map(\.source))
        var holders: [HeldOffice: Set<Int>] = [:]
        for role in stated + implied where role.kind == .role {
            holders[HeldOffice(sentence: role.sentence, state: role.target, title: role.label), default: []].insert(role.source)
        }
        var seen = Set<LocalRelation>()
        return implied.filter { role in
            !statedHolders.contains(role.source)
                && holders[HeldOffice(sentence: role.sentence, state: role.target, title: role.label)]!.count == 1
                && seen.insert(role).inserted
        }
    }

    /// "Russian Foreign Ministry" is part of Russia: an organisation whose name carries a nationality or a
    /// country, or that is written as "Russia's Foreign Ministry".
    func memberships(context: SentenceContext, resolution: DocumentResolution) -> [LocalRelation] {
        var found: [LocalRelation] = []
        let mentions = context.mentions
        for (m, mention) in mentions.enumerated() where mention.type == .organisation {
            let org = resolution.entityOfMention[m]
            if let k = context.countryModifier(startingAt: mention.tokens.lowerBound),
               mentions[k].tokens.upperBound < mention.tokens.upperBound {
                found.append(LocalRelation(source: org, target: resolution.entityOfMention[k], kind: .memberOf,
                                           sentence: mention.sentence))
            }
            // "Russia's Foreign Ministry", "NATO's International Security Assistance Force"
            let before = mention.tokens.lowerBound - 1
            let possessor = before >= 1 && context.text.tokens[before].kind == .possessive
                ? context.mentionEnding(at: before) : nil
            if let owner = possessor, mentions[owner].type == .country || mentions[owner].type == .organisation,
               context.lexicon.isOrganisationHead(at: mention.tokens.upperBound - 1) {
                found.append(LocalRelation(source: org, target: resolution.entityOfMention[owner], kind: .memberOf,
                                           sentence: mention.sentence))
            }
            // "Benazir Bhutto, whose Pakistan People's Party", "Bhutto's Pakistan People's Party": a person's
            // party. Only a party: "Putin's Kremlin" or "Obama's State Department" says who leads it, not who
            // belongs to it.
            if context.text.token(mention.tokens.upperBound - 1, is: "party"),
               let member = possessor ?? whoseOwner(before: mention.tokens.lowerBound, context: context),
               mentions[member].type == .person {
                found.append(LocalRelation(source: resolution.entityOfMention[member], target: org, kind: .memberOf,
                                           sentence: mention.sentence))
            }
        }
        return found
    }

    /// The mention right before ", whose" that ends at `start` ("Benazir Bhutto, whose Pakistan People's Party").
    private func whoseOwner(before start: Int, context: SentenceContext) -> Int? {
        guard start >= 3, context.text.token(start - 1, is: "whose"), context.text.token(start - 2, is: ",") else { return nil }
        return context.mentionEnding(at: start - 2)
    }

    /// "the Taliban's foreign minister" wherever it stands for the one person given that office in the document.
    func roleReferences(context: SentenceContext, resolution: DocumentResolution) -> [RoleReference] {
        var found: [RoleReference] = []
        for (m, mention) in context.mentions.enumerated() where mention.type == .organisation || mention.type == .country {
            guard let actor = context.roleReference(startingWith: m, entityOf: resolution.entityOfMention) else { continue }
            var start = actor.tokens.lowerBound
            if start > 0, context.text.token(start - 1, is: "the") { start -= 1 }
            let phrase = context.text.string(tokens: actor.tokens)
            found.append(RoleReference(entity: actor.entity, tokens: start..<actor.tokens.upperBound,
                                       sentence: mention.sentence, text: phrase))
        }
        return found
    }

    /// At most this many `co_mention` pairs come from one sentence: all pairs of up to 10 entities, which is
    /// more than a sentence of ordinary news names. A list or table of names cut into 120-token "sentences"
    /// would otherwise give n²/2 pairs per sentence, each carrying the sentence as evidence, so the output
    /// would grow with the square of the list (1 MB of names gave 580 MB of GraphML). Beyond the bound the
    /// nearest pairs are kept: neighbours in order of first mention, then entities two apart, and so on.
    public static var coMentionPairsPerSentence: Int { 45 }

    /// Everything else that shares a sentence, once per pair and sentence, within `coMentionPairsPerSentence`.
    func coMentions(context: SentenceContext, resolution: DocumentResolution) -> [LocalRelation] {
        var found: [LocalRelation] = []
        // Which sentence last listed each entity: one array for the document instead of a Set per sentence
        // (allocated, each entity hashed), and the sentence's list reuses its storage.
        var listedIn = [Int](repeating: -1, count: resolution.entities.count)
        var entities: [Int] = []   // in order of first mention
        for s in context.text.sentences.indices {
            entities.removeAll(keepingCapacity: true)
            for m in context.mentions(in: s) {
                let entity = resolution.entityOfMention[m]
                if entity >= 0, listedIn[entity] != s {
                    listedIn[entity] = s
                    entities.append(entity)
                }
            }
            var budget = Self.coMentionPairsPerSentence
            var distance = 1
            while budget > 0, distance < entities.count {
                for i in 0..<(entities.count - distance) where budget > 0 {
                    let (a, b) = (entities[i], entities[i + distance])
                    found.append(LocalRelation(source: min(a, b), target: max(a, b), kind: .coMention, sentence: s))
                    budget -= 1
                }
                distance += 1
            }
        }
        return found
    }
}

/// One office of one state or organisation, as a sentence gives it.
private struct HeldOffice: Hashable {
    var sentence: Int
    var state: Int
    var title: String
}
