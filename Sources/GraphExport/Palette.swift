import GraphModel

/// Colours shared by the formats that draw (DOT, GEXF viz), so a node type looks the same in Graphviz
/// and Gephi. Light fills keep black labels readable; edge colours go from strong (role, interaction)
/// to faint (co_mention) with the strength of the evidence.
enum Palette {
    struct Color: Hashable, Sendable {
        var red: UInt8
        var green: UInt8
        var blue: UInt8

        /// `#RRGGBB`, the only colour syntax every Graphviz version and SVG viewer reads the same way.
        var hex: String {
            "#" + [red, green, blue].map { byte in
                let digits = String(byte, radix: 16, uppercase: true)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
        }
    }

    static func fill(for type: NodeType) -> Color {
        switch type {
        case .person: Color(red: 0xAE, green: 0xC7, blue: 0xE8)
        case .organisation: Color(red: 0xFF, green: 0xBB, blue: 0x78)
        case .country: Color(red: 0x98, green: 0xDF, blue: 0x8A)
        case .location: Color(red: 0xDB, green: 0xDB, blue: 0x8D)
        case .meeting: Color(red: 0xF7, green: 0xB6, blue: 0xD2)
        }
    }

    static func stroke(for kind: EdgeKind) -> Color {
        switch kind {
        case .role: Color(red: 0x1F, green: 0x4E, blue: 0x79)
        case .memberOf: Color(red: 0x8C, green: 0x56, blue: 0x4B)
        case .participant: Color(red: 0x6A, green: 0x3D, blue: 0x9A)
        case .heldIn: Color(red: 0x2C, green: 0x7F, blue: 0x2C)
        case .locatedIn: Color(red: 0x8C, green: 0x8C, blue: 0x8C)
        case .interaction: Color(red: 0xC0, green: 0x39, blue: 0x2B)
        case .coMention: Color(red: 0xD6, green: 0xD6, blue: 0xD6)
        }
    }
}

/// Outlines and line styles shared by the drawing formats (DOT, yEd GraphML), so a node type or edge kind
/// looks alike in Graphviz and yEd. Shapes differ as well as colours, for readers who cannot tell the
/// colours apart; each format spells a shape in its own vocabulary, as close as that vocabulary allows.
extension Palette {
    enum Shape: Sendable {
        case ellipse, box, hexagon, house, note

        /// Graphviz `shape` value.
        var dot: String {
            switch self {
            case .ellipse: "ellipse"
            case .box: "box"
            case .hexagon: "hexagon"
            case .house: "house"
            case .note: "note"
            }
        }

        /// yFiles `<y:Shape type>` value. yEd has no house or note: a trapezoid reads as a roof, an octagon
        /// stays distinct from the other four.
        var yed: String {
            switch self {
            case .ellipse: "ellipse"
            case .box: "roundrectangle"
            case .hexagon: "hexagon"
            case .house: "trapezoid"
            case .note: "octagon"
            }
        }
    }

    static func shape(for type: NodeType) -> Shape {
        switch type {
        case .person: .ellipse
        case .organisation: .box
        case .country: .hexagon
        case .location: .house
        case .meeting: .note
        }
    }

    /// How an edge kind is drawn: strong relations solid and labelled; inferred and geographic ones recede
    /// (dashed or dotted); co-occurrence thin, faint, without arrowhead and without a say in the layout,
    /// because it says least, has no direction, and is the most numerous kind: drawn like the others it
    /// buries the typed relations (the seeds drawing had 74 co_mention edges among 99).
    struct Line: Sendable, Hashable {
        enum Pattern: Sendable { case solid, dashed, dotted }
        var pattern: Pattern
        var width: Double
        /// Whether the edge's label (office, verb) is drawn on it.
        var labelled: Bool = false
        /// Whether an arrowhead shows the direction; co-occurrence has none.
        var directed: Bool = true
        /// Whether a layered layout should rank nodes along this edge (Graphviz `constraint`).
        var shapesLayout: Bool = true
    }

    static func line(for kind: EdgeKind) -> Line {
        switch kind {
        case .role: Line(pattern: .solid, width: 1.2, labelled: true)
        case .memberOf: Line(pattern: .dashed, width: 1.0)
        case .participant: Line(pattern: .solid, width: 2.0)
        case .heldIn: Line(pattern: .dotted, width: 1.2)
        case .locatedIn: Line(pattern: .dotted, width: 1.0)
        case .interaction: Line(pattern: .solid, width: 1.4, labelled: true)
        case .coMention: Line(pattern: .solid, width: 0.5, directed: false, shapesLayout: false)
        }
    }
}
