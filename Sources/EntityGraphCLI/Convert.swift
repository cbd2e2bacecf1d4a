import ArgumentParser
import GraphExport

/// `entity-graph convert`: a GraphML file (ours or another tool's) into any output format, through the same
/// filters and writers as `extract`.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a GraphML graph and write it in other formats, optionally filtered.",
        discussion: """
            Reads GraphML written by entity-graph exactly (converting back to GraphML gives the same bytes) and \
            GraphML from other tools sensibly: unknown attributes are ignored, a node without label is labelled \
            with its id. A node without a valid type or an edge without a valid kind is an error naming its \
            line, unless --lenient makes them organisation and co_mention.

            Examples:
              entity-graph convert Exports/seeds.graphml -o seeds.gexf -o seeds.json
              entity-graph convert networkx.graphml --lenient -o graph.dot --types person country
            """)

    @Argument(help: ArgumentHelp("The GraphML file to read.", valueName: "input.graphml"))
    var input: String

    @OptionGroup var output: OutputOptions

    @Flag(help: "Read nodes without a valid type as organisation and edges without a valid kind as co_mention.")
    var lenient = false

    func validate() throws {
        guard !output.outputs.isEmpty else { throw ValidationError("nothing to write: give at least one -o FILE") }
    }

    func run() throws {
        let graph = try GraphInput.read([input], lenient: lenient)[0]
        let filtered = try output.filter().apply(to: graph)
        guard output.write(filtered) else { throw ExitCode(2) }
        printSummary("\(filtered.nodes.count) nodes, \(filtered.edges.count) edges")
    }
}
