import DocumentReading
import Foundation
import GraphExport

/// A list of documents with their ids, as JSON Lines (`{"id":"…","path":"…"}`, one document a line, in id
/// order): what `entity-graph list` writes and `extract --files-from` reads.
///
/// A document's id depends on the whole input, not on the file alone: two files named `x.txt` in different
/// directories both get their path as id. A shard given only its own files would name them differently from a
/// run over every file, so ids are assigned once over the whole input (by `DocumentReader.collect`, the one
/// policy) and travel with the paths; JSON, because a path may hold any character but NUL.
enum FileList {
    static func jsonLines(_ sources: [DocumentSource]) -> [UInt8] {
        var out: [UInt8] = []
        for source in sources.sorted(by: { $0.id < $1.id }) {
            out.append(contentsOf: ("{\"id\":" + JSONWriter.string(source.id) + ",\"path\":"
                                    + JSONWriter.string(source.path) + "}\n").utf8)
        }
        return out
    }

    private struct Entry: Decodable {
        var id: String
        var path: String
    }

    /// The documents of a list file (`-`: standard input). Blank lines are skipped; a malformed line, a
    /// document listed twice or standard input as a document is an error naming the line.
    static func read(_ path: String) throws(CLIError) -> [DocumentSource] {
        let data: Data
        if path == DocumentSource.standardInputPath {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw CLIError("cannot read the file list '\(path)': \(error.localizedDescription)")
            }
        }
        let decoder = JSONDecoder()
        var sources: [DocumentSource] = []
        var lineOf: [String: Int] = [:]
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else {
                throw CLIError("\(path):\(number): expected {\"id\":\"…\",\"path\":\"…\"} (as `entity-graph list` writes)")
            }
            guard !entry.id.isEmpty, !entry.path.isEmpty else { throw CLIError("\(path):\(number): empty id or path") }
            guard entry.path != DocumentSource.standardInputPath else {
                throw CLIError("\(path):\(number): standard input cannot be a listed document")
            }
            if let first = lineOf[entry.id] {
                throw CLIError("\(path):\(number): document id '\(entry.id)' is already on line \(first)")
            }
            lineOf[entry.id] = number
            sources.append(DocumentSource(path: entry.path, id: entry.id))
        }
        return sources
    }
}
