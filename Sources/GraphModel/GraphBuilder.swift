/// Accumulates entities and relations from any number of documents into one `EntityGraph`.
///
/// Entities are addressed by a resolution key (a stable string chosen by the resolver, such as
/// `country:RU` or `person:sergey lavrov`), so evidence from many documents lands on one node.
/// `build()` sorts everything into canonical order, which makes the output independent of the
/// order in which documents were read.
public struct GraphBuilder: Sendable {
    struct NodeRecord: Sendable {
        var label: String
        var type: NodeType
        var surfaces: Set<String> = []
        var mentions = 0
        var documents: Set<String> = []
        var dates: Set<String> = []
        var meeting = MeetingAttributes()
    }

    struct EdgeKey: Hashable, Sendable {
        var source: String
        var target: String
        var kind: EdgeKind
        var label: String
    }

    struct EdgeRecord: Sendable {
        var evidence: Set<Evidence> = []
        var eventClass: String?
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
        guard var record = nodes[key] else { return }
        record.mentions += 1
        record.documents.insert(document)
        if !surface.isEmpty { record.surfaces.insert(surface) }
        if let date { record.dates.insert(date) }
        nodes[key] = record
    }

    /// Adds a name without counting a mention (alias tables, acronym expansions seen in passing).
    public mutating func addAlias(key: String, alias: String) {
        guard !alias.isEmpty else { return }
        nodes[key]?.surfaces.insert(alias)
    }

    /// Marks a node as seen in a document without a mention of its own (e.g. a meeting inferred from a verb).
    public mutating func addDocument(key: String, document: String, date: String?) {
        nodes[key]?.documents.insert(document)
        if let date { nodes[key]?.dates.insert(date) }
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

    /// Adds one supporting sentence for a relation. Edges between unknown keys and self-loops are ignored:
    /// a relation needs two declared, distinct entities.
    public mutating func addRelation(from source: String, to target: String, kind: EdgeKind, label: String = "",
                                     evidence: Evidence, eventClass: String? = nil) {
        guard source != target, nodes[source] != nil, nodes[target] != nil else { return }
        let key = EdgeKey(source: source, target: target, kind: kind, label: label)
        edges[key, default: EdgeRecord()].evidence.insert(evidence)
        if let eventClass, edges[key]!.eventClass == nil { edges[key]!.eventClass = eventClass }
        pairs.insert(PairKey(source, target, kind))
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
            let sortedDates = record.dates.sorted()
            graphNodes.append(GraphNode(
                identity: key,
                label: record.label,
                type: record.type,
                aliases: record.surfaces.subtracting([record.label]).sorted(),
                mentions: record.mentions,
                documents: record.documents.sorted(),
                date: record.meeting.date,
                format: record.meeting.format,
                ordinal: record.meeting.ordinal,
                series: record.meeting.series,
                firstSeen: sortedDates.first,
                lastSeen: sortedDates.last))
        }
        var graphEdges: [GraphEdge] = []
        graphEdges.reserveCapacity(edges.count)
        for (key, record) in edges {
            guard let source = indexByKey[key.source], let target = indexByKey[key.target],
                  let first = record.evidence.min() else { continue }
            // Weight counts distinct sentences: the same sentence reached twice is one piece of support.
            let sentences = Set(record.evidence.map { SentenceID(document: $0.document, start: $0.start) })
            let dates = record.evidence.compactMap(\.date).sorted()
            graphEdges.append(GraphEdge(
                source: source, target: target, kind: key.kind, label: key.label,
                weight: Double(sentences.count),
                documents: Set(record.evidence.map(\.document)).sorted(),
                evidence: first, firstSeen: dates.first, lastSeen: dates.last, eventClass: record.eventClass))
        }
        graphEdges.sort { ($0.source, $0.target, $0.kind, $0.label) < ($1.source, $1.target, $1.kind, $1.label) }
        return (EntityGraph(nodes: graphNodes, edges: graphEdges), indexByKey)
    }

    private struct SentenceID: Hashable {
        var document: String
        var start: Int
    }
}
