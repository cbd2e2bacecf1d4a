import GraphModel

/// The yFiles graphics of the yEd GraphML flavour (`GraphMLWriter.Options.yed`).
///
/// yEd shows plain `<data>` only as custom properties, invisible until mapped by hand; it draws what the
/// `nodegraphics`/`edgegraphics` keys hold. So each node gets a `<y:ShapeNode>` (geometry, fill and shape by
/// type from `Palette`, the label) and each edge a `<y:PolyLineEdge>` (colour and line pattern by kind, an
/// arrow unless the kind is undirected co-occurrence, and an `<y:EdgeLabel>` for the kinds whose label is drawn in DOT too: role and interaction).
///
/// Choices:
/// * Nodes start on a grid, not all at (0, 0), so the file is legible before any layout is run; the user
///   is expected to apply a yEd layout (Layout ▸ Organic, Hierarchic…). Sizes follow the label length.
/// * **HTML guard.** yEd renders a label whose text starts with `<html>` as HTML, so a name like
///   `<html><b>Bold</b>` would lose its tags, or worse, be drawn as something else. A visible label whose first
///   non-blank character is `<` gets a leading U+200C ZERO WIDTH NON-JOINER: the label no longer starts with
///   `<html>`, and Java draws U+200C as nothing, so the text looks exactly as written. Escaping into an HTML
///   label instead was rejected: HTML rendering collapses white space and line breaks, so it would change
///   what every such label looks like. The exact text is always in the `label` data.
/// * Visible labels are cut like DOT's (200 Characters, `…`) so one 20 kB name does not make a 100,000-pixel
///   node; the full text stays in `label`.
/// * The graphics `<data>` precedes the normal data of each element: networkx copies a yEd label into its
///   `label` attribute, and the exact `node_label`/`edge_label` read after it must win.
struct YEdGraphics {
    static let namespace = "http://www.yworks.com/xml/graphml"
    static let nodeKey = "node_graphics"
    static let edgeKey = "edge_graphics"
    /// Java's invisible zero-width non-joiner: breaks the `<html>` prefix without showing.
    static let htmlGuard: Unicode.Scalar = "\u{200C}"
    static let maxLabelCharacters = 200
    static let maxLabelBytes = 4096

    /// Label size estimate for yEd's default 12 pt Dialog font.
    static let characterWidth = 7.0
    static let lineHeight = 16.0

    private let sizes: [Size]
    private let columns: Int
    private let cellWidth: Double
    private let cellHeight: Double

    struct Size {
        var width: Double
        var height: Double
    }

    init(graph: EntityGraph) {
        sizes = graph.nodes.map { Self.size(of: Self.visibleLabel($0.label)) }
        columns = max(1, Int(Double(graph.nodes.count).squareRoot().rounded(.up)))
        cellWidth = (sizes.map(\.width).max() ?? 0) + 40
        cellHeight = (sizes.map(\.height).max() ?? 0) + 40
    }

    func declareKeys(in xml: XMLTextWriter) throws(ExportError) {
        try xml.element("key", ["for": "node", "id": Self.nodeKey, "yfiles.type": "nodegraphics"])
        try xml.element("key", ["for": "edge", "id": Self.edgeKey, "yfiles.type": "edgegraphics"])
    }

    func writeNode(_ node: GraphNode, index: Int, in xml: XMLTextWriter) throws(ExportError) {
        let size = sizes[index]
        try xml.startElement("data")
        try xml.attribute("key", Self.nodeKey)
        try xml.startElement("y:ShapeNode")
        try xml.element("y:Geometry", [
            "height": size.height.description,
            "width": size.width.description,
            "x": (Double(index % columns) * cellWidth).description,
            "y": (Double(index / columns) * cellHeight).description,
        ])
        try xml.element("y:Fill", ["color": Palette.fill(for: node.type).hex, "transparent": "false"])
        try xml.element("y:BorderStyle", ["color": "#555555", "type": "line", "width": "1.0"])
        try xml.element("y:NodeLabel", [
            "alignment": "center", "autoSizePolicy": "content", "fontFamily": "Dialog", "fontSize": "12",
            "fontStyle": "plain", "hasBackgroundColor": "false", "hasLineColor": "false", "modelName": "internal",
            "modelPosition": "c", "textColor": "#000000", "visible": "true",
        ], text: Self.visibleLabel(node.label))
        try xml.element("y:Shape", ["type": Palette.shape(for: node.type).yed])
        try xml.endElement()  // y:ShapeNode
        try xml.endElement()  // data
    }

    func writeEdge(_ edge: GraphEdge, in xml: XMLTextWriter) throws(ExportError) {
        let line = Palette.line(for: edge.kind)
        let color = Palette.stroke(for: edge.kind).hex
        try xml.startElement("data")
        try xml.attribute("key", Self.edgeKey)
        try xml.startElement("y:PolyLineEdge")
        try xml.element("y:LineStyle", ["color": color, "type": Self.lineType(line.pattern), "width": line.width.description])
        try xml.element("y:Arrows", ["source": "none", "target": line.directed ? "standard" : "none"])
        if line.labelled, !edge.label.isEmpty {
            try xml.element("y:EdgeLabel", [
                "alignment": "center", "fontFamily": "Dialog", "fontSize": "10", "fontStyle": "plain",
                "hasBackgroundColor": "false", "hasLineColor": "false", "modelName": "centered",
                "modelPosition": "center", "preferredPlacement": "anywhere", "textColor": color, "visible": "true",
            ], text: Self.visibleLabel(edge.label))
        }
        try xml.element("y:BendStyle", ["smoothed": "false"])
        try xml.endElement()  // y:PolyLineEdge
        try xml.endElement()  // data
    }

    /// The text yEd draws: policy-clean, cut at a Character boundary, and guarded against HTML rendering.
    static func visibleLabel(_ text: String) -> String {
        let cut = Truncation.truncate(TextPolicy.clean(text), maxCharacters: maxLabelCharacters, maxBytes: maxLabelBytes)
        return guardedAgainstHTML(cut)
    }

    /// `text` with `htmlGuard` in front when its first non-blank character is `<` (Java's `trim` blanks: U+0000
    /// to U+0020), so yEd cannot take it for an `<html>` label whatever its case or leading spaces.
    static func guardedAgainstHTML(_ text: String) -> String {
        let first = text.unicodeScalars.first { $0.value > 0x20 }
        guard first == "<" else { return text }
        return String(Character(htmlGuard)) + text
    }

    static func size(of label: String) -> Size {
        let lines = label.split(separator: "\n", omittingEmptySubsequences: false)
        let longest = lines.map(\.count).max() ?? 0
        let width = min(max(Double(longest) * characterWidth + 24, 40), 420)
        let height = max(30, Double(lines.count) * lineHeight + 14)
        return Size(width: width, height: height)
    }

    static func lineType(_ pattern: Palette.Line.Pattern) -> String {
        switch pattern {
        case .solid: "line"
        case .dashed: "dashed"
        case .dotted: "dotted"
        }
    }
}
