import GraphModel

/// The attributes every format exports for nodes and edges, in one place, so GraphML, GEXF, JSON and
/// CSV carry the same names, types and spellings of values.
///
/// Values are typed (`AttributeValue`) and checked once here: doubles are finite and integers fit 32 bits,
/// so no writer can emit `nan` or an overflowing `int`. Text formats spell them with `literal`; JSON keeps
/// numbers as numbers and lists as arrays. An absent value is `nil`: optional fields that are `nil`, empty
/// lists and empty strings are not written at all, because readers disagree on empty values (networkx
/// drops an empty `<data>`, Gephi ignores it, igraph reads `""`), while a missing value means the same to all.
struct AttributeColumn: Hashable, Sendable {
    enum ValueType: Sendable {
        /// Fits in 32 bits (GraphML `int`, GEXF `integer`).
        case int
        case double
        case string
    }

    /// The attribute's name as users and the scorer read it (`attr.name`, GEXF `title`, JSON key).
    let name: String
    /// The declared type; list values are declared `string` (joined) in the typed XML formats.
    let type: ValueType
}

/// One checked attribute value.
enum AttributeValue: Hashable, Sendable {
    case int(Int)
    case double(Double)
    case string(String)
    case list([String])

    /// The value as text: integers in decimal; doubles in Swift's shortest round-trip form (`2.0`, `0.25`,
    /// `1e-09`, `9.007199254740992e+15`), which has `.` as separator whatever the locale and parses in
    /// XML Schema, Java, Python and JSON; lists joined with `Attributes.listSeparator`.
    var literal: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): value.description
        case .string(let value): value
        case .list(let values): values.joined(separator: Attributes.listSeparator)
        }
    }
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
        /// The resolution key (`country:RU`): what `entity-graph merge` joins graphs by.
        .init(name: "identity", type: .string),
    ]

    static let edge: [AttributeColumn] = [
        .init(name: "kind", type: .string),
        .init(name: "label", type: .string),
        /// The relation in words: the label, or the kind when the edge has no label ("participant").
        .init(name: "relation", type: .string),
        .init(name: "weight", type: .double),
        .init(name: "documents", type: .string),
        .init(name: "evidence", type: .string),
        .init(name: "evidence_document", type: .string),
        .init(name: "evidence_start", type: .int),
        .init(name: "evidence_end", type: .int),
        .init(name: "date", type: .string),
        .init(name: "first_seen", type: .string),
        .init(name: "last_seen", type: .string),
        /// Interactions: the coarse event class of the verb (CAMEO-like).
        .init(name: "event_class", type: .string),
    ]

    /// Separator of list values (`aliases`, `documents`). Not escaped inside items: names containing
    /// `|` are rare and the joined form is for display and filtering, not for exact splitting.
    static let listSeparator = "|"

    /// The node's values, aligned with `node`. The text is raw; each writer applies `TextPolicy` as its format needs.
    /// `graph` is the node's graph, whose table spells its documents: one list at a time, as each element is written.
    /// The element's id names it in an error only, so it is spelled only then (`element` is an autoclosure): made
    /// for every node and edge, it was a String built per element of every export.
    static func values(of node: GraphNode, index: Int, in graph: EntityGraph) throws(ExportError) -> [AttributeValue?] {
        return [
            string(node.label),
            .string(node.type.rawValue),
            list(node.aliases),
            try int32(node.mentions, element: EntityGraph.nodeID(index), attribute: "mentions"),
            list(graph.documents(of: node)),
            string(node.date),
            string(node.format),
            try node.ordinal.map { value throws(ExportError) in
                try int32(value, element: EntityGraph.nodeID(index), attribute: "ordinal")
            },
            string(node.series),
            string(node.firstSeen),
            string(node.lastSeen),
            string(node.identity),
        ]
    }

    /// The edge's values, aligned with `edge`.
    static func values(of edge: GraphEdge, index: Int, in graph: EntityGraph) throws(ExportError) -> [AttributeValue?] {
        return [
            .string(edge.kind.rawValue),
            string(edge.label),
            .string(isBlank(edge.label) ? edge.kind.rawValue : edge.label),
            try double(edge.weight, element: EntityGraph.edgeID(index), attribute: "weight"),
            list(graph.documents(of: edge)),
            string(edge.evidence.sentence),
            string(edge.evidence.document),
            try int32(edge.evidence.start, element: EntityGraph.edgeID(index), attribute: "evidence_start"),
            try int32(edge.evidence.end, element: EntityGraph.edgeID(index), attribute: "evidence_end"),
            string(edge.date),
            string(edge.firstSeen),
            string(edge.lastSeen),
            string(edge.eventClass),
        ]
    }

    /// A finite double. NaN and infinities have no literal in GraphML, GEXF or JSON, so they are refused
    /// rather than written.
    static func double(_ value: Double, element: @autoclosure () -> String, attribute: String) throws(ExportError) -> AttributeValue {
        guard value.isFinite else {
            throw .valueOutOfRange(element: element(), attribute: attribute, value: value.description)
        }
        return .double(value)
    }

    /// An integer that fits the 32-bit `int` the formats declare (Java readers such as Gephi use `int`).
    static func int32(_ value: Int, element: @autoclosure () -> String, attribute: String) throws(ExportError) -> AttributeValue {
        guard Int32(exactly: value) != nil else {
            throw .valueOutOfRange(element: element(), attribute: attribute, value: String(value))
        }
        return .int(value)
    }

    private static func string(_ text: String?) -> AttributeValue? {
        guard let text, !isBlank(text) else { return nil }
        return .string(text)
    }

    /// Empty, or empty once `TextPolicy` has stripped what the text formats cannot carry. Such a value is left
    /// out like an empty one: written as `<data></data>` it would read back as "" and be left out on the next
    /// export, so `convert` of a file to GraphML would not give the file back.
    static func isBlank(_ text: String) -> Bool {
        TextPolicy.isEmptyWhenCleaned(text)
    }

    private static func list(_ items: [String]) -> AttributeValue? {
        items.isEmpty ? nil : .list(items)
    }
}

extension EntityGraph {
    /// Throws `ExportError.invalidGraph` when an edge points at a missing node, before any byte is written.
    func checkedForExport() throws(ExportError) {
        let problems = validate()
        if !problems.isEmpty { throw .invalidGraph(problems: problems) }
    }

    /// `checkedForExport`, then every value `Attributes.values` refuses, in the order the writers meet them
    /// (nodes, then edges), with the same error: an export streamed into a file then fails before its first
    /// byte, as one made in memory fails before it returns any. Only a failing element goes through
    /// `Attributes.values`, so the check allocates nothing.
    func checkedValuesForExport() throws(ExportError) {
        try checkedForExport()
        // By index, reading only the numbers checked: a node or edge copied per iteration cost a retain and a
        // release of each of its strings and lists.
        for index in nodes.indices
        where Int32(exactly: nodes[index].mentions) == nil || nodes[index].ordinal.map({ Int32(exactly: $0) == nil }) == true {
            _ = try Attributes.values(of: nodes[index], index: index, in: self)
        }
        for index in edges.indices
        where !edges[index].weight.isFinite || Int32(exactly: edges[index].evidence.start) == nil
            || Int32(exactly: edges[index].evidence.end) == nil {
            _ = try Attributes.values(of: edges[index], index: index, in: self)
        }
    }
}
