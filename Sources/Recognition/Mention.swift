import GraphModel

/// A stretch of text that names (or stands for) an entity.
public struct Mention: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A name as written: "Sergey Lavrov", "the Taliban", "Moscow".
        case name
        /// A nationality word standing for its country: "Russian" in "Russian Foreign Minister".
        case demonym
        /// An all-capitals short form: "CIS", "ISIS-K".
        case acronym
        /// A meeting phrase: "the sixth meeting of the Moscow Consultative Format".
        case meeting
        /// An institution described rather than named: "Russia's security agency", "the Russian embassy".
        case description
    }

    /// Why the rules read a mention this way: what `MentionArbiter` weighs against the tagger.
    public enum Evidence: Hashable, Sendable {
        /// A table says so: a gazetteer place or nationality, an office, a country qualifying a title.
        case gazetteer
        /// A nationality word the gazetteer marks ambiguous ("American", "Korean").
        case ambiguousNationality
        /// Closed by an organisation head word ("… Ministry", "… Party").
        case headWord
        /// Spelled out by a bracketed acronym, or the bracketed acronym itself: "Islamic States (IS)".
        case acronymDefinition
        /// Written with "the" elsewhere in the document: "the Taliban".
        case definiteArticle
        /// Coordinated with a person named by an office: "Putin and the Tajik President, Emomali Rakhmon".
        case coordination
        /// The last word of a full name elsewhere in the document.
        case surname
        /// Stands before an office that a name follows: "NATO Secretary General Jens Stoltenberg".
        case beforeOffice
        /// An all-capitals word in a sentence written in lower case: "ISIS-K continues to claim …".
        case acronym
        /// Only capital letters: the rules' guess.
        case capitalisation
        /// A meeting phrase.
        case meetingPhrase
        /// A lower-case description of an institution.
        case description
        /// Proposed by the statistical tagger.
        case tagger
    }

    /// Absolute token indices into the document's `AnalyzedText`.
    public var tokens: Range<Int>
    /// Index into `AnalyzedText.sentences`.
    public var sentence: Int
    public var type: NodeType
    public var kind: Kind
    /// The name as written, without articles or possessives ("Russian", "Muttaqi").
    public var text: String
    /// The gazetteer's name for it when it is a known place or nationality ("Russia" for "Russian").
    public var canonical: String?
    /// A gazetteer identity when the mention is a known place (`country:RU`, `city:524901`), so that every
    /// spelling of it in every document becomes one node.
    public var identity: String?
    /// For a city: its country's identity, for `located_in` edges.
    public var countryIdentity: String?
    /// A country or organisation that only qualifies a title or an organisation name ("Russian" in
    /// "Russian Foreign Ministry"): it is a mention of the country, but not an actor of the clause.
    public var isModifier: Bool
    /// Meetings only: what the phrase says about the meeting.
    public var meeting: MeetingDescription?
    public var evidence: Evidence

    public init(tokens: Range<Int>, sentence: Int, type: NodeType, kind: Kind, text: String,
                canonical: String? = nil, identity: String? = nil, countryIdentity: String? = nil, isModifier: Bool = false, meeting: MeetingDescription? = nil,
                evidence: Evidence = .tagger) {
        self.evidence = evidence
        self.tokens = tokens
        self.sentence = sentence
        self.type = type
        self.kind = kind
        self.text = text
        self.canonical = canonical
        self.identity = identity
        self.countryIdentity = countryIdentity
        self.isModifier = isModifier
        self.meeting = meeting
    }
}

/// What a meeting phrase tells: its series name, format, ordinal and any date or place written next to it.
public struct MeetingDescription: Hashable, Sendable {
    /// The proper-name part that identifies a series ("Moscow Format"), nil for a described meeting
    /// ("a meeting of the heads of the security services of the CIS").
    public var series: String?
    public var format: MeetingFormat
    public var ordinal: Int?
    /// "the summit" with nothing else to tell: it refers to a meeting the document names elsewhere, and
    /// becomes part of that meeting or nothing.
    public var isReference: Bool
    /// A call cue ("telephonically"): a meeting only if the clause names the two sides.
    public var isCall: Bool
    /// An encounter cue ("met", "held talks", "a visit"): a meeting only if the clause names who took part
    /// (two sides, or a visitor and the place visited).
    public var isEncounter: Bool

    public init(series: String?, format: MeetingFormat, ordinal: Int? = nil, isReference: Bool = false, isCall: Bool = false,
                isEncounter: Bool = false) {
        self.isCall = isCall
        self.isEncounter = isEncounter
        self.series = series
        self.format = format
        self.ordinal = ordinal
        self.isReference = isReference
    }
}

extension Mention {
    /// The indices of the mentions that name something on their own, as a flat list: what the `--mentions`
    /// file lists, the view a named-entity recognizer gives. Descriptions ("Russia's security agency") and
    /// nationality words ("Russian", which points at Russia) are not names, and a mention inside a longer name ("Russian" in "Russian Foreign Ministry" read as one name)
    /// is part of that name: both stay mentions of their entities for the graph, but are not listed. A meeting
    /// phrase is listed and hides nothing: the party in "the Conservative Party conference" is a name.
    public static func listedNames(_ mentions: [Mention]) -> [Int] {
        // Longest first among those starting together: any mention that contains another comes before it.
        let order = mentions.indices.filter { mentions[$0].kind != .description && mentions[$0].kind != .demonym && mentions[$0].type != .meeting }.sorted {
            let a = mentions[$0].tokens, b = mentions[$1].tokens
            return (a.lowerBound, -a.upperBound, $0) < (b.lowerBound, -b.upperBound, $1)
        }
        var listed: [Int] = []
        var reach: Range<Int>? = nil // of the earlier mention that reaches furthest (the first to reach it)
        for m in order {
            let tokens = mentions[m].tokens
            if let reach, reach.upperBound > tokens.upperBound
                || (reach.upperBound == tokens.upperBound && reach.lowerBound < tokens.lowerBound) {
                continue
            }
            listed.append(m)
            if reach.map({ tokens.upperBound > $0.upperBound }) ?? true { reach = tokens }
        }
        // A meeting phrase is listed beside the names inside it ("the Conservative Party conference").
        listed += mentions.indices.filter { mentions[$0].type == .meeting }
        return listed.sorted()
    }
}
