/// The file formats the exporter writes, chosen from the output file's extension.
public enum ExportFormat: String, Sendable, CaseIterable, Hashable {
    /// GraphML 1.0 (the scored format; networkx, igraph, Gephi, yEd, Cytoscape).
    case graphml
    /// Graphviz DOT, for drawing with `dot`/`sfdp`.
    case dot
    /// GEXF 1.3 with viz colours and sizes, dynamic when dates are known (Gephi's own format).
    case gexf
    /// Cytoscape.js elements JSON; text carried exactly.
    case json
    /// Two Gephi spreadsheet tables: `NAME.nodes.csv` and `NAME.edges.csv` (see `CSVWriter.tablePaths(for:)`).
    case csv
    /// One self-contained interactive page (force layout on a canvas, search, filters, evidence), see `HTMLWriter`.
    case html

    /// Extensions understood by `init(path:)`, lowercase, without the dot.
    public static let knownExtensions = ["graphml", "dot", "gv", "gexf", "json", "csv", "html", "htm"]

    /// The format named by the extension of `path` (case-insensitive; `.gv` is DOT, `.htm` is HTML).
    /// Throws `ExportError.unknownFormat` naming the path when the extension is missing or unknown,
    /// so the user sees which argument to fix.
    public init(path: String) throws(ExportError) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            throw .unknownFormat(path: path)
        }
        switch name[name.index(after: dot)...].lowercased() {
        case "graphml": self = .graphml
        case "dot", "gv": self = .dot
        case "gexf": self = .gexf
        case "json": self = .json
        case "csv": self = .csv
        case "html", "htm": self = .html
        default: throw .unknownFormat(path: path)
        }
    }
}
