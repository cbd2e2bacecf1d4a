import Testing
import GraphModel
@testable import GraphExport

/// Each way a file can be wrong gives a `GraphReadError` with the file, the line of the offending element
/// and a message saying what to fix.
struct GraphMLReaderErrorTests {
    /// Keys used by the broken files below (lines 1–6), so the interesting line numbers are easy to count.
    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="l" for="node" attr.name="label" attr.type="string"/>
        <key id="t" for="node" attr.name="type" attr.type="string"/>
        <key id="m" for="node" attr.name="mentions" attr.type="int"/>
        <key id="k" for="edge" attr.name="kind" attr.type="string"/>
        <key id="w" for="edge" attr.name="weight" attr.type="double"/>

        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var xml: String
        var line: Int
        var says: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "mismatched tags", xml: head + """
            <graph edgedefault="directed">
            <node id="a">
            </graph>
            </graphml>
            """, line: 10, says: "not well-formed XML"),
        Case(name: "not XML at all", xml: "date 2021-10-20\nLavrov met the Taliban.\n", line: 1, says: "not well-formed XML"),
        Case(name: "invalid UTF-8", xml: head + "<graph><node id=\"a\"><data key=\"l\">caf\u{E9}</data></node></graph></graphml>",
             line: 8, says: "not well-formed"),
        Case(name: "missing graph", xml: head + "</graphml>\n", line: 2, says: "no <graph>"),
        Case(name: "wrong root", xml: "<?xml version=\"1.0\"?>\n<gexf>\n</gexf>\n", line: 2, says: "not <graphml>"),
        Case(name: "dangling edge", xml: head + """
            <graph edgedefault="directed">
            <node id="a"><data key="t">person</data></node>
            <edge source="a" target="b"><data key="k">role</data></edge>
            </graph>
            </graphml>
            """, line: 10, says: "target 'b', which is not a node"),
        Case(name: "duplicate node", xml: head + """
            <graph edgedefault="directed">
            <node id="a"><data key="t">person</data></node>
            <node id="b"><data key="t">person</data></node>
            <node id="a"><data key="t">country</data></node>
            </graph>
            </graphml>
            """, line: 11, says: "second node with id 'a' (the first is on line 9)"),
        Case(name: "int that is not one", xml: head + """
            <graph edgedefault="directed">
            <node id="a">
            <data key="t">person</data>
            <data key="m">three</data>
            </node>
            </graph>
            </graphml>
            """, line: 11, says: "mentions = 'three' is not a valid int"),
        Case(name: "int beyond 32 bits", xml: head + """
            <graph edgedefault="directed">
            <node id="a"><data key="t">person</data><data key="m">4294967296</data></node>
            </graph>
            </graphml>
            """, line: 9, says: "is not a valid int"),
        Case(name: "double that is not one", xml: head + """
            <graph edgedefault="directed">
            <node id="a"><data key="t">person</data></node>
            <node id="b"><data key="t">person</data></node>
            <edge source="a" target="b">
            <data key="k">interaction</data>
            <data key="w">heavy</data>
            </edge>
            </graph>
            </graphml>
            """, line: 13, says: "weight = 'heavy' is not a valid double"),
        Case(name: "infinite weight", xml: head + """
            <graph edgedefault="directed">
            <node id="a"><data key="t">person</data></node>
            <edge source="a" target="a"><data key="k">interaction</data><data key="w">INF</data></edge>
            </graph>
            </graphml>
            """, line: 10, says: "a finite number"),
        Case(name: "unknown node type", xml: head + """
            <graph edgedefault="directed">
            <node id="a"><data key="t">person</data></node>
            <node id="x"><data key="t">planet</data></node>
            </graph>
            </graphml>
            """, line: 10, says: "node 'x' has type 'planet'"),
        Case(name: "node without type", xml: head + """
            <graph edgedefault="directed">
            <node id="x"/>
            </graph>
            </graphml>
            """, line: 9, says: "node 'x' has no type"),
        Case(name: "unknown edge kind", xml: head + """
            <graph edgedefault="directed">
            <node id="a"><data key="t">person</data></node>
            <edge id="e7" source="a" target="a"><data key="k">friend_of</data></edge>
            </graph>
            </graphml>
            """, line: 10, says: "edge e7 has kind 'friend_of'"),
        Case(name: "node without id", xml: head + """
            <graph edgedefault="directed">
            <node><data key="t">person</data></node>
            </graph>
            </graphml>
            """, line: 9, says: "<node> has no 'id'"),
        Case(name: "document type", xml: """
            <?xml version="1.0"?>
            <!DOCTYPE graphml SYSTEM "http://graphml.graphdrawing.org/dtds/graphml.dtd">
            <graphml><graph><node id="a"/></graph></graphml>
            """, line: 2, says: "<!DOCTYPE>"),
        Case(name: "undefined entity", xml: head + "<graph><node id=\"&nbsp;\"/></graph></graphml>", line: 8,
             says: "Entity 'nbsp' not defined"),
        Case(name: "empty file", xml: "", line: 1, says: "empty"),
    ]

    @Test(arguments: cases)
    func theErrorNamesFileAndLine(_ test: Case) throws {
        var bytes = Array(test.xml.utf8)
        if test.name == "invalid UTF-8" {
            bytes = Array(test.xml.replacingOccurrences(of: "caf\u{E9}", with: "cafX").utf8)
            bytes[bytes.firstIndex(of: UInt8(ascii: "X"))!] = 0xE9
        }
        let error = #expect(throws: GraphReadError.self) {
            try GraphMLReader().read(bytes, file: "broken.graphml")
        }
        #expect(error?.file == "broken.graphml")
        #expect(error?.line == test.line, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix("broken.graphml:\(test.line): ") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains(test.says) == true, "\(error?.description ?? "")")
    }

    /// Entities that expand without bound (billion laughs) are stopped by libxml2's amplification limits, which
    /// the reader keeps (no XML_PARSE_HUGE), before the DOCTYPE itself is refused; either way an error, no blow-up.
    @Test func entityExpansionIsStopped() throws {
        var entities = "<!ENTITY e0 \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
        for level in 1...12 {
            entities += "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">\n"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n" + entities + "]>\n<graphml><graph><node id=\"&e12;\"/></graph></graphml>\n"
        let error = #expect(throws: GraphReadError.self) { try GraphMLReader().read(Array(xml.utf8), file: "lol.graphml") }
        #expect(error?.line != nil, "\(error?.description ?? "")")
    }

    @Test func lenientReadsUnknownTypesAndKindsAsTheVaguestClaims() throws {
        let xml = Self.head + """
            <graph edgedefault="directed">
            <node id="a"><data key="t">planet</data></node>
            <node id="b"/>
            <edge source="a" target="b"/>
            <edge source="b" target="a"><data key="k">friend_of</data></edge>
            </graph>
            </graphml>
            """
        let graph = try GraphMLReader(lenient: true).read(Array(xml.utf8))
        #expect(graph.nodes.map(\.type) == [.organisation, .organisation])
        #expect(graph.nodes.map(\.label) == ["a", "b"])
        #expect(graph.edges.map(\.kind) == [.coMention, .coMention])
        #expect(graph.edges.map(\.weight) == [1, 1])
    }

    @Test func aMissingFileIsUnreadableWithoutALine() {
        let error = #expect(throws: GraphReadError.self) {
            try GraphMLReader().read(contentsOf: "/nonexistent/graph.graphml")
        }
        #expect(error?.line == nil)
        #expect(error?.description == "/nonexistent/graph.graphml: cannot read the file: No such file or directory")
    }

    @Test func errorLinesAreRightBeyondLine65535() throws {
        let padding = String(repeating: "<!-- -->\n", count: 70_000)
        let xml = Self.head + padding + "<graph>\n<node id=\"x\"><data key=\"t\">planet</data></node>\n</graph></graphml>"
        let error = #expect(throws: GraphReadError.self) { try GraphMLReader().read(Array(xml.utf8)) }
        #expect(error?.line == 8 + 70_000 + 1)
    }
}
