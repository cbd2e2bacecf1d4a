import GraphModel

/// Writes an `EntityGraph` as GraphML 1.0 (valid against the official XSD).
///
/// Choices, all for the readers in `formats.md`: the default namespace and no `xsi:schemaLocation`
/// (validators are given the schema; nothing is fetched); key ids are readable NMTOKENs derived from
/// the domain and name (`node_label`, `edge_weight`), never networkx-style `d0…dN`, because Gephi reads
/// key ids `d3`/`d7` as labels; every key has `for`, `attr.name` and `attr.type`; ids are the model's
/// positional ids (`n0`, `e0`), so no name can break an NMTOKEN or collide with an id; no nested graphs,
/// ports, hyperedges or per-edge `directed` (networkx/igraph drop or refuse them).
/// All XML goes through `XMLTextWriter`, which applies `TextPolicy` and lets libxml2 escape.
///
/// With `Options.yed`, the file also carries yFiles graphics (`YEdGraphics`) so yEd shows labels, shapes and
/// colours on opening. Those files are valid against `schemas/graphml/graphml+lax-extensions.xsd`, not the
/// official XSD, which rejects foreign elements inside `<data>`; that is why the flavour is opt-in.
public struct GraphMLWriter: Sendable {
    public static let namespace = "http://graphml.graphdrawing.org/xmlns"

    public struct Options: Sendable, Hashable {
        /// Adds `xmlns:y`, the `nodegraphics`/`edgegraphics` keys and a `<y:ShapeNode>`/`<y:PolyLineEdge>` per
        /// element. Every normal `<data>` is still written, so networkx, igraph and Gephi read the same attributes.
        public var yed: Bool
        /// Threads that write the nodes and edges, in pieces (`XMLTextWriter.siblings`); the bytes are the same
        /// whatever the number. Writing a large graph was the longest serial step of an extraction.
        public var jobs: Int

        public init(yed: Bool = false, jobs: Int = 1) {
            self.yed = yed
            self.jobs = jobs
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The GraphML document as UTF-8 bytes (no BOM). Deterministic: the same graph gives the same bytes.
    public func write(_ graph: EntityGraph) throws(ExportError) -> [UInt8] {
        let xml = try XMLTextWriter()
        try write(graph, into: xml)
        return try xml.finish()
    }

    /// The same bytes streamed into `file` (not committed) as they are made, so a large graph's export is
    /// never held whole in memory. Every value is checked before the first byte, as `write(_:)` checks them
    /// before returning any.
    public func write(_ graph: EntityGraph, to file: AtomicFileWriter) throws(ExportWriteError) {
        try XMLTextWriter.stream(graph, to: file) { (xml) throws(ExportError) in try write(graph, into: xml) }
    }

    private func write(_ graph: EntityGraph, into xml: XMLTextWriter) throws(ExportError) {
        try graph.checkedForExport()
        try xml.startDocument()
        try xml.startElement("graphml")
        try xml.attribute("xmlns", Self.namespace)
        let yed = options.yed ? YEdGraphics(graph: graph) : nil
        if yed != nil { try xml.attribute("xmlns:y", YEdGraphics.namespace) }
        for column in Attributes.node { try declare(column, domain: "node", in: xml) }
        for column in Attributes.edge { try declare(column, domain: "edge", in: xml) }
        try yed?.declareKeys(in: xml)

        try xml.startElement("graph")
        try xml.attribute("id", "G")
        try xml.attribute("edgedefault", "directed")
        let names = Names.shared
        // Nodes and edges are read in place (`graph.nodes[index]` passed on, not bound to a local): a copy per
        // element was a retain and a release of each of its strings and lists.
        try xml.siblings(count: graph.nodes.count, jobs: options.jobs) { (xml, index) throws(ExportError) in
            try xml.startElement(names.node)
            try xml.attribute(names.id, id: EntityGraph.nodeIDPrefix, index)
            // Graphics first: networkx copies the yEd label into `label`, and the exact `node_label` after it wins.
            try yed?.writeNode(graph.nodes[index], index: index, in: xml)
            try writeData(Attributes.values(of: graph.nodes[index], index: index, in: graph), keys: names.nodeKeys, in: xml)
            try xml.endElement()
        }
        try xml.siblings(count: graph.edges.count, jobs: options.jobs) { (xml, index) throws(ExportError) in
            try xml.startElement(names.edge)
            try xml.attribute(names.id, id: EntityGraph.edgeIDPrefix, index)
            try xml.attribute(names.source, id: EntityGraph.nodeIDPrefix, graph.edges[index].source)
            try xml.attribute(names.target, id: EntityGraph.nodeIDPrefix, graph.edges[index].target)
            try yed?.writeEdge(graph.edges[index], in: xml)
            try writeData(Attributes.values(of: graph.edges[index], index: index, in: graph), keys: names.edgeKeys, in: xml)
            try xml.endElement()
        }
        try xml.endElement()  // graph
        try xml.endElement()  // graphml
    }

    /// `node_label`, `edge_evidence_start`: unique per domain, an NMTOKEN, readable in any tool.
    static func keyID(domain: String, name: String) -> String { "\(domain)_\(name)" }

    private func declare(_ column: AttributeColumn, domain: String, in xml: XMLTextWriter) throws(ExportError) {
        try xml.element("key", [
            "id": Self.keyID(domain: domain, name: column.name),
            "for": domain,
            "attr.name": column.name,
            "attr.type": Self.typeName(column.type),
        ])
    }

    /// The names written for every node, edge and value, made once (`XMLTextWriter.Name`); `nodeKeys` and
    /// `edgeKeys` are the `keyID`s of `Attributes.node` and `Attributes.edge`, aligned with them.
    private struct Names: Sendable {
        static let shared = Names()
        let node = XMLTextWriter.Name("node"), edge = XMLTextWriter.Name("edge"), data = XMLTextWriter.Name("data")
        let id = XMLTextWriter.Name("id"), source = XMLTextWriter.Name("source"), target = XMLTextWriter.Name("target")
        let key = XMLTextWriter.Name("key")
        let nodeKeys = Attributes.node.map { XMLTextWriter.Name(GraphMLWriter.keyID(domain: "node", name: $0.name)) }
        let edgeKeys = Attributes.edge.map { XMLTextWriter.Name(GraphMLWriter.keyID(domain: "edge", name: $0.name)) }
    }

    private func writeData(_ values: [AttributeValue?], keys: [XMLTextWriter.Name], in xml: XMLTextWriter)
        throws(ExportError) {
        let names = Names.shared
        for (key, value) in zip(keys, values) {
            guard let value else { continue }
            try xml.element(names.data, names.key, key, text: value)
        }
    }

    private static func typeName(_ type: AttributeColumn.ValueType) -> String {
        switch type {
        case .int: "int"
        case .double: "double"
        case .string: "string"
        }
    }
}
