import ArgumentParser
import ExtractionPipeline
import GraphExport

/// `entity-graph merge`: graphs from separate runs joined into one, as if the documents had been read together.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge GraphML graphs from separate runs into one graph.",
        discussion: """
            Nodes with the same identity (written by extract) are one node; nodes without one are matched by \
            type and normalised label. Counts and weights add up, document lists are united, the earliest \
            evidence is kept. The result does not depend on the order of the inputs. Inputs are assumed to \
            come from different documents: a document read in two runs is counted twice.

            Examples:
              entity-graph merge monday.graphml tuesday.graphml -o week.graphml -o week.gexf
            """)

    @Argument(help: ArgumentHelp("GraphML files to merge.", valueName: "input.graphml"))
    var inputs: [String]

    @OptionGroup var output: OutputOptions

    @Flag(help: "Read nodes without a valid type as organisation and edges without a valid kind as co_mention.")
    var lenient = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one GraphML file to merge") }
        guard !output.outputs.isEmpty else { throw ValidationError("nothing to write: give at least one -o FILE") }
    }

    func run() throws {
        let graphs = try GraphInput.read(inputs, lenient: lenient)
        let merged = GraphMerger.merge(graphs)
        let filtered = try output.filter().apply(to: merged)
        guard output.write(filtered) else { throw ExitCode(2) }
        printSummary("\(graphs.count) graph(s) merged: \(filtered.nodes.count) nodes, \(filtered.edges.count) edges")
    }
}
