/// What a node stands for. The raw values are the export contract's `type` values.
public enum NodeType: String, Sendable, CaseIterable, Hashable, Comparable {
    case person
    case organisation
    case country
    case location
    case meeting

    /// Nodes are listed in this order in every export, so that files diff well between runs.
    public static func < (lhs: NodeType, rhs: NodeType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
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

    public static func < (lhs: EdgeKind, rhs: EdgeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
