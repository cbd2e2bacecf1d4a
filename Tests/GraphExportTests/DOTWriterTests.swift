import Foundation
import Testing
import GraphModel
@testable import GraphExport

@Suite struct DOTWriterTests {
    static let noLegend = DOTWriter(options: .init(legend: false))

    /// Renders with `engine`; Graphviz must be silent (any warning means something was misread).
    static func render(_ bytes: [UInt8], engine: String) throws -> Tools.Result {
        try Tools.run(engine, ["-Tsvg"], stdin: bytes)
    }

    @Test(arguments: ["dot", "sfdp"], [false, true])
    func rendersWithAnEmptyStderr(_ engine: String, _ legend: Bool) throws {
        let writer = DOTWriter(options: .init(legend: legend))
        for (name, graph) in [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty()), ("empty", EntityGraph())] {
            let result = try Self.render(try writer.write(graph), engine: engine)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(engine) \(name) legend=\(legend): \(result.stderr)")
            let svg = try Tools.run("xmllint", ["--noout", "--nonet", "-"], stdin: result.stdout)
            #expect(svg.status == 0, "\(engine) \(name): SVG not well-formed: \(svg.stderr)")
        }
    }

    @Test(arguments: ["dot", "sfdp"])
    func largeGraphRendersWithAnEmptyStderr(_ engine: String) throws {
        let bytes = try DOTWriter().write(TestGraphs.large(count: 400))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("splines=\"false\""))
        #expect(!text.contains("label=\"talks to\""))
        #expect(!text.contains("cluster_legend"))
        let result = try Self.render(bytes, engine: engine)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func headerQuotingAndNoHTMLLabels() throws {
        let text = String(decoding: try DOTWriter().write(TestGraphs.nasty()), as: UTF8.self)
        #expect(text.hasPrefix("digraph \"G\" {\n"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("charset=\"UTF-8\""))
        #expect(text.contains("subgraph \"cluster_legend\" {"))
        #expect(!text.contains("label=<"))
        #expect(text.contains("label=\"node\""))
        #expect(text.contains("label=\"subgraph\""))
        #expect(text.contains("label=\"C:\\\\Users\\\\Public\\\\\""))          // trailing backslash doubled
        #expect(text.contains("label=\"Doha talks \\\\N \\\\G \\\\L\""))        // \N stays literal
        #expect(text.contains("label=\"The firm &amp;amp; Co.\""))
        #expect(text.contains("label=\"AT&amp;T <Logistics> \\\"quoted\\\" 'single' ]]> end\""))
        #expect(text.contains("label=\"Split\\nAcross\""))
        #expect(text.contains("label=\"CR\\nLF\""))
        #expect(text.contains("label=\"NullVoid\""))
        #expect(text.contains("\"n0\" -> \"n1\" [id=\"e0\""))
    }

    @Test func noBOMNoControlsAndNoOverlongString() throws {
        let bytes = try DOTWriter().write(TestGraphs.nasty())
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF])
        #expect(!bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A })
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        let text = String(decoding: bytes, as: UTF8.self)
        let strings = try Regex(#""((?:[^"\\]|\\.)*)""#)
        let longest = text.matches(of: strings).map { text[$0.range].utf8.count - 2 }.max() ?? 0
        #expect(longest <= 16_381)
        #expect(longest > 1000)  // the tooltips do carry long evidence
    }

    @Test func longLabelsAreCutAtAGraphemeBoundary() throws {
        let name = String(repeating: "🇦🇫", count: 300)
        let graph = EntityGraph(nodes: [GraphNode(label: name, type: .country)])
        let labels = try Self.renderedLabels(Self.noLegend.write(graph))
        #expect(labels == [String(repeating: "🇦🇫", count: 199) + "…"])
    }

    @Test func truncationBudgetCountsEscapedBytes() {
        // With DOT escaping, "&" costs 5 bytes ("&amp;").
        let cut = Truncation.truncate(String(repeating: "&", count: 100), maxCharacters: 200, maxBytes: 53,
                                      cost: DOTWriter.escapedCost)
        #expect(cut == String(repeating: "&", count: 10) + "…")
    }

    @Test func isDeterministic() throws {
        #expect(try DOTWriter().write(TestGraphs.nasty()) == DOTWriter().write(TestGraphs.nasty()))
    }

    @Test func emptyGraph() throws {
        let text = String(decoding: try Self.noLegend.write(EntityGraph()), as: UTF8.self)
        #expect(text.hasPrefix("digraph \"G\" {\n") && text.hasSuffix("}\n"))
        #expect(!text.contains("->"))
    }

    /// What Graphviz parsed: every node, with its label after escString and entity decoding.
    @Test func graphvizReadsEveryNodeWithItsExactLabel() throws {
        let graph = TestGraphs.nasty()
        let labels = try Self.renderedLabels(Self.noLegend.write(graph))
        #expect(labels.count == graph.nodes.count)
        for (label, node) in zip(labels, graph.nodes) {
            let expected = TextPolicy.clean(node.label)
            if expected.count > 200 {
                #expect(label.count == 200 && label.hasSuffix("…") && expected.hasPrefix(label.dropLast()))
            } else {
                #expect(Array(label.unicodeScalars) == Array(expected.unicodeScalars))
            }
        }
    }

    /// Node labels from `dot -Tjson`, decoded the way Graphviz draws them (our output only uses
    /// `\\`, `\"`, `\n` and `&amp;`, so that is all the decoding needed).
    static func renderedLabels(_ bytes: [UInt8]) throws -> [String] {
        let result = try Tools.run("dot", ["-Tjson"], stdin: bytes)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]
        let objects = json?["objects"] as? [[String: Any]] ?? []
        return objects.filter { $0["nodes"] == nil }.compactMap { $0["label"] as? String }.map { raw in
            var out = ""
            var iterator = raw.unicodeScalars.makeIterator()
            while let scalar = iterator.next() {
                if scalar == "\\", let next = iterator.next() {
                    out.unicodeScalars.append(next == "n" ? "\n" : next)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out.replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
