import Foundation
import Testing
import GraphModel
@testable import GraphExport

/// How the DOT drawing is laid out: co_mention edges recede and do not rank nodes, and a graph of news size
/// (1,000 entities, 3,000 relations) renders with `sfdp` silently and in reasonable time.
@Suite struct DOTLayoutTests {
    /// `nodes` entities of every type and `edges` distinct relations, mostly co_mentions as in real extractions
    /// (74 of the 99 seeds edges), from a fixed-seed generator so every run draws the same graph.
    static func newsSized(nodes: Int = 1000, edges: Int = 3000) -> EntityGraph {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let types = NodeType.allCases
        var graphNodes = (0..<nodes).map { i in
            GraphNode(identity: "e:\(i)", label: "Entity \(i)", type: types[i % types.count], mentions: 1 + next(20))
        }
        graphNodes.sort { ($0.type, $0.label) < ($1.type, $1.label) }
        let kinds: [EdgeKind] = [.coMention, .coMention, .coMention, .coMention, .coMention, .coMention, .role,
                                 .interaction, .memberOf, .participant]
        var seen = Set<[Int]>()
        var graphEdges: [GraphEdge] = []
        while graphEdges.count < edges {
            let source = next(nodes), target = next(nodes)
            let kind = kinds[next(kinds.count)]
            let kindIndex = EdgeKind.allCases.firstIndex(of: kind)!
            guard source != target, seen.insert([source, target, kindIndex]).inserted else { continue }
            graphEdges.append(GraphEdge(
                source: source, target: target, kind: kind, label: kind == .role ? "minister" : "", weight: 1,
                documents: [0], evidence: Evidence(document: "d", sentence: "Entity \(source) and \(target).",
                                                      start: 0, end: 10)))
        }
        graphEdges.sort { ($0.source, $0.target, $0.kind, $0.label) < ($1.source, $1.target, $1.kind, $1.label) }
        return EntityGraph(nodes: graphNodes, edges: graphEdges, documentIDs: ["d"])
    }

    @Test func coMentionsRecedeAndDoNotRankNodes() throws {
        let text = String(decoding: try DOTWriter().write(TestGraphs.sample()), as: UTF8.self)
        let lines = text.split(separator: "\n")
        let coMention = try #require(lines.first { $0.contains("tooltip=\"co_mention") })
        #expect(coMention.contains("constraint=\"false\"") && coMention.contains("arrowhead=\"none\""))
        #expect(coMention.contains("penwidth=\"0.5\""))
        // Typed relations keep ranking the drawing and keep their arrows.
        for line in lines where line.contains("->") && !line.contains("co_mention") {
            #expect(!line.contains("constraint=") && !line.contains("arrowhead="), "\(line)")
        }
        #expect(text.contains("rankdir=\"LR\""))
    }

    @Test func newsSizedGraphRendersWithSFDPSilentlyAndQuickly() throws {
        let graph = Self.newsSized()
        #expect(graph.nodes.count == 1000 && graph.edges.count == 3000 && graph.validate().isEmpty)
        let bytes = try DOTWriter().write(graph)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("splines=\"false\"") && !text.contains("cluster_legend"))
        let start = ContinuousClock.now
        let result = try Tools.run("sfdp", ["-Tsvg"], stdin: bytes)
        let elapsed = ContinuousClock.now - start
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        // About 1.3 s on the 2-core development machine; the bound only catches a layout that explodes.
        #expect(elapsed < .seconds(60), "sfdp took \(elapsed)")
        let svg = try Tools.run("xmllint", ["--noout", "--nonet", "-"], stdin: result.stdout)
        #expect(svg.status == 0, "\(svg.stderr)")
    }
}
