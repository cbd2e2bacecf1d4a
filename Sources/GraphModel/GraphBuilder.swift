/// Accumulates entities and relations from any number of documents into one `EntityGraph`.
///
/// Entities are addressed by a resolution key (a stable string chosen by the resolver, such as
/// `country:RU` or `person:sergey lavrov`), so evidence from many documents lands on one node.
/// `build()` sorts everything into canonical order, which makes the output independent of the
/// order in which documents were read.
///
/// Memory follows the graph, not the text: per edge only what the output shows is kept (the earliest evidence,
/// the number of supporting sentences, the documents, the first and last date), never the set of sentences.
/// Documents are kept as lists appended in arrival order (a repeat of the last one is skipped, so a corpus fed
/// in document order stores each once) and sorted and deduplicated by `build()`.
public struct GraphBuilder: Sendable {
    struct NodeRecord: Sendable {
        var label: String
        var type: NodeType
        var surfaces: Set<String> = []
        var mentions = 0
        var documents: [String] = []
        var firstSeen: String?
        var lastSeen: String?
        var meeting = MeetingAttributes()

        mutating func see(document: String, date: String?) {
            if documents.last != document { documents.append(document) }
            if let date { see(date: date) }
        }

        mutating func see(date: String) {
            if firstSeen.map({ date < $0 }) ?? true { firstSeen = date }
            if lastSeen.map({ date > $0 }) ?? true { lastSeen = date }
        }
    }

    struct EdgeKey: Hashable, Sendable {
        var source: String
        var target: String
        var kind: EdgeKind
        var label: String
    }

    struct EdgeRecord: Sendable {
        var earliest: Evidence
        /// Supporting sentences counted by `addSupport` (the caller has made them distinct).
        var counted = 0
        /// Sentences given one at a time by `addRelation`, so that the same sentence reached twice counts once.
        var sentences: Set<SentenceID> = []
        var documents: [String] = []
        var firstSeen: String?
        var lastSeen: String?
        var eventClass: String?

        init(earliest: Evidence) { self.earliest = earliest }

        mutating func add(_ evidence: Evidence) {
            if evidence < earliest { earliest = evidence }
            if documents.last != evidence.document { documents.append(evidence.document) }
            if let date = evidence.date {
                if firstSeen.map({ date < $0 }) ?? true { firstSeen = date }
                if lastSeen.map({ date > $0 }) ?? true { lastSeen = date }
            }
        }

        /// `addSupport`'s changes in one place, so the dictionary is probed once per call.
        mutating func support(_ evidence: Evidence, sentences: Int, eventClass: String?) {
            add(evidence)
            counted += sentences
            if let eventClass, self.eventClass == nil { self.eventClass = eventClass }
        }

        /// Order-independent: records absorbed in any order give the same record (`rekey` walks a dictionary).
        mutating func absorb(_ other: EdgeRecord) {
            // The event class of the earliest evidence, the smaller one between equals.
            if let theirs = other.eventClass,
               eventClass == nil || other.earliest < earliest || (other.earliest == earliest && theirs < eventClass!) {
                eventClass = theirs
            }
            if other.earliest < earliest { earliest = other.earliest }
            counted += other.counted
            sentences.formUnion(other.sentences)
            documents += other.documents
            for date in [other.firstSeen, other.lastSeen].compactMap({ $0 }) {
                if firstSeen.map({ date < $0 }) ?? true { firstSeen = date }
                if lastSeen.map({ date > $0 }) ?? true { lastSeen = date }
            }
        }
    }

    private var nodes: [String: NodeRecord] = [:]
    private var edges: [EdgeKey: EdgeRecord] = [:]
    /// Unordered endpoint pairs per kind, so `hasRelation` is a lookup, not a scan.
    private var pairs: Set<PairKey> = []

    struct PairKey: Hashable, Sendable {
        var a: String
        var b: String
        var kind: EdgeKind
        init(_ x: String, _ y: String, _ kind: EdgeKind) {
            (a, b) = x < y ? (x, y) : (y, x)
            self.kind = kind
        }
    }

    public init() {}

    /// Attributes only meetings carry.
    public struct MeetingAttributes: Hashable, Sendable {
        public var date: String?
        public var format: String?
        public var ordinal: Int?
        public var series: String?
        public init(date: String? = nil, format: String? = nil, ordinal: Int? = nil, series: String? = nil) {
            self.date = date
            self.format = format
            self.ordinal = ordinal
            self.series = series
        }
    }

    public func contains(_ key: String) -> Bool { nodes[key] != nil }

    /// Declares an entity. The first declaration's label and type win, so the resolver's canonical
    /// name is kept however many surfaces are added later.
    public mutating func addEntity(key: String, label: String, type: NodeType) {
        if nodes[key] == nil {
            nodes[key] = NodeRecord(label: label, type: type)
        }
    }

    /// Replaces the label (the resolver may find a better canonical name after more documents).
    public mutating func setLabel(_ label: String, for key: String) {
        nodes[key]?.label = label
    }

    /// Records one mention of the entity in a document. `surface` becomes an alias when it differs from the label.
    public mutating func addMention(key: String, surface: String, document: String, date: String?) {
        addMentions(key: key, count: 1, surfaces: surface.isEmpty ? [] : [surface], document: document, date: date)
    }

    /// Records `count` mentions of the entity in one document at once, with the spellings they used.
    public mutating func addMentions(key: String, count: Int, surfaces: [String], document: String, date: String?) {
        guard nodes[key] != nil else { return }
        nodes[key]!.mentions += count
        nodes[key]!.see(document: document, date: date)
        for surface in surfaces where !surface.isEmpty { nodes[key]!.surfaces.insert(surface) }
    }

    /// Adds a name without counting a mention (alias tables, acronym expansions seen in passing).
    public mutating func addAlias(key: String, alias: String) {
        guard !alias.isEmpty else { return }
        nodes[key]?.surfaces.insert(alias)
    }

    /// Marks a node as seen in a document without a mention of its own (e.g. a meeting inferred from a verb).
    public mutating func addDocument(key: String, document: String, date: String?) {
        nodes[key]?.see(document: document, date: date)
    }

    /// Sets meeting attributes; a value already set is kept unless the new one is non-nil.
    public mutating func setMeeting(_ attributes: MeetingAttributes, for key: String) {
        guard var record = nodes[key] else { return }
        record.meeting.date = attributes.date ?? record.meeting.date
        record.meeting.format = attributes.format ?? record.meeting.format
        record.meeting.ordinal = attributes.ordinal ?? record.meeting.ordinal
        record.meeting.series = attributes.series ?? record.meeting.series
        nodes[key] = record
    }

    /// Adds one supporting sentence for a relation. Self-loops are ignored; an edge whose endpoint is never
    /// declared is left out by `build()` (a relation needs two declared, distinct entities).
    public mutating func addRelation(from source: String, to target: String, kind: EdgeKind, label: String = "",
                                     evidence: Evidence, eventClass: String? = nil) {
        guard source != target else { return }
        let key = EdgeKey(source: source, target: target, kind: kind, label: label)
        edges[key, default: EdgeRecord(earliest: evidence)].add(evidence)
        edges[key]!.sentences.insert(SentenceID(document: evidence.document, start: evidence.start))
        note(key, eventClass: eventClass)
    }

    /// Adds the support one document gives a relation: `sentences` distinct sentences of `earliest.document`
    /// (the caller counts them; they must not be given again), of which `earliest` is the first.
    public mutating func addSupport(from source: String, to target: String, kind: EdgeKind, label: String = "",
                                    earliest: Evidence, sentences: Int, eventClass: String? = nil) {
        guard source != target else { return }
        let key = EdgeKey(source: source, target: target, kind: kind, label: label)
        edges[key, default: EdgeRecord(earliest: earliest)].support(earliest, sentences: sentences, eventClass: eventClass)
        notePair(key)
    }

    private mutating func note(_ key: EdgeKey, eventClass: String?) {
        if let eventClass, edges[key]!.eventClass == nil { edges[key]!.eventClass = eventClass }
        notePair(key)
    }

    private mutating func notePair(_ key: EdgeKey) {
        if nodes[key.source] != nil, nodes[key.target] != nil {
            pairs.insert(PairKey(key.source, key.target, key.kind))
        }
    }

    /// Gives entities their final keys once the corpus is complete: each `old` key becomes `mapping[old]`;
    /// records that meet on one key are joined (counts added, earliest evidence kept, the first declaration's
    /// label and type). `co_mention` edges, being undirected, are re-oriented from the smaller key to the larger,
    /// as `addRelation` callers give them. One pass over nodes and edges, whatever the number of keys renamed.
    public mutating func rekey(_ mapping: [String: String]) {
        guard !mapping.isEmpty else { return }
        func new(_ key: String) -> String { mapping[key] ?? key }
        // In key order, so that what a node keeps of several moved into it does not depend on hashing.
        for (old, target) in mapping.sorted(by: { $0.key < $1.key }) where old != target {
            guard let moved = nodes.removeValue(forKey: old) else { continue }
            guard var record = nodes[target] else { nodes[target] = moved; continue }
            record.mentions += moved.mentions
            record.surfaces.formUnion(moved.surfaces)
            record.documents += moved.documents
            for date in [moved.firstSeen, moved.lastSeen].compactMap({ $0 }) { record.see(date: date) }
            record.meeting.date = record.meeting.date ?? moved.meeting.date
            record.meeting.format = record.meeting.format ?? moved.meeting.format
            record.meeting.ordinal = record.meeting.ordinal ?? moved.meeting.ordinal
            record.meeting.series = record.meeting.series ?? moved.meeting.series
            nodes[target] = record
        }
        var renamed: [EdgeKey: EdgeRecord] = [:]
        renamed.reserveCapacity(edges.count)
        for (key, record) in edges {
            var source = new(key.source), target = new(key.target)
            if key.kind == .coMention, target < source { swap(&source, &target) }
            let moved = EdgeKey(source: source, target: target, kind: key.kind, label: key.label)
            if renamed[moved] == nil { renamed[moved] = record } else { renamed[moved]!.absorb(record) }
        }
        edges = renamed
        pairs = Set(edges.keys.filter { nodes[$0.source] != nil && nodes[$0.target] != nil }
            .map { PairKey($0.source, $0.target, $0.kind) })
    }

    /// Removes the `co_mention` edges between entities that a typed relation already joins (in either
    /// direction): the typed edge says more, and the co-mention would only repeat its sentence.
    public mutating func dropCoMentionsShadowedByTypedRelations() {
        // `hasRelation(a, b, kinds: every typed kind)` for every co-mention is one probe per kind; the pairs that
        // some typed relation joins, gathered once, answer it with one.
        struct Pair: Hashable { var a: String, b: String }
        let typed = Set(pairs.lazy.filter { $0.kind != .coMention }.map { Pair(a: $0.a, b: $0.b) })
        edges = edges.filter { key, _ in
            key.kind != .coMention || !typed.contains(key.source < key.target ? Pair(a: key.source, b: key.target)
                                                                                : Pair(a: key.target, b: key.source))
        }
    }

    /// Removes every `co_mention` edge.
    public mutating func dropCoMentions() {
        edges = edges.filter { $0.key.kind != .coMention }
        pairs = pairs.filter { $0.kind != .coMention }
    }

    /// Whether a relation of one of `kinds` joins the two keys, in either direction.
    public func hasRelation(_ a: String, _ b: String, kinds: Set<EdgeKind>) -> Bool {
        kinds.contains { pairs.contains(PairKey(a, b, $0)) }
    }

    /// The graph in canonical order, and where each key ended up.
    public func build() -> (graph: EntityGraph, indexByKey: [String: Int]) {
        let orderedKeys = nodes.keys.sorted { a, b in
            let ra = nodes[a]!, rb = nodes[b]!
            return (ra.type, ra.label, a) < (rb.type, rb.label, b)
        }
        var indexByKey: [String: Int] = [:]
        var graphNodes: [GraphNode] = []
        graphNodes.reserveCapacity(orderedKeys.count)
        for (index, key) in orderedKeys.enumerated() {
            let record = nodes[key]!
            indexByKey[key] = index
            graphNodes.append(GraphNode(
                identity: key,
                label: record.label,
                type: record.type,
                aliases: record.surfaces.subtracting([record.label]).sorted(),
                mentions: record.mentions,
                documents: Self.sortedUnique(record.documents),
                date: record.meeting.date,
                format: record.meeting.format,
                ordinal: record.meeting.ordinal,
                series: record.meeting.series,
                firstSeen: record.firstSeen,
                lastSeen: record.lastSeen))
        }
        var graphEdges: [GraphEdge] = []
        graphEdges.reserveCapacity(edges.count)
        for (key, record) in edges {
            guard let source = indexByKey[key.source], let target = indexByKey[key.target], source != target
            else { continue }
            // Weight counts distinct sentences: the same sentence reached twice is one piece of support.
            graphEdges.append(GraphEdge(
                source: source, target: target, kind: key.kind, label: key.label,
                weight: Double(record.counted + record.sentences.count),
                documents: Self.sortedUnique(record.documents),
                evidence: record.earliest, firstSeen: record.firstSeen, lastSeen: record.lastSeen,
                eventClass: record.eventClass))
        }
        graphEdges.sort { ($0.source, $0.target, $0.kind, $0.label) < ($1.source, $1.target, $1.kind, $1.label) }
        return (EntityGraph(nodes: graphNodes, edges: graphEdges), indexByKey)
    }

    struct SentenceID: Hashable, Sendable {
        var document: String
        var start: Int
    }

    /// Lists fed in document order are sorted already; anything else is sorted here.
    static func sortedUnique(_ list: [String]) -> [String] {
        var sorted = list
        if !zip(list, list.dropFirst()).allSatisfy({ $0 < $1 }) {
            sorted = Array(Set(list)).sorted()
        }
        return sorted
    }
}
