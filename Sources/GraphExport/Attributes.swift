import GraphModel

/// The attributes every format exports for nodes and edges, in one place, so GraphML, GEXF, JSON and
/// CSV carry the same names, types and spellings of values.
///
/// Values are literals ready for a text format: integers in decimal, doubles as Swift's shortest
/// round-trip form (`2.0`, `0.25`, `1e-09`, always `.` as the separator whatever the locale), lists
/// joined with `|`. An absent value is `nil`: optional fields that are `nil`, empty lists and empty
/// strings are not written at all, because readers disagree on empty values (networkx drops an empty
/// `<data>`, Gephi ignores it, igraph reads `""`), while a missing value means the same to all of them.
struct AttributeColumn: Hashable, Sendable {
    enum ValueType: Sendable {
        /// Fits in 32 bits (GraphML `int`, GEXF `integer`).
        case int
        case double
        case string
    }

    /// The attribute's name as users and the scorer read it (`attr.name`, GEXF `title`, JSON key).
    let name: String
    let type: ValueType
}

enum Attributes {
    static let node: [AttributeColumn] = [
        .init(name: "label", type: .string),
        .init(name: "type", type: .string),
        .init(name: "aliases", type: .string),
        .init(name: "mentions", type: .int),
        .init(name: "documents", type: .string),
        .init(name: "date", type: .string),
        .init(name: "format", type: .string),
        .init(name: "ordinal", type: .int),
        .init(name: "series", type: .string),
        .init(name: "first_seen", type: .string),
        .init(name: "last_seen", type: .string),
    ]

    static let edge: [AttributeColumn] = [
        .init(name: "kind", type: .string),
        .init(name: "label", type: .string),
        .init(name: "weight", type: .double),
        .init(name: "documents", type: .string),
        .init(name: "evidence", type: .string),
        .init(name: "evidence_document", type: .string),
        .init(name: "evidence_start", type: .int),
        .init(name: "evidence_end", type: .int),
        .init(name: "date", type: .string),
        .init(name: "first_seen", type: .string),
        .init(name: "last_seen", type: .string),
    ]

    /// Separator of list values (`aliases`, `documents`). Not escaped inside items: names containing
    /// `|` are rare and the joined form is for display and filtering, not for exact splitting.
    static let listSeparator = "|"

    /// The node's values, aligned with `node`. The text is raw; each writer applies `TextPolicy` as its format needs.
    static func values(of node: GraphNode, index: Int) throws(ExportError) -> [String?] {
        let element = EntityGraph.nodeID(index)
        return [
            nonEmpty(node.label),
            node.type.rawValue,
            nonEmpty(node.aliases.joined(separator: listSeparator)),
            try int32(node.mentions, element: element, attribute: "mentions"),
            nonEmpty(node.documents.joined(separator: listSeparator)),
            node.date.flatMap(nonEmpty),
            node.format.flatMap(nonEmpty),
            try node.ordinal.map { value throws(ExportError) in try int32(value, element: element, attribute: "ordinal") },
            node.series.flatMap(nonEmpty),
            node.firstSeen.flatMap(nonEmpty),
            node.lastSeen.flatMap(nonEmpty),
        ]
    }

    /// The edge's values, aligned with `edge`.
    static func values(of edge: GraphEdge, index: Int) throws(ExportError) -> [String?] {
        let element = EntityGraph.edgeID(index)
        return [
            edge.kind.rawValue,
            nonEmpty(edge.label),
            try double(edge.weight, element: element, attribute: "weight"),
            nonEmpty(edge.documents.joined(separator: listSeparator)),
            nonEmpty(edge.evidence.sentence),
            nonEmpty(edge.evidence.document),
            try int32(edge.evidence.start, element: element, attribute: "evidence_start"),
            try int32(edge.evidence.end, element: element, attribute: "evidence_end"),
            edge.date.flatMap(nonEmpty),
            edge.firstSeen.flatMap(nonEmpty),
            edge.lastSeen.flatMap(nonEmpty),
        ]
    }

    /// A finite double as a `.`-decimal literal every reader parses (`2.0`, `1e-09`, `9.007199254740992e+15`).
    /// NaN and infinities have no literal in GraphML, GEXF or JSON, so they are refused rather than written.
    static func double(_ value: Double, element: String, attribute: String) throws(ExportError) -> String {
        guard value.isFinite else {
            throw .valueOutOfRange(element: element, attribute: attribute, value: value.description)
        }
        return value.description
    }

    /// An integer that fits the 32-bit `int` the formats declare (Java readers such as Gephi use `int`).
    static func int32(_ value: Int, element: String, attribute: String) throws(ExportError) -> String {
        guard Int32(exactly: value) != nil else {
            throw .valueOutOfRange(element: element, attribute: attribute, value: String(value))
        }
        return String(value)
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

extension EntityGraph {
    /// Throws `ExportError.invalidGraph` when an edge points at a missing node, before any byte is written.
    func checkedForExport() throws(ExportError) {
        let problems = validate()
        if !problems.isEmpty { throw .invalidGraph(problems: problems) }
    }
}
