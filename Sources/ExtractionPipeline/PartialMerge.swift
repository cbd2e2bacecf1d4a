/// The summaries of several partial results as one stream in document-id order: a k-way merge that holds one
/// summary per input, never a whole shard.
///
/// This is the reduce of the exact map/reduce. Its output depends only on the set of documents, not on how they
/// were split into files nor in which order the files are given, so merging partials (in any grouping, in any
/// order) and feeding the stream to `CorpusStage` gives what `extract` over all documents at once gives: that
/// run feeds the same summaries in the same order. Two inputs must not hold the same document (an error naming
/// both files) and must have been made with the same settings (an error naming the setting).
public struct PartialMerge {
    /// The settings every input shares.
    public let header: PartialHeader
    private var readers: [PartialReader]
    /// Inputs with a summary waiting, as a binary min-heap by (id, input).
    private var heap: [(summary: DocumentSummary, input: Int)] = []
    private var last: (id: String, input: Int)?

    /// Opens every input and reads its first summary. At least one path.
    public init(paths: [String]) throws(PartialError) {
        precondition(!paths.isEmpty, "a merge needs at least one partial result")
        var readers: [PartialReader] = []
        for path in paths { readers.append(try PartialReader(path: path)) }
        let first = readers[0]
        for reader in readers.dropFirst() {
            if let difference = reader.header.difference(from: first.header) {
                throw .settingsDiffer(path: reader.path, other: first.path, difference: difference)
            }
        }
        self.header = first.header
        self.readers = readers
        for input in readers.indices {
            if let summary = try readers[input].next() { push((summary, input)) }
        }
    }

    public var paths: [String] { readers.map(\.path) }

    /// The next summary by id, or nil when every input is done.
    public mutating func next() throws(PartialError) -> DocumentSummary? {
        guard let (summary, input) = pop() else { return nil }
        if let last, last.id == summary.id {
            throw .duplicateDocument(id: summary.id, first: readers[last.input].path, second: readers[input].path)
        }
        last = (summary.id, input)
        if let following = try readers[input].next() { push((following, input)) }
        return summary
    }

    private static func precedes(_ a: (summary: DocumentSummary, input: Int), _ b: (summary: DocumentSummary, input: Int)) -> Bool {
        a.summary.id < b.summary.id || (a.summary.id == b.summary.id && a.input < b.input)
    }

    private mutating func push(_ item: (summary: DocumentSummary, input: Int)) {
        heap.append(item)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() -> (summary: DocumentSummary, input: Int)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, Self.precedes(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, Self.precedes(heap[right], heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}

extension PartialMerge {
    /// Merges the inputs into one partial result at `output` (for a tree-shaped reduce), streaming.
    /// Returns the number of documents written.
    @discardableResult
    public static func write(_ paths: [String], to output: String) throws(PartialError) -> Int {
        var merge = try PartialMerge(paths: paths)
        let writer = try PartialWriter(path: output, header: merge.header)
        while let summary = try merge.next() { try writer.write(summary) }
        try writer.finish()
        return writer.documentCount
    }
}

extension PartialMerge {
    /// The corpus stage these partials feed: the alias table is the one they were made with, read from their
    /// header, so the node that merges needs none of the shards' files.
    public func corpusStage(includeCoMentions: Bool, keepMentions: Bool, keepMerges: Bool) throws -> CorpusStage {
        CorpusStage(aliases: try header.analysis.aliasTable(),
                    options: header.analysis.extractionOptions(includeCoMentions: includeCoMentions),
                    keepMentions: keepMentions, keepMerges: keepMerges)
    }

    /// Feeds every remaining summary to one corpus stage: the graph (and mentions and merge log, when kept) that
    /// `extract` over the same documents gives.
    public mutating func extraction(includeCoMentions: Bool, keepMentions: Bool, keepMerges: Bool) throws -> Extraction {
        var stage = try corpusStage(includeCoMentions: includeCoMentions, keepMentions: keepMentions, keepMerges: keepMerges)
        while let summary = try next() { stage.add(summary) }
        return stage.finish()
    }
}
