import GraphModel

/// Writes an `EntityGraph` as GEXF 1.3 (valid against the official `gexf.rng`), Gephi's native format.
///
/// Names are the GEXF `label` and edge `weight` natively; every other GraphML attribute is mirrored as
/// an `<attvalue>` with the same name and an equivalent type (`integer`, `double`, `string`), so a Gephi
/// user sees the same columns as a networkx user of the GraphML. Edges also carry their kind in GEXF's
/// own `kind` attribute, which Gephi uses as the edge type and which keeps parallel edges of different
/// kinds apart. Colours (`viz:color`, the `Palette` of the DOT drawing) follow the node type and edge
/// kind; node size grows with the square root of the mention count so hubs stand out without dwarfing
/// the rest.
///
/// When any node or edge has a first/last-seen date the graph is dynamic (`mode="dynamic"`,
/// `timeformat="date"`) and elements get `start`/`end`, so Gephi's timeline can replay the news.
/// Only valid `YYYY-MM-DD` dates become `start`/`end` (the schema types them `xsd:date`; a partial or
/// impossible date would make the file invalid); every date is still kept as a string attribute.
/// No `lastmodifieddate`: it would make identical graphs give different bytes.
public struct GEXFWriter: Sendable {
    public static let namespace = "http://gexf.net/1.3"
    public static let vizNamespace = "http://gexf.net/1.3/viz"

    /// Threads that write the nodes and edges, in pieces (`XMLTextWriter.siblings`); the bytes are the same
    /// whatever the number.
    public var jobs: Int

    public init(jobs: Int = 1) {
        self.jobs = jobs
    }

    /// The GEXF document as UTF-8 bytes (no BOM). Deterministic: the same graph gives the same bytes.
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
        let nodeSpans = graph.nodes.map { Span(first: $0.firstSeen, last: $0.lastSeen) }
        let edgeSpans = graph.edges.map { Span(first: $0.firstSeen, last: $0.lastSeen) }
        let dynamic = (nodeSpans + edgeSpans).contains { !$0.isEmpty }

        try xml.startDocument()
        try xml.startElement("gexf")
        try xml.attribute("xmlns", Self.namespace)
        try xml.attribute("xmlns:viz", Self.vizNamespace)
        try xml.attribute("version", "1.3")
        try xml.startElement("meta")
        try xml.element("creator", text: "EntityGraph")
        try xml.endElement()

        try xml.startElement("graph")
        try xml.attribute("defaultedgetype", "directed")
        try xml.attribute("idtype", "string")
        try xml.attribute("mode", dynamic ? "dynamic" : "static")
        if dynamic { try xml.attribute("timeformat", "date") }
        try declare(Self.nodeColumns, class: "node", in: xml)
        try declare(Self.edgeColumns, class: "edge", in: xml)

        try xml.startElement("nodes")
        try xml.attribute("count", String(graph.nodes.count))
        try xml.siblings(count: graph.nodes.count, jobs: jobs) { (xml, index) throws(ExportError) in
            let node = graph.nodes[index]
            try xml.startElement("node")
            try xml.attribute("id", EntityGraph.nodeID(index))
            try xml.attribute("label", node.label)
            try nodeSpans[index].write(to: xml)
            try writeValues(Attributes.values(of: node, index: index, in: graph), columns: Attributes.node,
                            native: Self.nativeNodeAttributes, in: xml)
            try writeColor(Palette.fill(for: node.type), in: xml)
            try xml.element("viz:size", ["value": Self.size(mentions: node.mentions)])
            try xml.endElement()
        }
        try xml.endElement()

        try xml.startElement("edges")
        try xml.attribute("count", String(graph.edges.count))
        try xml.siblings(count: graph.edges.count, jobs: jobs) { (xml, index) throws(ExportError) in
            let edge = graph.edges[index]
            let id = EntityGraph.edgeID(index)
            try xml.startElement("edge")
            try xml.attribute("id", id)
            try xml.attribute("source", EntityGraph.nodeID(edge.source))
            try xml.attribute("target", EntityGraph.nodeID(edge.target))
            try xml.attribute("kind", edge.kind.rawValue)
            if !edge.label.isEmpty { try xml.attribute("label", edge.label) }
            try xml.attribute("weight", Attributes.double(edge.weight, element: id, attribute: "weight").literal)
            try edgeSpans[index].write(to: xml)
            try writeValues(Attributes.values(of: edge, index: index, in: graph), columns: Attributes.edge,
                            native: Self.nativeEdgeAttributes, in: xml)
            try writeColor(Palette.stroke(for: edge.kind), in: xml)
            try xml.endElement()
        }
        try xml.endElement()

        try xml.endElement()  // graph
        try xml.endElement()  // gexf
    }

    /// Attributes GEXF carries natively (XML attributes of `<node>`/`<edge>`), not repeated as attvalues.
    static let nativeNodeAttributes: Set<String> = ["label"]
    static let nativeEdgeAttributes: Set<String> = ["label", "weight"]
    static let nodeColumns = Attributes.node.filter { !nativeNodeAttributes.contains($0.name) }
    static let edgeColumns = Attributes.edge.filter { !nativeEdgeAttributes.contains($0.name) }

    private func declare(_ columns: [AttributeColumn], class kind: String, in xml: XMLTextWriter) throws(ExportError) {
        try xml.startElement("attributes")
        try xml.attribute("class", kind)
        try xml.attribute("mode", "static")
        for column in columns {
            try xml.element("attribute", ["id": column.name, "title": column.name, "type": Self.typeName(column.type)])
        }
        try xml.endElement()
    }

    private func writeValues(_ values: [AttributeValue?], columns: [AttributeColumn], native: Set<String>, in xml: XMLTextWriter)
        throws(ExportError) {
        let present = zip(columns, values).compactMap { column, value in
            native.contains(column.name) ? nil : value.map { (column, $0) }
        }
        guard !present.isEmpty else { return }
        try xml.startElement("attvalues")
        for (column, value) in present {
            try xml.element("attvalue", ["for": column.name, "value": value.literal])
        }
        try xml.endElement()
    }

    private func writeColor(_ color: Palette.Color, in xml: XMLTextWriter) throws(ExportError) {
        try xml.element("viz:color", ["r": String(color.red), "g": String(color.green), "b": String(color.blue)])
    }

    /// 10 for an entity never mentioned, about 17 for 3 mentions, 50 for 100; two decimals keep files short.
    static func size(mentions: Int) -> String {
        let size = 10 + 4 * Double(max(mentions, 0)).squareRoot()
        return ((size * 100).rounded() / 100).description
    }

    private static func typeName(_ type: AttributeColumn.ValueType) -> String {
        switch type {
        case .int: "integer"
        case .double: "double"
        case .string: "string"
        }
    }

    /// The part of a first/last-seen pair that GEXF can use as `start`/`end`.
    struct Span {
        var start: String?
        var end: String?

        init(first: String?, last: String?) {
            start = first.flatMap { ISODate.isValid($0) ? $0 : nil }
            end = last.flatMap { ISODate.isValid($0) ? $0 : nil }
        }

        var isEmpty: Bool { start == nil && end == nil }

        func write(to xml: XMLTextWriter) throws(ExportError) {
            if let start { try xml.attribute("start", start) }
            if let end { try xml.attribute("end", end) }
        }
    }
}

/// Calendar dates in the `YYYY-MM-DD` form of `xsd:date` (no time zone).
enum ISODate {
    /// Whether `text` is a real day: `2021-02-29` and `2021-13-01` are not.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year.isMultiple(of: 4) && (!year.isMultiple(of: 100) || year.isMultiple(of: 400))
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
