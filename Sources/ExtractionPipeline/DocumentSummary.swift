import DocumentReading
import GraphModel
import Recognition
import RelationExtraction
import Resolution
import TextAnalysis

/// What the corpus stage needs from one document, and nothing more: its entities as sightings with their
/// mention counts and spellings, its relations with their evidence already cut out of the text, and (only
/// when asked for) its mentions with their offsets. The text, tokens and mention list are not kept, so a
/// corpus is held in memory as a graph, not as text; and it is a value, so documents can be summarised on
/// any thread.
public struct DocumentSummary: Sendable {
    public var id: String
    /// The document's date (ISO 8601), when it has one.
    public var date: String?
    /// Size of the document text, for progress reports.
    public var textBytes: Int
    /// The live entities (those with mentions), in the resolver's order.
    public var entities: [Entity]
    /// Relations aggregated per (source, target, kind, label): one entry however many sentences say it.
    public var relations: [Relation]
    /// The listed names (`Mention.listedNames`), when mentions were asked for (`--mentions`); else empty.
    public var mentions: [MentionSpan]

    public struct Entity: Sendable {
        public var sighting: EntitySighting
        /// Mentions in the document, role references included.
        public var mentionCount: Int
        /// The spellings those mentions used, sorted.
        public var surfaces: [String]
        public var meeting: GraphBuilder.MeetingAttributes?
        /// Why names joined this entity in the document: (name, reason) for the merge log.
        public var merges: [(name: String, reason: String)]
        /// The sighting's keys as `CorpusResolver.sightingKeys` gives them, when the summariser computed them
        /// (off the corpus stage's thread); nil in summaries read from a partial result, and the stage computes them.
        public var keys: CorpusResolver.SightingKeys? = nil
    }

    /// An edge endpoint: an entity of this document, or a corpus key given by the gazetteer (the country a
    /// city lies in, which the document need not name).
    public enum Endpoint: Hashable, Sendable {
        case entity(Int)
        case key(String)
    }

    public struct Relation: Sendable {
        public var source: Int
        public var target: Endpoint
        public var kind: EdgeKind
        public var label: String
        public var eventClass: String?
        /// The earliest supporting sentence of the document.
        public var evidence: Evidence
        /// The supporting sentences (indices into the document's sentences), sorted and distinct, so that two
        /// local relations the corpus stage joins count a shared sentence once.
        public var sentences: [Int32]
    }

    public struct MentionSpan: Sendable {
        public var entity: Int
        /// Unicode scalar offsets into the document text, end exclusive.
        public var start: Int
        public var end: Int
        public var text: String
        public var type: NodeType
    }
}

extension DocumentSummary {
    /// Computes every entity's `keys` with `resolver`, which must have the alias table of the corpus stage the
    /// summary goes to.
    public mutating func computeKeys(with resolver: CorpusResolver) {
        for e in entities.indices { entities[e].keys = resolver.sightingKeys(for: entities[e].sighting) }
    }

    /// Reduces a finished analysis. `keepMentions`: also keep every mention span (for the mentions file).
    public init(_ analysis: DocumentAnalysis, keepMentions: Bool) {
        let document = analysis.document
        let text = analysis.text
        let resolution = analysis.resolution
        let relations = analysis.relations
        let date = document.date?.iso
        var index = [Int](repeating: -1, count: resolution.entities.count)
        var entities: [Entity] = []
        entities.reserveCapacity(resolution.entities.count)
        for (e, entity) in resolution.entities.enumerated() where !entity.mentions.isEmpty {
            index[e] = entities.count
            let facts = relations.meetings[e]
            entities.append(Entity(
                sighting: EntitySighting(
                    document: document.id, type: entity.type, name: entity.name, surfaces: entity.surfaces,
                    identity: entity.identity, aliasGroup: entity.aliasGroup, meetingSeries: facts?.series,
                    meetingDate: facts?.date?.iso, meetingOrdinal: facts?.ordinal,
                    meetingPlaces: facts.map { Array($0.places) } ?? []),
                mentionCount: 0, surfaces: [],
                meeting: facts.map { .init(date: $0.date?.iso, format: $0.format.rawValue, ordinal: $0.ordinal, series: $0.series) },
                merges: entity.merges.map { ($0.name, "\($0.reason) (joined '\($0.into)')") }))
        }
        /// The summary index of a resolver entity that is still live.
        func live(_ e: Int) -> Int? { e >= 0 && e < index.count && index[e] >= 0 ? index[e] : nil }
        // Each entity's spellings as they come, sorted and made distinct at the end: an entity has a handful of
        // mentions, and a Set per entity (allocated, every spelling hashed) cost more than sorting them.
        var surfaces = [[String]](repeating: [], count: entities.count)
        var spans: [MentionSpan] = []
        let scalars = ScalarIndex(bytes: text.bytes)
        var builder = RelationAggregator(text: text, document: document.id, date: date, scalars: scalars,
                                         capacity: relations.relations.count + analysis.mentions.count)
        // The mentions file lists names only (`Mention.listedNames`); every mention counts for its node.
        var listed = [Bool](repeating: false, count: analysis.mentions.count)
        if keepMentions { for m in Mention.listedNames(analysis.mentions) { listed[m] = true } }
        // Mentions are read field by field, not copied (a Mention holds five Strings).
        let mentions = analysis.mentions
        for m in mentions.indices {
            guard let local = live(resolution.entityOfMention[m]) else { continue }
            entities[local].mentionCount += 1
            if !mentions[m].text.isEmpty { surfaces[local].append(mentions[m].text) }
            if listed[m] {
                let tokens = mentions[m].tokens
                spans.append(MentionSpan(entity: local, start: scalars.scalarOffset(ofByte: text.tokens[tokens.lowerBound].start),
                                         end: scalars.scalarOffset(ofByte: text.tokens[tokens.upperBound - 1].end),
                                         text: mentions[m].text, type: mentions[m].type))
            }
        }
        for reference in relations.references {
            guard let local = live(reference.entity) else { continue }
            entities[local].mentionCount += 1
            if !reference.text.isEmpty { surfaces[local].append(reference.text) }
            entities[local].merges.append((reference.text,
                                           "holds this office in the document (joined '\(resolution.entities[reference.entity].name)')"))
            // Office references ("the Taliban's foreign minister") count for the holder and are in the merge log,
            // but are no names: the mentions file leaves them out.
        }
        for local in entities.indices { entities[local].surfaces = RelationAggregator.sortedDistinct(surfaces[local]) }

        // Typed relations, then located_in from the gazetteer, then co-mentions: the order `addRelation` saw them
        // in before, which decides only which event class an edge keeps when several are given.
        for relation in relations.relations where relation.kind != .coMention {
            guard let source = live(relation.source), let target = live(relation.target) else { continue }
            builder.add(source: source, target: .entity(target), kind: relation.kind,
                        label: relation.label, eventClass: relation.eventClass?.rawValue, sentence: relation.sentence)
        }
        // A place lies in a country the text names ("Mombasa, Kenya" or Kenya anywhere in the article): the edge's
        // evidence then speaks of both. Only for the place's own name: a short form that joined another entity
        // ("the Duma", also a town in Syria, joined the "State Duma") says nothing of where that entity lies.
        // The countries named are few: a list, not a Set of hashed identities.
        var namedCountries: [String] = []
        for m in mentions.indices where mentions[m].type == .country {
            if let identity = mentions[m].identity, !namedCountries.contains(identity) { namedCountries.append(identity) }
        }
        for m in mentions.indices {
            guard let country = mentions[m].countryIdentity, namedCountries.contains(country),
                  let source = live(resolution.entityOfMention[m]),
                  resolution.entities[resolution.entityOfMention[m]].identity == mentions[m].identity else { continue }
            builder.add(source: source, target: .key(country), kind: .locatedIn, label: "", eventClass: nil,
                        sentence: mentions[m].sentence)
        }
        for relation in relations.relations where relation.kind == .coMention {
            guard let source = live(relation.source), let target = live(relation.target) else { continue }
            builder.add(source: source, target: .entity(target), kind: .coMention,
                        label: "", eventClass: nil, sentence: relation.sentence)
        }
        self.init(id: document.id, date: date, textBytes: text.bytes.count, entities: entities,
                  relations: builder.finish(), mentions: spans)
    }
}

/// Joins one document's local relations by (source, target, kind, label) and cuts each sentence's evidence
/// out of the text once, however many relations it supports (a sentence naming n entities supports about
/// n²/2 co-mentions).
///
/// The relations are kept in an array in the order they were first seen, the dictionary only giving a key's
/// place: a relation is updated in place rather than read out of the dictionary and written back (which
/// hashed its key, label and all, twice per supporting sentence).
struct RelationAggregator {
    let text: AnalyzedText
    let document: String
    let date: String?
    let scalars: ScalarIndex
    private var relations: [DocumentSummary.Relation] = []
    private var place: [Key: Int] = [:]
    /// The document's labels by number, so keys hash no text; "" (co-mentions, located_in) is 0.
    private var labelIDs: [String: Int32] = ["": 0]
    /// Per sentence of the text, its evidence once cut.
    private var evidenceOf: [Evidence?]
    /// Per relation, the sentence its evidence was cut from.
    private var evidenceSentence: [Int] = []

    struct Key: Hashable {
        var source: Int
        var target: DocumentSummary.Endpoint
        var kind: EdgeKind
        /// A number from `labelIDs`.
        var label: Int32

        /// The numbers in one word, and the kind left out: an `EdgeKind` hashes its raw String, and the same
        /// two entities and label under two kinds are rare, so equality tells those apart. (Equal keys still
        /// hash alike, which is all a Dictionary asks.)
        func hash(into hasher: inout Hasher) {
            switch target {
            case let .entity(t):
                hasher.combine(UInt64(UInt32(truncatingIfNeeded: source)) << 32 | UInt64(UInt32(truncatingIfNeeded: t)))
            case let .key(country):
                hasher.combine(source)
                hasher.combine(country)
            }
            hasher.combine(label)
        }
    }

    /// `capacity`: at most how many relations will be added (local relations plus one per mention), so that the
    /// dictionary never grows, rehashing its String-labelled keys.
    init(text: AnalyzedText, document: String, date: String?, scalars: ScalarIndex, capacity: Int) {
        self.text = text
        self.document = document
        self.date = date
        self.scalars = scalars
        evidenceOf = [Evidence?](repeating: nil, count: text.sentences.count)
        place.reserveCapacity(capacity)
        relations.reserveCapacity(capacity)
        evidenceSentence.reserveCapacity(capacity)
    }

    mutating func add(source: Int, target: DocumentSummary.Endpoint, kind: EdgeKind, label: String,
                      eventClass: String?, sentence: Int) {
        if case let .entity(t) = target, t == source { return }
        var labelID: Int32 = 0
        if !label.isEmpty {
            if let known = labelIDs[label] {
                labelID = known
            } else {
                labelID = Int32(labelIDs.count)
                labelIDs[label] = labelID
            }
        }
        let key = Key(source: source, target: target, kind: kind, label: labelID)
        // One look-up whether the key is new or known (a look-up and then an insertion hashed a new key twice).
        let next = relations.count
        let known = place.value(forKey: key, addingIfAbsent: next)
        if known < next {
            // The evidence is the least of the supporting sentences' evidence: a sentence just seen changes nothing.
            if relations[known].sentences.last != Int32(sentence) {
                relations[known].sentences.append(Int32(sentence))
                if precedes(sentence, evidenceSentence[known]) {
                    relations[known].evidence = evidence(sentence)
                    evidenceSentence[known] = sentence
                }
            }
            if relations[known].eventClass == nil { relations[known].eventClass = eventClass }
        } else {
            evidenceSentence.append(sentence)
            relations.append(DocumentSummary.Relation(source: source, target: target, kind: kind, label: label,
                                                      eventClass: eventClass, evidence: evidence(sentence),
                                                      sentences: [Int32(sentence)]))
        }
    }

    /// Whether sentence `a`'s evidence orders before sentence `b`'s (`Evidence.<`), read off the sentences' byte
    /// ranges without cutting either: the document is the same, scalar offsets grow with byte offsets, and equal
    /// ranges hold the same text.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let x = text.sentences[a], y = text.sentences[b]
        return (x.start, x.end) < (y.start, y.end)
    }

    private mutating func evidence(_ index: Int) -> Evidence {
        if let known = evidenceOf[index] { return known }
        let sentence = text.sentences[index]
        let made = Evidence(document: document, sentence: text.string(from: sentence.start, to: sentence.end),
                            start: scalars.scalarOffset(ofByte: sentence.start),
                            end: scalars.scalarOffset(ofByte: sentence.end), date: date)
        evidenceOf[index] = made
        return made
    }

    /// The relations in the order first seen, each one's sentences sorted and distinct.
    /// In place: a relation is rewritten only when its sentences came out of order.
    mutating func finish() -> [DocumentSummary.Relation] {
        for r in relations.indices where !zip(relations[r].sentences, relations[r].sentences.dropFirst()).allSatisfy({ $0 < $1 }) {
            relations[r].sentences = Self.sortedDistinct(relations[r].sentences)
        }
        return relations
    }

    /// `Array(Set(values)).sorted()`, without the set: sentences mostly arrive in order already. Of values that
    /// are equal but spelled apart (canonically equivalent Strings) the first given stays, as a Set keeps it:
    /// the sort is stable.
    static func sortedDistinct<T: Comparable>(_ values: [T]) -> [T] {
        if zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) { return values }
        var sorted = values.sorted()
        var kept = 0
        for value in sorted where kept == 0 || sorted[kept - 1] != value {
            sorted[kept] = value
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}
