import ArgumentParser
import ExtractionPipeline
import GraphExport

/// `entity-graph merge`: graphs from separate runs joined into one, as if the documents had been read together.
///
/// Two kinds of input, never mixed. Partial results (`extract --partial`) are merged exactly: their summaries go,
/// in document-id order, through the corpus stage that `extract` runs, so the bytes are those of one `extract`
/// over every document, whatever the sharding. GraphML graphs are merged approximately by `GraphMerger`: a node's
/// identity or label joins nodes, but what only whole-corpus resolution can do (a surname finding its full name
/// in another run, the first sighting's type) is lost.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge partial results exactly, or GraphML graphs from separate runs, into one graph.",
        discussion: """
            Partial results (written by extract --partial) from shards of a corpus merge into exactly the graph \
            one extract over all their documents writes, in any grouping and order of the inputs; --partial \
            writes the merge as one partial result again, for a tree-shaped reduce. --mentions, --merge-log and \
            --no-co-mentions act as in extract.

            GraphML inputs: nodes with the same identity (written by extract) are one node; nodes without one \
            are matched by type and normalised label. Counts and weights add up, document lists are united, \
            the earliest evidence is kept. The result does not depend on the order of the inputs. Inputs are \
            assumed to come from different documents: a document read in two runs is counted twice.

            Examples:
              entity-graph merge shard-1.partial shard-2.partial -o corpus.graphml --mentions corpus.jsonl
              entity-graph merge shard-1.partial shard-2.partial --partial shards-1-2.partial
              entity-graph merge monday.graphml tuesday.graphml -o week.graphml -o week.gexf
            """)

    @Argument(help: ArgumentHelp("Partial results, or GraphML files, to merge.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var output: OutputOptions

    @OptionGroup var files: ResultFiles

    @Option(help: ArgumentHelp("Write the merged partial results as one partial result (partial inputs only).",
                               valueName: "file.partial"))
    var partial: String?

    @Flag(help: "Read nodes without a valid type as organisation and edges without a valid kind as co_mention (GraphML inputs).")
    var lenient = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one partial result or GraphML file to merge") }
        guard files.wantsExtraction(output) || partial != nil else {
            throw ValidationError("nothing to write: give at least one -o FILE (or --partial, --mentions, --merge-log)")
        }
        if let partial, output.outputs.contains(partial) || [files.mentions, files.mergeLog].contains(partial) {
            throw ValidationError("the partial result '\(partial)' is also given as another output")
        }
    }

    func run() throws {
        let partials = inputs.filter(PartialReader.looksLikePartial)
        if partials.isEmpty {
            try mergeGraphs()
        } else {
            guard partials.count == inputs.count else {
                let graph = inputs.first { !PartialReader.looksLikePartial(path: $0) }!
                throw CLIError("'\(graph)' is not a partial result but '\(partials[0])' is: merge partial results "
                               + "with partial results and GraphML with GraphML")
            }
            try mergePartials()
        }
    }

    /// One pass over the inputs, however many outputs: each summary goes to the merged partial and to the corpus
    /// stage as it is read.
    private func mergePartials() throws {
        do {
            var merge = try PartialMerge(paths: inputs)
            let header = merge.header
            let writer = try partial.map { path throws(PartialError) in try PartialWriter(path: path, header: header) }
            var stage = files.wantsExtraction(output)
                ? try merge.corpusStage(includeCoMentions: !files.noCoMentions, keepMentions: files.mentions != nil,
                                        keepMerges: files.mergeLog != nil)
                : nil
            while let summary = try merge.next() {
                try writer?.write(summary)
                stage?.add(summary)
            }
            if let writer, let partial {
                try writer.finish()
                printSummary("\(inputs.count) partial result(s) merged: \(writer.documentCount) document(s) in '\(partial)'")
            }
            guard var stage else { return }
            let (graph, ok) = try files.write(stage.finish(), output: output)
            guard ok else { throw ExitCode(2) }
            printSummary("\(inputs.count) partial result(s) merged: \(graph.nodes.count) nodes, \(graph.edges.count) edges")
        } catch let error as PartialError {
            throw CLIError(error.description)
        }
    }

    private func mergeGraphs() throws {
        guard partial == nil, files.mentions == nil, files.mergeLog == nil, !files.noCoMentions else {
            throw CLIError("--partial, --mentions, --merge-log and --no-co-mentions need partial results as inputs "
                           + "(extract --partial); GraphML inputs keep no mentions or merge reasons")
        }
        let graphs = try GraphInput.read(inputs, lenient: lenient)
        let merged = GraphMerger.merge(graphs)
        let filtered = try output.filter().apply(to: merged)
        guard output.write(filtered) else { throw ExitCode(2) }
        printSummary("\(graphs.count) graph(s) merged: \(filtered.nodes.count) nodes, \(filtered.edges.count) edges")
    }
}
