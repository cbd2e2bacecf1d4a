import ArgumentParser
import ExtractionPipeline
import Foundation
import GraphExport
import GraphModel
import Resolution

/// The files a run over documents writes beside the graph: the mentions and the merge log. `extract` and the
/// merge of partial results share them (and the one way of writing them, `write`), so a merge of shards writes
/// what one extraction over every document writes.
struct ResultFiles: ParsableArguments {
    @Option(help: ArgumentHelp("""
        Also write every entity mention as JSON Lines (document, start, end, text, type, node). 'node' is the \
        node's id in the written graph: with --types/--kinds/--min-weight/--top, ids are those of the filtered \
        graph and mentions of nodes the filter removed are left out.
        """, valueName: "file.jsonl"))
    var mentions: String?

    @Option(name: .customLong("merge-log"),
            help: ArgumentHelp("Also write every merge of two names into one node, with its reason (TSV).", valueName: "file"))
    var mergeLog: String?

    @Flag(name: .customLong("no-co-mentions"), help: "Leave out co_mention edges (same-sentence co-occurrence).")
    var noCoMentions = false

    /// Whether anything besides a partial result is to be written, so whether the corpus stage must run at all.
    func wantsExtraction(_ output: OutputOptions) -> Bool {
        !output.outputs.isEmpty || mentions != nil || mergeLog != nil
    }

    /// The corpus stage for these files: mentions and merge reasons are kept only when they will be written.
    func corpusStage(aliases: AliasTable, settings: AnalysisSettings) -> CorpusStage {
        CorpusStage(aliases: aliases, options: settings.extractionOptions(includeCoMentions: !noCoMentions),
                    keepMentions: mentions != nil, keepMerges: mergeLog != nil)
    }

    /// Filters the graph and writes every requested file, each atomically; failures are reported on stderr.
    /// Returns the graph written and whether every file was.
    func write(_ extraction: Extraction, output: OutputOptions,
               jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> (graph: EntityGraph, ok: Bool) {
        var ok = true
        func write(_ bytes: @autoclosure () throws -> [UInt8], to path: String) {
            do {
                try AtomicFile.write(try bytes(), to: path)
            } catch {
                printError("error: \(path): \(error)")
                ok = false
            }
        }
        let graph = try output.filter().apply(to: extraction.graph)
        if !output.write(graph, jobs: jobs) { ok = false }
        if let mentions {
            // Ids in the mentions file must name nodes of the graph actually written, filtered or not.
            let records = MentionsFile.restricted(extraction.mentions, from: extraction.graph, to: graph)
            write(MentionsFile.jsonLines(records), to: mentions)
        }
        if let mergeLog { write(MergeLogFile.tsv(extraction.merges, graph: graph), to: mergeLog) }
        return (graph, ok)
    }
}
