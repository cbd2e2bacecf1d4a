/// Narrows a graph for display or analysis; applied before any exporter, so every format carries the same
/// nodes and edges.
///
/// Order of application: node types, edge kinds and the minimum edge weight first; then the top N nodes by
/// the chosen ranking (ties broken by canonical order, so the result is deterministic); finally edges whose
/// endpoints were removed go too. Node indices are renumbered, keeping canonical order.
/// Nodes are matched across the filter by `GraphNode.identity` (their ids change with the renumbering).
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
    /// The filtered graph, in canonical order and satisfying `EntityGraph`'s invariants.
    ///
    /// Degree, for `--top-by degree`, counts the edges that pass the kind and weight filters and join two nodes
    /// of kept types: the ranking describes the graph the user asked to see, not edges that are about to go.
    /// Parallel edges (two kinds between one pair) count separately, because each is a separate relation.
    /// Nodes left without edges are kept: the filters on edges narrow relations, not entities.
    public func apply(to graph: EntityGraph) -> EntityGraph {
        if isIdentity { return graph }
        var keepNode = graph.nodes.map { nodeTypes?.contains($0.type) ?? true }
        // An edge pointing outside the node list is dangling too; it goes rather than crashing the filter.
        let keptEdges = graph.edges.filter { edge in
            keepNode.indices.contains(edge.source) && keepNode.indices.contains(edge.target)
                && keepNode[edge.source] && keepNode[edge.target]
                && (edgeKinds?.contains(edge.kind) ?? true)
                && (minimumWeight.map { edge.weight >= $0 } ?? true)
        }
        if let topNodes {
            keepNode = topRanked(topNodes, among: keepNode, of: graph, edges: keptEdges)
        }
        return Self.renumbered(graph, keeping: keepNode, edges: keptEdges)
    }

    /// `keep` narrowed to the `count` highest-ranked kept nodes; ties go to the earlier node in canonical
    /// order, so the same graph and filter always keep the same nodes.
    private func topRanked(_ count: Int, among keep: [Bool], of graph: EntityGraph, edges: [GraphEdge]) -> [Bool] {
        let score: [Int]
        switch ranking {
        case .mentions:
            score = graph.nodes.map(\.mentions)
        case .degree:
            var degree = [Int](repeating: 0, count: graph.nodes.count)
            for edge in edges {
                degree[edge.source] += 1
                degree[edge.target] += 1
            }
            score = degree
        }
        let ranked = graph.nodes.indices.filter { keep[$0] }
            .sorted { (-score[$0], $0) < (-score[$1], $1) }
        var result = [Bool](repeating: false, count: graph.nodes.count)
        for index in ranked.prefix(max(count, 0)) { result[index] = true }
        return result
    }

    /// The kept nodes, in their original (canonical) order, and the edges whose endpoints both survive, with
    /// endpoints renumbered. Renumbering is monotonic, so the edges stay in canonical order too. The document
    /// table keeps only the ids the kept lists name (renumbered, so an id of a dropped node is not carried along).
    private static func renumbered(_ graph: EntityGraph, keeping keep: [Bool], edges: [GraphEdge]) -> EntityGraph {
        var newIndex = [Int?](repeating: nil, count: graph.nodes.count)
        var nodes: [GraphNode] = []
        for (index, node) in graph.nodes.enumerated() where keep[index] {
            newIndex[index] = nodes.count
            nodes.append(node)
        }
        let remapped = edges.compactMap { edge -> GraphEdge? in
            guard let source = newIndex[edge.source], let target = newIndex[edge.target] else { return nil }
            var copy = edge
            copy.source = source
            copy.target = target
            return copy
        }
        var filtered = EntityGraph(nodes: nodes, edges: remapped, documentIDs: graph.documentIDs)
        filtered.normalizeDocumentTable()
        return filtered
    }
}
