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
        try read(XMLInput.bytes(bytes), file: file)
    }

    /// The graph in the file at `path`.
    public func read(contentsOf path: String) throws(GraphReadError) -> EntityGraph {
        let input: StableBytes
        do {
            input = try FileBytes.readStable(path)
        } catch {
            throw GraphReadError(file: path, line: nil, problem: .unreadable(reason: error.reason))
        }
        return try read(XMLInput.stable(input), file: path)
    }

    /// Where the XML comes from: bytes the caller keeps (copied once for libxml2) or a file read in place.
    private enum XMLInput {
        case bytes([UInt8])
        case stable(StableBytes)
    }

    private func read(_ input: XMLInput, file: String) throws(GraphReadError) -> EntityGraph {
        let xml: XMLTextReader
        do {
            switch input {
            case .bytes(let bytes): xml = try XMLTextReader(bytes: bytes, url: file)
            case .stable(let stable): xml = try XMLTextReader(input: stable, url: file)
            }
        } catch {
            throw GraphReadError(file: file, line: error.line, problem: .notWellFormed(message: error.message))
        }
        var parser = GraphMLParser(xml: xml, file: file, lenient: lenient)
        return try parser.parse()
    }
}

/// A node attribute the model reads; the raw value is its slot in `ElementValues`.
enum NodeField: Int, CaseIterable {
    case label, type, aliases, mentions, documents, date, format, ordinal, series, firstSeen, lastSeen, identity

    /// The `attr.name` it is read from.
    var name: String {
        switch self {
        case .label: "label"
        case .type: "type"
        case .aliases: "aliases"
        case .mentions: "mentions"
        case .documents: "documents"
        case .date: "date"
        case .format: "format"
        case .ordinal: "ordinal"
        case .series: "series"
        case .firstSeen: "first_seen"
        case .lastSeen: "last_seen"
        case .identity: "identity"
        }
    }
}

/// An edge attribute the model reads; the raw value is its slot in `ElementValues`. `relation` is derived
/// from label and kind, so it is not read.
enum EdgeField: Int, CaseIterable {
    case kind, label, weight, documents, evidence, evidenceDocument, evidenceStart, evidenceEnd, date, firstSeen,
         lastSeen, eventClass

    /// The `attr.name` it is read from.
    var name: String {
        switch self {
        case .kind: "kind"
        case .label: "label"
        case .weight: "weight"
        case .documents: "documents"
        case .evidence: "evidence"
        case .evidenceDocument: "evidence_document"
        case .evidenceStart: "evidence_start"
        case .evidenceEnd: "evidence_end"
        case .date: "date"
        case .firstSeen: "first_seen"
        case .lastSeen: "last_seen"
        case .eventClass: "event_class"
        }
    }
}

/// One `<key>`: what its `<data>` means.
struct GraphMLKey {
    var id: String
    /// `node`, `edge`, `all`, `graph`, …
    var domain: String
    var name: String
    /// `attr.type` as written, lower-cased; `string` when absent (the GraphML default).
    var type: String
    var defaultValue: String?
    /// The node and edge field the key fills, when it applies to that domain and names a field the model reads;
    /// worked out once when the key is declared, not for every `<data>`.
    var nodeSlot: Int?
    var edgeSlot: Int?

    init(id: String, domain: String, name: String, type: String, defaultValue: String?) {
        self.id = id
        self.domain = domain
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        nodeSlot = applies(to: "node") ? NodeField.allCases.first { $0.name == name }?.rawValue : nil
        edgeSlot = applies(to: "edge") ? EdgeField.allCases.first { $0.name == name }?.rawValue : nil
    }

    func applies(to domain: String) -> Bool { self.domain == domain || self.domain == "all" }
}

/// One `<data>` value as text, with what is needed to check it and to report a problem: the general (slow)
/// path of number parsing, and error messages.
struct GraphMLValue {
    var text: String
    var key: GraphMLKey
    /// Where the `<data>` is (the element's line for a `<default>`), for error messages.
    var line: Int
}

/// The values of one node's or edge's known attributes, by field slot: the text of each as bytes in one
/// buffer reused from element to element (no dictionary and no `String` per `<data>`), with the key it came
/// from and its line for error messages.
struct ElementValues {
    static let slotCount = max(NodeField.allCases.count, EdgeField.allCases.count)

    private(set) var text: [UInt8] = []
    private var ranges = [Range<Int>?](repeating: nil, count: slotCount)
    private var keys = [Int](repeating: 0, count: slotCount)
    private var lines = [Int](repeating: 0, count: slotCount)

    mutating func reset() {
        text.removeAll(keepingCapacity: true)
        for slot in ranges.indices { ranges[slot] = nil }
    }

    func has(_ slot: Int) -> Bool { ranges[slot] != nil }

    /// Appends text to the buffer (a `<data>` is read into it before its slot is set).
    mutating func append(_ body: (inout [UInt8]) -> Void) { body(&text) }
    var end: Int { text.count }

    mutating func set(_ slot: Int, _ range: Range<Int>, key: Int, line: Int) {
        ranges[slot] = range
        keys[slot] = key
        lines[slot] = line
    }

    func bytes(_ slot: Int) -> ArraySlice<UInt8>? { ranges[slot].map { text[$0] } }
    func string(_ slot: Int) -> String? { bytes(slot).map { String(decoding: $0, as: UTF8.self) } }
    func key(_ slot: Int) -> Int { keys[slot] }
    func line(_ slot: Int) -> Int? { ranges[slot] == nil ? nil : lines[slot] }
}

/// Byte strings (node ids, key ids) to indices, looked up on the bytes libxml2 hands out, without making a
/// `String` of each. Open addressing with Swift's per-process seeded hasher, so no file can choose ids that
/// all collide.
struct ByteTable {
    private var storage: [UInt8] = []
    private var entries: [(range: Range<Int>, value: Int)] = []
    /// Index into `entries`, -1 when free; a power of two in size, at most half full.
    private var slots = [Int](repeating: -1, count: 16)

    var count: Int { entries.count }

    func find(_ key: ArraySlice<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if storage[entries[entry].range].elementsEqual(key) { return entries[entry].value }
            slot = (slot + 1) & mask
        }
    }

    func find(_ key: String) -> Int? { find(ArraySlice(key.utf8)) }

    /// Adds a key that is not in the table yet.
    mutating func insert(_ key: ArraySlice<UInt8>, value: Int) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let start = storage.count
        storage.append(contentsOf: key)
        entries.append((start..<storage.count, value))
        place(entries.count - 1, hash: Self.hash(key))
    }

    mutating func insert(_ key: String, value: Int) { insert(ArraySlice(key.utf8), value: value) }

    private mutating func grow() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        for entry in entries.indices { place(entry, hash: Self.hash(storage[entries[entry].range])) }
    }

    private mutating func place(_ entry: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private static func hash(_ key: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        key.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}

/// The pull-parsing state machine. Each `read…` function is entered on a start tag and returns after its end tag.
///
/// Names are compared on libxml2's bytes and ids looked up as bytes: a large file has millions of elements,
/// and a `String` or dictionary per element cost more than libxml2's own parsing. Strings are made only for
/// what the graph keeps, and numbers in their plain form are parsed from the bytes; anything else takes the
/// general path, so every value reads as it always did.
struct GraphMLParser {
    let xml: XMLTextReader
    let file: String
    let lenient: Bool

    private var keys: [GraphMLKey] = []
    private var keyIndex = ByteTable()
    /// Keys of known attributes with a `<default>`, per domain, in declaration order (the first declared wins
    /// when two name the same attribute); kept as keys are declared, so
    /// applying defaults costs nothing per element when there are none (a file may declare thousands of keys).
    private var nodeDefaults: [Int] = []
    private var edgeDefaults: [Int] = []
    /// Whether a node key `identity` is declared: the mark of a file written by EntityGraph.
    private var declaresIdentity = false
    private var nodes: [GraphNode] = []
    private var nodeIndex = ByteTable()
    private var nodeLines: [Int] = []
    /// Edges with their endpoints resolved when the nodes were already known (the usual order).
    private var edges: [GraphEdge] = []
    private var unresolved: [UnresolvedEdge] = []
    /// The document ids of every list read so far, each once; sorted into the graph's table at the end.
    private var documents = DocumentNumbering()
    private var values = ElementValues()
    /// The current node's or edge's own attributes (id, source, target), as bytes.
    private var elementAttributes: [UInt8] = []
    /// The current `<data>`'s key id.
    private var dataKey: [UInt8] = []
    /// True when `skipSubtree` has already moved the reader onto the next node, which is then not yet handled.
    private var positioned = false
    private var atEnd = false

    /// An edge naming a node not (yet) declared: GraphML lets edges name nodes declared after them, so it
    /// waits for the end of the graph.
    private struct UnresolvedEdge {
        var index: Int
        var name: String
        var source: String
        var target: String
        var line: Int
    }

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
        guard let id = attributes["id"], let name = attributes["attr.name"], keyIndex.find(id) == nil else { return }
        let key = GraphMLKey(id: id, domain: attributes["for"] ?? "all", name: name,
                             type: (attributes["attr.type"] ?? "string").lowercased(), defaultValue: defaultValue)
        keyIndex.insert(id, value: keys.count)
        keys.append(key)
        if key.applies(to: "node") && name == "identity" { declaresIdentity = true }
        if key.defaultValue != nil {
            if key.nodeSlot != nil { nodeDefaults.append(keys.count - 1) }
            if key.edgeSlot != nil { edgeDefaults.append(keys.count - 1) }
        }
    }

    private mutating func readGraph() throws(GraphReadError) {
        let depth = xml.depth
        while try advance() {
            switch xml.kind {
            case .endElement where xml.depth == depth:
                return
            case .startElement(let isEmpty):
                if xml.localNameIs("node") {
                    try readNode(isEmpty: isEmpty)
                } else if xml.localNameIs("edge") {
                    try readEdge(isEmpty: isEmpty)
                } else {
                    try skip(isEmpty: isEmpty)  // graph <data>, <hyperedge>, <desc>
                }
            default:
                continue
            }
        }
    }

    private mutating func readNode(isEmpty: Bool) throws(GraphReadError) {
        let line = xml.line
        elementAttributes.removeAll(keepingCapacity: true)
        guard let id = xml.appendAttribute("id", to: &elementAttributes) else {
            throw failure(.missingAttribute(element: "node", attribute: "id"), line: line)
        }
        if let first = nodeIndex.find(elementAttributes[id]) {
            throw failure(.duplicateNode(id: text(id), firstLine: nodeLines[first]), line: line)
        }
        try readData(isEmpty: isEmpty, isEdge: false)
        let node = try makeNode(id: id, line: line)
        nodeIndex.insert(elementAttributes[id], value: nodes.count)
        nodes.append(node)
        nodeLines.append(line)
    }

    private mutating func readEdge(isEmpty: Bool) throws(GraphReadError) {
        let line = xml.line
        elementAttributes.removeAll(keepingCapacity: true)
        guard let source = xml.appendAttribute("source", to: &elementAttributes) else {
            throw failure(.missingAttribute(element: "edge", attribute: "source"), line: line)
        }
        guard let target = xml.appendAttribute("target", to: &elementAttributes) else {
            throw failure(.missingAttribute(element: "edge", attribute: "target"), line: line)
        }
        let id = xml.appendAttribute("id", to: &elementAttributes)
        try readData(isEmpty: isEmpty, isEdge: true)
        var edge = try makeEdge(name: edgeName(id: id, source: source, target: target), line: line)
        edge.documents = documentList(EdgeField.documents.rawValue)
        let sourceIndex = nodeIndex.find(elementAttributes[source])
        let targetIndex = nodeIndex.find(elementAttributes[target])
        if let sourceIndex, let targetIndex {
            edge.source = sourceIndex
            edge.target = targetIndex
        } else {
            unresolved.append(UnresolvedEdge(index: edges.count, name: edgeName(id: id, source: source, target: target),
                                             source: text(source), target: text(target), line: line))
        }
        edges.append(edge)
    }

    /// The edge's name in messages: its id, or `source→target` when it has none.
    private func edgeName(id: Range<Int>?, source: Range<Int>, target: Range<Int>) -> String {
        id.map(text) ?? "\(text(source))→\(text(target))"
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: elementAttributes[range], as: UTF8.self)
    }

    /// Reads the `<data>` children of the current node or edge whose key names a known attribute into
    /// `values`, plus the defaults of known keys the element lacks. The first `<data>` of an attribute wins.
    private mutating func readData(isEmpty: Bool, isEdge: Bool) throws(GraphReadError) {
        let elementLine = xml.line
        values.reset()
        if !isEmpty {
            let depth = xml.depth
            while try advance() {
                let kind = xml.kind
                if kind == .endElement && xml.depth == depth { break }
                guard case .startElement(let childEmpty) = kind else { continue }
                guard xml.localNameIs("data"), let keyNumber = dataKeyIndex(),
                      let slot = isEdge ? keys[keyNumber].edgeSlot : keys[keyNumber].nodeSlot, !values.has(slot) else {
                    try skip(isEmpty: childEmpty)  // unknown keys, nested graphs, ports, yEd graphics
                    continue
                }
                let line = xml.line
                let range = try appendText(isEmpty: childEmpty)
                values.set(slot, range, key: keyNumber, line: line)
            }
        }
        for keyNumber in isEdge ? edgeDefaults : nodeDefaults {
            let key = keys[keyNumber]
            guard let slot = isEdge ? key.edgeSlot : key.nodeSlot, !values.has(slot),
                  let defaultValue = key.defaultValue else { continue }
            let start = values.end
            values.append { $0.append(contentsOf: defaultValue.utf8) }
            values.set(slot, start..<values.end, key: keyNumber, line: elementLine)
        }
    }

    /// The key of the current `<data>`, by its `key` attribute; nil when it has none or names no key.
    private mutating func dataKeyIndex() -> Int? {
        dataKey.removeAll(keepingCapacity: true)
        guard let range = xml.appendAttribute("key", to: &dataKey) else { return nil }
        return keyIndex.find(dataKey[range])
    }

    /// The character data directly inside the current element (text, CDATA, white space), which is left
    /// afterwards; child elements and their text are skipped.
    private mutating func readText(isEmpty: Bool) throws(GraphReadError) -> String {
        values.reset()
        let range = try appendText(isEmpty: isEmpty)
        return String(decoding: values.text[range], as: UTF8.self)
    }

    /// `readText`, appending the text's bytes to `values` and giving where they are.
    private mutating func appendText(isEmpty: Bool) throws(GraphReadError) -> Range<Int> {
        let start = values.end
        guard !isEmpty else { return start..<start }
        let depth = xml.depth
        while try advance() {
            switch xml.kind {
            case .endElement where xml.depth == depth:
                return start..<values.end
            case .text where xml.depth == depth + 1:
                values.append { xml.appendValue(to: &$0) }
            case .startElement(let childEmpty):
                try skip(isEmpty: childEmpty)
            default:
                continue
            }
        }
        return start..<values.end
    }

    // MARK: Values

    private mutating func makeNode(id: Range<Int>, line: Int) throws(GraphReadError) -> GraphNode {
        let type: NodeType
        if let value = values.string(NodeField.type.rawValue), let known = NodeType(rawValue: value) {
            type = known
        } else if lenient {
            type = .organisation
        } else {
            throw failure(.nodeType(node: text(id), value: values.string(NodeField.type.rawValue)),
                          line: values.line(NodeField.type.rawValue) ?? line)
        }
        // Our writer leaves out empty values, so in our files (which declare `identity`) no label means "".
        return GraphNode(
            identity: values.string(NodeField.identity.rawValue) ?? "",
            label: values.string(NodeField.label.rawValue) ?? (declaresIdentity ? "" : text(id)),
            type: type,
            aliases: list(NodeField.aliases.rawValue),
            mentions: try int(NodeField.mentions.rawValue, element: "node '\(text(id))'") ?? 0,
            documents: documentList(NodeField.documents.rawValue),
            date: optional(NodeField.date.rawValue),
            format: optional(NodeField.format.rawValue),
            ordinal: try int(NodeField.ordinal.rawValue, element: "node '\(text(id))'"),
            series: optional(NodeField.series.rawValue),
            firstSeen: optional(NodeField.firstSeen.rawValue),
            lastSeen: optional(NodeField.lastSeen.rawValue))
    }

    /// The edge with placeholder endpoints and no documents; the caller resolves the endpoints and reads the
    /// documents (`documentList`, which numbers them, cannot be called while `name` holds on to the parser).
    private func makeEdge(name: @autoclosure () -> String, line: Int) throws(GraphReadError) -> GraphEdge {
        let kind: EdgeKind
        if let value = values.string(EdgeField.kind.rawValue), let known = EdgeKind(rawValue: value) {
            kind = known
        } else if lenient {
            kind = .coMention
        } else {
            throw failure(.edgeKind(edge: name(), value: values.string(EdgeField.kind.rawValue)),
                          line: values.line(EdgeField.kind.rawValue) ?? line)
        }
        let evidence = Evidence(
            document: values.string(EdgeField.evidenceDocument.rawValue) ?? "",
            sentence: values.string(EdgeField.evidence.rawValue) ?? "",
            start: try int(EdgeField.evidenceStart.rawValue, element: "edge \(name())") ?? 0,
            end: try int(EdgeField.evidenceEnd.rawValue, element: "edge \(name())") ?? 0,
            date: optional(EdgeField.date.rawValue))
        return GraphEdge(
            source: -1, target: -1, kind: kind,
            label: values.string(EdgeField.label.rawValue) ?? "",
            weight: try double(EdgeField.weight.rawValue, element: "edge \(name())") ?? 1,
            documents: [],
            evidence: evidence,
            firstSeen: optional(EdgeField.firstSeen.rawValue),
            lastSeen: optional(EdgeField.lastSeen.rawValue),
            eventClass: optional(EdgeField.eventClass.rawValue))
    }

    /// The general form of a value, for the slow paths and error messages.
    private func value(_ slot: Int) -> GraphMLValue? {
        guard let text = values.string(slot), let line = values.line(slot) else { return nil }
        return GraphMLValue(text: text, key: keys[values.key(slot)], line: line)
    }

    /// A list of document ids as indices into the table being made, in the file's order (duplicates and empty
    /// items kept, so the list is written back as it was read).
    private mutating func documentList(_ slot: Int) -> [DocumentIndex] {
        documents.indices(of: list(slot))
    }

    /// Split exactly, keeping empty items, so a list the writer joined comes back to the same text.
    private func list(_ slot: Int) -> [String] {
        guard let bytes = values.bytes(slot) else { return [] }
        if let items = GraphMLList.split(bytes) { return items }
        return String(decoding: bytes, as: UTF8.self)
            .split(separator: Character(Attributes.listSeparator), omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// Empty means absent, as in the writer.
    private func optional(_ slot: Int) -> String? {
        guard let bytes = values.bytes(slot), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func int(_ slot: Int, element: @autoclosure () -> String) throws(GraphReadError) -> Int? {
        guard let bytes = values.bytes(slot) else { return nil }
        // The plain form fits every declared type but `boolean`; anything else takes the general path.
        if keys[values.key(slot)].type != "boolean", let number = GraphMLNumber.plainInteger(bytes),
           let small = Int32(exactly: number) {
            return Int(small)
        }
        guard let value = value(slot) else { return nil }
        try checkDeclaredType(value, element: element())
        guard let number = Int32(GraphMLNumber.trimmed(value.text)) else {
            throw failure(.badValue(element: element(), attribute: value.key.name, value: value.text,
                                    expected: "a whole number from \(Int32.min) to \(Int32.max)"), line: value.line)
        }
        return Int(number)
    }

    private func double(_ slot: Int, element: @autoclosure () -> String) throws(GraphReadError) -> Double? {
        guard let bytes = values.bytes(slot) else { return nil }
        // Unsigned whole numbers of up to 9 digits fit every declared type but `boolean` (and have no `-0`).
        if keys[values.key(slot)].type != "boolean", bytes.count <= 9, bytes.first != UInt8(ascii: "+"),
           bytes.first != UInt8(ascii: "-"), let number = GraphMLNumber.plainInteger(bytes) {
            return Double(number)
        }
        guard let value = value(slot) else { return nil }
        try checkDeclaredType(value, element: element())
        guard let number = GraphMLNumber.double(value.text), number.isFinite else {
            throw failure(.badValue(element: element(), attribute: value.key.name, value: value.text,
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
                                    expected: "a valid \(value.key.type) (attr.type of key '\(value.key.id)')"), line: value.line)
        }
    }

    // MARK: Finishing

    private mutating func finish() throws(GraphReadError) -> EntityGraph {
        for pending in unresolved {
            guard let source = nodeIndex.find(pending.source) else {
                throw failure(.danglingEdge(edge: pending.name, endpoint: "source", node: pending.source), line: pending.line)
            }
            guard let target = nodeIndex.find(pending.target) else {
                throw failure(.danglingEdge(edge: pending.name, endpoint: "target", node: pending.target), line: pending.line)
            }
            edges[pending.index].source = source
            edges[pending.index].target = target
        }
        // Numbered in the order met: the table is sorted now, and the lists renumbered keeping their order.
        var graph = EntityGraph(nodes: nodes, edges: edges, documentIDs: documents.table)
        nodes = []
        edges = []
        documents = DocumentNumbering()
        graph.normalizeDocumentTable()
        return graph
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

/// Lists split on the bytes, when that splits exactly where `String.split` on the `Character` `|` does.
enum GraphMLList {
    /// The items, or nil when a separator touches a non-ASCII byte: a combining mark after `|` (or a prepended
    /// mark before it) joins it into a larger `Character`, which `String.split` does not split at.
    static func split(_ bytes: ArraySlice<UInt8>) -> [String]? {
        let separator = UInt8(ascii: "|")
        var items: [String] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == separator {
                if index > bytes.startIndex && bytes[index - 1] >= 0x80 { return nil }
                if index + 1 < bytes.endIndex && bytes[index + 1] >= 0x80 { return nil }
                items.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            }
            index += 1
        }
        items.append(String(decoding: bytes[start..<bytes.endIndex], as: UTF8.self))
        return items
    }
}

/// XML Schema number literals, which are stricter than Swift's parsers (no hex floats, no `nan` spelling).
enum GraphMLNumber {
    /// `[+-]?[0-9]{1,18}`, the form numbers are written in, parsed from the bytes; nil for anything else
    /// (white space, exponents, more digits), which callers then read the general way.
    static func plainInteger(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let digits = bytes.endIndex - index
        guard digits > 0, digits <= 18 else { return nil }
        var value: Int64 = 0
        while index < bytes.endIndex {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

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
