import TextAnalysis

/// A place or nationality the gazetteer knows.
public struct PlaceReference: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case country, city, region }
    public var kind: Kind
    /// Stable identity across documents: `country:RU`, `city:524901`, `region:central asia`.
    public var identity: String
    /// Canonical display name ("Russia", "Moscow").
    public var name: String
    /// For cities: the identity of their country, for `located_in` edges.
    public var countryIdentity: String?
    /// The name also reads as an ordinary word or a person's name ("Split", "Florence"): accept it only with
    /// support from context.
    public var isAmbiguous: Bool
    /// Cities: people living there, and whether it is its country's capital; used to choose between cities
    /// that share a name.
    public var population: Int
    public var isCapital: Bool

    public init(kind: Kind, identity: String, name: String, countryIdentity: String? = nil, isAmbiguous: Bool = false,
                population: Int = 0, isCapital: Bool = false) {
        self.population = population
        self.isCapital = isCapital
        self.kind = kind
        self.identity = identity
        self.name = name
        self.countryIdentity = countryIdentity
        self.isAmbiguous = isAmbiguous
    }
}

/// The word knowledge the recognizer needs, behind one narrow interface so the rules can be tested on a few
/// hand-made entries and run on the full gazetteer in production.
///
/// All lookups work on token positions of an `AnalyzedText` and return how many tokens matched, so callers
/// never build strings to ask a question.
public protocol Lexicon: Sendable {
    /// The longest country, city or region name starting at token `index` (ending before `limit`).
    func place(in text: AnalyzedText, at index: Int, limit: Int) -> (length: Int, place: PlaceReference)?
    /// Every place that longest name can be: a country first, then cities by population, then regions.
    func placeCandidates(in text: AnalyzedText, at index: Int, limit: Int) -> (length: Int, places: [PlaceReference])?
    /// A nationality starting at `index` ("Russian", "Afghans", "North Korean"): the country it stands for and
    /// its length in tokens.
    func demonym(in text: AnalyzedText, at index: Int) -> (place: PlaceReference, ambiguous: Bool, length: Int)?
    /// The number of tokens of an office or title starting at `index` ("foreign minister", "special presidential
    /// envoy", "spokesperson"), 0 when there is none.
    func titleLength(in text: AnalyzedText, at index: Int, limit: Int) -> Int
    /// Whether the office of `titleLength` tokens at `index` is an office of a state held at home: a head of
    /// state or government, a minister, a monarch ("President", "Foreign Minister", "King"), not an ambassador,
    /// an officer or a spokesperson. Such an office written without its state belongs to the one state the
    /// sentence names ("Prime Minister X and other Indian officials").
    func isStateOffice(in text: AnalyzedText, at index: Int, limit: Int) -> Bool
    /// A head word that makes a capitalised phrase an organisation: Ministry, Agency, Council, Party, …
    func isOrganisationHead(in text: AnalyzedText, at index: Int) -> Bool
    /// A head word of a state body ("Ministry", "Department", "Embassy"): a nationality before it names the
    /// state the body belongs to.
    func isGovernmentHead(in text: AnalyzedText, at index: Int) -> Bool
    /// The countries whose official name opens with exactly the words of `tokens` followed by "of" ("the Islamic
    /// Republic" for Iran), for a reference back to a country the document named.
    func countriesOpeningOfficialName(in text: AnalyzedText, tokens: Range<Int>) -> [PlaceReference]
    /// A meeting head word and its format: "summit" → summit, "consultations" → talks.
    func meetingFormat(in text: AnalyzedText, at index: Int) -> MeetingFormat?
    /// Per-token bits for the statistical tagger (`EntityTagger.tag(_:externalFeatures:)`), indexed like
    /// `text.tokens`, or nil when this lexicon provides none. The bits must mean what they meant when the model
    /// was trained: `GazetteerLexicon` returns `GazetteerFeatures.bits`, which the shipped model is trained with.
    func tokenFeatures(for text: AnalyzedText) -> [UInt32]?
    /// `titleLength` read one token at a time, for a per-document memo (`LexiconMemo`) that asks each token once
    /// whatever the limits: nil when this lexicon's offices do not read so (the memo then asks `titleLength`).
    func officeStep(in text: AnalyzedText, at index: Int) -> OfficeStep?
    /// Every place name starting at `index`, however far it reaches (ascending by end), with what
    /// `placeCandidates` gives for it: `placeCandidates` with any limit is the last whose end is within the limit
    /// when it has places, nil otherwise. Nil when this lexicon cannot list them (the memo then asks
    /// `placeCandidates`).
    func placeMatches(in text: AnalyzedText, at index: Int) -> [PlaceMatch]?
}

/// What an office reading sees at one token (`Lexicon.officeStep`): the offices that start there, and whether
/// the word may precede an office and belong to it ("Deputy", "Foreign").
public struct OfficeStep: Hashable, Sendable {
    /// End tokens (exclusive) of the offices starting at the token, ascending, however far they reach.
    public var ends: [Int]
    public var isModifier: Bool

    public init(ends: [Int], isModifier: Bool) {
        self.ends = ends
        self.isModifier = isModifier
    }

    /// The one reading of an office from token steps (`Lexicon.titleLength`): modifiers, then the office that
    /// ends last within `limit` after the last modifier that has one ("Special Presidential Envoy").
    public static func length(from index: Int, limit: Int, step: (Int) -> OfficeStep) -> Int {
        var i = index
        var best = 0
        while i < limit {
            let here = step(i)
            if let end = here.ends.last(where: { $0 <= limit }) { best = end - index }
            guard here.isModifier else { break }
            i += 1
        }
        return best
    }
}

/// A place name at a token and every place it can be (`Lexicon.placeMatches`), as `placeCandidates` orders them;
/// empty when the name's entries are no places that lexicon returns.
public struct PlaceMatch: Hashable, Sendable {
    public var end: Int
    public var places: [PlaceReference]

    public init(end: Int, places: [PlaceReference]) {
        self.end = end
        self.places = places
    }
}

extension Lexicon {
    /// Without classes, every head word counts.
    public func isGovernmentHead(in text: AnalyzedText, at index: Int) -> Bool { isOrganisationHead(in: text, at: index) }

    /// Without classes no office is known to be a state's.
    public func isStateOffice(in text: AnalyzedText, at index: Int, limit: Int) -> Bool { false }

    /// Without official names no country is referred back to.
    public func countriesOpeningOfficialName(in text: AnalyzedText, tokens: Range<Int>) -> [PlaceReference] { [] }

    /// No features: the tagger then sees all bits zero, which is always valid input.
    public func tokenFeatures(for text: AnalyzedText) -> [UInt32]? { nil }

    public func officeStep(in text: AnalyzedText, at index: Int) -> OfficeStep? { nil }

    public func placeMatches(in text: AnalyzedText, at index: Int) -> [PlaceMatch]? { nil }

    public func placeCandidates(in text: AnalyzedText, at index: Int, limit: Int) -> (length: Int, places: [PlaceReference])? {
        place(in: text, at: index, limit: limit).map { ($0.length, [$0.place]) }
    }
}
