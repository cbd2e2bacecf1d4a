/// A node of the finished graph.
///
/// The model knows nothing about file formats: exporters decide how to spell each field.
public struct GraphNode: Hashable, Sendable {
    /// The resolution key that made this node (`country:RU`, `person:sergey lavrov`): what graphs from separate
    /// runs are merged by. Empty when unknown (a graph read from a file written elsewhere).
    public var identity: String
    /// Canonical display name.
    public var label: String
    public var type: NodeType
    /// Other names seen for this entity, sorted, never containing `label`.
    public var aliases: [String]
    /// How many mentions in the text became this node.
    public var mentions: Int
    /// Ids of the documents that mention it, sorted.
    public var documents: [String]
    /// Meetings: ISO 8601 date when known.
    public var date: String?
    /// Meetings: summit, talks, conference, call, visit, …
    public var format: String?
    /// Meetings: "sixth" meeting of a series → 6.
    public var ordinal: Int?
    /// Meetings: the name of the series the meeting belongs to ("Moscow Format").
    public var series: String?
    /// Earliest and latest document date on which the entity is seen (for dynamic exports).
    public var firstSeen: String?
    public var lastSeen: String?

    public init(identity: String = "", label: String, type: NodeType, aliases: [String] = [], mentions: Int = 0, documents: [String] = [],
                date: String? = nil, format: String? = nil, ordinal: Int? = nil, series: String? = nil,
                firstSeen: String? = nil, lastSeen: String? = nil) {
        self.identity = identity
        self.label = label
        self.type = type
        self.aliases = aliases
        self.mentions = mentions
        self.documents = documents
        self.date = date
        self.format = format
        self.ordinal = ordinal
        self.series = series
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}

/// A typed, directed edge of the finished graph. `source` and `target` index `EntityGraph.nodes`.
public struct GraphEdge: Hashable, Sendable {
    public var source: Int
    public var target: Int
    public var kind: EdgeKind
    /// The role title or verb ("foreign minister", "invite"); empty when the kind says it all.
    public var label: String
    /// Number of distinct supporting sentences.
    public var weight: Double
    /// Ids of the documents with supporting sentences, sorted.
    public var documents: [String]
    /// The chosen supporting sentence: the earliest one.
    public var evidence: Evidence
    /// Earliest and latest document date of the supporting sentences (for dynamic exports).
    public var firstSeen: String?
    public var lastSeen: String?
    /// Interactions: a coarse event class in the spirit of the CAMEO codes (consult, visit, host, appeal,
    /// invite, recognise, accuse, attack, cooperate, …), so verbs of one kind can be filtered together.
    public var eventClass: String?

    public init(source: Int, target: Int, kind: EdgeKind, label: String, weight: Double, documents: [String],
                evidence: Evidence, firstSeen: String? = nil, lastSeen: String? = nil, eventClass: String? = nil) {
        self.eventClass = eventClass
        self.source = source
        self.target = target
        self.kind = kind
        self.label = label
        self.weight = weight
        self.documents = documents
        self.evidence = evidence
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// The ISO date of the evidence's document, when it has one.
    public var date: String? { evidence.date }
}

/// The finished entity-relationship graph, in canonical order.
///
/// Invariants (kept by `GraphBuilder` and checked by `validate()`): nodes are sorted by type then label;
/// edges by source, target, kind, label; every edge endpoint is a valid node index. Identifiers are derived
/// from positions (`n0`, `e0`), never from names, so no name can collide with an id or break a format.
public struct EntityGraph: Hashable, Sendable {
    public var nodes: [GraphNode]
    public var edges: [GraphEdge]

    public init(nodes: [GraphNode] = [], edges: [GraphEdge] = []) {
        self.nodes = nodes
        self.edges = edges
    }

    public static func nodeID(_ index: Int) -> String { "\(Unicode.Scalar(nodeIDPrefix))\(index)" }
    public static func edgeID(_ index: Int) -> String { "\(Unicode.Scalar(edgeIDPrefix))\(index)" }
    /// The ASCII letter before a node's or edge's index (`n3`, `e7`), also for writers that spell ids without
    /// making a String.
    public static let nodeIDPrefix = UInt8(ascii: "n")
    public static let edgeIDPrefix = UInt8(ascii: "e")

    /// Endpoints that do not exist, described for an error message; empty when the graph is sound.
    public func validate() -> [String] {
        var problems: [String] = []
        for (i, edge) in edges.enumerated() {
            if !nodes.indices.contains(edge.source) || !nodes.indices.contains(edge.target) {
                problems.append("edge \(Self.edgeID(i)) points at a node that does not exist")
            }
        }
        return problems
    }
}
