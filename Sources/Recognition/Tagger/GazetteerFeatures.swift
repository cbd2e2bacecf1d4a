import TextAnalysis

/// Gazetteer membership of each token, as the per-token bitset the tagger takes (`externalFeatures`).
///
/// The bit assignment is part of the model: a model is trained with these bits (`ner-train train` passes
/// `GazetteerLexicon.tokenFeatures(for:)` for every pseudo-document) and must be given the same bits at run time
/// (`RuleRecognizer` does). Changing a bit's meaning, or how matches are found, requires bumping
/// `FeatureExtractor.schemaVersion` and retraining.
///
/// Matching is the gazetteer's own (`Gazetteer.longestMatch`), so case is handled as everywhere else: proper names
/// (countries, demonyms, cities, regions) match only when the text starts them with a capital ("turkey" is a
/// bird), acronyms only in their exact case ("US", not "us"); titles and meeting words match in any case; an
/// organisation head word must be capitalised ("Ministry", not "ministry"), as `GazetteerLexicon` reads it.
/// Matches never cross a sentence end. Places are matched greedily left to right, longest first, so "New York"
/// marks both tokens as one city and not "York" on its own.
public enum GazetteerFeatures {
    /// Inside a country name ("United States", "U.S.", "Russia").
    public static let country: UInt32 = 1 << 0
    /// A nationality word with one clear country ("Russian", "Afghans").
    public static let demonym: UInt32 = 1 << 1
    /// A nationality word the gazetteer marks ambiguous ("Korean", "American").
    public static let ambiguousDemonym: UInt32 = 1 << 2
    /// Inside a city name, where one of the cities of that name is a capital or has a million people or more.
    public static let majorCity: UInt32 = 1 << 3
    /// Inside a city name, where no city of that name is a capital or has a million people.
    public static let minorCity: UInt32 = 1 << 4
    /// The place reading is doubtful: no country has that name, and every city or region of that name is marked
    /// ambiguous ("Split", "Victoria"). A country name never is ("Georgia": the country wins).
    public static let ambiguousPlace: UInt32 = 1 << 5
    /// Inside a region, continent, territory or state ("Central Asia", "Kashmir", "Texas").
    public static let region: UInt32 = 1 << 6
    /// Inside an office or title, with the modifiers that belong to it ("Deputy Foreign Minister", "president").
    public static let title: UInt32 = 1 << 7
    /// A capitalised organisation head word ("Ministry", "Party", "Council").
    public static let organisationHead: UInt32 = 1 << 8
    /// A meeting word ("summit", "talks", "conference").
    public static let meetingWord: UInt32 = 1 << 9
    /// The first token of a match of two or more tokens (place or title).
    public static let multiWordStart: UInt32 = 1 << 10
    /// A token after the first of a match (place or title): "States" in "United States".
    public static let continuation: UInt32 = 1 << 11

    /// Population from which a city counts as major.
    public static let majorCityPopulation = 1_000_000

    /// The bits of every token of `text` (indexed like `text.tokens`).
    ///
    /// Asks the name index directly (`Gazetteer.longestMatch` answers the same, with the entries built): each
    /// token's bucket is looked up once for the five questions asked of it, most tokens start no name at all,
    /// and only places need the matched entries.
    public static func bits(for text: AnalyzedText, gazetteer: Gazetteer) -> [UInt32] {
        var bits = [UInt32](repeating: 0, count: text.tokens.count)
        func markSpan(_ range: Range<Int>, _ value: UInt32) {
            for t in range {
                bits[t] |= value
                if t > range.lowerBound { bits[t] |= continuation }
            }
            if range.count > 1 { bits[range.lowerBound] |= multiWordStart }
        }
        let index = gazetteer.index
        let heads = index.heads(in: text)
        for sentence in text.sentences {
            let end = sentence.tokens.upperBound
            // Places: greedy longest match, left to right.
            var i = sentence.tokens.lowerBound
            while i < end {
                guard heads[i] >= 0,
                      let match = index.longestMatch(in: text, at: i, limit: end - i, kinds: .places, head: heads[i]),
                      !match.payloads.isEmpty else {
                    i += 1
                    continue
                }
                markSpan(i..<match.end, placeBits(match.payloads, gazetteer: gazetteer))
                i = max(i + 1, match.end)
            }
            // Offices: modifiers ("deputy", "foreign") followed by a title, as `GazetteerLexicon.titleLength` reads them.
            i = sentence.tokens.lowerBound
            while i < end {
                var k = i
                var titleEnd = i
                while k < end {
                    if heads[k] >= 0,
                       let matchEnd = index.longestMatchEnd(in: text, at: k, limit: end - k, kinds: .title, head: heads[k]) {
                        titleEnd = matchEnd
                    }
                    guard GazetteerLexicon.titleModifiers.contains(text, k) else { break }
                    k += 1
                }
                if titleEnd > i {
                    markSpan(i..<titleEnd, title)
                    i = titleEnd
                } else {
                    i += 1
                }
            }
            // One-token kinds.
            for t in sentence.tokens where heads[t] >= 0 {
                if let match = index.longestMatch(in: text, at: t, limit: 1, kinds: .demonym, head: heads[t]),
                   let first = match.payloads.first {
                    bits[t] |= gazetteer.demonymRows[first.index].ambiguous ? ambiguousDemonym : demonym
                }
                if text.isCapitalized(t),
                   index.longestMatchEnd(in: text, at: t, limit: 1, kinds: .organisationHead, head: heads[t]) != nil {
                    bits[t] |= organisationHead
                }
                if index.longestMatchEnd(in: text, at: t, limit: 1, kinds: .meetingWord, head: heads[t]) != nil {
                    bits[t] |= meetingWord
                }
            }
        }
        return bits
    }

    private static func placeBits(_ payloads: [NameIndex.Payload], gazetteer: Gazetteer) -> UInt32 {
        var value: UInt32 = 0
        var hasCountry = false
        var allAmbiguous = true
        for payload in payloads {
            switch payload.kind {
            case .country:
                value |= country
                hasCountry = true
            case .city:
                let city = gazetteer.cities[payload.index]
                let isCapital = gazetteer.cityIsCapital[payload.index]
                value |= isCapital || city.population >= majorCityPopulation ? majorCity : minorCity
                if !city.ambiguous { allAmbiguous = false }
            case .region:
                value |= Self.region
                if !gazetteer.regions[payload.index].ambiguous { allAmbiguous = false }
            default:
                break
            }
        }
        // A major city and minor namesakes: the major reading is the one that matters.
        if value & majorCity != 0 { value &= ~minorCity }
        if !hasCountry && allAmbiguous { value |= ambiguousPlace }
        return value
    }
}
