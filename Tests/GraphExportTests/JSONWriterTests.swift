import Foundation
import Testing
import GraphModel
@testable import GraphExport

@Suite struct JSONWriterTests {
    @Test func escapesEveryControlAndCarriesTextExactly() {
        #expect(JSONWriter.string("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONWriter.string("N\u{0}V\u{7}\u{1B}\u{1F}") == #""N\u0000V\u0007\u001B\u001F""#)
        #expect(JSONWriter.string("t\tn\nr\r\u{8}\u{C}") == #""t\tn\nr\r\b\f""#)
        #expect(JSONWriter.string("L\u{2028}P\u{2029}") == #""L\u2028P\u2029""#)
        #expect(JSONWriter.string("👨‍👩‍👧 د کابل \u{202E}x\u{7F}\u{FFFE}/") == "\"👨‍👩‍👧 د کابل \u{202E}x\u{7F}\u{FFFE}/\"")
    }

    @Test func cytoscapeShapeWithTypedValues() throws {
        let text = String(decoding: try JSONWriter().write(TestGraphs.sample()), as: UTF8.self)
        #expect(text.contains(#"{"data": {"id": "n0", "label": "Sergey Lavrov", "type": "person", "aliases": ["Lavrov"], "mentions": 3, "documents": ["000", "001"], "first_seen": "2021-10-20", "last_seen": "2021-10-21"}}"#))
        #expect(text.contains(#"{"data": {"id": "e3", "source": "n1", "target": "n3", "kind": "co_mention", "relation": "co_mention", "weight": 0.5, "#))
        #expect(text.contains(#""ordinal": 3"#))
    }

    @Test func emptyGraph() throws {
        let text = String(decoding: try JSONWriter().write(EntityGraph()), as: UTF8.self)
        #expect(text == "{\n  \"elements\": {\n    \"nodes\": [],\n    \"edges\": []\n  }\n}\n")
    }

    @Test func isDeterministic() throws {
        #expect(try JSONWriter().write(TestGraphs.nasty()) == JSONWriter().write(TestGraphs.nasty()))
    }

    @Test func refusesNonFiniteNumbers() {
        var graph = TestGraphs.sample()
        graph.edges[0].weight = .infinity
        #expect(throws: ExportError.valueOutOfRange(element: "e0", attribute: "weight", value: "inf")) {
            try JSONWriter().write(graph)
        }
    }

    /// Python's strict parser (no NaN/Infinity constants) reads back every name scalar for scalar.
    @Test(arguments: [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty())])
    func strictParserReadsNamesExactly(_ name: String, _ graph: EntityGraph) throws {
        let script = """
            import json, sys
            def bad(c): raise ValueError(c)
            raw = open(sys.argv[1], "rb").read()
            assert not raw.startswith(b"\\xef\\xbb\\xbf")
            doc = json.loads(raw.decode("utf-8"), parse_constant=bad)
            el = doc["elements"]
            ids = {n["data"]["id"] for n in el["nodes"]}
            assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in el["edges"])
            assert all(isinstance(e["data"]["weight"], float) for e in el["edges"])
            print(json.dumps([n["data"]["label"] for n in el["nodes"]] + [e["data"]["evidence"] for e in el["edges"]]))
            """
        let dir = try TemporaryDirectory()
        let path = try dir.write(try JSONWriter().write(graph), "\(name).json")
        let result = try Tools.python(script, [path])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try JSONDecoder().decode([String].self, from: Data(result.stdout))
        let expected = graph.nodes.map(\.label) + graph.edges.map(\.evidence.sentence)
        #expect(read.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
    }
}
