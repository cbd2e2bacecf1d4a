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
/// in document order stores each once) and sorted and deduplicated by `build()`. Document ids and dates are
/// stored once, in `Strings` tables, and every list and first/last date holds 4-byte indices into them: a
/// corpus ten times larger lists ten times the documents per node and edge, and those lists were most of the
/// memory that grew with it. The graph keeps them so (`EntityGraph.documentIDs`): the lists move into it as
/// they are, renumbered in place only when the table needs it.
public struct GraphBuilder: Sendable {
    struct NodeRecord: Sendable {
        var label: String
        var type: NodeType
        var surfaces: Set<String> = []
        var mentions = 0
        /// Indices into `documentIDs`, in arrival order.
        var documents: [DocumentIndex] = []
        /// Indices into `dates`, or `Strings.none`.
        var firstSeen = Strings.none
        var lastSeen = Strings.none
        /// Meetings only: kept out of line (an empty array costs nothing), so the records of other nodes stay
        /// 64 bytes instead of 144.
        var meetingBox: [MeetingAttributes] = []
        var meeting: MeetingAttributes {
            get { meetingBox.first ?? MeetingAttributes() }
            set { meetingBox = [newValue] }
        }

        mutating func see(document: DocumentIndex, date: Int32, dates: Strings) {
            if documents.last != document { documents.append(document) }
            see(date: date, dates: dates)
        }

        mutating func see(date: Int32, dates: Strings) {
            (firstSeen, lastSeen) = Strings.widen(firstSeen, lastSeen, by: date, in: dates)
        }
    }

    /// Endpoints are indices into `keys`: the edge table is the largest structure of a run, and two Strings
    /// per edge made each entry 56 bytes instead of 32.
    /// The label is an index into `labels` too: a key of four small integers hashes in two words and is 16
    /// bytes, where a String label made hashing every key hash text and the entry twice as large.
    struct EdgeKey: Hashable, Sendable {
        var source: Int32
        var target: Int32
        var label: Int32
        var kind: EdgeKind
    }

    /// `Evidence` with its document and date as indices into the builder's tables: 40 bytes instead of 72.
    struct EdgeEvidence: Sendable {
        var sentence: String
        var start: Int
        var end: Int
        var document: Int32
        var date: Int32

        /// `Evidence.<`: the earliest document (compared by id), then position, then sentence.
        func precedes(_ other: EdgeEvidence, documents: Strings) -> Bool {
            if document != other.document { return documents.orders(document, before: other.document) }
            return (start, end, sentence) < (other.start, other.end, other.sentence)
        }
    }

    struct EdgeRecord: Sendable {
        var earliest: EdgeEvidence
        /// Supporting sentences counted by `addSupport` (the caller has made them distinct).
        var counted = 0
        /// Sentences given one at a time by `addRelation`, so that the same sentence reached twice counts once.
        var sentences: Set<SentenceID> = []
        /// Indices into `documentIDs`, in arrival order.
        var documents: [DocumentIndex] = []
        /// Indices into `dates`, or `Strings.none`.
        var firstSeen = Strings.none
        var lastSeen = Strings.none
        /// An index into `eventClasses`, or `Strings.none`.
        var eventClass = Strings.none

        init(earliest: EdgeEvidence) { self.earliest = earliest }

        mutating func add(_ evidence: EdgeEvidence, documentIDs: Strings, dates: Strings) {
            if evidence.precedes(earliest, documents: documentIDs) { earliest = evidence }
            let document = DocumentIndex(evidence.document)
            if documents.last != document { documents.append(document) }
            see(date: evidence.date, dates: dates)
        }

        mutating func see(date: Int32, dates: Strings) {
            (firstSeen, lastSeen) = Strings.widen(firstSeen, lastSeen, by: date, in: dates)
        }

        /// Empties a record no key points at any more, so its lists are freed.
        mutating func release() {
            earliest.sentence = ""
            sentences = []
            documents = []
        }

        /// Order-independent: records absorbed in any order give the same record (`rekey` walks a dictionary).
        mutating func absorb(_ other: EdgeRecord, documentIDs: Strings, dates: Strings, eventClasses: Strings) {
            // The event class of the earliest evidence, the smaller one between equals.
            let otherFirst = other.earliest.precedes(earliest, documents: documentIDs)
            let tie = !otherFirst && !earliest.precedes(other.earliest, documents: documentIDs)
            if other.eventClass != Strings.none,
               eventClass == Strings.none || otherFirst
                || (tie && eventClasses[other.eventClass] < eventClasses[eventClass]) {
                eventClass = other.eventClass
            }
            if otherFirst { earliest = other.earliest }
            counted += other.counted
            sentences.formUnion(other.sentences)
            documents += other.documents
            see(date: other.firstSeen, dates: dates)
            see(date: other.lastSeen, dates: dates)
        }
    }

    /// Distinct strings (document ids, dates) by 4-byte index. Documents arrive one after the other, so the
    /// last string looked up is checked before the hash table.
    struct Strings: Sendable {
        static let none: Int32 = -1
        private(set) var values: [String] = []
        private var index: [String: Int32] = [:]
        private var last: (value: String, index: Int32)?
        /// Whether every value was greater than the one before it, so that indices are in the order of their
        /// strings: document ids arrive in id order (the corpus stage is fed so), and comparing two documents'
        /// ids, which edge evidence does at every supporting sentence, is then comparing two integers.
        private var ascending = true

        subscript(_ i: Int32) -> String { values[Int(i)] }

        /// The index of `value`, given now if it is new. A new string is hashed once: looked up and added in one
        /// step (a look-up then an insertion hashed it twice, and keys, labels and document ids are all new once).
        mutating func intern(_ value: String) -> Int32 {
            if let last, last.value == value { return last.index }
            let next = Int32(values.count)
            let i = index.value(forKey: value, addingIfAbsent: next)
            if i == next {
                if ascending, let previous = values.last, !(previous < value) { ascending = false }
                values.append(value)
            }
            last = (value, i)
            return i
        }

        /// Whether the string at `a` sorts before the one at `b`.
        func orders(_ a: Int32, before b: Int32) -> Bool {
            ascending ? a < b : self[a] < self[b]
        }

        /// The first and last of a span of dates widened by `date` (all indices into `dates`, or `none`). The same
        /// index is the same date, so the text is compared only for a date the span does not start or end on:
        /// documents come in order, and most dates seen are the last one again.
        static func widen(_ first: Int32, _ last: Int32, by date: Int32, in dates: Strings) -> (Int32, Int32) {
            guard date != none, date != first || date != last else { return (first, last) }
            let first = first == none || (date != first && dates[date] < dates[first]) ? date : first
            let last = last == none || (date != last && dates[date] > dates[last]) ? date : last
            return (first, last)
        }

        mutating func intern(_ value: String?) -> Int32 { value.map { intern($0) } ?? Self.none }

        /// The index of a string already interned.
        func find(_ value: String) -> Int32? { index[value] }

        var count: Int { values.count }

        func string(_ i: Int32) -> String? { i == Self.none ? nil : values[Int(i)] }

        /// Empties the table, giving its values.
        mutating func takeValues() -> [String] {
            defer { self = Strings() }
            return values
        }
    }

    /// Node records by key index (`keys`): nil for a key that is only an edge endpoint or that `rekey` moved.
    /// An array, so a node is reached without hashing its key.
    private var nodes: [NodeRecord?] = []
    /// Edges by key, as indices into `edgeRecords`. The records sit in one dense array rather than in the
    /// dictionary: a dictionary keeps a quarter or more of its buckets empty and, when it grows, holds its old
    /// and new buckets at once, which for the edge table (the largest structure) was a peak of its own.
    /// A record no key points at (moved by `rekey`, dropped) is emptied and never read again.
    private var edges: [EdgeKey: Int32] = [:]
    private var edgeRecords: [EdgeRecord] = []
    private var documentIDs = Strings()
    private var dates = Strings()
    /// Node keys as edges name them (endpoints need not be declared nodes).
    private var keys = Strings()
    private var eventClasses = Strings()
    /// Edge labels, so that edge keys hold no String.
    private var labels = Strings()
    /// Unordered endpoint pairs per typed kind (not `co_mention`, most of the edges), so `hasRelation` is a
    /// lookup, not a scan.
    private var pairs: Set<PairKey> = []

    struct PairKey: Hashable, Sendable {
        var a: Int32
        var b: Int32
        var kind: EdgeKind
        init(_ x: Int32, _ y: Int32, _ kind: EdgeKind) {
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

    /// A resolution key as the builder numbers it: a caller that names the same entity many times (the corpus
    /// stage, for every sighting and relation) looks its key up once and then passes 4 bytes, not a String to hash.
    public struct Key: Hashable, Sendable {
        let index: Int32
        init(_ index: Int32) { self.index = index }
        /// Dense from 0 in the order keys were first used, for callers that keep an array by key.
        public var slot: Int { Int(index) }
    }

    /// The number of `key`, given on first use (it need not be declared as a node yet).
    public mutating func key(_ key: String) -> Key {
        let index = keys.intern(key)
        // Keys are numbered densely, so a new one is exactly one past the table.
        if Int(index) == nodes.count { nodes.append(nil) }
        return Key(index)
    }

    /// The resolution key a number stands for.
    public func name(of key: Key) -> String { keys[key.index] }

    private func hasNode(_ index: Int32) -> Bool { nodes[Int(index)] != nil }

    public func contains(_ key: String) -> Bool { keys.find(key).map(hasNode) ?? false }

    /// Declares an entity. The first declaration's label and type win, so the resolver's canonical
    /// name is kept however many surfaces are added later.
    public mutating func addEntity(key: String, label: String, type: NodeType) {
        addEntity(self.key(key), label: label, type: type)
    }

    public mutating func addEntity(_ key: Key, label: String, type: NodeType) {
        if nodes[key.slot] == nil {
            nodes[key.slot] = NodeRecord(label: label, type: type)
        }
    }

    /// Replaces the label (the resolver may find a better canonical name after more documents).
    public mutating func setLabel(_ label: String, for key: String) {
        guard let index = keys.find(key) else { return }
        setLabel(label, for: Key(index))
    }

    public mutating func setLabel(_ label: String, for key: Key) {
        nodes[key.slot]?.label = label
    }

    /// Records one mention of the entity in a document. `surface` becomes an alias when it differs from the label.
    public mutating func addMention(key: String, surface: String, document: String, date: String?) {
        addMentions(key: key, count: 1, surfaces: surface.isEmpty ? [] : [surface], document: document, date: date)
    }

    /// Records `count` mentions of the entity in one document at once, with the spellings they used.
    public mutating func addMentions(key: String, count: Int, surfaces: [String], document: String, date: String?) {
        guard let index = keys.find(key) else { return }
        addMentions(Key(index), count: count, surfaces: surfaces, document: document, date: date)
    }

    public mutating func addMentions(_ key: Key, count: Int, surfaces: [String], document: String, date: String?) {
        guard nodes[key.slot] != nil else { return }
        let document = DocumentIndex(documentIDs.intern(document)), date = dates.intern(date)
        let dates = self.dates
        Self.update(&nodes[key.slot]) { record in
            record.mentions += count
            record.see(document: document, date: date, dates: dates)
            for surface in surfaces where !surface.isEmpty { record.surfaces.insert(surface) }
        }
    }

    /// Changes a record in place: the optional is emptied while `change` runs, so the record's lists are
    /// uniquely referenced and grow without being copied.
    private static func update(_ slot: inout NodeRecord?, _ change: (inout NodeRecord) -> Void) {
        guard var record = slot.take() else { return }
        change(&record)
        slot = record
    }

    /// Adds a name without counting a mention (alias tables, acronym expansions seen in passing).
    public mutating func addAlias(key: String, alias: String) {
        guard !alias.isEmpty, let index = keys.find(key) else { return }
        Self.update(&nodes[Int(index)]) { $0.surfaces.insert(alias) }
    }

    /// Marks a node as seen in a document without a mention of its own (e.g. a meeting inferred from a verb).
    public mutating func addDocument(key: String, document: String, date: String?) {
        guard let index = keys.find(key), hasNode(index) else { return }
        let document = DocumentIndex(documentIDs.intern(document)), date = dates.intern(date)
        let dates = self.dates
        Self.update(&nodes[Int(index)]) { $0.see(document: document, date: date, dates: dates) }
    }

    /// Sets meeting attributes; a value already set is kept unless the new one is non-nil.
    public mutating func setMeeting(_ attributes: MeetingAttributes, for key: String) {
        guard let index = keys.find(key) else { return }
        setMeeting(attributes, for: Key(index))
    }

    public mutating func setMeeting(_ attributes: MeetingAttributes, for key: Key) {
        Self.update(&nodes[key.slot]) { record in
            record.meeting.date = attributes.date ?? record.meeting.date
            record.meeting.format = attributes.format ?? record.meeting.format
            record.meeting.ordinal = attributes.ordinal ?? record.meeting.ordinal
            record.meeting.series = attributes.series ?? record.meeting.series
        }
    }

    /// Adds one supporting sentence for a relation. Self-loops are ignored; an edge whose endpoint is never
    /// declared is left out by `build()` (a relation needs two declared, distinct entities).
    public mutating func addRelation(from source: String, to target: String, kind: EdgeKind, label: String = "",
                                     evidence: Evidence, eventClass: String? = nil) {
        guard source != target else { return }
        let key = EdgeKey(source: self.key(source).index, target: self.key(target).index, label: labels.intern(label),
                          kind: kind)
        let compact = compactEvidence(evidence)
        let i = record(for: key, earliest: compact)
        edgeRecords[i].add(compact, documentIDs: documentIDs, dates: dates)
        edgeRecords[i].sentences.insert(SentenceID(document: evidence.document, start: evidence.start))
        note(key, record: i, eventClass: eventClass)
    }

    /// Adds the support one document gives a relation: `sentences` distinct sentences of `earliest.document`
    /// (the caller counts them; they must not be given again), of which `earliest` is the first.
    public mutating func addSupport(from source: String, to target: String, kind: EdgeKind, label: String = "",
                                    earliest: Evidence, sentences: Int, eventClass: String? = nil) {
        guard source != target else { return }
        addSupport(from: key(source), to: key(target), kind: kind, label: label, earliest: earliest,
                   sentences: sentences, eventClass: eventClass)
    }

    public mutating func addSupport(from source: Key, to target: Key, kind: EdgeKind, label: String = "",
                                    earliest: Evidence, sentences: Int, eventClass: String? = nil) {
        addSupport(from: source, to: target, kind: kind, label: self.label(label), earliest: earliest,
                   sentences: sentences, eventClass: eventClass)
    }

    /// An edge label as the builder numbers it: a caller that joins relations by edge before adding them (the
    /// corpus stage, per document) hashes four small integers rather than the label's text.
    public struct Label: Hashable, Sendable {
        let index: Int32
    }

    /// The number of `label`, given on first use.
    public mutating func label(_ label: String) -> Label { Label(index: labels.intern(label)) }

    public mutating func addSupport(from source: Key, to target: Key, kind: EdgeKind, label: Label,
                                    earliest: Evidence, sentences: Int, eventClass: String? = nil) {
        guard source != target else { return }
        let key = EdgeKey(source: source.index, target: target.index, label: label.index, kind: kind)
        let compact = compactEvidence(earliest)
        let i = record(for: key, earliest: compact)
        edgeRecords[i].add(compact, documentIDs: documentIDs, dates: dates)
        edgeRecords[i].counted += sentences
        note(key, record: i, eventClass: eventClass)
    }

    /// The index of the key's record, made (with `earliest`) if the key is new. The key is hashed once: looked up
    /// and, when new, added in one step.
    private mutating func record(for key: EdgeKey, earliest: EdgeEvidence) -> Int {
        let next = Int32(edgeRecords.count)
        let i = edges.value(forKey: key, addingIfAbsent: next)
        if i == next { edgeRecords.append(EdgeRecord(earliest: earliest)) }
        return Int(i)
    }

    private mutating func compactEvidence(_ evidence: Evidence) -> EdgeEvidence {
        EdgeEvidence(sentence: evidence.sentence, start: evidence.start, end: evidence.end,
                     document: documentIDs.intern(evidence.document), date: dates.intern(evidence.date))
    }

    private func evidence(_ compact: EdgeEvidence) -> Evidence {
        Evidence(document: documentIDs[compact.document], sentence: compact.sentence, start: compact.start,
                 end: compact.end, date: dates.string(compact.date))
    }

    /// `i`: the key's record, as `record(for:earliest:)` gave it (not looked up again).
    private mutating func note(_ key: EdgeKey, record i: Int, eventClass: String?) {
        if let eventClass, edgeRecords[i].eventClass == Strings.none { edgeRecords[i].eventClass = eventClasses.intern(eventClass) }
        if key.kind != .coMention, hasNode(key.source), hasNode(key.target) {
            pairs.insert(PairKey(key.source, key.target, key.kind))
        }
    }

    /// Gives entities their final keys once the corpus is complete: each `old` key becomes `mapping[old]`;
    /// records that meet on one key are joined (counts added, earliest evidence kept, the first declaration's
    /// label and type). `co_mention` edges, being undirected, are re-oriented from the smaller key to the larger,
    /// as `addRelation` callers give them. One pass over nodes and edges, whatever the number of keys renamed;
    /// only the edges whose key changes are moved, in place (a renamed copy of the whole edge table was the
    /// largest allocation of a run).
    public mutating func rekey(_ mapping: [String: String]) {
        guard !mapping.isEmpty else { return }
        // By key index, so that renaming every edge's endpoints (a pass over the largest table) hashes nothing.
        // Sized once every target is numbered, so that even a key first numbered here has its slot.
        var renames: [(old: Int32, new: Int32)] = []
        for (old, new) in mapping {
            if let id = self.keys.find(old) { renames.append((id, key(new).index)) }
        }
        var renamed = [Int32?](repeating: nil, count: nodes.count)
        for (old, new) in renames { renamed[Int(old)] = new }
        let keys = self.keys
        func new(_ key: EdgeKey) -> EdgeKey {
            var source = renamed[Int(key.source)] ?? key.source, target = renamed[Int(key.target)] ?? key.target
            if key.kind == .coMention, keys[target] < keys[source] { swap(&source, &target) }
            return EdgeKey(source: source, target: target, label: key.label, kind: key.kind)
        }
        // In key order, so that what a node keeps of several moved into it does not depend on hashing.
        for (old, target) in mapping.sorted(by: { $0.key < $1.key }) where old != target {
            guard let oldIndex = keys.find(old), let moved = nodes[Int(oldIndex)].take() else { continue }
            let target = Int(renamed[Int(oldIndex)]!)
            guard var record = nodes[target].take() else { nodes[target] = moved; continue }
            record.mentions += moved.mentions
            record.surfaces.formUnion(moved.surfaces)
            record.documents += moved.documents
            record.see(date: moved.firstSeen, dates: dates)
            record.see(date: moved.lastSeen, dates: dates)
            record.meeting.date = record.meeting.date ?? moved.meeting.date
            record.meeting.format = record.meeting.format ?? moved.meeting.format
            record.meeting.ordinal = record.meeting.ordinal ?? moved.meeting.ordinal
            record.meeting.series = record.meeting.series ?? moved.meeting.series
            nodes[target] = record
        }
        // Every moving record leaves before any arrives, so a record never lands on one that is itself moving.
        // Joining is order-free (sums, minimum evidence and its event class, first/last dates, document lists
        // that build() sorts).
        let moving = edges.keys.filter { new($0) != $0 }
        let records = moving.map { (key: new($0), record: edges.removeValue(forKey: $0)!) }
        for (key, record) in records {
            if let into = edges[key] {
                let other = edgeRecords[Int(record)]
                edgeRecords[Int(record)].release()
                edgeRecords[Int(into)].absorb(other, documentIDs: documentIDs, dates: dates, eventClasses: eventClasses)
            } else {
                edges[key] = record
            }
        }
        let nodes = self.nodes
        pairs = Set(edges.keys.lazy.filter { $0.kind != .coMention && nodes[Int($0.source)] != nil && nodes[Int($0.target)] != nil }
            .map { PairKey($0.source, $0.target, $0.kind) })
    }

    /// Removes the `co_mention` edges between entities that a typed relation already joins (in either
    /// direction): the typed edge says more, and the co-mention would only repeat its sentence. In place.
    public mutating func dropCoMentionsShadowedByTypedRelations() {
        // The typed pairs without their kinds, so each co-mention is one lookup rather than one per kind.
        let typed = Set(pairs.lazy.map { PairKey($0.a, $0.b, .coMention) })
        let shadowed = edges.keys.filter { key in
            key.kind == .coMention && typed.contains(PairKey(key.source, key.target, .coMention))
        }
        for key in shadowed { edgeRecords[Int(edges.removeValue(forKey: key)!)].release() }
    }

    /// Removes every `co_mention` edge.
    public mutating func dropCoMentions() {
        for (key, i) in edges where key.kind == .coMention { edgeRecords[Int(i)].release() }
        edges = edges.filter { $0.key.kind != .coMention }
    }

    /// Whether a relation of one of `kinds` joins the two keys, in either direction. Typed kinds are a lookup;
    /// `co_mention` pairs are not indexed (they are most of the edges), so asking for them scans the edges.
    public func hasRelation(_ a: String, _ b: String, kinds: Set<EdgeKind>) -> Bool {
        guard let a = keys.find(a), let b = keys.find(b) else { return false }
        if kinds.contains(where: { $0 != .coMention && pairs.contains(PairKey(a, b, $0)) }) { return true }
        guard kinds.contains(.coMention), hasNode(a), hasNode(b) else { return false }
        let pair = PairKey(a, b, .coMention)
        return edges.keys.contains { $0.kind == .coMention && PairKey($0.source, $0.target, .coMention) == pair }
    }

    /// The graph in canonical order, and where each key ended up; the builder stays as it is. `takeGraph()` on a
    /// copy, so there is one way of making the graph.
    public func build() -> (graph: EntityGraph, indexByKey: [String: Int]) {
        var copy = self
        return copy.takeGraph()
    }

    /// The graph, taken at the end of a run when memory peaks: each record is released as its node or edge is
    /// made (the edge table as soon as every edge has its fields), so the builder and the graph are not both held
    /// at full size. Document lists move into the graph as they are (indices into the builder's table of ids,
    /// which becomes the graph's), and are renumbered, sorted and deduplicated in place once the edge table is
    /// gone. The builder is empty afterwards.
    public mutating func takeGraph() -> (graph: EntityGraph, indexByKey: [String: Int]) {
        // The node table moves out of the builder, so that taking its records one by one changes it in place.
        var nodes: [NodeRecord?] = []
        swap(&nodes, &self.nodes)
        // Sorted as small entries that hold what the order compares, so the sort looks nothing up.
        struct NodeEntry {
            var type: NodeType
            var label: String
            var key: String
            var index: Int32
        }
        var entries: [NodeEntry] = []
        for (i, record) in nodes.enumerated() {
            if let record { entries.append(NodeEntry(type: record.type, label: record.label, key: keys[Int32(i)], index: Int32(i))) }
        }
        entries.sort { ($0.type, $0.label, $0.key) < ($1.type, $1.label, $1.key) }
        var nodeOfKey = [Int32](repeating: -1, count: nodes.count)
        var indexByKey: [String: Int] = [:]
        indexByKey.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            nodeOfKey[Int(entry.index)] = Int32(position)
            indexByKey[entry.key] = position
        }
        // Edges in canonical order, sorted as small entries (the label compared as text only between edges of one
        // pair and kind), then made without their document lists: the edge table (the largest) is gone before any
        // list of document ids is spelled out.
        struct EdgeEntry {
            var source: Int32
            var target: Int32
            var kind: EdgeKind
            var label: Int32
            var record: Int32
        }
        var order: [EdgeEntry] = []
        order.reserveCapacity(edges.count)
        for (key, i) in edges {
            let source = nodeOfKey[Int(key.source)], target = nodeOfKey[Int(key.target)]
            guard source >= 0, target >= 0, source != target else { continue }
            order.append(EdgeEntry(source: source, target: target, kind: key.kind, label: key.label, record: i))
        }
        // The edge table's keys are all in `order` now: the table (a dictionary of the size of the largest
        // structure) goes before the graph's edges are allocated beside the records, where memory peaks.
        edges = [:]
        pairs = []
        nodeOfKey = []
        let labels = self.labels
        order.sort { a, b in
            if a.source != b.source { return a.source < b.source }
            if a.target != b.target { return a.target < b.target }
            if a.kind != b.kind { return a.kind < b.kind }
            return a.label != b.label && labels[a.label] < labels[b.label]
        }
        var graphEdges: [GraphEdge] = []
        graphEdges.reserveCapacity(order.count)
        for entry in order {
            graphEdges.append(edge(kind: entry.kind, label: labels[entry.label], record: edgeRecords[Int(entry.record)],
                                   source: Int(entry.source), target: Int(entry.target)))
        }
        order = []
        edgeRecords = []
        var graphNodes: [GraphNode] = []
        graphNodes.reserveCapacity(entries.count)
        for entry in entries { graphNodes.append(node(key: entry.key, record: nodes[Int(entry.index)].take()!)) }
        // The lists index the ids in the order they were interned. Fed in document order, that table is sorted
        // and every id in it is listed, and nothing is renumbered; otherwise the table is sorted and narrowed,
        // and the lists renumbered, which keeps their order.
        var graph = EntityGraph(nodes: graphNodes, edges: graphEdges, documentIDs: documentIDs.takeValues())
        graphNodes = []
        graphEdges = []
        graph.normalizeDocumentTable()
        // Indices now sort as their ids do: lists are sorted and deduplicated without comparing text.
        for i in graph.nodes.indices { Self.sortUnique(&graph.nodes[i].documents) }
        for i in graph.edges.indices { Self.sortUnique(&graph.edges[i].documents) }
        dates = Strings()
        keys = Strings()
        eventClasses = Strings()
        self.labels = Strings()
        return (graph, indexByKey)
    }

    private func node(key: String, record: NodeRecord) -> GraphNode {
        // The spellings without the label, sorted: the label is taken out of the sorted list rather than
        // subtracted as a Set, which made a new Set of every node's spellings.
        var aliases = record.surfaces.sorted()
        aliases.removeAll { $0 == record.label }
        // Read once: `meeting` makes a value (and copies its strings) at every read.
        let meeting = record.meeting
        return GraphNode(
            identity: key,
            label: record.label,
            type: record.type,
            aliases: aliases,
            mentions: record.mentions,
            documents: record.documents,
            date: meeting.date,
            format: meeting.format,
            ordinal: meeting.ordinal,
            series: meeting.series,
            firstSeen: dates.string(record.firstSeen),
            lastSeen: dates.string(record.lastSeen))
    }

    /// The edge with its documents as the record lists them (arrival order); `takeGraph` sorts them.
    private func edge(kind: EdgeKind, label: String, record: EdgeRecord, source: Int, target: Int) -> GraphEdge {
        // Weight counts distinct sentences: the same sentence reached twice is one piece of support.
        GraphEdge(
            source: source, target: target, kind: kind, label: label,
            weight: Double(record.counted + record.sentences.count),
            documents: record.documents,
            evidence: evidence(record.earliest), firstSeen: dates.string(record.firstSeen),
            lastSeen: dates.string(record.lastSeen), eventClass: eventClasses.string(record.eventClass))
    }

    struct SentenceID: Hashable, Sendable {
        var document: String
        var start: Int
    }

    /// Lists fed in document order are sorted already (and left alone, not copied); anything else is sorted
    /// here, each document once.
    static func sortUnique(_ list: inout [DocumentIndex]) {
        if !zip(list, list.dropFirst()).allSatisfy({ $0 < $1 }) { list = Array(Set(list)).sorted() }
    }
}
