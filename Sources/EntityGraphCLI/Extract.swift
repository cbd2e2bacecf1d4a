import ArgumentParser
import DocumentReading
import ExtractionPipeline
import Foundation
import GraphExport
import GraphModel
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
    var inputs: [String]

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("""
        Also write every entity mention as JSON Lines (document, start, end, text, type, node). 'node' is the \
        node's id in the written graph: with --types/--kinds/--min-weight/--top, ids are those of the filtered \
        graph and mentions of nodes the filter removed are left out.
        """, valueName: "file.jsonl"))
    var mentions: String?

    @Option(name: .customLong("merge-log"),
            help: ArgumentHelp("Also write every merge of two names into one node, with its reason (TSV).", valueName: "file"))
    var mergeLog: String?

    @Option(help: ArgumentHelp("""
        Extra alias table: lines 'same<TAB>canonical<TAB>type<TAB>alias|alias' and 'never<TAB>name<TAB>name'; \
        they override the shipped table.
        """, valueName: "file"))
    var aliases: String?

    @Flag(name: .customLong("no-co-mentions"), help: "Leave out co_mention edges (same-sentence co-occurrence).")
    var noCoMentions = false

    @Flag(name: .customLong("no-tagger"),
          help: "Recognise names by the rules and gazetteers alone, without the statistical tagger (for comparison).")
    var noTagger = false

    @Flag(name: .customLong("tagger-only"),
          help: "Names from the statistical tagger alone, without the rules' meetings, nationalities and descriptions (for comparison).")
    var taggerOnly = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file or directory") }
        guard !(noTagger && taggerOnly) else { throw ValidationError("--no-tagger and --tagger-only exclude each other") }
        guard !output.outputs.isEmpty || mentions != nil || mergeLog != nil else {
            throw ValidationError("nothing to write: give at least one -o FILE (or --mentions / --merge-log)")
        }
    }

    func run() throws {
        var aliasTable = try ShippedData.aliasTable()
        if let aliases {
            do {
                let text = try String(contentsOfFile: aliases, encoding: .utf8)
                try aliasTable.add(contentsOf: text, source: aliases)
            } catch let error as AliasTable.ParseError {
                throw CLIError("alias file: \(error.description)")
            } catch {
                throw CLIError("cannot read alias file '\(aliases)': \(error.localizedDescription)")
            }
        }
        let reader = DocumentReader()
        let sources: [DocumentSource]
        do {
            sources = try reader.collect(inputs)
        } catch {
            throw CLIError(error.description)
        }
        var documents: [Document] = []
        var failed = 0
        for source in sources {
            switch reader.read(source) {
            case let .success(read):
                read.warnings.forEach { printError("warning: \($0)") }
                documents.append(read.document)
            case let .failure(error):
                printError("error: \(error.description)")
                failed += 1
            }
        }
        let lexicon = try ShippedData.lexicon()
        let tagger = noTagger ? nil : try ShippedData.tagger()
        let extractor = Extractor(lexicon: lexicon, aliases: aliasTable, tagger: tagger,
                                  options: ExtractionOptions(includeCoMentions: !noCoMentions, recognizerRules: !taggerOnly))
        let extraction = extractor.extract(documents)

        var writeFailed = false
        func write(_ bytes: @autoclosure () throws -> [UInt8], to path: String) {
            do {
                try AtomicFile.write(try bytes(), to: path)
            } catch {
                printError("error: \(path): \(error)")
                writeFailed = true
            }
        }
        let graph = try output.filter().apply(to: extraction.graph)
        if !output.write(graph) { writeFailed = true }
        if let mentions {
            // Ids in the mentions file must name nodes of the graph actually written, filtered or not.
            let records = MentionsFile.restricted(extraction.mentions, from: extraction.graph, to: graph)
            write(MentionsFile.jsonLines(records), to: mentions)
        }
        if let mergeLog { write(MergeLogFile.tsv(extraction.merges, graph: graph), to: mergeLog) }

        printError("\(documents.count) document(s), \(graph.nodes.count) nodes, \(graph.edges.count) edges"
                   + (failed > 0 ? "; \(failed) document(s) failed" : ""))
        if writeFailed { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
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
