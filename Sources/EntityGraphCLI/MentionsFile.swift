import ExtractionPipeline
import GraphExport
import GraphModel
import Resolution

/// The `--mentions` file: one JSON object per mention, in document and offset order.
enum MentionsFile {
    /// The mentions as they must be written beside a filtered graph: `node` is the id in `filtered`, and
    /// mentions of nodes the filter removed are dropped, so every `node` names a node of the written graph.
    ///
    /// The filter renumbers nodes, so ids are matched through `GraphNode.identity` (the resolution key, the
    /// same before and after filtering). A mention whose node cannot be found in `original` or has no
    /// identity is dropped too: it could not be tied to the written graph honestly.
    static func restricted(_ records: [MentionRecord], from original: EntityGraph, to filtered: EntityGraph)
        -> [MentionRecord] {
        if original == filtered { return records }
        var filteredID: [String: String] = [:]
        for (index, node) in filtered.nodes.enumerated() where !node.identity.isEmpty {
            if filteredID[node.identity] == nil { filteredID[node.identity] = EntityGraph.nodeID(index) }
        }
        var newID: [String: String] = [:]
        for (index, node) in original.nodes.enumerated() {
            if let id = filteredID[node.identity], !node.identity.isEmpty { newID[EntityGraph.nodeID(index)] = id }
        }
        return records.compactMap { record in
            guard let id = newID[record.node] else { return nil }
            var copy = record
            copy.node = id
            return copy
        }
    }

    static func jsonLines(_ records: [MentionRecord]) -> [UInt8] {
        var out: [UInt8] = []
        for record in records {
            var line = "{\"document\":" + JSONWriter.string(record.document)
            line += ",\"start\":\(record.start),\"end\":\(record.end)"
            line += ",\"text\":" + JSONWriter.string(record.text)
            line += ",\"type\":" + JSONWriter.string(record.type.rawValue)
            line += ",\"node\":" + JSONWriter.string(record.node) + "}\n"
            out.append(contentsOf: line.utf8)
        }
        return out
    }
}

/// The `--merge-log` file: why each name became part of a node, as TSV with a header. Nodes are named by their
/// id and label in `graph` (the graph actually written, perhaps filtered); merges into nodes it leaves out are
/// left out too.
enum MergeLogFile {
    static func tsv(_ records: [Resolution.MergeRecord], graph: EntityGraph) -> [UInt8] {
        var nodeByIdentity: [String: String] = [:]
        for (index, node) in graph.nodes.enumerated() where !node.identity.isEmpty {
            nodeByIdentity[node.identity] = EntityGraph.nodeID(index) + " (" + node.label + ")"
        }
        let records = records.compactMap { record -> Resolution.MergeRecord? in
            guard let node = nodeByIdentity[record.node] else { return nil }
            var named = record
            named.node = node
            return named
        }.sorted()
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        var out = "node\tname\tdocument\treason\n"
        for r in records {
            out += "\(cell(r.node))\t\(cell(r.name))\t\(cell(r.document))\t\(cell(r.reason))\n"
        }
        return Array(out.utf8)
    }
}
