import Foundation
import Testing
import GraphModel
import GraphExport

/// Where the shared conformance kit lives, relative to the package root.
enum SharedKit {
    static let fixturePath = Tools.path("../shared/conformance/nasty_graph.json")
    static let checkerPath = Tools.path("../shared/conformance/check_export.py")
}

/// Exports the shared hostile fixture (../shared/conformance/nasty_graph.json) in every format and runs the
/// project-neutral checker on the files. Skipped, with the reason recorded, only when ../shared is absent
/// (a checkout outside the development machine); a missing tool is a failure as everywhere else.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: SharedKit.fixturePath),
                "../shared/conformance is absent: the shared conformance kit is not available on this machine"))
struct ConformanceTests {
    static let fixturePath = SharedKit.fixturePath
    static let checkerPath = SharedKit.checkerPath

    struct Fixture: Decodable {
        struct Node: Decodable {
            var key: String
            var name: String
            var type: String
            var mentions: Int?
            var date: String?
        }

        struct Edge: Decodable {
            var source: String
            var target: String
            var relation: String
            var weight: Double
            var evidence: String
            var date: String?
        }

        var nodes: [Node]
        var edges: [Edge]
    }

    /// The fixture as an `EntityGraph`: `name` → label, `city` → location, `relation` → edge label, and the
    /// kind of that name when there is one (`located_in`), otherwise `interaction`. Fixture order is kept.
    static func fixtureGraph() throws -> EntityGraph {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: fixturePath)))
        var index: [String: Int] = [:]
        var nodes: [GraphNode] = []
        for node in fixture.nodes {
            index[node.key] = nodes.count
            let type = node.type == "city" ? NodeType.location : try #require(NodeType(rawValue: node.type))
            nodes.append(GraphNode(label: node.name, type: type, mentions: node.mentions ?? 0, documents: [0],
                                   date: node.date))
        }
        let edges = try fixture.edges.map { edge in
            GraphEdge(source: try #require(index[edge.source]), target: try #require(index[edge.target]),
                      kind: EdgeKind(rawValue: edge.relation) ?? .interaction, label: edge.relation,
                      weight: edge.weight, documents: [0],
                      evidence: Evidence(document: "fixture", sentence: edge.evidence, start: 0,
                                         end: edge.evidence.unicodeScalars.count, date: edge.date))
        }
        return EntityGraph(nodes: nodes, edges: edges, documentIDs: ["fixture"])
    }

    @Test func everyFormatPassesTheConformanceChecker() throws {
        let graph = try Self.fixtureGraph()
        #expect(graph.nodes.count == 48 && graph.edges.count == 12)
        // Kept under .build for inspection after a failure; rewritten on every run.
        let out = Tools.path(".build/GraphExportTests/conformance")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let graphml = out + "/nasty.graphml", dot = out + "/nasty.gv", gexf = out + "/nasty.gexf"
        let json = out + "/nasty.json"
        try AtomicFile.write(try export(graph, as: .json), to: json)
        let csv = try exportFiles(graph, to: out + "/nasty.csv")
        for file in csv { try AtomicFile.write(file.bytes, to: file.path) }
        try AtomicFile.write(try export(graph, as: .graphml), to: graphml)
        try AtomicFile.write(try export(graph, as: .gexf), to: gexf)
        // The legend's sample nodes are real DOT nodes and would be counted as graph nodes by the checker.
        try AtomicFile.write(try DOTWriter(options: .init(legend: false)).write(graph), to: dot)

        let result = try Tools.run("python3", [Self.checkerPath, "--fixture", Self.fixturePath,
                                               "--graphml", graphml, "--dot", dot, "--gexf", gexf, "--json", json,
                                               "--nodes-csv", csv[0].path, "--edges-csv", csv[1].path,
                                               "--control", "strip"])
        // The checker's own verdict: every check passes (it reads edges by `relation`, which we export).
        #expect(result.status == 0, "\(result.stdoutText)\n\(result.stderr)")
        #expect(result.stdoutText.contains(" 0 failed"), "\(result.stdoutText)")
    }
    }
