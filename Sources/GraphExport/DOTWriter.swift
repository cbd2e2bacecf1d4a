import GraphModel

/// Writes an `EntityGraph` as a Graphviz DOT digraph that `dot` and `sfdp` render without a warning.
///
/// Graphviz has no escaping that covers everything, so the rules are strict (see `formats.md` §4):
/// every id and value is a double-quoted string (keywords such as `node`, names with `:`, `-`, spaces or
/// leading digits cannot split or change a statement); text goes through `TextPolicy` (C0 controls
/// would reach the SVG and make it ill-formed; NUL is a syntax error); then `\` → `\\` (so `\N`, `\G`,
/// a trailing backslash stay literal), `"` → `\"`, LF → `\n`, and `&` → `&amp;` (Graphviz decodes
/// entities even in plain labels). No HTML-like label is ever written. Labels and tooltips are cut at a
/// Character boundary with `…` far below Graphviz's 16,381-byte string limit, so a 20 kB name renders.
///
/// Layout: no `layout` attribute, so the user picks the engine, and only attributes that `dot` and `sfdp`
/// both accept silently (the tests render with both and require an empty stderr): `rankdir` only concerns
/// dot and `overlap="false"` (sfdp removes overlaps; prism where available) only sfdp; the other engine
/// ignores them without a warning.
/// Above `Options.largeGraphNodeCount` nodes the drawing is kept light for sfdp: straight edges, no
/// edge labels (the text stays in the tooltip), smaller text, and no legend (sfdp ignores clusters, so
/// the legend's samples would be scattered among the data and read as entities).
public struct DOTWriter: Sendable {
    public struct Options: Sendable, Hashable {
        /// Adds `cluster_legend`: one sample node per type and one sample edge per kind (not for large graphs).
        /// Its nodes are real DOT nodes, so turn it off when a consumer counts nodes (`check_export.py`).
        public var legend: Bool
        /// Longest visible label, in Characters (graphemes), before `…`.
        public var maxLabelCharacters: Int
        /// Longest tooltip (full names and evidence), in Characters, before `…`.
        public var maxTooltipCharacters: Int
        /// From this many nodes on, the sfdp-friendly light style is used.
        public var largeGraphNodeCount: Int

        public init(legend: Bool = true, maxLabelCharacters: Int = 200, maxTooltipCharacters: Int = 2000,
                    largeGraphNodeCount: Int = 300) {
            self.legend = legend
            self.maxLabelCharacters = maxLabelCharacters
            self.maxTooltipCharacters = maxTooltipCharacters
            self.largeGraphNodeCount = largeGraphNodeCount
        }
    }

    /// Escaped-byte budgets. Graphviz 2.43 rejects a quoted string above 16,381 bytes; a label far shorter
    /// keeps drawings readable, and a byte cap is needed besides the Character cap because one Character
    /// can be long (a ZWJ sequence, or a base letter with hundreds of combining marks).
    static let maxLabelBytes = 2048
    static let maxTooltipBytes = 8192

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The DOT text as UTF-8 bytes (no BOM). Deterministic: the same graph gives the same bytes.
    public func write(_ graph: EntityGraph) throws(ExportError) -> [UInt8] {
        try graph.checkedForExport()
        let large = graph.nodes.count >= options.largeGraphNodeCount
        var out = "digraph \"G\" {\n"
        out += "  graph [charset=\"UTF-8\", rankdir=\"LR\", overlap=\"false\", "
            + "splines=\(large ? "\"false\"" : "\"true\""), outputorder=\"edgesfirst\", "
            + "fontname=\"Helvetica\", fontsize=\"10\", tooltip=\"EntityGraph\"];\n"
        out += "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"\(large ? 9 : 11)\", "
            + "color=\"#555555\", penwidth=\"0.8\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=\"9\", arrowsize=\"0.7\"];\n"

        for (index, node) in graph.nodes.enumerated() {
            let style = Self.style(for: node.type)
            let id = EntityGraph.nodeID(index)
            out += "  \(Self.quoted(id)) [" + attributeList([
                ("id", id),
                ("label", label(node.label)),
                ("tooltip", tooltip(Self.describe(node, in: graph))),
                ("shape", style.shape),
                ("fillcolor", style.fill),
            ]) + "];\n"
        }
        for (index, edge) in graph.edges.enumerated() {
            let style = Self.style(for: edge.kind)
            var attributes: [(String, String)] = [
                ("id", EntityGraph.edgeID(index)),
                ("tooltip", tooltip(Self.describe(edge))),
                ("style", style.style),
                ("color", style.color),
                ("penwidth", style.penwidth),
            ]
            if !style.directed { attributes.append(("arrowhead", "none")) }
            if !style.constrains { attributes.append(("constraint", "false")) }
            if !large, style.showsLabel, !edge.label.isEmpty {
                attributes.append(("label", label(edge.label)))
                attributes.append(("fontcolor", style.color))
            }
            out += "  \(Self.quoted(EntityGraph.nodeID(edge.source))) -> \(Self.quoted(EntityGraph.nodeID(edge.target))) ["
                + attributeList(attributes) + "];\n"
        }
        if options.legend && !large { out += Self.legend }
        out += "}\n"
        return Array(out.utf8)
    }

    // MARK: Text

    /// `"…"` with the DOT escapes applied to policy-clean text. Use for ids and values alike.
    static func quoted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in TextPolicy.clean(text).unicodeScalars {
            if let escaped = escape(scalar) {
                out.append(contentsOf: escaped.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }

    /// The escape for a scalar that needs one inside a DOT quoted string, nil for every other scalar.
    private static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\\": "\\\\"
        case "\"": "\\\""
        case "\n": "\\n"
        case "&": "&amp;"
        default: nil
        }
    }

    /// Bytes a scalar takes once escaped by `quoted`: the budget unit for truncation.
    static func escapedCost(_ scalar: Unicode.Scalar) -> Int {
        escape(scalar)?.utf8.count ?? scalar.utf8.count
    }

    private func label(_ text: String) -> String {
        Truncation.truncate(TextPolicy.clean(text), maxCharacters: options.maxLabelCharacters,
                            maxBytes: Self.maxLabelBytes, cost: Self.escapedCost)
    }

    private func tooltip(_ text: String) -> String {
        Truncation.truncate(TextPolicy.clean(text), maxCharacters: options.maxTooltipCharacters,
                            maxBytes: Self.maxTooltipBytes, cost: Self.escapedCost)
    }

    /// `a="x", b="y"` with every value quoted and escaped (values here are already truncated).
    private func attributeList(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: ", ")
    }

    /// The node's tooltip; `graph` spells its documents.
    static func describe(_ node: GraphNode, in graph: EntityGraph) -> String {
        var lines = [node.label, "type: \(node.type.rawValue)", "mentions: \(node.mentions)"]
        if !node.aliases.isEmpty { lines.append("aliases: " + node.aliases.joined(separator: ", ")) }
        if let date = node.date { lines.append("date: \(date)") }
        if let format = node.format { lines.append("format: \(format)") }
        if let ordinal = node.ordinal { lines.append("ordinal: \(ordinal)") }
        if let series = node.series { lines.append("series: \(series)") }
        if !node.documents.isEmpty { lines.append("documents: " + graph.documents(of: node).joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    static func describe(_ edge: GraphEdge) -> String {
        let title = edge.label.isEmpty ? edge.kind.rawValue : "\(edge.kind.rawValue): \(edge.label)"
        let source = "\(edge.evidence.document) [\(edge.evidence.start)–\(edge.evidence.end)]"
            + (edge.date.map { ", \($0)" } ?? "")
        return "\(title) (weight \(edge.weight))\n\(source)\n\(edge.evidence.sentence)"
    }

    // MARK: Styles

    struct NodeStyle {
        var shape: String
        var fill: String
    }

    struct EdgeStyle {
        var style: String
        var color: String
        var penwidth: String
        var showsLabel: Bool
        /// False: `arrowhead="none"` (co-occurrence has no direction).
        var directed: Bool = true
        /// False: `constraint="false"`, so `dot` ranks nodes by the typed relations only and the many
        /// co_mention edges are drawn without stretching the drawing (sfdp ignores it silently).
        var constrains: Bool = true
    }

    /// Shape and colour from `Palette`, shared with the yEd GraphML flavour.
    static func style(for type: NodeType) -> NodeStyle {
        NodeStyle(shape: Palette.shape(for: type).dot, fill: Palette.fill(for: type).hex)
    }

    /// Line pattern, width and colour from `Palette`, shared with the yEd GraphML flavour.
    static func style(for kind: EdgeKind) -> EdgeStyle {
        let line = Palette.line(for: kind)
        let style = switch line.pattern {
        case .solid: "solid"
        case .dashed: "dashed"
        case .dotted: "dotted"
        }
        return EdgeStyle(style: style, color: Palette.stroke(for: kind).hex, penwidth: line.width.description,
                         showsLabel: line.labelled, directed: line.directed, constrains: line.shapesLayout)
    }

    /// Built from the enums only (never from data), so it is the same for every graph and its
    /// `legend_…` ids cannot collide with the positional `n…` ids.
    static let legend: String = {
        var out = "  subgraph \"cluster_legend\" {\n"
        out += "    graph [label=\"Legend\", fontsize=\"12\", style=\"rounded\", color=\"#999999\", tooltip=\"Legend\"];\n"
        // Each sample sits at the head of an edge (invisible for node types) so that every sample is in the
        // same rank and the column of samples is drawn straight instead of skewed.
        for type in NodeType.allCases {
            let style = style(for: type)
            let anchor = "\"legend_type_\(type.rawValue)_anchor\""
            let sample = "\"legend_type_\(type.rawValue)\""
            out += "    \(anchor) [label=\"\", shape=\"point\", style=\"invis\", tooltip=\"node type \(type.rawValue)\"];\n"
            out += "    \(sample) [label=\"\(type.rawValue)\", tooltip=\"node type \(type.rawValue)\", "
                + "shape=\"\(style.shape)\", fillcolor=\"\(style.fill)\"];\n"
            out += "    \(anchor) -> \(sample) [style=\"invis\", tooltip=\"node type \(type.rawValue)\"];\n"
        }
        for kind in EdgeKind.allCases {
            let style = style(for: kind)
            let from = "\"legend_kind_\(kind.rawValue)_from\""
            let to = "\"legend_kind_\(kind.rawValue)\""
            out += "    \(from) [label=\"\", shape=\"point\", width=\"0.08\", tooltip=\"edge kind \(kind.rawValue)\"];\n"
            out += "    \(to) [label=\"\(kind.rawValue)\", shape=\"plaintext\", style=\"solid\", tooltip=\"edge kind \(kind.rawValue)\"];\n"
            out += "    \(from) -> \(to) [style=\"\(style.style)\", color=\"\(style.color)\", penwidth=\"\(style.penwidth)\", "
                + (style.directed ? "" : "arrowhead=\"none\", ")
                + "tooltip=\"edge kind \(kind.rawValue)\"];\n"
        }
        out += "  }\n"
        return out
    }()
}
