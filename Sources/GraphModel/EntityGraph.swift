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
    /// The documents that mention it, as indices into `EntityGraph.documentIDs`, sorted (the table is sorted, so
    /// the ids are too); `EntityGraph.documents(of:)` spells them.
    public var documents: [DocumentIndex]
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

    public init(identity: String = "", label: String, type: NodeType, aliases: [String] = [], mentions: Int = 0,
                documents: [DocumentIndex] = [],
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
    /// The documents with supporting sentences, as indices into `EntityGraph.documentIDs`, sorted;
    /// `EntityGraph.documents(of:)` spells them.
    public var documents: [DocumentIndex]
    /// The chosen supporting sentence: the earliest one.
    public var evidence: Evidence
    /// Earliest and latest document date of the supporting sentences (for dynamic exports).
    public var firstSeen: String?
    public var lastSeen: String?
    /// Interactions: a coarse event class in the spirit of the CAMEO codes (consult, visit, host, appeal,
    /// invite, recognise, accuse, attack, cooperate, …), so verbs of one kind can be filtered together.
    public var eventClass: String?

    public init(source: Int, target: Int, kind: EdgeKind, label: String, weight: Double, documents: [DocumentIndex],
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

/// A document of a graph: an index into its `EntityGraph.documentIDs`.
///
/// Node and edge lists hold these rather than the ids themselves. A corpus ten times larger lists ten times the
/// documents per node and edge, and spelled out as Strings (16 bytes each: ids such as "copy0-conll00000" are one
/// byte too long to be stored inline) those lists were most of the memory that grew with the corpus; an index
/// is 4 bytes. A type of its own, so an index is not mistaken for a count or a node index.
public struct DocumentIndex: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: Int32

    public init(_ rawValue: Int32) { self.rawValue = rawValue }
    public init(_ position: Int) { self.rawValue = Int32(position) }
    public init(integerLiteral value: Int32) { self.rawValue = value }

    /// The position in `EntityGraph.documentIDs`.
    public var position: Int { Int(rawValue) }
    public var description: String { rawValue.description }

    public static func < (lhs: DocumentIndex, rhs: DocumentIndex) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The finished entity-relationship graph, in canonical order.
///
/// Invariants (kept by `GraphBuilder` and checked by `validate()`): nodes are sorted by type then label;
/// edges by source, target, kind, label; every edge endpoint is a valid node index. Identifiers are derived
/// from positions (`n0`, `e0`), never from names, so no name can collide with an id or break a format.
///
/// Document ids are stored once, in `documentIDs`: sorted, distinct, and exactly the ids some node or edge
/// lists (kept by `GraphBuilder`, the GraphML reader, `GraphMerger` and `GraphFilter`, so that equal graphs have
/// equal tables and compare equal); every list holds indices into it (`validate()` checks they are in range).
/// Writers spell one list at a time (`documents(of:)`), never all of them at once.
public struct EntityGraph: Hashable, Sendable {
    public var nodes: [GraphNode]
    public var edges: [GraphEdge]
    /// Every document id the lists name, sorted and distinct: what a `DocumentIndex` indexes.
    public var documentIDs: [String]

    public init(nodes: [GraphNode] = [], edges: [GraphEdge] = [], documentIDs: [String] = []) {
        self.nodes = nodes
        self.edges = edges
        self.documentIDs = documentIDs
    }

    /// The id of one document of the table.
    public subscript(document document: DocumentIndex) -> String { documentIDs[document.position] }

    /// The ids of the documents that mention the node, in its list's order (sorted).
    public func documents(of node: GraphNode) -> [String] { node.documents.map { documentIDs[$0.position] } }

    /// The ids of the documents with sentences supporting the edge, in its list's order (sorted).
    public func documents(of edge: GraphEdge) -> [String] { edge.documents.map { documentIDs[$0.position] } }

    public static func nodeID(_ index: Int) -> String { "\(Unicode.Scalar(nodeIDPrefix))\(index)" }
    public static func edgeID(_ index: Int) -> String { "\(Unicode.Scalar(edgeIDPrefix))\(index)" }
    /// The ASCII letter before a node's or edge's index (`n3`, `e7`), also for writers that spell ids without
    /// making a String.
    public static let nodeIDPrefix = UInt8(ascii: "n")
    public static let edgeIDPrefix = UInt8(ascii: "e")

    /// Endpoints and documents that do not exist, described for an error message; empty when the graph is sound.
    public func validate() -> [String] {
        var problems: [String] = []
        let documents = documentIDs.indices
        // By index, reading only the fields checked: a node or edge copied per iteration (labels, evidence and
        // all, a retain and a release each) cost more than the checks, and every export validates its graph.
        for i in nodes.indices where !nodes[i].documents.allSatisfy({ documents.contains($0.position) }) {
            problems.append("node \(Self.nodeID(i)) lists a document that is not in the table")
        }
        for i in edges.indices {
            if !nodes.indices.contains(edges[i].source) || !nodes.indices.contains(edges[i].target) {
                problems.append("edge \(Self.edgeID(i)) points at a node that does not exist")
            }
            if !edges[i].documents.allSatisfy({ documents.contains($0.position) }) {
                problems.append("edge \(Self.edgeID(i)) lists a document that is not in the table")
            }
        }
        return problems
    }
}

extension EntityGraph {
    /// Gives `documentIDs` the form the type promises, for a graph whose table was made some other way (in the
    /// order ids were met, or left holding ids of nodes and edges since dropped): sorted, distinct, and only
    /// the ids some list holds. Every list is renumbered in place and keeps its order, so a list that was sorted
    /// by id stays sorted. An index outside the table (a graph that fails `validate()`) names no document and is
    /// dropped, as `GraphFilter` drops an edge with a missing endpoint, rather than crashing.
    ///
    /// A table already in that form is left alone after one pass over the lists and one over the table.
    public mutating func normalizeDocumentTable() {
        var listed = [Bool](repeating: false, count: documentIDs.count)
        var outside = false
        func mark(_ documents: [DocumentIndex]) {
            for document in documents {
                if listed.indices.contains(document.position) { listed[document.position] = true } else { outside = true }
            }
        }
        // By index: a node or edge copied per iteration (labels, evidence and all) cost ten times the marking.
        for i in nodes.indices { mark(nodes[i].documents) }
        for i in edges.indices { mark(edges[i].documents) }
        if outside {
            let count = documentIDs.count
            for i in nodes.indices { nodes[i].documents.removeAll { !(0..<count).contains($0.position) } }
            for i in edges.indices { edges[i].documents.removeAll { !(0..<count).contains($0.position) } }
        }
        if !listed.contains(false), zip(documentIDs, documentIDs.dropFirst()).allSatisfy({ $0 < $1 }) { return }
        let ids = documentIDs
        let order = ids.indices.filter { listed[$0] }.sorted { ids[$0] < ids[$1] }
        var table: [String] = []
        table.reserveCapacity(order.count)
        var renumbered = [DocumentIndex](repeating: DocumentIndex(-1), count: ids.count)
        for old in order {
            // Equal ids meet here, side by side: they become one entry.
            if table.last != ids[old] { table.append(ids[old]) }
            renumbered[old] = DocumentIndex(table.count - 1)
        }
        for i in nodes.indices {
            for j in nodes[i].documents.indices { nodes[i].documents[j] = renumbered[nodes[i].documents[j].position] }
        }
        for i in edges.indices {
            for j in edges[i].documents.indices { edges[i].documents[j] = renumbered[edges[i].documents[j].position] }
        }
        documentIDs = table
    }
}

/// Document ids numbered in the order they are met, for lists made before the whole table is known (a file
/// being read): the graph made with `table` then takes `EntityGraph.normalizeDocumentTable()`, which sorts it.
/// Each id is stored once however many lists name it.
public struct DocumentNumbering: Sendable {
    /// The ids met so far, in the order they were met: what the indices given so far index.
    public private(set) var table: [String] = []
    private var index: [String: Int32] = [:]

    public init() {}

    /// The index of `id`, numbered now if it is new.
    public mutating func index(of id: String) -> DocumentIndex {
        let next = Int32(table.count)
        let known = index.value(forKey: id, addingIfAbsent: next)
        if known == next { table.append(id) }
        return DocumentIndex(known)
    }

    /// The indices of a list of ids, in its order.
    public mutating func indices(of ids: [String]) -> [DocumentIndex] { ids.map { index(of: $0) } }
}
