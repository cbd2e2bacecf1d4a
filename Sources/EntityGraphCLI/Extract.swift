import ArgumentParser
import DocumentReading
import ExtractionPipeline
import Foundation
import GraphExport
import GraphModel
import ParallelWork
import Recognition
import Resolution

/// `entity-graph extract`: the main job.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read articles and write the graph in one or more formats.",
        discussion: """
            Inputs are .txt files, directories (searched recursively for *.txt, in sorted order) or - for \
            standard input. A document may start with a line 'date YYYY-MM-DD'; a short first line followed \
            by a blank line is its title.

            The output format follows each file's extension: .graphml, .dot or .gv, .gexf, .json \
            (Cytoscape.js elements), .csv (Gephi tables: FILE.nodes.csv and FILE.edges.csv), .html (one \
            self-contained interactive page: search, filters, the evidence of each edge). One extraction \
            feeds every output; each file is written to a temporary file beside it and renamed, so a failed run \
            never leaves a partial file.

            Examples:
              entity-graph extract seeds -o Exports/seeds.graphml -o Exports/seeds.dot -o Exports/seeds.gexf
              entity-graph extract seeds -o seeds.html
              entity-graph extract a.txt b.txt -o graph.graphml --mentions mentions.jsonl --merge-log merges.tsv
              cat article.txt | entity-graph extract - -o article.dot
            """)

    @Argument(help: ArgumentHelp("Article files, directories of *.txt files, or - for standard input.", valueName: "input"))
    var inputs: [String] = []

    @OptionGroup var output: OutputOptions

    @OptionGroup var files: ResultFiles

    @Option(help: ArgumentHelp("""
        Also (or only) write a partial result: every document's summary, for `merge` with the partials of other \
        shards (see Docs/partial-results.md). Holds the mentions and merge reasons too, so the merge can write them.
        """, valueName: "file.partial"))
    var partial: String?

    @Option(name: .customLong("files-from"), help: ArgumentHelp("""
        Read the documents and their ids from a list written by `entity-graph list` (- for standard input) \
        instead of from inputs: how a shard keeps the ids a run over every document gives.
        """, valueName: "list.jsonl"))
    var filesFrom: String?

    @Option(help: ArgumentHelp("""
        Extra alias table: lines 'same<TAB>canonical<TAB>type<TAB>alias|alias' and 'never<TAB>name<TAB>name'; \
        they override the shipped table.
        """, valueName: "file"))
    var aliases: String?

    @Flag(name: .customLong("no-tagger"),
          help: "Recognise names by the rules and gazetteers alone, without the statistical tagger (for comparison).")
    var noTagger = false

    @Flag(name: .customLong("tagger-only"),
          help: "Names from the statistical tagger alone, without the rules' meetings, nationalities and descriptions (for comparison).")
    var taggerOnly = false

    @Option(help: ArgumentHelp("""
        Documents analysed in parallel (default: every core). The output is the same whatever the number.
        """, valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress line and no closing summary on a terminal; warnings and errors are still printed.")
    var quiet = false

    func validate() throws {
        if filesFrom != nil {
            guard inputs.isEmpty else { throw ValidationError("give either inputs or --files-from, not both") }
        } else {
            guard !inputs.isEmpty else { throw ValidationError("give at least one input file or directory") }
        }
        guard !(noTagger && taggerOnly) else { throw ValidationError("--no-tagger and --tagger-only exclude each other") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        guard files.wantsExtraction(output) || partial != nil else {
            throw ValidationError("nothing to write: give at least one -o FILE (or --mentions / --merge-log / --partial)")
        }
        if let partial, output.outputs.contains(partial) || [files.mentions, files.mergeLog].contains(partial) {
            throw ValidationError("the partial result '\(partial)' is also given as another output")
        }
    }

    func run() throws {
        let settings = try analysisSettings()
        let aliasTable: AliasTable
        do {
            aliasTable = try settings.aliasTable()
        } catch let error as AliasTable.ParseError {
            throw CLIError("alias file: \(error.description)")
        }
        let reader = DocumentReader()
        var sources: [DocumentSource]
        if let filesFrom {
            sources = try FileList.read(filesFrom)
        } else {
            do {
                sources = try reader.collect(inputs)
            } catch {
                throw CLIError(error.description)
            }
        }
        let (lexicon, tagger) = try ShippedData.lexiconAndTagger(withTagger: settings.tagger)
        let extractor = Extractor(lexicon: lexicon, aliases: aliasTable, tagger: tagger,
                                  options: settings.extractionOptions(includeCoMentions: !files.noCoMentions))
        let writer = try partial.map { path throws(PartialError) in
            try PartialWriter(path: path, header: PartialHeader(producer: Self.producer, analysis: settings))
        }
        // The list is handed over, not kept here: it grows with the corpus and is not needed once every
        // document is read, when the graph is made and memory peaks.
        let ordered = sources.sorted { $0.id < $1.id }
        sources = []
        let run = extract(consume ordered, reader: reader, with: extractor, settings: settings,
                          partial: writer)
        var writeFailed = false
        if let writer {
            do {
                if let error = run.partialError { throw error }
                try writer.finish()
            } catch {
                printError("error: \(error)")
                writeFailed = true
            }
        }
        var summary = "\(run.read) document(s)"
        var written: EntityGraph?
        if let extraction = run.extraction {
            let (graph, ok) = try files.write(extraction, output: output, jobs: jobs)
            if !ok { writeFailed = true }
            summary += ", \(graph.nodes.count) nodes, \(graph.edges.count) edges"
            written = graph
        }
        if !quiet { printSummary(summary + (run.failed > 0 ? "; \(run.failed) document(s) failed" : "")) }
        // Everything is written: the run's graph and tables are reclaimed with the process, not freed piece by piece.
        leaveToProcessExit((run, written, extractor))
        if writeFailed { throw ExitCode(2) }
        if run.failed > 0 { throw ExitCode(1) }
    }

    /// What the partial header says wrote it.
    static let producer = "entity-graph \(Version.current)"

    /// The analysis options of the command line, with the text of the extra alias table.
    func analysisSettings() throws -> AnalysisSettings {
        var files: [AnalysisSettings.AliasFile] = []
        if let aliases {
            do {
                files.append(.init(source: aliases, text: try String(contentsOfFile: aliases, encoding: .utf8)))
            } catch {
                throw CLIError("cannot read alias file '\(aliases)': \(error.localizedDescription)")
            }
        }
        return AnalysisSettings(tagger: !noTagger, rules: !taggerOnly, aliases: files)
    }
}

/// What reading and summarising one input gave: its summary and warnings, or the error that stopped it.
private enum Outcome: Sendable {
    case summary(DocumentSummary, warnings: [String])
    case failure(String)
}

extension Extract {
    /// Reads and summarises the documents `jobs` at a time, a bounded batch at a time, and feeds the summaries
    /// to the corpus stage in id order: the text of a document is gone once its batch is done, and the output
    /// is the same whatever the number of jobs. Warnings and errors are printed in document order.
    ///
    /// With a partial writer every summary is also written to it, as it comes; without graph outputs the corpus
    /// stage does not run at all (`extraction` is nil). The first write error stops the writing, not the run.
    func extract<L: Lexicon>(_ sources: consuming [DocumentSource], reader: DocumentReader, with extractor: Extractor<L>,
                             settings: AnalysisSettings, partial: PartialWriter?)
        -> (extraction: Extraction?, read: Int, failed: Int, partialError: PartialError?) {
        // A partial result keeps the mentions whatever this run writes: the merge may be asked for them.
        let keepMentions = files.mentions != nil || partial != nil
        let wantsExtraction = files.wantsExtraction(output)
        var stage = files.corpusStage(aliases: extractor.aliases, settings: settings)
        var partialError: PartialError?
        // File sizes are for the progress line only: asked for (one stat per file, once) only when it is shown.
        let sizes = Progress.isShown(quiet: quiet) ? sources.map(Self.size(of:)) : []
        var progress = Progress(total: sources.count, totalBytes: sizes.reduce(0, +), quiet: quiet)
        var read = 0, failed = 0, bytes = 0
        ParallelMap.forEachBatch(sources, batchSize: Extractor<L>.batchSize(jobs: jobs), jobs: jobs, { source -> Outcome in
            switch reader.read(source) {
            case let .success(document):
                return .summary(extractor.summarize(document.document, keepMentions: keepMentions),
                                warnings: document.warnings.map { "warning: \($0)" })
            case let .failure(error):
                return .failure("error: \(error.description)")
            }
        }, consume: { slice, outcomes in
            for (index, outcome) in zip(slice.indices, outcomes) {
                switch outcome {
                case let .summary(summary, warnings):
                    if !warnings.isEmpty { progress.finish() }
                    warnings.forEach(printError)
                    if let partial, partialError == nil {
                        do throws(PartialError) { try partial.write(summary) } catch { partialError = error }
                    }
                    if wantsExtraction { stage.add(summary) }
                    read += 1
                case let .failure(message):
                    progress.finish()
                    printError(message)
                    failed += 1
                }
                if !sizes.isEmpty { bytes += sizes[index] }
            }
            progress.update(done: read + failed, bytes: bytes)
        })
        progress.finish()
        _ = consume sources
        return (wantsExtraction ? stage.finish() : nil, read, failed, partialError)
    }

    /// The size of a file input (0 for standard input or an unreadable file), for the progress line.
    static func size(of source: DocumentSource) -> Int {
        guard source.path != "-" else { return 0 }
        return ((try? FileManager.default.attributesOfItem(atPath: source.path))?[.size] as? Int) ?? 0
    }
}

/// A failure found while running (not in the command line's shape): printed as one `error:` line, without the
/// usage text ArgumentParser adds to validation errors, and ending the run with exit code 2.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// A closing summary is for the person at the terminal; logs and pipes get only warnings and errors.
func printSummary(_ message: String) {
    if isatty(STDERR_FILENO) == 1 { printError(message) }
}
