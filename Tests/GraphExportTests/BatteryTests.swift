import Foundation
import Testing
import GraphModel
import GraphExport

/// Every line of every file in ../shared/battery (hostile news-like inputs: invalid UTF-8, controls, a 1 MiB
/// line, BOMs, UTF-16, markup, formulas) becomes a node name and edge evidence, as if extraction had kept the
/// text verbatim; every format is exported and checked by check_export.py without a fixture (well-formed,
/// schema-valid, renders silently, strict JSON, rectangular CSV). Skipped only when ../shared is absent.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Tools.path("../shared/battery")),
                "../shared/battery is absent: the shared battery is not available on this machine"))
struct BatteryTests {
    static func batteryGraph() throws -> EntityGraph {
        let directory = Tools.path("../shared/battery")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        var nodes: [GraphNode] = []
        var edges: [GraphEdge] = []
        var documents = DocumentNumbering()
        for file in files {
            // What a lenient reader does: invalid UTF-8 becomes U+FFFD. Lines keep CRs, BOMs, NULs.
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)), as: UTF8.self)
            for line in text.split(separator: "\n") {
                let type = NodeType.allCases[nodes.count % NodeType.allCases.count]
                nodes.append(GraphNode(label: String(line), type: type, mentions: 1, documents: [documents.index(of: file)]))
                if nodes.count > 1 {
                    edges.append(GraphEdge(source: nodes.count - 2, target: nodes.count - 1,
                                           kind: EdgeKind.allCases[edges.count % EdgeKind.allCases.count],
                                           label: String(line.prefix(40)), weight: 1, documents: [documents.index(of: file)],
                                           evidence: Evidence(document: file, sentence: String(line), start: 0,
                                                              end: line.unicodeScalars.count)))
                }
            }
        }
        var graph = EntityGraph(nodes: nodes, edges: edges, documentIDs: documents.table)
        graph.normalizeDocumentTable()
        return graph
    }

    @Test func everyFormatPassesTheChecksOnBatteryText() throws {
        let graph = try Self.batteryGraph()
        #expect(graph.nodes.count > 100)
        let dir = try TemporaryDirectory()
        var arguments = [SharedKit.checkerPath, "--control", "strip"]
        for (option, name) in [("--graphml", "b.graphml"), ("--dot", "b.gv"), ("--gexf", "b.gexf"), ("--json", "b.json")] {
            let files = try exportFiles(graph, to: dir.file(name))
            try AtomicFile.write(files[0].bytes, to: files[0].path)
            arguments += [option, files[0].path]
        }
        let csv = try exportFiles(graph, to: dir.file("b.csv"))
        for file in csv { try AtomicFile.write(file.bytes, to: file.path) }
        arguments += ["--nodes-csv", csv[0].path, "--edges-csv", csv[1].path]

        let result = try Tools.run("python3", arguments)
        #expect(result.status == 0 && result.stdoutText.contains(" 0 failed"), "\(result.stdoutText)\n\(result.stderr)")
        let sfdp = try Tools.run("sfdp", ["-Tsvg", dir.file("b.gv"), "-o", "/dev/null"])
        #expect(sfdp.status == 0 && sfdp.stderr.isEmpty, "\(sfdp.stderr)")
    }
}
