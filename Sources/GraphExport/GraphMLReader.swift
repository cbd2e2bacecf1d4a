import GraphModel

/// Reads GraphML into an `EntityGraph`: exactly what `GraphMLWriter` writes, and sensibly what other tools write.
///
/// **Our own files** come back unchanged: keys are matched by `attr.name` (never by key id), lists are split
/// on `|`, numbers parse back to the same values, and nodes and edges keep the file's order, which is the
/// canonical order the writer used. So export → read → export gives the same bytes in every format, for any
/// graph whose text is already clean under `TextPolicy` (text the policy strips cannot come back).
///
/// **Foreign files** (networkx, igraph, Gephi, yEd): keys without `attr.name` and unknown names are ignored;
/// `<default>` values apply to elements lacking the `<data>`; namespaces are not checked (old Cytoscape
/// files have none); only the first `<graph>` is read and nested graphs, ports and hyperedges are skipped
/// (as networkx does); `edgedefault` is ignored, every edge is read source → target. A node without a label
/// gets its id as label. Missing numbers get neutral values (mentions 0, weight 1, evidence offsets 0).
///
/// **Decision: a missing or unknown node `type` or edge `kind` is an error** naming the element and its
/// line, because guessing would put made-up facts into the graph and into merges (an organisation that was
/// a person). `lenient` turns them into `organisation` and `co_mention` — the vaguest claims — for users
/// who know what they are importing (`--lenient` in the CLI).
///
/// Values of known attributes must parse as their declared `attr.type` (`int` 32-bit, `long` 64-bit,
/// `float`/`double`, `boolean`) and as what the model needs (32-bit whole numbers for counts and offsets,
/// a finite number for weight). Every problem is a `GraphReadError` with the file and line; no input
/// makes the reader crash.
public struct GraphMLReader: Sendable {
    /// Missing or unknown node types and edge kinds become `organisation` and `co_mention` instead of errors.
    public var lenient: Bool

    public init(lenient: Bool = false) {
        self.lenient = lenient
    }

    /// The graph in `bytes`; `file` names the source in error messages.
    public func read(_ bytes: [UInt8], file: String = "<memory>") throws(GraphReadError) -> EntityGraph {
        let xml: XMLTextReader
        do {
            xml = try XMLTextReader(bytes: bytes, url: file)
        } catch {
            throw GraphReadError(file: file, line: error.line, problem: .notWellFormed(message: error.message))
        }
        var parser = GraphMLParser(xml: xml, file: file, lenient: lenient)
        return try parser.parse()
    }

    /// The graph in the file at `path`.
    public func read(contentsOf path: String) throws(GraphReadError) -> EntityGraph {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw GraphReadError(file: path, line: nil, problem: .unreadable(reason: error.reason))
        }
        return try read(bytes, file: path)
    }
}

/// One `<key>`: what its `<data>` means.
struct GraphMLKey {
    /// `node`, `edge`, `all`, `graph`, …
    var domain: String
    var name: String
    /// `attr.type` as written, lower-cased; `string` when absent (the GraphML default).
    var type: String
    var defaultValue: String?

    func applies(to domain: String) -> Bool { self.domain == domain || self.domain == "all" }
}

/// One `<data>` value of a known attribute, with what is needed to check it and to report a problem.
struct GraphMLValue {
    var text: String
    var key: GraphMLKey
    var keyID: String
    /// Where the `<data>` is (the element's line for a `<default>`), for error messages.
    var line: Int
}

/// The pull-parsing state machine. Each `read…` function is entered on a start tag and returns after its end tag.
struct GraphMLParser {
    let xml: XMLTextReader
    let file: String
    let lenient: Bool

    private var keys: [String: GraphMLKey] = [:]
    /// Keys of known attributes with a `<default>`, per domain, in declaration order (the first declared wins
    /// when two name the same attribute); kept as keys are declared, so
    /// applying defaults costs nothing per element when there are none (a file may declare thousands of keys).
    private var defaults: [String: [(id: String, key: GraphMLKey)]] = [:]
    /// Whether a node key `identity` is declared: the mark of a file written by EntityGraph.
    private var declaresIdentity = false
    private var nodes: [GraphNode] = []
    private var nodeIndex: [String: Int] = [:]
    private var nodeLines: [Int] = []
    private var edges: [PendingEdge] = []
    /// True when `skipSubtree` has already moved the reader onto the next node, which is then not yet handled.
    private var positioned = false
    private var atEnd = false

    /// An edge waits for the end of the graph: GraphML lets edges name nodes declared after them.
    private struct PendingEdge {
        var edge: GraphEdge
        var name: String
        var source: String
        var target: String
        var line: Int
    }

    static let nodeAttributes: Set<String> = [
        "label", "type", "aliases", "mentions", "documents", "date", "format", "ordinal", "series",
        "first_seen", "last_seen", "identity",
    ]
    /// `relation` is derived from label and kind, so it is not read.
    static let edgeAttributes: Set<String> = [
        "kind", "label", "weight", "documents", "evidence", "evidence_document", "evidence_start", "evidence_end",
        "date", "first_seen", "last_seen", "event_class",
    ]

    init(xml: XMLTextReader, file: String, lenient: Bool) {
        self.xml = xml
        self.file = file
        self.lenient = lenient
    }

    mutating func parse() throws(GraphReadError) -> EntityGraph {
        var sawRoot = false
        var rootLine = 1
        var sawGraph = false
        while try advance() {
            switch xml.kind {
            case .documentType:
                throw failure(.documentType, line: xml.documentTypeLine ?? xml.line)
            case .startElement(let isEmpty):
                let name = xml.localName
                if !sawRoot {
                    guard name == "graphml" else { throw failure(.notGraphML(root: name), line: xml.line) }
                    sawRoot = true
                    rootLine = xml.line
                    continue
                }
                switch name {
                case "key": try readKey(isEmpty: isEmpty)
                case "graph" where !sawGraph:
                    sawGraph = true
                    if !isEmpty { try readGraph() }
                default: try skip(isEmpty: isEmpty)
                }
            default:
                continue
            }
        }
        guard sawRoot else {
            throw failure(.notWellFormed(message: "the document has no root element"), line: xml.parserLine)
        }
        guard sawGraph else { throw failure(.missingGraph, line: rootLine) }
        return try finish()
    }

    // MARK: Elements

    private mutating func readKey(isEmpty: Bool) throws(GraphReadError) {
        let attributes = xml.attributes()
        var defaultValue: String?
        if !isEmpty {
            let depth = xml.depth
            while try advance() {
                if xml.kind == .endElement && xml.depth == depth { break }
                if case .startElement(let childEmpty) = xml.kind {
                    if xml.localName == "default" && defaultValue == nil {
                        defaultValue = try readText(isEmpty: childEmpty)
                    } else {
                        try skip(isEmpty: childEmpty)
                    }
                }
            }
        }
        // A key without attr.name has no meaning to look up (networkx refuses it, igraph ignores it).
        guard let id = attributes["id"], let name = attributes["attr.name"], keys[id] == nil else { return }
        let key = GraphMLKey(domain: attributes["for"] ?? "all", name: name,
                             type: (attributes["attr.type"] ?? "string").lowercased(), defaultValue: defaultValue)
        keys[id] = key
        if key.applies(to: "node") && name == "identity" { declaresIdentity = true }
        for (domain, known) in [("node", Self.nodeAttributes), ("edge", Self.edgeAttributes)]
        where key.defaultValue != nil && key.applies(to: domain) && known.contains(name) {
            defaults[domain, default: []].append((id, key))
        }
    }

    private mutating func readGraph() throws(GraphReadError) {
        let depth = xml.depth
        while try advance() {
            switch xml.kind {
            case .endElement where xml.depth == depth:
                return
            case .startElement(let isEmpty):
                switch xml.localName {
                case "node": try readNode(isEmpty: isEmpty)
                case "edge": try readEdge(isEmpty: isEmpty)
                default: try skip(isEmpty: isEmpty)  // graph <data>, <hyperedge>, <desc>
                }
            default:
                continue
            }
        }
    }

    private mutating func readNode(isEmpty: Bool) throws(GraphReadError) {
        let line = xml.line
        guard let id = xml.attributes()["id"] else {
            throw failure(.missingAttribute(element: "node", attribute: "id"), line: line)
        }
        if let first = nodeIndex[id] {
            throw failure(.duplicateNode(id: id, firstLine: nodeLines[first]), line: line)
        }
        let values = try readData(isEmpty: isEmpty, domain: "node", known: Self.nodeAttributes)
        let node = try makeNode(id: id, values: values, line: line)
        nodeIndex[id] = nodes.count
        nodes.append(node)
        nodeLines.append(line)
    }

    private mutating func readEdge(isEmpty: Bool) throws(GraphReadError) {
        let line = xml.line
        let attributes = xml.attributes()
        guard let source = attributes["source"] else {
            throw failure(.missingAttribute(element: "edge", attribute: "source"), line: line)
        }
        guard let target = attributes["target"] else {
            throw failure(.missingAttribute(element: "edge", attribute: "target"), line: line)
        }
        let name = attributes["id"] ?? "\(source)→\(target)"
        let values = try readData(isEmpty: isEmpty, domain: "edge", known: Self.edgeAttributes)
        let edge = try makeEdge(name: name, values: values, line: line)
        edges.append(PendingEdge(edge: edge, name: name, source: source, target: target, line: line))
    }

    /// The `<data>` children of the current node or edge whose key names a known attribute, plus the
    /// defaults of known keys the element lacks. The first `<data>` of an attribute wins.
    private mutating func readData(isEmpty: Bool, domain: String, known: Set<String>)
        throws(GraphReadError) -> [String: GraphMLValue] {
        let elementLine = xml.line
        var values: [String: GraphMLValue] = [:]
        if !isEmpty {
            let depth = xml.depth
            while try advance() {
                if xml.kind == .endElement && xml.depth == depth { break }
                guard case .startElement(let childEmpty) = xml.kind else { continue }
                guard xml.localName == "data", let keyID = xml.attributes()["key"], let key = keys[keyID],
                      key.applies(to: domain), known.contains(key.name), values[key.name] == nil else {
                    try skip(isEmpty: childEmpty)  // unknown keys, nested graphs, ports, yEd graphics
                    continue
                }
                let line = xml.line
                values[key.name] = GraphMLValue(text: try readText(isEmpty: childEmpty), key: key, keyID: keyID, line: line)
            }
        }
        for (keyID, key) in defaults[domain] ?? [] {
            if let defaultValue = key.defaultValue, values[key.name] == nil {
                values[key.name] = GraphMLValue(text: defaultValue, key: key, keyID: keyID, line: elementLine)
            }
        }
        return values
    }

    /// The character data directly inside the current element (text, CDATA, white space), which is left
    /// afterwards; child elements and their text are skipped.
    private mutating func readText(isEmpty: Bool) throws(GraphReadError) -> String {
        guard !isEmpty else { return "" }
        let depth = xml.depth
        var text = ""
        while try advance() {
            switch xml.kind {
            case .endElement where xml.depth == depth:
                return text
            case .text where xml.depth == depth + 1:
                text += xml.value
            case .startElement(let childEmpty):
                try skip(isEmpty: childEmpty)
            default:
                continue
            }
        }
        return text
    }

    // MARK: Values

    private func makeNode(id: String, values: [String: GraphMLValue], line: Int) throws(GraphReadError) -> GraphNode {
        let type: NodeType
        if let value = values["type"]?.text, let known = NodeType(rawValue: value) {
            type = known
        } else if lenient {
            type = .organisation
        } else {
            throw failure(.nodeType(node: id, value: values["type"]?.text), line: values["type"]?.line ?? line)
        }
        // Our writer leaves out empty values, so in our files (which declare `identity`) no label means "".
        let element = "node '\(id)'"
        return GraphNode(
            identity: values["identity"]?.text ?? "",
            label: values["label"]?.text ?? (declaresIdentity ? "" : id),
            type: type,
            aliases: list(values["aliases"]),
            mentions: try int(values["mentions"], element: element) ?? 0,
            documents: list(values["documents"]),
            date: optional(values["date"]),
            format: optional(values["format"]),
            ordinal: try int(values["ordinal"], element: element),
            series: optional(values["series"]),
            firstSeen: optional(values["first_seen"]),
            lastSeen: optional(values["last_seen"]))
    }

    /// The edge with placeholder endpoints; `finish` resolves them once every node is known.
    private func makeEdge(name: String, values: [String: GraphMLValue], line: Int) throws(GraphReadError) -> GraphEdge {
        let kind: EdgeKind
        if let value = values["kind"]?.text, let known = EdgeKind(rawValue: value) {
            kind = known
        } else if lenient {
            kind = .coMention
        } else {
            throw failure(.edgeKind(edge: name, value: values["kind"]?.text), line: values["kind"]?.line ?? line)
        }
        let element = "edge \(name)"
        let evidence = Evidence(
            document: values["evidence_document"]?.text ?? "",
            sentence: values["evidence"]?.text ?? "",
            start: try int(values["evidence_start"], element: element) ?? 0,
            end: try int(values["evidence_end"], element: element) ?? 0,
            date: optional(values["date"]))
        return GraphEdge(
            source: -1, target: -1, kind: kind,
            label: values["label"]?.text ?? "",
            weight: try double(values["weight"], element: element) ?? 1,
            documents: list(values["documents"]),
            evidence: evidence,
            firstSeen: optional(values["first_seen"]),
            lastSeen: optional(values["last_seen"]),
            eventClass: optional(values["event_class"]))
    }

    /// Split exactly, keeping empty items, so a list the writer joined comes back to the same text.
    private func list(_ value: GraphMLValue?) -> [String] {
        guard let value else { return [] }
        return value.text.split(separator: Character(Attributes.listSeparator), omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// Empty means absent, as in the writer.
    private func optional(_ value: GraphMLValue?) -> String? {
        guard let text = value?.text, !text.isEmpty else { return nil }
        return text
    }

    private func int(_ value: GraphMLValue?, element: String) throws(GraphReadError) -> Int? {
        guard let value else { return nil }
        try checkDeclaredType(value, element: element)
        guard let number = Int32(GraphMLNumber.trimmed(value.text)) else {
            throw failure(.badValue(element: element, attribute: value.key.name, value: value.text,
                                    expected: "a whole number from \(Int32.min) to \(Int32.max)"), line: value.line)
        }
        return Int(number)
    }

    private func double(_ value: GraphMLValue?, element: String) throws(GraphReadError) -> Double? {
        guard let value else { return nil }
        try checkDeclaredType(value, element: element)
        guard let number = GraphMLNumber.double(value.text), number.isFinite else {
            throw failure(.badValue(element: element, attribute: value.key.name, value: value.text,
                                    expected: "a finite number such as 2 or 0.5"), line: value.line)
        }
        return number
    }

    /// The value must be what its key declares, whatever the attribute needs on top.
    private func checkDeclaredType(_ value: GraphMLValue, element: String) throws(GraphReadError) {
        let text = GraphMLNumber.trimmed(value.text)
        let ok: Bool = switch value.key.type {
        case "int": Int32(text) != nil
        case "long": Int64(text) != nil
        case "float", "double": GraphMLNumber.double(String(text)) != nil
        case "boolean": ["true", "false", "1", "0"].contains(text)
        default: true
        }
        guard ok else {
            throw failure(.badValue(element: element, attribute: value.key.name, value: value.text,
                                    expected: "a valid \(value.key.type) (attr.type of key '\(value.keyID)')"), line: value.line)
        }
    }

    // MARK: Finishing

    private func finish() throws(GraphReadError) -> EntityGraph {
        var graphEdges: [GraphEdge] = []
        graphEdges.reserveCapacity(edges.count)
        for pending in edges {
            guard let source = nodeIndex[pending.source] else {
                throw failure(.danglingEdge(edge: pending.name, endpoint: "source", node: pending.source), line: pending.line)
            }
            guard let target = nodeIndex[pending.target] else {
                throw failure(.danglingEdge(edge: pending.name, endpoint: "target", node: pending.target), line: pending.line)
            }
            var edge = pending.edge
            edge.source = source
            edge.target = target
            graphEdges.append(edge)
        }
        return EntityGraph(nodes: nodes, edges: graphEdges)
    }

    // MARK: Reader plumbing

    /// The next node, or the one `skip` already moved to.
    private mutating func advance() throws(GraphReadError) -> Bool {
        if positioned {
            positioned = false
            return !atEnd
        }
        do {
            return try xml.read()
        } catch {
            throw failure(.notWellFormed(message: error.message), line: error.line ?? xml.parserLine)
        }
    }

    /// Leaves the current element with everything inside it.
    private mutating func skip(isEmpty: Bool) throws(GraphReadError) {
        guard !isEmpty else { return }
        do {
            atEnd = !(try xml.skipSubtree())
            positioned = true
        } catch {
            throw failure(.notWellFormed(message: error.message), line: error.line ?? xml.parserLine)
        }
    }

    private func failure(_ problem: GraphReadError.Problem, line: Int?) -> GraphReadError {
        GraphReadError(file: file, line: line, problem: problem)
    }
}

/// XML Schema number literals, which are stricter than Swift's parsers (no hex floats, no `nan` spelling).
enum GraphMLNumber {
    /// XML Schema collapses white space around numbers.
    static func trimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...last]
    }

    /// An `xs:double`: `[+-]digits[.digits][(e|E)[+-]digits]`, `INF`, `-INF`, `NaN`.
    static func double(_ text: String) -> Double? {
        let text = trimmed(text)
        switch text {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: break
        }
        var digits = 0
        var sawDot = false
        var sawExponent = false
        var exponentDigits = 0
        var previous: Character?
        for character in text {
            switch character {
            case "0"..."9":
                if sawExponent { exponentDigits += 1 } else { digits += 1 }
            case "+", "-":
                guard previous == nil || previous == "e" || previous == "E" else { return nil }
            case ".":
                guard !sawDot, !sawExponent else { return nil }
                sawDot = true
            case "e", "E":
                guard !sawExponent, digits > 0 else { return nil }
                sawExponent = true
            default:
                return nil
            }
            previous = character
        }
        guard digits > 0, !sawExponent || exponentDigits > 0 else { return nil }
        return Double(text)
    }
}
