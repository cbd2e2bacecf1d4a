import TextAnalysis

/// Lookups by name. Names compare ignoring ASCII case and extra white space, except acronyms (names without a
/// lower-case letter: "US", "UK", "U.S."), which must match exactly so that "us" stays a pronoun.
extension Gazetteer {
    /// Everything a name stands for, most specific kind first.
    public func entries(named name: String, kinds: GazetteerKinds = .all) -> [GazetteerEntry] {
        index.payloads(named: name).compactMap { kinds.contains($0.kind) ? entry($0) : nil }
    }

    public func country(named name: String) -> Country? {
        index.payloads(named: name).first { $0.kind == .country }.map { countries[$0.index] }
    }

    /// The countries whose official name opens with these words followed by "of" ("Islamic Republic" → Iran;
    /// "Democratic Republic" → DR Congo, Timor-Leste, …); words compare ignoring ASCII case and extra spaces.
    public func countries(openingOfficialName words: String) -> [Country] {
        let key = Self.officialOpeningKey(words)
        return (countriesByOfficialOpening[key] ?? []).map { countries[$0] }
    }

    /// `words` with white space collapsed to single spaces and lower-cased: the key of an official name's opening
    /// words. An ASCII name is folded on its bytes (splitting into Characters and lower-casing through Unicode
    /// cost some 15,000 instructions a span, and the arbiter asks for most of the tagger's spans); in ASCII the
    /// white space Characters are TAB, LF, VT, FF, CR and space, and CR LF is one of them.
    static func officialOpeningKey(_ words: String) -> String {
        var words = words
        let ascii = words.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var folded: [UInt8] = []
            folded.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !folded.isEmpty
                    continue
                }
                if pendingSpace {
                    folded.append(0x20)
                    pendingSpace = false
                }
                folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            return String(decoding: folded, as: UTF8.self)
        }
        return ascii ?? words.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    public func country(iso2: String) -> Country? {
        countryByISO2[iso2.uppercased()].map { countries[$0] }
    }

    /// The country a demonym or national adjective refers to ("Afghan", "Afghans" → Afghanistan), and whether
    /// that reading is uncertain ("Korean": North or South; "American": also the continent). For an ambiguous
    /// form the country is the primary reading (the most populous candidate).
    public func countryForDemonym(_ form: String) -> (country: Country, ambiguous: Bool)? {
        guard let payload = index.payloads(named: form).first(where: { $0.kind == .demonym }) else { return nil }
        let row = demonymRows[payload.index]
        return (countries[row.country], row.ambiguous)
    }

    /// Every country a demonym can refer to, the primary reading first ("Congolese" → DR Congo, Congo).
    public func countries(forDemonym form: String) -> [Country] {
        index.payloads(named: form).compactMap { $0.kind == .demonym ? countries[demonymRows[$0.index].country] : nil }
    }

    /// Every city with this name or alternate name, most populous first ("Moscow": Russia, then Idaho).
    public func city(named name: String) -> [City] {
        index.payloads(named: name).compactMap { $0.kind == .city ? cities[$0.index] : nil }
    }

    public func region(named name: String) -> Region? {
        index.payloads(named: name).first { $0.kind == .region }.map { regions[$0.index] }
    }

    public func title(named form: String) -> Title? {
        index.payloads(named: form).first { $0.kind == .title }.map { titles[$0.index] }
    }

    /// The longest title starting at `tokenIndex` ("Deputy Foreign Minister", "special presidential envoy").
    public func title(
        in text: AnalyzedText, startingAt tokenIndex: Int, limit: Int = 6
    ) -> (title: Title, tokens: Range<Int>)? {
        guard let match = longestMatch(in: text, at: tokenIndex, limit: limit, kinds: .title),
              case .title(let title)? = match.entries.first
        else { return nil }
        return (title, match.tokens)
    }

    public func organisationHead(named form: String) -> OrganisationHead? {
        index.payloads(named: form).first { $0.kind == .organisationHead }.map { organisationHeads[$0.index] }
    }

    /// Whether a word (or phrase: "News Agency") ends organisation names ("Ministry", "Party", "Forces").
    public func isOrganisationHead(_ word: String) -> Bool {
        organisationHead(named: word) != nil
    }

    public func meetingWord(named form: String) -> MeetingWord? {
        index.payloads(named: form).first { $0.kind == .meetingWord }.map { meetingWords[$0.index] }
    }

    /// The normalised format of a meeting word ("consultations" → talks, "phone call" → call).
    public func meetingFormat(for form: String) -> MeetingFormat? {
        meetingWord(named: form)?.format
    }

    /// The longest gazetteer name starting at token `tokenIndex` and spanning at most `limit` tokens, with
    /// everything it stands for ("United States", "Central Asia", "foreign minister").
    ///
    /// Proper names (countries, demonyms, cities, regions) match only when the text starts them with a capital:
    /// "turkey", "china" and "reading" are words. Pass a `limit` that stops at the sentence end if a name must
    /// not run across sentences. Allocates only when something matches.
    public func longestMatch(
        in text: AnalyzedText, at tokenIndex: Int, limit: Int, kinds: GazetteerKinds = .all
    ) -> GazetteerMatch? {
        guard let (end, payloads) = index.longestMatch(in: text, at: tokenIndex, limit: limit, kinds: kinds),
              !payloads.isEmpty
        else { return nil }
        // Payloads of one spelling are already in order; two spellings of one span ("UK" and a city "Uk") are
        // merged here. The sort is stable, so cities keep their population order.
        let ordered = payloads.sorted { Self.kindRank($0.kind) < Self.kindRank($1.kind) }
        return GazetteerMatch(tokens: tokenIndex..<end, entries: ordered.map(entry))
    }

    /// The end token of `longestMatch`, without building its entries: for "is there one, how long".
    func longestMatchEnd(in text: AnalyzedText, at tokenIndex: Int, limit: Int, kinds: GazetteerKinds = .all) -> Int? {
        index.longestMatchEnd(in: text, at: tokenIndex, limit: limit, kinds: kinds, head: index.head(in: text, at: tokenIndex))
    }

    func entry(_ payload: NameIndex.Payload) -> GazetteerEntry {
        switch payload.kind {
        case .country: return .country(countries[payload.index])
        case .demonym:
            let row = demonymRows[payload.index]
            return .demonym(countries[row.country], ambiguous: row.ambiguous)
        case .city: return .city(cities[payload.index])
        case .region: return .region(regions[payload.index])
        case .title: return .title(titles[payload.index])
        case .organisationHead: return .organisationHead(organisationHeads[payload.index])
        default: return .meetingWord(meetingWords[payload.index])
        }
    }
}
