import Foundation
import Testing
import GraphModel
@testable import GraphExport

/// Export → read → export gives the same bytes in every format: the promise `convert` and `merge` rest on.
///
/// The property is stated against the graph with its text cleaned by `TextPolicy`: GraphML cannot carry the
/// characters the policy strips, so a graph holding them reads back as its cleaned self. Every text-policy
/// format (GraphML, DOT, GEXF, CSV) is then identical to the original export, and JSON (which carries text
/// exactly) is identical to the cleaned graph's JSON.
struct GraphMLReaderRoundTripTests {
    static let cases = ["sample", "sampleWithIdentities", "nasty", "large", "battery"]

    static func graph(_ name: String) throws -> EntityGraph {
        switch name {
        case "sample": TestGraphs.sample()
        case "sampleWithIdentities": ReaderTestGraphs.sampleWithIdentities()
        case "nasty": TestGraphs.nasty()
        case "large": TestGraphs.large(count: 300)
        default: try ReaderTestGraphs.battery()
        }
    }

    @Test(arguments: cases)
    func everyFormatIsByteIdenticalAfterReadingBack(_ name: String) throws {
        let original = try Self.graph(name)
        let written = try GraphMLWriter().write(original)
        let read = try GraphMLReader().read(written, file: "\(name).graphml")
        let cleaned = ReaderTestGraphs.cleaned(original)

        // Converting our own file to GraphML gives the file back, whatever its text.
        #expect(try GraphMLWriter().write(read) == written, "GraphML changed after reading back")
        // Every format: what GraphML can carry of the graph, exactly.
        for format in [ExportFormat.graphml, .dot, .gexf, .json] {
            #expect(try export(read, as: format) == export(cleaned, as: format), "\(format) differs")
        }
        #expect(try exportFiles(read, to: "g.csv") == exportFiles(cleaned, to: "g.csv"))
        // A graph GraphML carries completely comes back identical in every format.
        if cleaned == original {
            #expect(read == original)
            for format in [ExportFormat.dot, .gexf, .json] {
                #expect(try export(read, as: format) == export(original, as: format), "\(format) differs from the original")
            }
            #expect(try exportFiles(read, to: "g.csv") == exportFiles(original, to: "g.csv"))
        }
    }

    @Test func cleanGraphsAreCarriedCompletely() throws {
        for graph in [TestGraphs.sample(), ReaderTestGraphs.sampleWithIdentities(), TestGraphs.large(count: 300)] {
            #expect(ReaderTestGraphs.cleaned(graph) == graph)
        }
    }

    @Test func ourOwnGraphReadsBackEqual() throws {
        let graph = ReaderTestGraphs.sampleWithIdentities()
        #expect(try GraphMLReader().read(GraphMLWriter().write(graph)) == graph)
        #expect(try GraphMLReader().read(GraphMLWriter().write(TestGraphs.sample())) == TestGraphs.sample())
    }

    @Test func anEmptyLabelInOurFileStaysEmpty() throws {
        let graph = EntityGraph(nodes: [GraphNode(identity: "organisation:", label: "", type: .organisation)])
        let read = try GraphMLReader().read(GraphMLWriter().write(graph))
        #expect(read.nodes.map(\.label) == [""])
    }

    @Test func theSeedsExportReadsAndConvertsToEveryFormat() throws {
        let path = Tools.path("Exports/seeds.graphml")
        let graph = try GraphMLReader().read(contentsOf: path)
        #expect(graph.nodes.count > 10 && graph.edges.count > 10)
        #expect(graph.validate().isEmpty)
        let rewritten = try GraphMLWriter().write(graph)
        #expect(try GraphMLWriter().write(GraphMLReader().read(rewritten)) == rewritten)
    }

    /// Every prefix of a valid file (a download cut short) reads or fails with an error; none crashes.
    @Test func truncatedFilesFailCleanly() throws {
        let written = try GraphMLWriter().write(TestGraphs.sample())
        var failures = 0
        for length in stride(from: 0, to: written.count, by: 7) {
            do {
                _ = try GraphMLReader().read(Array(written[..<length]), file: "cut.graphml")
            } catch {
                failures += 1
                #expect(error.file == "cut.graphml")
            }
        }
        #expect(failures == (written.count + 6) / 7)
    }
}

enum ReaderTestGraphs {
    /// The exporter tests' sample with resolver identities, as `extract` writes it.
    static func sampleWithIdentities() -> EntityGraph {
        var graph = TestGraphs.sample()
        for index in graph.nodes.indices {
            let node = graph.nodes[index]
            graph.nodes[index].identity = "\(node.type.rawValue):\(node.label.lowercased())"
        }
        return graph
    }

    /// Every line of every file in Tests/Fixtures/battery (invalid UTF-8, controls, a 1 MiB line, BOMs,
    /// UTF-16, markup) as a node name, an alias, a document id and edge evidence.
    static func battery() throws -> EntityGraph {
        let directory = Tools.path("Tests/Fixtures/battery")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        var nodes: [GraphNode] = []
        var edges: [GraphEdge] = []
        var documents = DocumentNumbering()
        for file in files {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)), as: UTF8.self)
            for line in text.split(separator: "\n") {
                let type = NodeType.allCases[nodes.count % NodeType.allCases.count]
                nodes.append(GraphNode(identity: "\(type.rawValue):\(line.prefix(30))", label: String(line), type: type,
                                       aliases: [String(line.prefix(12))], mentions: 1, documents: [documents.index(of: file)],
                                       date: type == .meeting ? "2021-10-20" : nil, format: String(line.suffix(5))))
                if nodes.count > 1 {
                    edges.append(GraphEdge(source: nodes.count - 2, target: nodes.count - 1,
                                           kind: EdgeKind.allCases[edges.count % EdgeKind.allCases.count],
                                           label: String(line.prefix(40)), weight: Double(edges.count) / 3,
                                           documents: [documents.index(of: file)],
                                           evidence: Evidence(document: file, sentence: String(line), start: 0,
                                                              end: line.unicodeScalars.count, date: "2021-10-21")))
                }
            }
        }
        var graph = EntityGraph(nodes: nodes, edges: edges, documentIDs: documents.table)
        graph.normalizeDocumentTable()
        return graph
    }

    /// What GraphML can carry of the graph: `TextPolicy` applied to every string, and lists as a reader sees
    /// them (items holding `|` come back split, as the export contract says).
    static func cleaned(_ graph: EntityGraph) -> EntityGraph {
        func c(_ s: String) -> String { TextPolicy.clean(s) }
        func c(_ s: String?) -> String? { s.map(TextPolicy.clean).flatMap { $0.isEmpty ? nil : $0 } }  // empty is absent
        func c(_ list: [String]) -> [String] {
            list.isEmpty ? [] : list.map(c).joined(separator: "|").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
        // Lists are cleaned as the ids they spell, numbered into a new table.
        var documents = DocumentNumbering()
        var result = graph
        for i in result.nodes.indices {
            var n = result.nodes[i]
            n.identity = c(n.identity); n.label = c(n.label); n.aliases = c(n.aliases)
            n.documents = documents.indices(of: c(graph.documents(of: n)))
            n.date = c(n.date); n.format = c(n.format); n.series = c(n.series)
            n.firstSeen = c(n.firstSeen); n.lastSeen = c(n.lastSeen)
            result.nodes[i] = n
        }
        for i in result.edges.indices {
            var e = result.edges[i]
            e.label = c(e.label); e.documents = documents.indices(of: c(graph.documents(of: e)))
            e.evidence.document = c(e.evidence.document); e.evidence.sentence = c(e.evidence.sentence)
            e.evidence.date = c(e.evidence.date); e.firstSeen = c(e.firstSeen); e.lastSeen = c(e.lastSeen)
            result.edges[i] = e
        }
        result.documentIDs = documents.table
        result.normalizeDocumentTable()
        return result
    }
}
