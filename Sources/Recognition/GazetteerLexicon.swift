import TextAnalysis

/// The production `Lexicon`: the gazetteer's tables, read the way the recognizer needs them.
public struct GazetteerLexicon: Lexicon {
    /// The tables live behind one reference: the recognizer copies its lexicon into every sentence reader, and
    /// copying a struct of many arrays costs a retain and a release per array each time.
    private final class Storage: Sendable {
        let gazetteer: Gazetteer
        init(_ gazetteer: Gazetteer) { self.gazetteer = gazetteer }
    }

    private let storage: Storage
    /// A copy of the tables' struct (a retain per table): the look-ups below read `storage.gazetteer` in place,
    /// since they run several times per token.
    public var gazetteer: Gazetteer { storage.gazetteer }

    /// Words that may precede an office and belong to it: "Special Presidential Envoy", "Deputy Foreign Minister".
    static let titleModifiers = WordSet([
        "special", "presidential", "deputy", "vice", "acting", "senior", "chief", "first", "interim", "top",
        "assistant", "associate", "executive", "general", "principal", "permanent", "regional", "national",
        "supreme", "foreign", "prime", "lead", "former",
    ])

    /// Meeting words the gazetteer marks ambiguous but that name a meeting series when they close a capitalised
    /// name ("Moscow Format", "Valdai Forum").
    static let seriesWords: Set<MeetingFormat> = [.format, .forum]

    public init(gazetteer: Gazetteer) {
        storage = Storage(gazetteer)
    }

    public static func shipped() throws -> GazetteerLexicon {
        GazetteerLexicon(gazetteer: try Gazetteer.load())
    }

    public func place(in text: AnalyzedText, at index: Int, limit: Int) -> (length: Int, place: PlaceReference)? {
        placeCandidates(in: text, at: index, limit: limit).map { ($0.length, $0.places[0]) }
    }

    public func placeCandidates(in text: AnalyzedText, at index: Int, limit: Int) -> (length: Int, places: [PlaceReference])? {
        guard index < limit, let match = placeMatches(in: text, at: index)?.last(where: { $0.end <= limit }),
              !match.places.isEmpty else { return nil }
        return (match.end - index, match.places)
    }

    public func placeMatches(in text: AnalyzedText, at index: Int) -> [PlaceMatch]? {
        let names = storage.gazetteer.index
        return names.allMatches(in: text, at: index, kinds: .places, head: names.head(in: text, at: index)).map {
            PlaceMatch(end: $0.end, places: places($0.payloads))
        }
    }

    /// The places of a name's payloads: a country over a city of the same name (Singapore); capitals, then the
    /// most populous city, first; regions last. Read from the name index's payloads (what
    /// `Gazetteer.longestMatch` turns into entries): each place is built from its table row without copying the
    /// row first. Payloads of one kind keep their order, as the stable sort by kind in `longestMatch` keeps it.
    private func places(_ payloads: [NameIndex.Payload]) -> [PlaceReference] {
        var countries: [PlaceReference] = [], cities: [PlaceReference] = [], regions: [PlaceReference] = []
        for payload in payloads {
            switch payload.kind {
            case .country:
                let country = storage.gazetteer.countries[payload.index]
                countries.append(PlaceReference(kind: .country, identity: "country:" + country.iso2, name: country.name))
            case .city:
                let city = storage.gazetteer.cities[payload.index]
                cities.append(PlaceReference(kind: .city, identity: "city:\(city.geonameID)", name: city.name,
                                             countryIdentity: "country:" + city.iso2, isAmbiguous: city.ambiguous,
                                             population: city.population, isCapital: storage.gazetteer.cityIsCapital[payload.index]))
            case .region:
                let region = storage.gazetteer.regions[payload.index]
                regions.append(PlaceReference(kind: .region, identity: "region:" + region.name.lowercased(), name: region.name,
                                              isAmbiguous: region.ambiguous))
            default:
                break
            }
        }
        if cities.count > 1 {
            cities.sort { ($0.isCapital ? 1 : 0, $0.population, $1.identity) > ($1.isCapital ? 1 : 0, $1.population, $0.identity) }
        }
        return countries + cities + regions
    }

    public func countriesOpeningOfficialName(in text: AnalyzedText, tokens: Range<Int>) -> [PlaceReference] {
        storage.gazetteer.countries(openingOfficialName: text.string(tokens: tokens)).map {
            PlaceReference(kind: .country, identity: "country:" + $0.iso2, name: $0.name)
        }
    }

    public func demonym(in text: AnalyzedText, at index: Int) -> (place: PlaceReference, ambiguous: Bool, length: Int)? {
        // Up to three words: "North Korean", "Sri Lankan", "Papua New Guinean".
        guard index < text.tokens.count,
              let match = storage.gazetteer.longestMatch(in: text, at: index, limit: 3, kinds: .demonym) else { return nil }
        for case let .demonym(country, ambiguous) in match.entries {
            return (PlaceReference(kind: .country, identity: "country:" + country.iso2, name: country.name), ambiguous,
                    match.tokens.count)
        }
        return nil
    }

    public func titleLength(in text: AnalyzedText, at index: Int, limit: Int) -> Int {
        OfficeStep.length(from: index, limit: limit) { step(in: text, at: $0) }
    }

    public func officeStep(in text: AnalyzedText, at index: Int) -> OfficeStep? { step(in: text, at: index) }

    /// The gazetteer's titles starting at `index`, whatever their length, and whether the word is one of
    /// `titleModifiers`.
    private func step(in text: AnalyzedText, at index: Int) -> OfficeStep {
        let names = storage.gazetteer.index
        let ends = names.allMatches(in: text, at: index, kinds: .title, head: names.head(in: text, at: index)).map(\.end)
        return OfficeStep(ends: ends, isModifier: Self.titleModifiers.contains(text, index))
    }

    public func isStateOffice(in text: AnalyzedText, at index: Int, limit: Int) -> Bool {
        let length = titleLength(in: text, at: index, limit: limit)
        guard length > 0 else { return false }
        // The office is the longest title ending where the title with its modifiers ends ("former Prime Minister").
        for start in index..<(index + length) {
            guard let match = storage.gazetteer.longestMatch(in: text, at: start, limit: index + length - start, kinds: .title),
                  match.tokens.upperBound == index + length else { continue }
            return match.entries.contains { entry in
                guard case let .title(title) = entry else { return false }
                return [.headOfState, .headOfGovernment, .minister, .royal].contains(title.titleClass)
            }
        }
        return false
    }

    public func isGovernmentHead(in text: AnalyzedText, at index: Int) -> Bool {
        guard index < text.tokens.count, text.isCapitalized(index) else { return false }
        return storage.gazetteer.organisationHead(named: text.string(token: index))?.organisationClass == .government
    }

    public func isOrganisationHead(in text: AnalyzedText, at index: Int) -> Bool {
        guard index < text.tokens.count, text.isCapitalized(index) else { return false }
        return storage.gazetteer.longestMatchEnd(in: text, at: index, limit: 1, kinds: .organisationHead) != nil
    }

    /// Gazetteer membership bits (`GazetteerFeatures`): what the shipped tagger model is trained with.
    public func tokenFeatures(for text: AnalyzedText) -> [UInt32]? {
        GazetteerFeatures.bits(for: text, gazetteer: storage.gazetteer)
    }

    public func meetingFormat(in text: AnalyzedText, at index: Int) -> MeetingFormat? {
        guard index >= 0, index < text.tokens.count,
              let match = storage.gazetteer.longestMatch(in: text, at: index, limit: 1, kinds: .meetingWord) else { return nil }
        for case let .meetingWord(word) in match.entries where !word.ambiguous || Self.seriesWords.contains(word.format) {
            return word.format
        }
        return nil
    }
}
