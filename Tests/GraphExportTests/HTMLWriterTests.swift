import Foundation
import Testing
import GraphModel
@testable import GraphExport

@Suite struct HTMLWriterTests {
    static let payload = "</script><img src=x onerror=alert(1)>"

    /// A graph whose every text tries to leave the script element or the JSON string it sits in.
    static func hostile() -> EntityGraph {
        let evil = payload + " <!-- <script>x</script> --> \u{2028}\u{2029} & \"q\" \\ </SCRIPT >"
        var documents = DocumentNumbering()
        let nodes = [
            GraphNode(identity: evil, label: evil, type: .person, aliases: [payload, "<!--"], mentions: 2,
                      documents: [documents.index(of: payload)], firstSeen: "2021-10-20", lastSeen: "2021-10-21"),
            GraphNode(label: "Plain", type: .meeting, mentions: 1, documents: [documents.index(of: "d")], date: "2021-10-20", format: evil,
                      series: "</style><b>"),
        ]
        let sentence = evil + " met Plain."
        let edges = [GraphEdge(source: 0, target: 1, kind: .interaction, label: payload, weight: 1, documents: [documents.index(of: payload)],
                               evidence: Evidence(document: payload, sentence: sentence, start: 0,
                                                  end: sentence.unicodeScalars.count, date: "2021-10-20"),
                               eventClass: "<!--")]
        var graph = EntityGraph(nodes: nodes, edges: edges, documentIDs: documents.table)
        graph.normalizeDocumentTable()
        return graph
    }

    static func text(_ graph: EntityGraph) throws -> String {
        String(decoding: try HTMLWriter().write(graph), as: UTF8.self)
    }

    @Test func scriptSafeEscapesWhatCouldEndOrBendTheScriptElement() {
        func safe(_ text: String) -> String { String(decoding: HTMLWriter.scriptSafe(Array(text.utf8)), as: UTF8.self) }
        #expect(safe(#"{"a": "</script>"}"#) == #"{"a": "\u003C/script\u003E"}"#)
        #expect(safe(#"["<!--", "-->"]"#) == #"["\u003C!--", "--\u003E"]"#)
        #expect(safe(#""a&b""#) == #""a\u0026b""#)
        #expect(safe("\"L\u{2028}P\u{2029}\"") == #""L\u2028P\u2029""#)
        // Everything else passes unchanged, multi-byte text included (E2 80 xx other than A8/A9 too).
        let other = "\"é 👨‍👩‍👧 د کابل \u{2027}\u{202A} \\u003C\""
        #expect(safe(other) == other)
    }

    @Test func scriptSafeJSONMeansTheSame() throws {
        let json = try JSONWriter().write(Self.hostile())
        let safe = HTMLWriter.scriptSafe(json)
        #expect(!safe.contains(UInt8(ascii: "<")) && !safe.contains(UInt8(ascii: ">")) && !safe.contains(UInt8(ascii: "&")))
        let original = try JSONSerialization.jsonObject(with: Data(json)) as? NSDictionary
        let decoded = try JSONSerialization.jsonObject(with: Data(safe)) as? NSDictionary
        #expect(original != nil && original == decoded)
    }

    @Test func noGraphTextEscapesItsDataBlock() throws {
        let html = try Self.text(Self.hostile())
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
        #expect(html.lowercased().components(separatedBy: "</script").count - 1 == 3)
        #expect(!html.contains("<!--"))
        #expect(!html.contains(Self.payload))
        #expect(!html.contains("</style><b>"))
        #expect(!html.unicodeScalars.contains("\u{2028}") && !html.unicodeScalars.contains("\u{2029}"))
    }

    /// An HTML parser (Python's, which ends a script at `</script` as browsers do) finds the three script
    /// elements, and the first one holds exactly the JSON export: same attributes, same values.
    @Test(arguments: [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty()), ("hostile", hostile())])
    func embedsTheJSONExportExactly(_ name: String, _ graph: EntityGraph) throws {
        let script = """
            import json, sys
            from html.parser import HTMLParser
            class Scripts(HTMLParser):
                def __init__(self):
                    super().__init__()
                    self.found, self.open = [], False
                def handle_starttag(self, tag, attrs):
                    if tag == "script":
                        self.found.append([dict(attrs), ""]); self.open = True
                    elif self.open or tag in ("img", "b"):
                        raise AssertionError("element inside or beside a script: " + tag)
                def handle_data(self, data):
                    if self.open: self.found[-1][1] += data
                def handle_endtag(self, tag):
                    if tag == "script": self.open = False
            page = Scripts()
            page.feed(open(sys.argv[1], encoding="utf-8").read())
            kinds = [(attrs.get("type"), attrs.get("id")) for attrs, _ in page.found]
            assert kinds == [("application/json", "graph-data"), ("application/json", "graph-palette"), (None, None)], kinds
            embedded = json.loads(page.found[0][1])
            exported = json.load(open(sys.argv[2], encoding="utf-8"))
            assert embedded == exported, "the embedded graph differs from the JSON export"
            palette = json.loads(page.found[1][1])
            print(json.dumps(palette))
            """
        let dir = try TemporaryDirectory()
        let html = try dir.write(try HTMLWriter().write(graph), "\(name).html")
        let json = try dir.write(try JSONWriter().write(graph), "\(name).json")
        let result = try Tools.python(script, [html, json])
        #expect(result.status == 0, "\(result.stderr)")
        let palette = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: [String: [String: Any]]]
        #expect(palette?["types"]?.keys.sorted() == NodeType.allCases.map(\.rawValue).sorted())
        #expect(palette?["kinds"]?.keys.sorted() == EdgeKind.allCases.map(\.rawValue).sorted())
        for type in NodeType.allCases {
            #expect(palette?["types"]?[type.rawValue]?["fill"] as? String == Palette.fill(for: type).hex)
            #expect(palette?["types"]?[type.rawValue]?["shape"] as? String == Palette.shape(for: type).dot)
        }
        for kind in EdgeKind.allCases {
            #expect(palette?["kinds"]?[kind.rawValue]?["stroke"] as? String == Palette.stroke(for: kind).hex)
            #expect(palette?["kinds"]?[kind.rawValue]?["directed"] as? Bool == Palette.line(for: kind).directed)
        }
    }

    @Test func pageIsSelfContainedAndForbidsFetching() throws {
        let html = try Self.text(TestGraphs.sample())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "))
        #expect(html.contains("<title>EntityGraph: 7 nodes, 7 edges</title>"))
        for reference in ["http://", "https://", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(reference), "the page refers to something outside itself: \(reference)")
        }
        let assets = try PageAssets.bundled()
        #expect(html.contains(assets.script) && html.contains(assets.style) && html.contains(assets.markup))
        #expect(html.hasSuffix("</script>\n</body>\n</html>\n"))
    }

    /// The shipped script, style and markup cannot end their own elements early, and the script never turns
    /// text into markup.
    @Test func assetsAreSafeToInline() throws {
        let assets = try PageAssets.bundled()
        let script = assets.script.lowercased()
        for forbidden in ["</script", "<!--", "innerhtml", "outerhtml", "insertadjacenthtml", "document.write",
                          "eval(", "new function", "srcdoc", "createcontextualfragment", "fetch(", "xmlhttprequest"] {
            #expect(!script.contains(forbidden), "graph-page.js contains \(forbidden)")
        }
        #expect(!assets.style.lowercased().contains("</style"))
        #expect(!assets.markup.lowercased().contains("<script") && !assets.markup.lowercased().contains("<style"))
        // The hooks the browser test relies on are part of the page.
        for hook in ["drawnNodeCount", "settleTimeMs", "selectEdge", "pickAt"] { #expect(assets.script.contains(hook)) }
    }

    @Test func isDeterministic() throws {
        #expect(try HTMLWriter().write(Self.hostile()) == HTMLWriter().write(Self.hostile()))
    }

    @Test func sameErrorsAsTheJSONExport() {
        var graph = TestGraphs.sample()
        graph.edges[0].weight = .nan
        #expect(throws: ExportError.valueOutOfRange(element: "e0", attribute: "weight", value: "nan")) {
            try HTMLWriter().write(graph)
        }
        graph = TestGraphs.sample()
        graph.edges[0].target = 99
        #expect(throws: ExportError.self) { try HTMLWriter().write(graph) }
    }

    @Test func exportPicksHTMLByExtension() throws {
        let graph = TestGraphs.sample()
        let files = try exportFiles(graph, to: "/tmp/graph.HTM")
        #expect(files.count == 1 && files[0].path == "/tmp/graph.HTM")
        #expect(files[0].bytes == (try HTMLWriter().write(graph)))
    }
}
