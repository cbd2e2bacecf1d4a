import GraphModel
import Recognition
import Resolution

/// The corpus stage: consumes document summaries one at a time, in document order, and builds one graph.
///
/// Nothing of a document is kept but what the graph needs: entities go into the graph builder by their corpus
/// key as they arrive, and so do relations (per edge the earliest evidence and a count). Keys are final at
/// once except for a person named by one word, which joins the corpus's one full name ending with it: such
/// entities wait under a provisional key and are moved to their node by `finish()`. Memory therefore follows
/// the graph; the mention spans and merge reasons are kept only when the caller will write them.
///
/// Feed summaries sorted by document id (as `Extractor.extract` and the CLI do): the first sighting of an entity
/// decides its type and takes part in the choice of label, so the order must not depend on scheduling.
public struct CorpusStage: Sendable {
    public let resolver: CorpusResolver
    public let options: ExtractionOptions
    public let keepMentions: Bool
    public let keepMerges: Bool
    public private(set) var documentCount = 0

    private var builder = GraphBuilder()
    private var surnames = CorpusResolver.SurnameIndex()
    private var spellings = CorpusResolver.PersonSpellings()
    private var waiting: Set<String> = []
    /// The label choice of each node, by `GraphBuilder.Key.slot`.
    private var labels: [(key: GraphBuilder.Key, choice: LabelChoice)?] = []
    private var sightingCount = 0
    /// Only with `keepMerges`: the corpus log is made from every sighting at the end.
    private var sightings: [EntitySighting] = []
    private var merges: [MergeRecord] = []
    private var mentions: [MentionRecord] = []

    public init(aliases: AliasTable, options: ExtractionOptions, keepMentions: Bool = true, keepMerges: Bool = true) {
        self.resolver = CorpusResolver(aliases: aliases)
        self.options = options
        self.keepMentions = keepMentions
        self.keepMerges = keepMerges
    }

    /// A provisional key as the builder's key: `\u{1}` cannot start a real key (they start with a type name).
    private static func builderKey(_ key: CorpusResolver.ProvisionalKey) -> String {
        switch key {
        case let .final(key): key
        case let .person(folded, _): "\u{1}person:" + folded   // settled before use; never a builder key
        case let .surname(name): "\u{1}surname:" + name
        }
    }

    public mutating func add(_ summary: DocumentSummary) {
        documentCount += 1
        // Each entity's key is looked up once, by its text; everything after passes the builder's number for it.
        var keys: [GraphBuilder.Key] = []
        keys.reserveCapacity(summary.entities.count)
        // Entities are read field by field: an entity copied whole (sighting, spellings, merges) per loop cost
        // more than the bookkeeping.
        let entities = summary.entities
        for e in entities.indices {
            let sighting = entities[e].sighting
            let computed = entities[e].keys ?? resolver.sightingKeys(for: sighting)
            surnames.add(fullName: computed.fullName)
            let provisional = spellings.settle(computed.provisional)
            if case let .surname(name) = provisional { waiting.insert(name) }
            let key = builder.key(Self.builderKey(provisional))
            keys.append(key)
            builder.addEntity(key, label: sighting.name, type: sighting.type)
            seeLabel(of: key, sighting)
            sightingCount += 1
            if keepMerges { sightings.append(sighting) }
        }
        for e in entities.indices {
            builder.addMentions(keys[e], count: entities[e].mentionCount, surfaces: entities[e].surfaces,
                                document: summary.id, date: summary.date)
            if keepMerges {
                let node = builder.name(of: keys[e])
                for merge in entities[e].merges {
                    merges.append(MergeRecord(node: node, name: merge.name, document: summary.id, reason: merge.reason))
                }
            }
            if let meeting = entities[e].meeting { builder.setMeeting(meeting, for: keys[e]) }
        }
        if keepMentions {
            for span in summary.mentions {
                mentions.append(MentionRecord(document: summary.id, start: span.start, end: span.end, text: span.text,
                                              type: span.type, node: builder.name(of: keys[span.entity])))
            }
        }
        addRelations(summary, keys: keys)
    }

    private mutating func seeLabel(of key: GraphBuilder.Key, _ sighting: EntitySighting) {
        // Slots are given densely, so a new key is one past the table or a few (keys named only by relations).
        while key.slot >= labels.count { labels.append(nil) }
        guard var entry = labels[key.slot].take() else {
            var choice = LabelChoice(order: sightingCount, first: Self.candidate(sighting))
            choice.see(sighting, order: sightingCount)
            labels[key.slot] = (key, choice)
            return
        }
        entry.choice.see(sighting, order: sightingCount)
        labels[key.slot] = entry
    }

    /// Local relations that land on one corpus edge are joined first, so a sentence they share counts once.
    /// Edges are keyed by the builder's numbers for endpoints and label (no text is hashed), and a relation is
    /// copied only in the rare case that another one joins it; joined relations sit beside the entries, so an
    /// entry stays a few words (with the optional relation inline, every entry was copied at its full size).
    private mutating func addRelations(_ summary: DocumentSummary, keys: [GraphBuilder.Key]) {
        struct Edge: Hashable {
            var source: GraphBuilder.Key, target: GraphBuilder.Key, kind: EdgeKind, label: GraphBuilder.Label
        }
        /// `joined`: an index into `joins`, or -1 while the relation stands alone.
        struct Entry { var edge: Edge, relation: Int, joined: Int }
        var entries: [Entry] = []
        entries.reserveCapacity(summary.relations.count)
        var joins: [DocumentSummary.Relation] = []
        var place: [Edge: Int] = [:]
        place.reserveCapacity(summary.relations.count)
        let relations = summary.relations
        // Fields are read one at a time: a relation copied whole (evidence, sentences and all) cost more than
        // the joining.
        for r in relations.indices {
            let kind = relations[r].kind
            if kind == .coMention, !options.includeCoMentions { continue }
            var source = keys[relations[r].source]
            var target: GraphBuilder.Key
            switch relations[r].target {
            case let .entity(t): target = keys[t]
            case let .key(key): target = builder.key(key)
            }
            // Co-mentions are undirected: from the smaller key to the larger.
            if kind == .coMention, builder.name(of: target) < builder.name(of: source) { swap(&source, &target) }
            let edge = Edge(source: source, target: target, kind: kind, label: builder.label(relations[r].label))
            let e = place.value(forKey: edge, addingIfAbsent: entries.count)
            guard e < entries.count else {
                entries.append(Entry(edge: edge, relation: r, joined: -1))
                continue
            }
            let relation = relations[r]
            var known = entries[e].joined >= 0 ? joins[entries[e].joined] : relations[entries[e].relation]
            if relation.evidence < known.evidence { known.evidence = relation.evidence }
            known.sentences = Array(Set(known.sentences + relation.sentences))
            known.eventClass = known.eventClass ?? relation.eventClass
            if entries[e].joined >= 0 {
                joins[entries[e].joined] = known
            } else {
                entries[e].joined = joins.count
                joins.append(known)
            }
        }
        for entry in entries {
            if entry.joined >= 0 {
                let relation = joins[entry.joined]
                builder.addSupport(from: entry.edge.source, to: entry.edge.target, kind: entry.edge.kind,
                                   label: entry.edge.label, earliest: relation.evidence,
                                   sentences: relation.sentences.count, eventClass: relation.eventClass)
            } else {
                let r = entry.relation
                builder.addSupport(from: entry.edge.source, to: entry.edge.target, kind: entry.edge.kind,
                                   label: entry.edge.label, earliest: relations[r].evidence,
                                   sentences: relations[r].sentences.count, eventClass: relations[r].eventClass)
            }
        }
    }

    /// The graph, every mention with its node (when kept) and the merge log (when kept). Mutating, so the
    /// builder's records are renamed in place rather than copied at the moment memory peaks; the stage is
    /// spent afterwards.
    public mutating func finish() -> Extraction {
        var final: [String: String] = [:]
        for name in waiting {
            final[Self.builderKey(.surname(name))] = resolver.finalKey(.surname(name), surnames: surnames, spellings: spellings)
        }
        builder.rekey(final)
        // The choices of keys that move join those of their targets, in place (joining is order-free: the
        // earliest first candidate, the fullest other one).
        let moving = final.filter { $0.key != $0.value }.compactMap { old, target in
            labels[builder.key(old).slot].take().map { (builder.key(target), $0.choice) }
        }
        for (target, choice) in moving {
            if target.slot >= labels.count { labels.append(contentsOf: repeatElement(nil, count: target.slot + 1 - labels.count)) }
            if let other = labels[target.slot] {
                labels[target.slot] = (target, other.choice.joined(with: choice))
            } else {
                labels[target.slot] = (target, choice)
            }
        }
        for case let (key, choice)? in labels { builder.setLabel(choice.label, for: key) }
        // Spent: released before the graph is made, when memory peaks.
        labels = []
        surnames = CorpusResolver.SurnameIndex()
        if options.includeCoMentions { builder.dropCoMentionsShadowedByTypedRelations() }
        let (graph, indexByKey) = builder.takeGraph()

        var records: [MentionRecord] = []
        records.reserveCapacity(mentions.count)
        for var record in mentions {
            guard let index = indexByKey[final[record.node] ?? record.node] else { continue }
            record.node = EntityGraph.nodeID(index)
            records.append(record)
        }
        records.sort { ($0.document, $0.start, $0.end, $0.node) < ($1.document, $1.start, $1.end, $1.node) }

        // Merge records name nodes by identity (the resolution key): the writer names them by the id they have in
        // the graph it writes, which may be filtered.
        var log = keepMerges ? resolver.keys(for: sightings).log : []
        for var merge in merges {
            merge.node = final[merge.node] ?? merge.node
            log.append(merge)
        }
        return Extraction(graph: graph, mentions: records, merges: Array(Set(log)).sorted())
    }

    private static func candidate(_ sighting: EntitySighting) -> String {
        sighting.aliasGroup?.canonical ?? sighting.name
    }

    /// The display name of a node: the gazetteer's or alias table's name, else the fullest spelling seen
    /// (`isFullerName`, the policy documents use too). The first sighting's name stands
    /// unless a later sighting without identity or alias group spells it more fully, so the choice is the
    /// best of the first candidate and of every such later one: it can be made while documents stream in,
    /// and two choices join (when a surname finds its full name) without replaying the sightings.
    struct LabelChoice: Sendable {
        var order: Int
        var first: String
        /// The fullest candidate of the sightings without identity or alias group.
        var best: String?

        init(order: Int, first: String) {
            self.order = order
            self.first = first
        }

        mutating func see(_ sighting: EntitySighting, order: Int) {
            guard sighting.identity == nil, sighting.aliasGroup == nil else { return }
            let candidate = CorpusStage.candidate(sighting)
            if best.map({ isFullerName(candidate, than: $0) }) ?? true { best = candidate }
        }

        func joined(with other: LabelChoice) -> LabelChoice {
            var result = order <= other.order ? self : other
            if let b = other.best, result.best.map({ isFullerName(b, than: $0) }) ?? true { result.best = b }
            if let b = best, result.best.map({ isFullerName(b, than: $0) }) ?? true { result.best = b }
            return result
        }

        var label: String {
            guard let best, isFullerName(best, than: first) else { return first }
            return best
        }
    }
}
