import DocumentReading
import ExtractionPipeline
import GraphModel
import Recognition
import Resolution
import Testing

/// The shipped lexicon and alias table, loaded once (nil when loading failed; `shippedDataLoads` says why).
enum Shipped {
    static let lexicon: GazetteerLexicon? = try? GazetteerLexicon.shipped()
    static let aliases: AliasTable? = try? AliasTable.shipped()
}

struct Missing: Error {}

/// Runs the production extractor on articles given as (id, file text); each text goes through the real
/// document reader, so a leading `date YYYY-MM-DD` line and a title line work as in files.
func extract(_ articles: [(String, String)], options: ExtractionOptions = ExtractionOptions()) throws -> EntityGraph {
    guard let lexicon = Shipped.lexicon, let aliases = Shipped.aliases else { throw Missing() }
    let documents = try articles.map { id, text in
        try DocumentReader.decode(Array(text.utf8), id: id, path: id + ".txt").document
    }
    return Extractor(lexicon: lexicon, aliases: aliases, options: options).extract(documents).graph
}

func extract(_ text: String, options: ExtractionOptions = ExtractionOptions()) throws -> EntityGraph {
    try extract([("doc", text)], options: options)
}

extension EntityGraph {
    func node(_ label: String) -> GraphNode? { nodes.first { $0.label == label } }
    func index(_ label: String) -> Int? { nodes.firstIndex { $0.label == label } }

    /// Edges from `source` to `target` (by label) of `kind`.
    func edges(_ source: String, _ target: String, _ kind: EdgeKind) -> [GraphEdge] {
        guard let s = index(source), let t = index(target) else { return [] }
        return edges.filter { $0.source == s && $0.target == t && $0.kind == kind }
    }

    /// Edges between the two, in either direction, of any kind.
    func edgesBetween(_ a: String, _ b: String) -> [GraphEdge] {
        guard let x = index(a), let y = index(b) else { return [] }
        return edges.filter { ($0.source == x && $0.target == y) || ($0.source == y && $0.target == x) }
    }

    func hasEdge(_ source: String, _ target: String, _ kind: EdgeKind, label: String? = nil) -> Bool {
        edges(source, target, kind).contains { label == nil || $0.label == label }
    }

    var meetings: [GraphNode] { nodes.filter { $0.type == .meeting } }

    /// Every edge as "source -kind[label]-> target", for failure messages.
    var dump: String {
        edges.map { "\(nodes[$0.source].label) -\($0.kind.rawValue)[\($0.label)]-> \(nodes[$0.target].label)" }
            .joined(separator: "\n")
            + "\n" + nodes.map { "\($0.label) (\($0.type.rawValue)) date=\($0.date ?? "-") series=\($0.series ?? "-") ord=\($0.ordinal.map(String.init) ?? "-") format=\($0.format ?? "-")" }.joined(separator: "\n")
    }
}
