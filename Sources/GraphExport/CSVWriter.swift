import GraphModel

/// Writes an `EntityGraph` as the two tables Gephi's spreadsheet import reads: a node table
/// (`Id,Label,Type,…`) and an edge table (`Id,Source,Target,Type,Kind,Label,Weight,…`, `Type` = `Directed`).
/// A path `out.csv` becomes `out.nodes.csv` and `out.edges.csv` (`tablePaths(for:)`), because one CSV
/// file cannot hold two tables with different columns.
///
/// RFC 4180: CRLF after every record, fields containing `,` `"` CR or LF are quoted with inner quotes
/// doubled, and every record has every column (an absent value is an empty field). Text follows
/// `TextPolicy` (Gephi aborts on control characters). Against spreadsheet formula injection (OWASP),
/// a text cell starting with `=` `+` `-` `@` TAB or CR gets a leading `'`; numeric columns are left alone,
/// so a weight of `-3.0` stays a number. Columns after the Gephi ones are the GraphML attribute names
/// in title case (`first_seen` → `First Seen`); lists are joined with `|`.
///
/// A text cell is cut (at a Character boundary, with `…`) at 32,767 UTF-16 units, the most a spreadsheet
/// cell holds (Excel); longer fields also exceed readers' defaults such as Python's `csv` (128 KiB). The
/// full text stays in GraphML, GEXF and JSON. Real names and sentences are far shorter.
public struct CSVWriter: Sendable {
    public init() {}

    /// Where the two tables of an export to `path` go: `dir/out.csv` → `dir/out.nodes.csv`, `dir/out.edges.csv`.
    public static func tablePaths(for path: String) -> (nodes: String, edges: String) {
        var stem = Substring(path)
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex, name[dot...].lowercased() == ".csv" {
            stem = path[..<path.index(path.endIndex, offsetBy: -4)]
        }
        return (stem + ".nodes.csv", stem + ".edges.csv")
    }

    /// The node table as UTF-8 bytes (no BOM).
    public func nodes(_ graph: EntityGraph) throws(ExportError) -> [UInt8] {
        try graph.checkedForExport()
        var out = Self.record(["Id"] + Attributes.node.map { Self.header($0.name) })
        for (index, node) in graph.nodes.enumerated() {
            let values = try Attributes.values(of: node, index: index, in: graph)
            out += Self.record([EntityGraph.nodeID(index)] + zip(Attributes.node, values).map(Self.cell))
        }
        return Array(out.utf8)
    }

    /// The edge table as UTF-8 bytes (no BOM).
    public func edges(_ graph: EntityGraph) throws(ExportError) -> [UInt8] {
        try graph.checkedForExport()
        var out = Self.record(["Id", "Source", "Target", "Type"] + Attributes.edge.map { Self.header($0.name) })
        for (index, edge) in graph.edges.enumerated() {
            let values = try Attributes.values(of: edge, index: index, in: graph)
            out += Self.record([EntityGraph.edgeID(index), EntityGraph.nodeID(edge.source),
                                EntityGraph.nodeID(edge.target), "Directed"]
                               + zip(Attributes.edge, values).map(Self.cell))
        }
        return Array(out.utf8)
    }

    /// `first_seen` → `First Seen`.
    static func header(_ name: String) -> String {
        name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private static func cell(_ column: AttributeColumn, _ value: AttributeValue?) -> String {
        guard let value else { return "" }
        switch column.type {
        case .int, .double: return value.literal
        case .string:
            let text = Truncation.truncate(TextPolicy.clean(value.literal), maxCharacters: .max,
                                           maxBytes: maxCellUTF16, cost: { $0.utf16.count })
            return defused(text)
        }
    }

    /// Excel's cell limit, in UTF-16 code units (the `'` prefix may add one more).
    static let maxCellUTF16 = 32_766

    /// A leading `'` before text a spreadsheet would run as a formula.
    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// One CRLF-terminated record, each field quoted when RFC 4180 requires it.
    static func record(_ fields: [String]) -> String {
        fields.map { field in
            guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
                return field
            }
            var quoted = String.UnicodeScalarView()
            quoted.append("\"")
            for scalar in field.unicodeScalars {
                quoted.append(scalar)
                if scalar == "\"" { quoted.append("\"") }
            }
            quoted.append("\"")
            return String(quoted)
        }.joined(separator: ",") + "\r\n"
    }
}
