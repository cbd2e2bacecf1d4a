import ArgumentParser
import Foundation
import GraphExport
import GraphModel

/// The outputs and the filters shared by every command that writes a graph (`extract`, `convert`, `merge`).
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("""
                An output file; the extension picks the format (.graphml, .dot, .gv, .gexf, .json, .csv, .html). \
                Repeatable.
                """, valueName: "file"))
    var outputs: [String] = []

    @Flag(help: """
        GraphML for yEd: .graphml outputs also carry yFiles graphics (label, shape and colour by node type, line \
        style by edge kind), so yEd draws them on opening; run a layout there (Layout > Organic). All normal \
        attributes stay. The file is valid against schemas/graphml/graphml+lax-extensions.xsd, not the strict XSD.
        """)
    var yed = false

    @Option(name: .customLong("types"), parsing: .upToNextOption,
            help: ArgumentHelp("Keep only these node types (person organisation country location meeting).", valueName: "type"))
    var nodeTypes: [String] = []

    @Option(name: .customLong("kinds"), parsing: .upToNextOption,
            help: ArgumentHelp("Keep only these edge kinds (role member_of participant held_in located_in interaction co_mention).",
                               valueName: "kind"))
    var edgeKinds: [String] = []

    @Option(name: .customLong("min-weight"), help: ArgumentHelp("Keep only edges with at least this weight.", valueName: "w"))
    var minimumWeight: Double?

    @Option(name: .customLong("top"), help: ArgumentHelp("Keep only the N highest-ranked nodes (see --top-by).", valueName: "n"))
    var topNodes: Int?

    @Option(name: .customLong("top-by"), help: "Ranking for --top: mentions or degree.")
    var ranking: GraphFilter.Ranking = .mentions

    func validate() throws {
        for output in outputs {
            do { _ = try ExportFormat(path: output) } catch { throw ValidationError(error.description) }
        }
        if Set(outputs).count != outputs.count { throw ValidationError("the same output file is given twice") }
        _ = try filter()
        if let minimumWeight, !minimumWeight.isFinite { throw ValidationError("--min-weight must be a finite number") }
        if let topNodes, topNodes < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func filter() throws -> GraphFilter {
        var types: Set<NodeType>?
        if !nodeTypes.isEmpty {
            types = Set(try nodeTypes.flatMap { $0.split(separator: ",") }.map { name in
                guard let type = NodeType(rawValue: String(name)) else {
                    throw ValidationError("unknown node type '\(name)'; use \(NodeType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return type
            })
        }
        var kinds: Set<EdgeKind>?
        if !edgeKinds.isEmpty {
            kinds = Set(try edgeKinds.flatMap { $0.split(separator: ",") }.map { name in
                guard let kind = EdgeKind(rawValue: String(name)) else {
                    throw ValidationError("unknown edge kind '\(name)'; use \(EdgeKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return kind
            })
        }
        return GraphFilter(nodeTypes: types, edgeKinds: kinds, minimumWeight: minimumWeight, topNodes: topNodes,
                           ranking: ranking)
    }

    /// Writes every output atomically; reports each failure on stderr and returns whether all succeeded.
    /// `jobs` threads (every core unless the command has `--jobs`) write the formats that can be written in
    /// parallel; the bytes do not depend on it.
    func write(_ graph: EntityGraph, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> Bool {
        var ok = true
        for output in outputs {
            do {
                // Whole files or nothing; GraphML and GEXF stream into their temporary file, so a large graph's
                // export is not held in memory beside the graph.
                try writeExport(graph, to: output, options: ExportOptions(yed: yed, jobs: jobs))
            } catch {
                // Export and write errors name the file themselves.
                printError("error: \(error)")
                ok = false
            }
        }
        return ok
    }
}

extension GraphFilter.Ranking: ExpressibleByArgument {}
