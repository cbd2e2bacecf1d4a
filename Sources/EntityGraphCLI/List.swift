import ArgumentParser
import DocumentReading
import Foundation

/// `entity-graph list`: the documents an `extract` of the same inputs would read, with the ids it would give
/// them; the file list a sharded run splits (see `FileList`).
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the documents of the inputs with their ids, as JSON Lines, for extract --files-from.",
        discussion: """
            Prints one line per document, {"id": ..., "path": ...}, in id order: the ids `extract` gives the \
            same inputs. Split the list into shards, run `extract --files-from SHARD --partial SHARD.partial` \
            on each, and `merge` the partials: the result is that of one `extract` over the inputs.

            Examples:
              entity-graph list corpus/ > files.jsonl
              split -n l/4 files.jsonl shard-
              for s in shard-*; do entity-graph extract --files-from $s --partial $s.partial; done
              entity-graph merge shard-*.partial -o corpus.graphml
            """)

    @Argument(help: ArgumentHelp("Article files or directories of *.txt files.", valueName: "input"))
    var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file or directory") }
        guard !inputs.contains(DocumentSource.standardInputPath) else {
            throw ValidationError("standard input (-) cannot be listed: a shard could not read it again")
        }
    }

    func run() throws {
        let sources: [DocumentSource]
        do {
            sources = try DocumentReader().collect(inputs)
        } catch {
            throw CLIError(error.description)
        }
        FileHandle.standardOutput.write(Data(FileList.jsonLines(sources)))
    }
}
