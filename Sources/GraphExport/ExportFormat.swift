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

    /// Extensions understood by `init(path:)`, lowercase, without the dot.
    public static let knownExtensions = ["graphml", "dot", "gv", "gexf", "json", "csv"]

    /// The format named by the extension of `path` (case-insensitive; `.gv` is DOT).
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
        default: throw .unknownFormat(path: path)
        }
    }
}
