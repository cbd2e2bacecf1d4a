import Testing
import GraphModel

/// `EntityGraph.documentIDs`: one sorted table of document ids, which node and edge lists index, made by the
/// builder, kept in form by `normalizeDocumentTable()` and `GraphFilter`, checked by `validate()`.
@Suite struct DocumentTableTests {
    static func evidence(_ document: String) -> Evidence {
        Evidence(document: document, sentence: "A met B.", start: 0, end: 8)
    }

    /// Every list spelled through the table, nodes then edges: what the writers write.
    static func spelled(_ graph: EntityGraph) -> [[String]] {
        graph.nodes.map(graph.documents(of:)) + graph.edges.map(graph.documents(of:))
    }

    @Test func builderListsIndexOneSortedTable() {
        var builder = GraphBuilder()
        builder.addEntity(key: "a", label: "A", type: .person)
        builder.addEntity(key: "b", label: "B", type: .person)
        builder.addMention(key: "a", surface: "A", document: "doc-2", date: nil)
        builder.addMention(key: "b", surface: "B", document: "doc-2", date: nil)
        builder.addMention(key: "a", surface: "A", document: "doc-3", date: nil)
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "meet", evidence: Self.evidence("doc-2"))
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "meet", evidence: Self.evidence("doc-3"))
        let graph = builder.build().graph
        #expect(graph.documentIDs == ["doc-2", "doc-3"])
        #expect(graph.nodes.map(\.documents) == [[0, 1], [0]])
        #expect(graph.edges.map(\.documents) == [[0, 1]])
        #expect(graph[document: DocumentIndex(1)] == "doc-3")
        #expect(graph.validate().isEmpty)
    }

    /// Ids interned out of order are renumbered so the table is sorted, and lists still list their ids sorted;
    /// an id that only a dropped edge named (its endpoint never declared) is not in the table.
    @Test func builderTableIsSortedAndHoldsOnlyListedIDs() {
        var builder = GraphBuilder()
        builder.addEntity(key: "a", label: "A", type: .person)
        builder.addEntity(key: "b", label: "B", type: .person)
        builder.addRelation(from: "a", to: "ghost", kind: .coMention, evidence: Self.evidence("only-ghost"))
        for document in ["z", "m", "a"] { builder.addMention(key: "a", surface: "A", document: document, date: nil) }
        builder.addMention(key: "b", surface: "B", document: "m", date: nil)
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "meet", evidence: Self.evidence("z"))
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "meet", evidence: Self.evidence("a"))
        let graph = builder.build().graph
        #expect(graph.documentIDs == ["a", "m", "z"])
        #expect(Self.spelled(graph) == [["a", "m", "z"], ["m"], ["a", "z"]])
        #expect(graph.nodes[0].documents == [0, 1, 2])
    }

    /// Records joined by `rekey` list each document once, sorted.
    @Test func rekeyedListsAreSortedAndDistinct() {
        var builder = GraphBuilder()
        builder.addEntity(key: "person:lavrov", label: "Lavrov", type: .person)
        builder.addEntity(key: "person:sergey lavrov", label: "Sergey Lavrov", type: .person)
        builder.addMention(key: "person:lavrov", surface: "Lavrov", document: "d2", date: nil)
        builder.addMention(key: "person:lavrov", surface: "Lavrov", document: "d3", date: nil)
        builder.addMention(key: "person:sergey lavrov", surface: "Sergey Lavrov", document: "d1", date: nil)
        builder.addMention(key: "person:sergey lavrov", surface: "Sergey Lavrov", document: "d3", date: nil)
        builder.rekey(["person:lavrov": "person:sergey lavrov"])
        let graph = builder.build().graph
        #expect(graph.nodes.count == 1)
        #expect(graph.nodes[0].documents == [0, 1, 2])
        #expect(graph.documentIDs == ["d1", "d2", "d3"])
    }

    /// A table in the order ids were met, with a repeat and an id no list names, becomes sorted, distinct and
    /// listed-only; each list keeps its order (and its repeats) and spells the same ids as before.
    @Test func normalizingSortsNarrowsAndRenumbers() {
        var graph = EntityGraph(
            nodes: [GraphNode(label: "A", type: .person, documents: [2, 0, 4]),
                    GraphNode(label: "B", type: .person, documents: [1, 1])],
            edges: [GraphEdge(source: 0, target: 1, kind: .coMention, label: "", weight: 1, documents: [4],
                              evidence: Self.evidence("c"))],
            documentIDs: ["c", "b", "a", "unlisted", "b"])
        let before = Self.spelled(graph)
        graph.normalizeDocumentTable()
        #expect(graph.documentIDs == ["a", "b", "c"])
        #expect(Self.spelled(graph) == before)
        #expect(graph.nodes.map(\.documents) == [[0, 2, 1], [1, 1]])
        #expect(graph.edges[0].documents == [1])
        #expect(graph.validate().isEmpty)
    }

    @Test func normalizingLeavesACanonicalTableAlone() {
        let graph = TestGraph.twoDocuments()
        var copy = graph
        copy.normalizeDocumentTable()
        #expect(copy == graph)
    }

    /// An index outside the table names no document: `validate()` reports it, and normalizing drops it rather
    /// than crashing.
    @Test func indicesOutsideTheTableAreReportedAndDropped() {
        var graph = TestGraph.twoDocuments()
        graph.nodes[0].documents.append(7)
        graph.edges[0].documents = [DocumentIndex(-1), 1]
        #expect(graph.validate() == ["node n0 lists a document that is not in the table",
                                     "edge e0 lists a document that is not in the table"])
        graph.normalizeDocumentTable()
        #expect(graph.validate().isEmpty)
        #expect(graph.nodes[0].documents == [0, 1])
        #expect(graph.edges[0].documents == [1])
    }

    @Test func numberingGivesEachIDOneIndexInOrderMet() {
        var numbering = DocumentNumbering()
        #expect(numbering.indices(of: ["x", "y", "x"]) == [0, 1, 0])
        #expect(numbering.index(of: "a") == 2)
        #expect(numbering.table == ["x", "y", "a"])
    }

    /// Filtering drops the ids only dropped nodes listed, so the filtered graph's table is canonical too.
    @Test func filterNarrowsTheTable() {
        let graph = TestGraph.twoDocuments()
        let filtered = GraphFilter(nodeTypes: [.country]).apply(to: graph)
        #expect(filtered.nodes.map(\.label) == ["Russia"])
        #expect(filtered.documentIDs == ["tuesday"])
        #expect(filtered.nodes[0].documents == [0])
    }
}

/// A canonical graph over two documents.
enum TestGraph {
    static func twoDocuments() -> EntityGraph {
        EntityGraph(
            nodes: [GraphNode(label: "Lavrov", type: .person, documents: [0, 1]),
                    GraphNode(label: "Russia", type: .country, documents: [1])],
            edges: [GraphEdge(source: 0, target: 1, kind: .coMention, label: "", weight: 1, documents: [0],
                              evidence: DocumentTableTests.evidence("monday"))],
            documentIDs: ["monday", "tuesday"])
    }
}
