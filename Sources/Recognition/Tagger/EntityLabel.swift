/// The entity types the tagger predicts.
///
/// GMB also annotates `art` (artefacts) and `nat` (natural phenomena); they are rare (< 0.1 % of tokens) and
/// the silver annotation of them is noisy, so training folds them into "outside" rather than spend model
/// capacity on labels no later stage uses.
public enum EntityLabel: UInt8, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// A person.
    case per
    /// An organisation.
    case org
    /// A geographic place: country, region, city, physical feature.
    case geo
    /// A geo-political adjective or demonym: "Russian", "Afghan".
    case gpe
    /// A time expression.
    case tim
    /// A named event.
    case eve
    /// CoNLL-2003's MISC: nationalities ("German"), events, works, languages. The tool has no node type for
    /// them, but a model must learn them as their own class: folded into "outside" they would teach it that
    /// "German" in "German Foreign Ministry" is no name, folded into another type they would pollute it.
    case misc

    /// The lower-case GMB type name (`per`, `org`, ...), as used in the model file's label list.
    public var name: String {
        switch self {
        case .per: "per"
        case .org: "org"
        case .geo: "geo"
        case .gpe: "gpe"
        case .tim: "tim"
        case .eve: "eve"
        case .misc: "misc"
        }
    }

    public var description: String { name }

    /// Parses a GMB type name; `nil` for anything else (including `art` and `nat`).
    public init?(name: some StringProtocol) {
        guard let label = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = label
    }
}

/// An entity mention found by the tagger.
public struct TaggedSpan: Hashable, Sendable {
    /// Absolute token indices into `AnalyzedText.tokens`.
    public var tokens: Range<Int>
    public var label: EntityLabel
    /// A cheap confidence in 0...1: the logistic of the smallest per-token margin between the best local score
    /// of a tag of this type and the best of any other type or O. Not a calibrated probability (decoding also
    /// weighs transitions, so it can be below 0.5); useful to rank and threshold.
    public var score: Float

    public init(tokens: Range<Int>, label: EntityLabel, score: Float) {
        self.tokens = tokens
        self.label = label
        self.score = score
    }
}
