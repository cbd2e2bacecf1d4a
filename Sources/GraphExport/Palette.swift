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
        case .coMention: Color(red: 0xCC, green: 0xCC, blue: 0xCC)
        }
    }
}
