import Testing
import GraphModel

/// `GraphFilter.apply(to:)`: each option alone, together, and the edge cases (top 0, top beyond the graph).
@Suite struct GraphFilterTests {
    /// A small graph in canonical order, with mentions and degrees chosen so the two rankings disagree:
    ///
    ///     n0 Ann (person, 9 mentions)      n1 Bob (person, 1)        n2 Cid (person, 1)
    ///     n3 Acme (organisation, 2)        n4 France (country, 5)    n5 Paris (location, 0)
    ///
    /// Bob has the highest degree (4 edges) but few mentions; Ann the most mentions but degree 2.
    static func graph() -> EntityGraph {
        let nodes = [
            GraphNode(identity: "person:ann", label: "Ann", type: .person, mentions: 9),
            GraphNode(identity: "person:bob", label: "Bob", type: .person, mentions: 1),
            GraphNode(identity: "person:cid", label: "Cid", type: .person, mentions: 1),
            GraphNode(identity: "org:acme", label: "Acme", type: .organisation, mentions: 2),
            GraphNode(identity: "country:FR", label: "France", type: .country, mentions: 5),
            GraphNode(identity: "location:paris", label: "Paris", type: .location, mentions: 0),
        ]
        func edge(_ s: Int, _ t: Int, _ kind: EdgeKind, _ label: String = "", weight: Double = 1) -> GraphEdge {
            GraphEdge(source: s, target: t, kind: kind, label: label, weight: weight, documents: [0],
                      evidence: Evidence(document: "d", sentence: "\(s)-\(t)", start: s, end: t))
        }
        return EntityGraph(nodes: nodes, edges: [
            edge(0, 3, .role, "chair", weight: 3),
            edge(0, 4, .coMention, weight: 1),
            edge(1, 2, .interaction, "meet", weight: 2),
            edge(1, 3, .coMention, weight: 1),
            edge(1, 4, .coMention, weight: 1),
            edge(2, 1, .coMention, weight: 1),
            edge(3, 4, .memberOf, weight: 2),
            edge(5, 4, .locatedIn, weight: 1),
        ], documentIDs: ["d"])
    }

    static func labels(_ graph: EntityGraph) -> [String] { graph.nodes.map(\.label) }

    /// Edges as `source-label -> target-label kind`, which survives renumbering.
    static func edges(_ graph: EntityGraph) -> [String] {
        graph.edges.map { "\(graph.nodes[$0.source].label)->\(graph.nodes[$0.target].label) \($0.kind.rawValue)" }
    }

    /// What every filtered graph must keep: valid endpoints, canonical order of nodes and edges.
    static func expectInvariants(_ graph: EntityGraph, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(graph.validate().isEmpty, sourceLocation: sourceLocation)
        let nodeKeys = graph.nodes.map { ($0.type, $0.label) }
        #expect(zip(nodeKeys, nodeKeys.dropFirst()).allSatisfy { $0 <= $1 }, sourceLocation: sourceLocation)
        let edgeKeys = graph.edges.map { ($0.source, $0.target, $0.kind, $0.label) }
        #expect(zip(edgeKeys, edgeKeys.dropFirst()).allSatisfy { $0 <= $1 }, sourceLocation: sourceLocation)
    }

    @Test func identityFilterReturnsAnEqualGraph() {
        let filter = GraphFilter()
        #expect(filter.isIdentity)
        #expect(filter.apply(to: Self.graph()) == Self.graph())
        #expect(filter.apply(to: EntityGraph()) == EntityGraph())
    }

    @Test func nodeTypesDropNodesAndTheirEdges() {
        let result = GraphFilter(nodeTypes: [.person, .country]).apply(to: Self.graph())
        Self.expectInvariants(result)
        #expect(Self.labels(result) == ["Ann", "Bob", "Cid", "France"])
        #expect(Self.edges(result) == ["Ann->France co_mention", "Bob->Cid interaction", "Bob->France co_mention",
                                       "Cid->Bob co_mention"])
    }

    @Test func edgeKindsKeepEveryNode() {
        let result = GraphFilter(edgeKinds: [.role, .memberOf]).apply(to: Self.graph())
        Self.expectInvariants(result)
        #expect(result.nodes == Self.graph().nodes)
        #expect(Self.edges(result) == ["Ann->Acme role", "Acme->France member_of"])
    }

    @Test func minimumWeightIsInclusive() {
        let result = GraphFilter(minimumWeight: 2).apply(to: Self.graph())
        Self.expectInvariants(result)
        #expect(result.nodes.count == 6)
        #expect(Self.edges(result) == ["Ann->Acme role", "Bob->Cid interaction", "Acme->France member_of"])
    }

    @Test func topByMentionsBreaksTiesByCanonicalOrder() {
        // Bob and Cid both have 1 mention; Bob comes first in canonical order.
        let result = GraphFilter(topNodes: 4, ranking: .mentions).apply(to: Self.graph())
        Self.expectInvariants(result)
        #expect(Self.labels(result) == ["Ann", "Bob", "Acme", "France"])
        #expect(Self.edges(result) == ["Ann->Acme role", "Ann->France co_mention", "Bob->Acme co_mention",
                                       "Bob->France co_mention", "Acme->France member_of"])
    }

    @Test func topByDegree() {
        // Degrees: Ann 2, Bob 4, Cid 2, Acme 3, France 4, Paris 1.
        let result = GraphFilter(topNodes: 3, ranking: .degree).apply(to: Self.graph())
        Self.expectInvariants(result)
        #expect(Self.labels(result) == ["Bob", "Acme", "France"])
        #expect(Self.edges(result) == ["Bob->Acme co_mention", "Bob->France co_mention", "Acme->France member_of"])
    }

    @Test func degreeCountsOnlyEdgesThatSurviveKindAndWeight() {
        // Without co_mention: Ann 1, Bob 1, Cid 1, Acme 2, France 2, Paris 1 → Acme, France, then Ann (earliest).
        let result = GraphFilter(edgeKinds: [.role, .interaction, .memberOf, .locatedIn], topNodes: 3, ranking: .degree)
            .apply(to: Self.graph())
        Self.expectInvariants(result)
        #expect(Self.labels(result) == ["Ann", "Acme", "France"])
        #expect(Self.edges(result) == ["Ann->Acme role", "Acme->France member_of"])
    }

    @Test func degreeIgnoresEdgesToNodesOfRemovedTypes() {
        // Persons only: Bob 2 (Cid twice), Cid 2, Ann 0.
        let result = GraphFilter(nodeTypes: [.person], topNodes: 2, ranking: .degree).apply(to: Self.graph())
        #expect(Self.labels(result) == ["Bob", "Cid"])
    }

    @Test func combinedOptions() {
        let filter = GraphFilter(nodeTypes: [.person, .organisation, .country], edgeKinds: [.role, .memberOf, .coMention],
                                 minimumWeight: 1, topNodes: 3, ranking: .mentions)
        let result = filter.apply(to: Self.graph())
        Self.expectInvariants(result)
        #expect(Self.labels(result) == ["Ann", "Acme", "France"])
        #expect(Self.edges(result) == ["Ann->Acme role", "Ann->France co_mention", "Acme->France member_of"])
    }

    @Test func topZeroIsTheEmptyGraph() {
        #expect(GraphFilter(topNodes: 0).apply(to: Self.graph()) == EntityGraph())
        #expect(GraphFilter(topNodes: 0, ranking: .degree).apply(to: Self.graph()) == EntityGraph())
    }

    @Test func topLargerThanTheGraphKeepsEverything() {
        #expect(GraphFilter(topNodes: 100).apply(to: Self.graph()) == Self.graph())
        #expect(GraphFilter(topNodes: 6, ranking: .degree).apply(to: Self.graph()) == Self.graph())
    }

    @Test func filtersThatKeepEverythingReturnAnEqualGraph() {
        #expect(GraphFilter(nodeTypes: Set(NodeType.allCases), edgeKinds: Set(EdgeKind.allCases), minimumWeight: 0)
            .apply(to: Self.graph()) == Self.graph())
    }

    @Test func isDeterministicAndIdempotent() {
        let filter = GraphFilter(edgeKinds: [.coMention, .interaction], topNodes: 3, ranking: .degree)
        let once = filter.apply(to: Self.graph())
        #expect(filter.apply(to: Self.graph()) == once)
        // Renumbering keeps identities: the kept nodes are the same entities.
        #expect(once.nodes.map(\.identity) == ["person:bob", "person:cid", "country:FR"])
    }

    @Test func danglingEdgesOfAnInvalidGraphAreDropped() {
        var graph = Self.graph()
        graph.edges.append(GraphEdge(source: 0, target: 42, kind: .coMention, label: "", weight: 1, documents: [],
                                     evidence: Evidence(document: "d", sentence: "", start: 0, end: 0)))
        let result = GraphFilter(minimumWeight: 0).apply(to: graph)
        #expect(result.validate().isEmpty)
        #expect(result.edges.count == Self.graph().edges.count)
    }
}
