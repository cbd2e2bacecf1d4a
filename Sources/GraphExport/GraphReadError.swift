import GraphModel

/// Why a graph file could not be read, with where: the file, the line (when the problem has one) and what
/// to do about it. `description` reads `FILE:LINE: message`, the form editors and terminals link to.
public struct GraphReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// The file could not be opened or read.
        case unreadable(reason: String)
        /// libxml2 refused the XML; its message.
        case notWellFormed(message: String)
        /// A `<!DOCTYPE …>`: refused, because a DTD can declare entities that expand without bound.
        case documentType
        /// The root element is not `<graphml>`.
        case notGraphML(root: String)
        /// No `<graph>` element under `<graphml>`.
        case missingGraph
        /// A `<node>` or `<edge>` without a required attribute (`id`, `source`, `target`).
        case missingAttribute(element: String, attribute: String)
        /// Two `<node>`s with the same id; `firstLine` is where the first one is.
        case duplicateNode(id: String, firstLine: Int)
        /// An edge whose `source` or `target` names no node of the graph.
        case danglingEdge(edge: String, endpoint: String, node: String)
        /// A `<data>` value that does not parse as its declared `attr.type` or as what the attribute needs.
        case badValue(element: String, attribute: String, value: String, expected: String)
        /// A node without a `type`, or with one that is not a node type.
        case nodeType(node: String, value: String?)
        /// An edge without a `kind`, or with one that is not an edge kind.
        case edgeKind(edge: String, value: String?)
    }

    /// The file as the user named it (`<memory>` for bytes read without a name).
    public var file: String
    /// 1-based line of the offending element, when the problem has one.
    public var line: Int?
    public var problem: Problem

    public init(file: String, line: Int?, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(message)"
    }

    /// The problem and what to do, without the place.
    public var message: String {
        switch problem {
        case .unreadable(let reason):
            return "cannot read the file: \(reason)"
        case .notWellFormed(let message):
            return "not well-formed XML: \(message); the file is damaged or not XML"
        case .documentType:
            return "the file has a <!DOCTYPE> declaration, which is not read (a DTD can expand entities without bound); "
                + "remove it: GraphML needs none"
        case .notGraphML(let root):
            return "the root element is <\(clipped(root))>, not <graphml>: this is not a GraphML file"
        case .missingGraph:
            return "no <graph> element inside <graphml>: the file holds no graph"
        case .missingAttribute(let element, let attribute):
            return "<\(element)> has no '\(attribute)' attribute, which GraphML requires"
        case .duplicateNode(let id, let firstLine):
            return "a second node with id '\(clipped(id))' (the first is on line \(firstLine)); node ids must be unique"
        case .danglingEdge(let edge, let endpoint, let node):
            return "edge \(clipped(edge)) has \(endpoint) '\(clipped(node))', which is not a node of the graph; "
                + "add the node or remove the edge"
        case .badValue(let element, let attribute, let value, let expected):
            return "\(clipped(element)): \(attribute) = '\(clipped(value))' is not \(expected)"
        case .nodeType(let node, let value):
            let types = NodeTypeNames.all
            if let value {
                return "node '\(clipped(node))' has type '\(clipped(value))', which is not one of \(types); "
                    + "fix it, or read with --lenient to make unknown types organisation"
            }
            return "node '\(clipped(node))' has no type (one of \(types)); "
                + "add a 'type' attribute, or read with --lenient to make untyped nodes organisation"
        case .edgeKind(let edge, let value):
            let kinds = EdgeKindNames.all
            if let value {
                return "edge \(clipped(edge)) has kind '\(clipped(value))', which is not one of \(kinds); "
                    + "fix it, or read with --lenient to make unknown kinds co_mention"
            }
            return "edge \(clipped(edge)) has no kind (one of \(kinds)); "
                + "add a 'kind' attribute, or read with --lenient to make such edges co_mention"
        }
    }

    /// Values quoted in messages are cut short: a message must stay one readable line whatever the file holds.
    private func clipped(_ text: String) -> String {
        let flat = String(text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
        return flat.count <= 80 ? flat : String(flat.prefix(80)) + "…"
    }
}

private enum NodeTypeNames {
    static let all = NodeType.allCases.map(\.rawValue).joined(separator: ", ")
}

private enum EdgeKindNames {
    static let all = EdgeKind.allCases.map(\.rawValue).joined(separator: ", ")
}
