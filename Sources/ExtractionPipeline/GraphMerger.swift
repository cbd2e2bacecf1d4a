import GraphModel
import Resolution

/// Joins graphs from separate runs into one, by the identity rules extraction uses across documents.
///
/// It lives here, not in GraphModel, because the fallback identity needs `normalizedName` from Resolution,
/// which GraphModel must not depend on; ExtractionPipeline is where the stages meet, and it is a library
/// product, so programs can merge as the CLI does.
///
/// **Identity.** Nodes with the same non-empty `identity` (the resolver's key, `country:RU`) are one entity.
/// A node without one (a graph written by another tool) is keyed `type:` + `normalizedName(label)`, the same
/// shape the resolver gives names without a gazetteer identity, so "the Taliban" and "Taliban" meet.
///
/// **Independence of input order.** Every choice is made from values, never from positions:
/// `merge([a, b]) == merge([b, a])`, and a graph built by `GraphBuilder` merges with nothing into itself.
/// - label: the label carrying most mentions over all inputs, ties alphabetical;
/// - type: that of the first node carrying that label in contributor order (most mentions first, then by content);
/// - aliases: every label and alias seen, minus the label; mentions summed; documents united;
/// - meeting attributes: the first non-nil in contributor order; first/last seen: min/max.
/// Edges are keyed by (source identity, target identity, kind, label): weights summed, documents united,
/// evidence the earliest (document, start), first/last seen min/max. The result is in canonical order
/// (nodes by type, label, identity; edges by source, target, kind, label), as `GraphBuilder` produces.
///
/// Document lists are joined as indices: every input's table is mapped once into the merged one (the sorted
/// union of the inputs' ids), and each node and edge is renumbered into it before grouping, so no list is spelled
/// out as ids.
///
/// Runs are assumed to cover different documents: the same document in two inputs counts its mentions and
/// sentences twice, because a graph keeps counts, not the sentences behind them.
public enum GraphMerger {
    public static func merge(_ graphs: [EntityGraph]) -> EntityGraph {
        let documentIDs = Set(graphs.lazy.flatMap(\.documentIDs)).sorted()
        var position: [String: Int32] = [:]
        position.reserveCapacity(documentIDs.count)
        for (i, id) in documentIDs.enumerated() { position[id] = Int32(i) }
        // Per input, its table's entries in the merged table.
        let renumbering = graphs.map { graph in graph.documentIDs.map { DocumentIndex(position[$0]!) } }
        position = [:]

        var groups: [String: [GraphNode]] = [:]
        var keysByGraph: [[String]] = []
        for (graph, renumbered) in zip(graphs, renumbering) {
            var keys: [String] = []
            keys.reserveCapacity(graph.nodes.count)
            for var node in graph.nodes {
                let key = identityKey(node)
                keys.append(key)
                node.documents = renumber(node.documents, renumbered)
                groups[key, default: []].append(node)
            }
            keysByGraph.append(keys)
        }

        let merged = groups.map { key, nodes in (key: key, node: mergeNodes(nodes, key: key, documentIDs: documentIDs)) }
            .sorted { ($0.node.type, $0.node.label, $0.key) < ($1.node.type, $1.node.label, $1.key) }
        var indexByKey: [String: Int] = [:]
        for (index, entry) in merged.enumerated() { indexByKey[entry.key] = index }

        var edgeGroups: [EdgeKey: [GraphEdge]] = [:]
        for ((graph, keys), renumbered) in zip(zip(graphs, keysByGraph), renumbering) {
            for var edge in graph.edges where keys.indices.contains(edge.source) && keys.indices.contains(edge.target) {
                let key = EdgeKey(source: keys[edge.source], target: keys[edge.target], kind: edge.kind, label: edge.label)
                edge.documents = renumber(edge.documents, renumbered)
                edgeGroups[key, default: []].append(edge)
            }
        }
        var edges: [GraphEdge] = []
        edges.reserveCapacity(edgeGroups.count)
        for (key, group) in edgeGroups {
            // Two nodes of one input that share an identity become one node: an edge between them would be a loop.
            guard let source = indexByKey[key.source], let target = indexByKey[key.target], source != target else { continue }
            edges.append(mergeEdges(group, source: source, target: target))
        }
        edges.sort { ($0.source, $0.target, $0.kind, $0.label) < ($1.source, $1.target, $1.kind, $1.label) }
        // Edges that became loops went, and their documents may be listed nowhere else.
        var graph = EntityGraph(nodes: merged.map(\.node), edges: edges, documentIDs: documentIDs)
        graph.normalizeDocumentTable()
        return graph
    }

    /// A list of an input in the merged table. An index outside the input's table (a graph that fails
    /// `validate()`) names no document and is dropped, as `EntityGraph.normalizeDocumentTable` drops it.
    private static func renumber(_ documents: [DocumentIndex], _ renumbered: [DocumentIndex]) -> [DocumentIndex] {
        documents.compactMap { renumbered.indices.contains($0.position) ? renumbered[$0.position] : nil }
    }

    /// The node's identity, or the fallback built from its type and normalised label.
    public static func identityKey(_ node: GraphNode) -> String {
        node.identity.isEmpty ? "\(node.type.rawValue):\(normalizedName(node.label))" : node.identity
    }

    private struct EdgeKey: Hashable {
        var source: String
        var target: String
        var kind: EdgeKind
        var label: String
    }

    /// `nodes` list documents in the merged table, `documentIDs`.
    private static func mergeNodes(_ nodes: [GraphNode], key: String, documentIDs: [String]) -> GraphNode {
        let ordered = nodes.sorted { contributorOrder($0, $1, documentIDs: documentIDs) }
        var mentionsByLabel: [String: Int] = [:]
        for node in nodes { mentionsByLabel[node.label, default: 0] += node.mentions }
        let label = mentionsByLabel.min { a, b in (-a.value, a.key) < (-b.value, b.key) }!.key
        var names = Set(nodes.flatMap(\.aliases))
        names.formUnion(nodes.map(\.label))
        names.remove(label)
        let first = ordered[0]
        return GraphNode(
            identity: nodes.contains { !$0.identity.isEmpty } ? key : "",
            label: label,
            type: (ordered.first { $0.label == label } ?? first).type,
            aliases: names.sorted(),
            mentions: nodes.reduce(0) { $0 &+ $1.mentions },
            documents: Set(nodes.flatMap(\.documents)).sorted(),
            date: ordered.lazy.compactMap(\.date).first,
            format: ordered.lazy.compactMap(\.format).first,
            ordinal: ordered.lazy.compactMap(\.ordinal).first,
            series: ordered.lazy.compactMap(\.series).first,
            firstSeen: nodes.compactMap(\.firstSeen).min(),
            lastSeen: nodes.compactMap(\.lastSeen).max())
    }

    private static func mergeEdges(_ edges: [GraphEdge], source: Int, target: Int) -> GraphEdge {
        let first = edges[0]
        return GraphEdge(
            source: source, target: target, kind: first.kind, label: first.label,
            weight: edges.map(\.weight).sorted().reduce(0, +),  // sorted: the sum of doubles depends on order
            documents: Set(edges.flatMap(\.documents)).sorted(),
            evidence: edges.map(\.evidence).min()!,
            firstSeen: edges.compactMap(\.firstSeen).min(),
            lastSeen: edges.compactMap(\.lastSeen).max(),
            eventClass: edges.compactMap(\.eventClass).min())
    }

    /// A total order on nodes by content: most mentions first, then every field, so equal positions never
    /// decide and which graph a node came from does not matter.
    private static func contributorOrder(_ a: GraphNode, _ b: GraphNode, documentIDs: [String]) -> Bool {
        if a.mentions != b.mentions { return a.mentions > b.mentions }
        return fields(a, documentIDs).lexicographicallyPrecedes(fields(b, documentIDs))
    }

    /// The documents are compared as the ids they spell (through `documentIDs`), as before the lists held indices.
    private static func fields(_ node: GraphNode, _ documentIDs: [String]) -> [String] {
        [node.label, node.type.rawValue, node.identity, node.aliases.joined(separator: "\u{1F}"),
         node.documents.lazy.map { documentIDs[$0.position] }.joined(separator: "\u{1F}"), node.date ?? "", node.format ?? "",
         node.ordinal.map(String.init) ?? "", node.series ?? "", node.firstSeen ?? "", node.lastSeen ?? ""]
    }
}
