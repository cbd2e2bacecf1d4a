import Foundation
import Testing
import GraphModel
@testable import GraphExport

@Suite struct GEXFWriterTests {
    static let schema = Tools.path("schemas/gexf/1.3/gexf.rng")

    @Test(arguments: [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty()), ("empty", EntityGraph())])
    func validatesAgainstTheGEXF13RelaxNGSchema(_ name: String, _ graph: EntityGraph) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(try GEXFWriter().write(graph), "\(name).gexf")
        let result = try Tools.run("xmllint", ["--noout", "--nonet", "--relaxng", Self.schema, path])
        #expect(result.status == 0, "\(name): \(result.stderr)")
    }

    @Test func staticGraphWithVizAndMirroredAttributes() throws {
        let text = String(decoding: try GEXFWriter().write(TestGraphs.nasty()), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" "
            + "xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">"))
        #expect(text.contains("<graph defaultedgetype=\"directed\" idtype=\"string\" mode=\"static\">"))
        #expect(!text.contains("timeformat"))
        #expect(text.contains("<attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>"))
        #expect(text.contains("<attribute id=\"evidence_start\" title=\"evidence_start\" type=\"integer\"/>"))
        #expect(!text.contains("<attribute id=\"label\""))
        #expect(text.contains("<viz:color r=\"255\" g=\"187\" b=\"120\"/>"))
        #expect(text.contains("<viz:size value=\"14.0\"/>"))
        // TAB and LF inside attribute values are written as references so readers get them back.
        #expect(text.contains("label=\"Tab&#9;Inside\""))
        #expect(text.contains("label=\"Split&#10;Across\""))
        #expect(text.contains("label=\"CR&#10;LF\""))
        #expect(!text.contains("\r"))
    }

    @Test func datesMakeADynamicGraph() throws {
        let text = String(decoding: try GEXFWriter().write(TestGraphs.sample()), as: UTF8.self)
        #expect(text.contains("mode=\"dynamic\" timeformat=\"date\""))
        #expect(text.contains("<node id=\"n0\" label=\"Sergey Lavrov\" start=\"2021-10-20\" end=\"2021-10-21\">"))
        #expect(text.contains("<edge id=\"e2\" source=\"n0\" target=\"n6\" kind=\"participant\" weight=\"1.0\" start=\"2021-10-20\" end=\"2021-10-21\">"))
        #expect(text.contains("<edge id=\"e0\" source=\"n0\" target=\"n2\" kind=\"role\" label=\"foreign minister\" weight=\"2.0\">"))
    }

    @Test func onlyRealDatesBecomeStartAndEnd() throws {
        let graph = EntityGraph(nodes: [
            GraphNode(label: "A", type: .person, firstSeen: "2021-02-29", lastSeen: "2021-10"),
            GraphNode(label: "B", type: .person, firstSeen: "2020-02-29", lastSeen: "۱۴۰۰/۰۵/۲۴"),
        ])
        let text = String(decoding: try GEXFWriter().write(graph), as: UTF8.self)
        #expect(text.contains("<node id=\"n0\" label=\"A\">"))
        #expect(text.contains("<node id=\"n1\" label=\"B\" start=\"2020-02-29\">"))
        #expect(text.contains("<attvalue for=\"first_seen\" value=\"2021-02-29\"/>"))
        let dir = try TemporaryDirectory()
        let result = try Tools.run("xmllint", ["--noout", "--nonet", "--relaxng", Self.schema,
                                               try dir.write(Array(text.utf8), "dates.gexf")])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: [("2021-10-20", true), ("2020-02-29", true), ("2000-02-29", true), ("1900-02-29", false),
                      ("2021-02-30", false), ("2021-13-01", false), ("2021-00-10", false), ("2021-10", false),
                      ("21-10-20", false), ("2021-1-20", false), ("２０２１-10-20", false), ("", false)])
    func isoDates(_ text: String, _ valid: Bool) {
        #expect(ISODate.isValid(text) == valid)
    }

    @Test func isDeterministic() throws {
        #expect(try GEXFWriter().write(TestGraphs.sample()) == GEXFWriter().write(TestGraphs.sample()))
    }

    @Test(arguments: [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty())])
    func networkxReadsLabelsAndTypes(_ name: String, _ graph: EntityGraph) throws {
        let script = """
            import json, sys, networkx as nx
            G = nx.read_gexf(sys.argv[1])
            print(json.dumps({"nodes": [[n, d.get("label"), d.get("type"), type(d.get("mentions")).__name__]
                                        for n, d in G.nodes(data=True)],
                              "edges": [[u, v, d.get("kind"), type(d.get("weight")).__name__]
                                        for u, v, d in G.edges(data=True)]}))
            """
        let dir = try TemporaryDirectory()
        let path = try dir.write(try GEXFWriter().write(graph), "\(name).gexf")
        let result = try Tools.python(script, [path])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try JSONDecoder().decode(GraphMLWriterTests.RoundTrip.self, from: Data(result.stdout))
        #expect(read.nodes.count == graph.nodes.count && read.edges.count == graph.edges.count)
        for (row, (index, node)) in zip(read.nodes, graph.nodes.enumerated()) {
            #expect(row[0] == EntityGraph.nodeID(index))
            #expect(row[1].map { Array($0.unicodeScalars) } == Array(TextPolicy.clean(node.label).unicodeScalars))
            #expect(row[2] == node.type.rawValue && row[3] == "int")
        }
        for (row, edge) in zip(read.edges, graph.edges) {
            #expect(row[2] == edge.kind.rawValue && row[3] == "float")
        }
    }
}
