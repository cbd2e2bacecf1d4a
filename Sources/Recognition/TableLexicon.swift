import TextAnalysis

/// A `Lexicon` backed by in-memory tables: built from the gazetteer resources in production, and from a few
/// hand-written entries in tests.
public struct TableLexicon: Lexicon {
    /// Country, city and region names (lower-cased phrases).
    public var places = PhraseTable<PlaceReference>()
    /// Nationality words → (country, ambiguous).
    public var demonyms = PhraseTable<DemonymEntry>()
    /// Complete offices ("foreign minister", "spokesperson", "head").
    public var titles = PhraseTable<Bool>()
    /// Words that may precede an office and belong to it ("special", "presidential", "deputy", "foreign").
    public var titleModifiers = PhraseTable<Bool>()
    public var organisationHeads = PhraseTable<Bool>()
    /// Meeting words → format ("summit" → summit, "consultations" → talks).
    public var meetingWords = PhraseTable<MeetingFormat>()

    public struct DemonymEntry: Sendable {
        public var place: PlaceReference
        public var ambiguous: Bool
        public init(place: PlaceReference, ambiguous: Bool) {
            self.place = place
            self.ambiguous = ambiguous
        }
    }

    public init() {}

    /// Places must be written with a capital: "china" in lower case is porcelain, "turkey" a bird.
    public func place(in text: AnalyzedText, at index: Int, limit: Int) -> (length: Int, place: PlaceReference)? {
        guard index < limit, text.isCapitalized(index) || text.isAllCaps(index),
              let hit = places.longest(in: text, at: index, limit: limit) else { return nil }
        // Every word of a multi-word name is capitalised except short joiners ("Bosnia and Herzegovina").
        for i in index..<(index + hit.length) where !text.isCapitalized(i) && !text.isAllCaps(i) {
            if text.tokens[i].length > 3 { return nil }
        }
        return (hit.length, hit.value)
    }

    public func demonym(in text: AnalyzedText, at index: Int) -> (place: PlaceReference, ambiguous: Bool, length: Int)? {
        guard index < text.tokens.count, text.isCapitalized(index),
              let hit = demonyms.longest(in: text, at: index, limit: min(text.tokens.count, index + 3)) else { return nil }
        return (hit.value.place, hit.value.ambiguous, hit.length)
    }

    /// An office: modifiers followed by a complete title, or a complete multi-word title on its own;
    /// "Special Presidential Envoy", "foreign minister", "Director".
    public func titleLength(in text: AnalyzedText, at index: Int, limit: Int) -> Int {
        var i = index
        var best = 0
        while i < limit {
            if let hit = titles.longest(in: text, at: i, limit: limit) {
                best = i - index + hit.length
            }
            guard let modifier = titleModifiers.longest(in: text, at: i, limit: limit) else { break }
            i += modifier.length
        }
        return best
    }

    public func isOrganisationHead(in text: AnalyzedText, at index: Int) -> Bool {
        index < text.tokens.count && text.isCapitalized(index)
            && organisationHeads.longest(in: text, at: index, limit: index + 1) != nil
    }

    public func meetingFormat(in text: AnalyzedText, at index: Int) -> MeetingFormat? {
        guard index >= 0, index < text.tokens.count else { return nil }
        return meetingWords.longest(in: text, at: index, limit: index + 1)?.value
    }
}
