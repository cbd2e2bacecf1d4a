/// Narrows a graph for display or analysis; applied before any exporter, so every format carries the same
/// nodes and edges.
///
/// Order of application: node types, edge kinds and the minimum edge weight first; then the top N nodes by
/// the chosen ranking (ties broken by canonical order, so the result is deterministic); finally edges whose
/// endpoints were removed go too. Node indices are renumbered, keeping canonical order.
public struct GraphFilter: Hashable, Sendable {
    public enum Ranking: String, Hashable, Sendable, CaseIterable {
        case mentions
        case degree
    }

    /// Keep only nodes of these types (nil: all).
    public var nodeTypes: Set<NodeType>?
    /// Keep only edges of these kinds (nil: all).
    public var edgeKinds: Set<EdgeKind>?
    /// Keep only edges with at least this weight.
    public var minimumWeight: Double?
    /// Keep only the N highest-ranked nodes.
    public var topNodes: Int?
    public var ranking: Ranking

    public init(nodeTypes: Set<NodeType>? = nil, edgeKinds: Set<EdgeKind>? = nil, minimumWeight: Double? = nil,
                topNodes: Int? = nil, ranking: Ranking = .mentions) {
        self.nodeTypes = nodeTypes
        self.edgeKinds = edgeKinds
        self.minimumWeight = minimumWeight
        self.topNodes = topNodes
        self.ranking = ranking
    }

    /// True when the filter keeps everything.
    public var isIdentity: Bool {
        nodeTypes == nil && edgeKinds == nil && minimumWeight == nil && topNodes == nil
    }
}

extension GraphFilter {
    /// The filtered graph. Placeholder until the filter is implemented: returns the graph unchanged.
    public func apply(to graph: EntityGraph) -> EntityGraph {
        graph
    }
}
