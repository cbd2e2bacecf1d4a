/// What a node stands for. The raw values are the export contract's `type` values.
public enum NodeType: String, Sendable, CaseIterable, Hashable, Comparable {
    case person
    case organisation
    case country
    case location
    case meeting

    /// Nodes are listed in this order in every export, so that files diff well between runs.
    public static func < (lhs: NodeType, rhs: NodeType) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The position in `allCases`. Order and hash use it: `allCases` searched per comparison made an array each
    /// time, and the raw value's default hashing hashed a String (in every key that holds a type).
    public var ordinal: UInt8 {
        switch self {
        case .person: 0
        case .organisation: 1
        case .country: 2
        case .location: 3
        case .meeting: 4
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }
}

/// What an edge says. The raw values are the export contract's `kind` values.
public enum EdgeKind: String, Sendable, CaseIterable, Hashable, Comparable {
    /// person → organisation or country, labelled with the office ("foreign minister").
    case role
    /// organisation → organisation or country ("Russian Foreign Ministry" → Russia).
    case memberOf = "member_of"
    /// actor → meeting.
    case participant
    /// meeting → place.
    case heldIn = "held_in"
    /// city → country, from the gazetteer.
    case locatedIn = "located_in"
    /// actor → actor bound by a verb in one clause, labelled with the verb.
    case interaction
    /// same-sentence co-occurrence: the weakest kind, kept so users can see what else appears together.
    case coMention = "co_mention"

    public static func < (lhs: EdgeKind, rhs: EdgeKind) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The position in `allCases`, for order and hash (as `NodeType.ordinal`): every edge key holds a kind.
    public var ordinal: UInt8 {
        switch self {
        case .role: 0
        case .memberOf: 1
        case .participant: 2
        case .heldIn: 3
        case .locatedIn: 4
        case .interaction: 5
        case .coMention: 6
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }
}
