import Foundation
import Testing
import GraphModel
@testable import GraphExport

@Suite struct GraphMLWriterTests {
    static let schema = Tools.path("schemas/graphml/graphml.xsd")

    static func xsdValidate(_ bytes: [UInt8]) throws -> Tools.Result {
        let dir = try TemporaryDirectory()
        let path = try dir.write(bytes, "graph.graphml")
        return try Tools.run("xmllint", ["--noout", "--nonet", "--schema", schema, path])
    }

    @Test(arguments: [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty()), ("empty", EntityGraph())])
    func validatesAgainstTheGraphMLSchema(_ name: String, _ graph: EntityGraph) throws {
        let result = try Self.xsdValidate(try GraphMLWriter().write(graph))
        #expect(result.status == 0, "\(name): \(result.stderr)")
    }

    @Test func startsWithTheDeclarationAndNamespace() throws {
        let text = String(decoding: try GraphMLWriter().write(TestGraphs.sample()), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"))
        #expect(text.contains("<graph id=\"G\" edgedefault=\"directed\">"))
        #expect(text.contains("<key id=\"node_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"))
        #expect(text.contains("<key id=\"edge_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"))
        #expect(text.contains("<key id=\"node_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>"))
        #expect(!text.contains("\"d3\"") && !text.contains("\"d7\""))
        #expect(text.contains("<edge id=\"e0\" source=\"n0\" target=\"n2\">"))
        #expect(text.contains("<data key=\"edge_weight\">2.0</data>"))
    }

    @Test func emptyGraphIsASelfClosedGraph() throws {
        let text = String(decoding: try GraphMLWriter().write(EntityGraph()), as: UTF8.self)
        #expect(text.contains("<graph id=\"G\" edgedefault=\"directed\"/>"))
    }

    @Test func absentValuesWriteNoElement() throws {
        let text = String(decoding: try GraphMLWriter().write(TestGraphs.sample()), as: UTF8.self)
        // Only the meeting has date/format/ordinal/series; only e3 (no evidence date) lacks edge_date.
        #expect(text.components(separatedBy: "<data key=\"node_date\">").count == 2)
        #expect(text.components(separatedBy: "<data key=\"node_ordinal\">3</data>").count == 2)
        #expect(text.components(separatedBy: "<data key=\"edge_date\">").count == TestGraphs.sample().edges.count)
        #expect(text.components(separatedBy: "<data key=\"edge_label\">").count == 3)  // role and interaction only
    }

    @Test func escapesXMLSpecialsAndKeepsLiteralEntities() throws {
        let text = String(decoding: try GraphMLWriter().write(TestGraphs.nasty()), as: UTF8.self)
        #expect(text.contains("AT&amp;T &lt;Logistics&gt; &quot;quoted&quot; 'single' ]]&gt; end"))
        #expect(text.contains("The firm &amp;amp; Co."))
        #expect(text.contains(">NullVoid<"))
        #expect(text.contains(">HalfMoon<"))
        #expect(!text.contains("]]>"))
        #expect(!text.contains("<![CDATA["))
    }

    @Test func noByteXMLCannotCarry() throws {
        let bytes = try GraphMLWriter().write(TestGraphs.nasty())
        #expect(!bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A })  // no CR either: normalised to LF
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF])
        let wf = try Tools.run("xmllint", ["--noout", "--nonet", "-"], stdin: bytes)
        #expect(wf.status == 0, "\(wf.stderr)")
    }

    @Test func isDeterministic() throws {
        #expect(try GraphMLWriter().write(TestGraphs.nasty()) == GraphMLWriter().write(TestGraphs.nasty()))
        #expect(try GraphMLWriter().write(TestGraphs.sample()) == GraphMLWriter().write(TestGraphs.sample()))
    }

    @Test func refusesABrokenGraph() {
        var graph = TestGraphs.sample()
        graph.edges[0].target = 99
        #expect(throws: ExportError.invalidGraph(problems: ["edge e0 points at a node that does not exist"])) {
            try GraphMLWriter().write(graph)
        }
    }

    @Test func refusesNumbersWithoutALiteral() {
        var graph = TestGraphs.sample()
        graph.edges[1].weight = .nan
        #expect(throws: ExportError.valueOutOfRange(element: "e1", attribute: "weight", value: "nan")) {
            try GraphMLWriter().write(graph)
        }
        graph = TestGraphs.sample()
        graph.nodes[0].mentions = Int(Int32.max) + 1
        #expect(throws: ExportError.self) { try GraphMLWriter().write(graph) }
    }

    /// libxml2 must write TAB/LF as character references inside attributes, or readers turn them into spaces.
    @Test func attributeWhitespaceSurvivesAsCharacterReferences() throws {
        let xml = try XMLTextWriter(indent: false)
        try xml.startDocument()
        try xml.element("a", ["v": "x\ty\nz\r\nw\u{0}!"], text: "t\tu\nv")
        let text = String(decoding: try xml.finish(), as: UTF8.self)
        #expect(text.contains("<a v=\"x&#9;y&#10;z&#10;w!\">t\tu\nv</a>"))
    }

    static let networkxScript = """
        import json, sys, networkx as nx
        G = nx.read_graphml(sys.argv[1])
        nodes = [[n, d.get("label"), d.get("type"), type(d.get("mentions")).__name__] for n, d in G.nodes(data=True)]
        edges = [[u, v, d.get("kind"), d.get("label"), d.get("evidence"), type(d.get("weight")).__name__,
                  type(d.get("evidence_start")).__name__, type(d.get("evidence_end")).__name__]
                 for u, v, d in G.edges(data=True)]
        print(json.dumps({"nodes": nodes, "edges": edges}))
        """

    struct RoundTrip: Decodable {
        var nodes: [[String?]]
        var edges: [[String?]]
    }

    @Test(arguments: [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty())])
    func networkxReadsLabelsTypesAndAttributeTypes(_ name: String, _ graph: EntityGraph) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(try GraphMLWriter().write(graph), "\(name).graphml")
        let result = try Tools.python(Self.networkxScript, [path])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try JSONDecoder().decode(RoundTrip.self, from: Data(result.stdout))
        #expect(read.nodes.count == graph.nodes.count)
        for (index, node) in graph.nodes.enumerated() {
            // Scalar-exact comparison: the exporter must not normalise.
            #expect(read.nodes[index].map { $0.map { Array($0.unicodeScalars) } }
                    == [Array(EntityGraph.nodeID(index).unicodeScalars), Array(TextPolicy.clean(node.label).unicodeScalars),
                        Array(node.type.rawValue.unicodeScalars), Array("int".unicodeScalars)])
        }
        #expect(read.edges.count == graph.edges.count)
        for (row, edge) in zip(read.edges, graph.edges) {
            #expect(row[0] == EntityGraph.nodeID(edge.source) && row[1] == EntityGraph.nodeID(edge.target))
            #expect(row[2] == edge.kind.rawValue)
            #expect(row[3] == (edge.label.isEmpty ? nil : TextPolicy.clean(edge.label)))
            #expect(row[4].map { Array($0.unicodeScalars) } == Array(TextPolicy.clean(edge.evidence.sentence).unicodeScalars))
            #expect(Array(row[5...]) == ["float", "int", "int"])
        }
    }
}
