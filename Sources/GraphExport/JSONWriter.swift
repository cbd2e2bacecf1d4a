import GraphModel

/// Writes an `EntityGraph` as Cytoscape.js elements JSON:
/// `{"elements": {"nodes": [{"data": {"id": "n0", "label": …}}], "edges": [{"data": {"id": "e0", "source": "n0", "target": "n1", …}}]}}`.
///
/// Strict RFC 8259, encoded by hand so the output is deterministic (fixed key order: `id`, `source`,
/// `target`, then the GraphML attribute names in their order) and so no `NaN`/`Infinity` can appear
/// (`Attributes` refuses non-finite numbers). JSON can escape every character, so text is carried
/// **exactly**, without `TextPolicy`: controls become `\u00XX` (or `\n`, `\t`, …), `"` and `\` are
/// escaped, and U+2028/U+2029 are escaped too so the file can be pasted into a `<script>`. Numbers stay
/// numbers, lists (`aliases`, `documents`) are arrays, ids are strings. One element per line keeps diffs small.
public struct JSONWriter: Sendable {
    public init() {}

    /// The JSON document as UTF-8 bytes (no BOM), ending with a newline.
    public func write(_ graph: EntityGraph) throws(ExportError) -> [UInt8] {
        try graph.checkedForExport()
        var nodes: [String] = []
        nodes.reserveCapacity(graph.nodes.count)
        for (index, node) in graph.nodes.enumerated() {
            var members = [("id", Self.string(EntityGraph.nodeID(index)))]
            members += try Self.members(Attributes.values(of: node, index: index, in: graph), columns: Attributes.node)
            nodes.append(Self.element(members))
        }
        var edges: [String] = []
        edges.reserveCapacity(graph.edges.count)
        for (index, edge) in graph.edges.enumerated() {
            var members = [
                ("id", Self.string(EntityGraph.edgeID(index))),
                ("source", Self.string(EntityGraph.nodeID(edge.source))),
                ("target", Self.string(EntityGraph.nodeID(edge.target))),
            ]
            members += try Self.members(Attributes.values(of: edge, index: index, in: graph), columns: Attributes.edge)
            edges.append(Self.element(members))
        }
        var out = "{\n  \"elements\": {\n"
        out += "    \"nodes\": " + Self.array(nodes) + ",\n"
        out += "    \"edges\": " + Self.array(edges) + "\n"
        out += "  }\n}\n"
        return Array(out.utf8)
    }

    private static func members(_ values: [AttributeValue?], columns: [AttributeColumn]) -> [(String, String)] {
        zip(columns, values).compactMap { column, value in value.map { (column.name, Self.json($0)) } }
    }

    /// `{"data": {"k": v, …}}` on one line.
    private static func element(_ members: [(String, String)]) -> String {
        "{\"data\": {" + members.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}}"
    }

    private static func array(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n      " + items.joined(separator: ",\n      ") + "\n    ]"
    }

    static func json(_ value: AttributeValue) -> String {
        switch value {
        case .int, .double: value.literal  // finite, `.` decimal, JSON number grammar (`2.0`, `1e-09`)
        case .string(let text): string(text)
        case .list(let items): "[" + items.map(string).joined(separator: ", ") + "]"
        }
    }

    /// A JSON string literal for any Swift string: strict RFC 8259, controls and U+2028/2029 escaped. Public
    /// so every JSON the tool writes (the mentions file too) escapes alike.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }
}
