import Foundation
import Testing
import GraphModel
@testable import GraphExport

/// GraphML written by other tools: networkx (generated here with python3), and the features our writer
/// never uses (defaults, `for="all"`, nested graphs, ports, hyperedges, yEd graphics, CDATA).
struct GraphMLReaderForeignTests {
    /// networkx's own output: key ids `d0…`, names as node ids, `long` weights beside `double` ones (two keys
    /// named `weight`), a node without label, booleans written `True`, attributes we do not know.
    static let networkxScript = """
        import sys, networkx as nx
        G = nx.DiGraph()
        G.add_node("Sergey Lavrov", type="person", mentions=3, score=0.25)
        G.add_node("Taliban", label="The Taliban", type="organisation", aliases="Taleban|Talibs")
        G.add_node("Russia", type="country", confirmed=True)
        G.add_edge("Sergey Lavrov", "Russia", kind="role", label="foreign minister", weight=2)
        G.add_edge("Sergey Lavrov", "Taliban", kind="interaction", label="meet", weight=1.5,
                   evidence="Lavrov met the Taliban.", evidence_start=10, evidence_end=33)
        nx.write_graphml(G, sys.argv[1])
        """

    @Test func networkxOutputReadsWithItsValues() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("nx.graphml")
        let result = try Tools.run("python3", ["-c", Self.networkxScript, path])
        #expect(result.status == 0, "\(result.stderr)")

        let graph = try GraphMLReader().read(contentsOf: path)
        #expect(graph.nodes.map(\.label) == ["Sergey Lavrov", "The Taliban", "Russia"])
        #expect(graph.nodes.map(\.type) == [.person, .organisation, .country])
        #expect(graph.nodes.map(\.mentions) == [3, 0, 0])
        #expect(graph.nodes[1].aliases == ["Taleban", "Talibs"])
        #expect(graph.nodes.allSatisfy { $0.identity.isEmpty })
        #expect(graph.edges.count == 2)
        let role = try #require(graph.edges.first { $0.kind == .role })
        #expect((role.source, role.target, role.label, role.weight) == (0, 2, "foreign minister", 2))
        let meet = try #require(graph.edges.first { $0.kind == .interaction })
        #expect(meet.weight == 1.5)
        #expect(meet.evidence == Evidence(document: "", sentence: "Lavrov met the Taliban.", start: 10, end: 33))

        // And it exports: the ids are ours (n0…), not networkx's names.
        let again = try GraphMLWriter().write(graph)
        #expect(try GraphMLReader().read(again) == graph)
    }

    @Test func networkxOutputWithoutTypesNeedsLenient() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("plain.graphml")
        let script = "import sys, networkx as nx\nG = nx.karate_club_graph()\nnx.write_graphml(G, sys.argv[1])\n"
        let result = try Tools.run("python3", ["-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")

        let error = #expect(throws: GraphReadError.self) { try GraphMLReader().read(contentsOf: path) }
        #expect(error?.description.contains("node '0' has no type") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("--lenient") == true)

        let graph = try GraphMLReader(lenient: true).read(contentsOf: path)
        #expect(graph.nodes.count == 34 && graph.edges.count == 78)
        #expect(graph.nodes.first?.label == "0")
        #expect(graph.edges.allSatisfy { $0.kind == .coMention })
        // karate_club_graph's edges carry an int `weight`.
        #expect(graph.edges.contains { $0.weight > 1 })
    }

    @Test func defaultsNestedGraphsPortsHyperedgesAndYEdGraphics() throws {
        let path = Tools.path("Fuzz/seeds/graphml/foreign.graphml")
        let graph = try GraphMLReader().read(contentsOf: path)
        // Only the first graph; the nested graph's node is skipped; `<default>` gives a and b their type.
        #expect(graph.nodes.map(\.label) == ["a", "b", "c"])
        #expect(graph.nodes.map(\.type) == [.location, .location, .meeting])
        #expect(graph.edges.count == 1)
        #expect(graph.edges[0].kind == .coMention)
        #expect(graph.edges[0].weight == 7)
    }

    @Test func aFileWithoutNamespaceIsRead() throws {
        let xml = """
            <graphml><key id="t" for="node" attr.name="type"/>
            <graph><node id="a"><data key="t">country</data></node></graph></graphml>
            """
        let graph = try GraphMLReader().read(Array(xml.utf8))
        #expect(graph.nodes == [GraphNode(label: "a", type: .country)])
    }
}
