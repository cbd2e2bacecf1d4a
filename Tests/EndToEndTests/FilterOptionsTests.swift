import Foundation
import Testing

/// The filter options through the built `entity-graph` binary, on the seed articles: the written graph is
/// narrowed and the `--mentions` file names nodes of that graph, with the filtered graph's ids.
@Suite struct FilterOptionsTests {
    /// One mention line of the `--mentions` file.
    struct Mention: Decodable, Hashable {
        var document: String
        var start: Int
        var end: Int
        var text: String
        var type: String
        var node: String
    }

    /// The parts of a node in the Cytoscape.js JSON export these tests look at.
    struct Node: Decodable, Hashable {
        var id: String
        var label: String
        var type: String
        var identity: String
    }

    struct Run {
        var nodes: [Node]
        var edgeKinds: [String]
        var mentions: [Mention]
    }

    /// `entity-graph extract Tests/Fixtures/seeds -o DIR/out.json --mentions DIR/out.jsonl ARGS…`, read back.
    static func extract(_ arguments: [String]) throws -> Run {
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // the files must outlive their last mention by path
        let json = scratch.file("out.json")
        let mentions = scratch.file("out.jsonl")
        let result = try CLI.run(["extract", CLI.path("Tests/Fixtures/seeds"), "-o", json, "--mentions", mentions]
                                 + arguments)
        #expect(result.status == 0, "entity-graph failed: \(result.stderr)")

        struct Elements: Decodable {
            struct Wrapped<T: Decodable>: Decodable { var data: T }
            struct Edge: Decodable { var kind: String }
            struct Body: Decodable {
                var nodes: [Wrapped<Node>]
                var edges: [Wrapped<Edge>]
            }
            var elements: Body
        }
        let graph = try JSONDecoder().decode(Elements.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        let lines = try String(contentsOfFile: mentions, encoding: .utf8).split(separator: "\n")
        let records = try lines.map { try JSONDecoder().decode(Mention.self, from: Data($0.utf8)) }
        return Run(nodes: graph.elements.nodes.map(\.data), edgeKinds: graph.elements.edges.map(\.data.kind),
                   mentions: records)
    }

    @Test func unfilteredMentionsNameNodesOfTheGraph() throws {
        let run = try Self.extract([])
        let ids = Set(run.nodes.map(\.id))
        #expect(!run.mentions.isEmpty)
        #expect(run.mentions.allSatisfy { ids.contains($0.node) })
    }

    @Test func filteredMentionsAreMappedToTheFilteredIDsAndRemovedNodesDropped() throws {
        let full = try Self.extract([])
        let filtered = try Self.extract(["--types", "person", "country", "--top", "4"])

        #expect(filtered.nodes.count == 4)
        #expect(filtered.nodes.allSatisfy { ["person", "country"].contains($0.type) })
        let byID = Dictionary(uniqueKeysWithValues: filtered.nodes.map { ($0.id, $0) })
        let fullByID = Dictionary(uniqueKeysWithValues: full.nodes.map { ($0.id, $0) })
        let keptIdentities = Set(filtered.nodes.map(\.identity))

        // Every written mention points at a node of the written graph, of the mention's type.
        for mention in filtered.mentions {
            let node = try #require(byID[mention.node], "mention \(mention) names a node that was not written")
            #expect(node.type == mention.type)
        }
        // Exactly the unfiltered mentions of kept entities survive, in the same order, with the new ids.
        let expected = full.mentions.compactMap { mention -> Mention? in
            guard let identity = fullByID[mention.node]?.identity, keptIdentities.contains(identity) else { return nil }
            var copy = mention
            copy.node = filtered.nodes.first { $0.identity == identity }!.id
            return copy
        }
        #expect(filtered.mentions == expected)
        #expect(filtered.mentions.count < full.mentions.count)
        // Ids really were renumbered (otherwise the test would not show the mapping).
        #expect(filtered.nodes.contains { fullByID[$0.id]?.identity != $0.identity })
    }

    @Test func edgeFiltersNarrowTheEdgesButKeepMentionsOfEveryNode() throws {
        let full = try Self.extract([])
        let run = try Self.extract(["--kinds", "role", "interaction", "--min-weight", "1"])
        #expect(Set(run.edgeKinds).isSubset(of: ["role", "interaction"]))
        #expect(run.nodes.map(\.identity) == full.nodes.map(\.identity))
        #expect(run.mentions == full.mentions)
    }

    @Test func topZeroWritesAnEmptyGraphAndNoMentions() throws {
        let run = try Self.extract(["--top", "0"])
        #expect(run.nodes.isEmpty && run.edgeKinds.isEmpty && run.mentions.isEmpty)
    }

    @Test func topByDegreeIsDeterministic() throws {
        let first = try Self.extract(["--top", "5", "--top-by", "degree"])
        let second = try Self.extract(["--top", "5", "--top-by", "degree"])
        #expect(first.nodes.count == 5)
        #expect(first.nodes == second.nodes && first.mentions == second.mentions)
    }

    @Test func unknownTypeIsAUsageError() throws {
        let result = try CLI.run(["extract", CLI.path("Tests/Fixtures/seeds"), "-o", "/dev/null/x.json",
                                  "--types", "planet"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown node type 'planet'"))
    }
}

/// The built command-line tool. A missing binary is a failure with instructions, never a skip.
private enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var looked: [String]
        var description: String { "entity-graph is not built (looked at \(looked)); run `swift build` first" }
    }

    /// The package root (the directory holding Package.swift), found from this file's location.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// The binary beside the test bundle (same build configuration), else `.build/debug/entity-graph`.
    static func binary() throws -> String {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let candidates = [bundleDirectory.appendingPathComponent("entity-graph").path, path(".build/debug/entity-graph")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw NotBuilt(looked: candidates)
        }
        return found
    }

    /// Runs the tool; stdout/stderr go through files so a large output cannot block on a full pipe.
    static func run(_ arguments: [String]) throws -> Result {
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }
        let outPath = scratch.file("stdout"), errPath = scratch.file("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                      stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }
}

/// A fresh temporary directory, removed when the value is released.
private final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("FilterOptionsTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}
