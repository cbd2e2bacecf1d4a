@testable import Recognition
import Testing
import TextAnalysis

/// The per-document memo must answer exactly what its lexicon answers, whatever order and limits it is asked in.
@Suite struct LexiconMemoTests {
    static let sample = """
        Deputy Foreign Minister Sergei Ryabkov met the U.S. Secretary of State in New York City on Monday.
        The Russian Foreign Ministry said the special presidential envoy would attend the summit in Tashkent.
        Prime Minister Narendra Modi and other Indian officials travelled to Sao Paulo and Nice; the talks ended.
        """

    @Test func officeLengthReadsModifiersThenTheLastOfficeWithinTheLimit() {
        // "Deputy Foreign Minister Ryabkov": modifiers at 0 and 1, "Foreign Minister" at 1 (to 3), "Minister" at 2.
        let steps = [OfficeStep(ends: [], isModifier: true), OfficeStep(ends: [3], isModifier: true),
                     OfficeStep(ends: [3], isModifier: false), OfficeStep(ends: [], isModifier: false)]
        func length(_ index: Int, _ limit: Int) -> Int { OfficeStep.length(from: index, limit: limit) { steps[$0] } }
        #expect(length(0, 4) == 3)
        #expect(length(0, 3) == 3)
        #expect(length(0, 2) == 0)
        #expect(length(2, 4) == 1)
        #expect(length(3, 4) == 0)
        // A shorter office within the limit when the longer one runs past it.
        let nested = [OfficeStep(ends: [1, 3], isModifier: false)]
        #expect(OfficeStep.length(from: 0, limit: 2) { nested[$0] } == 1)
        #expect(OfficeStep.length(from: 0, limit: 3) { nested[$0] } == 3)
    }

    /// The shipped gazetteer through the memo and directly, every token with every limit, twice over.
    @Test func memoAnswersWhatTheGazetteerAnswers() throws {
        let lexicon = try #require(Shipped.lexicon)
        let text = analyzed(Self.sample)
        let memo = LexiconMemo(lexicon: lexicon, text: text)
        let count = text.tokens.count
        for _ in 0..<2 {
            for i in (0..<count).reversed() {
                for limit in (i + 1)...min(count, i + 8) {
                    #expect(memo.titleLength(at: i, limit: limit) == lexicon.titleLength(in: text, at: i, limit: limit))
                    let remembered = memo.placeCandidates(at: i, limit: limit)
                    let direct = lexicon.placeCandidates(in: text, at: i, limit: limit)
                    #expect(remembered?.length == direct?.length)
                    #expect(remembered?.places == direct?.places)
                }
                #expect(memo.demonym(at: i)?.place == lexicon.demonym(in: text, at: i)?.place)
                #expect(memo.demonym(at: i)?.length == lexicon.demonym(in: text, at: i)?.length)
                #expect(memo.isOrganisationHead(at: i) == lexicon.isOrganisationHead(in: text, at: i))
                #expect(memo.isGovernmentHead(at: i) == lexicon.isGovernmentHead(in: text, at: i))
                #expect(memo.meetingFormat(at: i) == lexicon.meetingFormat(in: text, at: i))
            }
        }
        let minister = try #require(text.tokens.indices.first { text.string(token: $0) == "Deputy" })
        #expect(memo.titleLength(at: minister, limit: count) == 3)
    }

    /// `titleLength` and `placeCandidates` read per token give what the gazetteer's longest match gives within
    /// each limit (the reading before per-token steps, kept here as the reference).
    @Test func perTokenReadingsEqualTheLongestMatchWithinTheLimit() throws {
        let lexicon = try #require(Shipped.lexicon)
        let gazetteer = lexicon.gazetteer
        let text = analyzed(Self.sample)
        let count = text.tokens.count
        func referenceTitleLength(_ index: Int, _ limit: Int) -> Int {
            var i = index, best = 0
            while i < limit {
                if let match = gazetteer.longestMatch(in: text, at: i, limit: limit - i, kinds: .title) {
                    best = match.tokens.upperBound - index
                }
                guard GazetteerLexicon.titleModifiers.contains(text, i) else { break }
                i += 1
            }
            return best
        }
        var titles = 0, places = 0
        for i in 0..<count {
            for limit in (i + 1)...count {
                let length = lexicon.titleLength(in: text, at: i, limit: limit)
                #expect(length == referenceTitleLength(i, limit))
                if length > 0 { titles += 1 }
                let place = lexicon.placeCandidates(in: text, at: i, limit: limit)
                let reference = gazetteer.longestMatch(in: text, at: i, limit: limit - i, kinds: .places)
                #expect(place?.length == reference?.tokens.count)
                if let place, let reference {
                    places += 1
                    let identities = reference.entries.compactMap { entry -> String? in
                        switch entry {
                        case .country(let country): "country:" + country.iso2
                        case .city(let city): "city:\(city.geonameID)"
                        case .region(let region): "region:" + region.name.lowercased()
                        default: nil
                        }
                    }
                    #expect(Set(place.places.map(\.identity)) == Set(identities))
                }
            }
        }
        #expect(titles > 0)
        #expect(places > 0)
        // Every place name at "New", ascending by end: "New York", then "New York City".
        let new = try #require(text.tokens.indices.first { text.string(token: $0) == "New" })
        let ends = try #require(lexicon.placeMatches(in: text, at: new)).map(\.end)
        #expect(ends == ends.sorted())
        #expect(ends.contains(new + 2))
    }

    /// A lexicon without per-token readings (the hand-made tables) is asked directly, with the same answers.
    @Test func lexiconWithoutStepsIsAskedDirectly() {
        let lexicon = smallLexicon()
        let text = analyzed("The Kenyan Foreign Minister met the Ethiopian deputy foreign minister in Addis Ababa at the summit.")
        let memo = LexiconMemo(lexicon: lexicon, text: text)
        let count = text.tokens.count
        var titles = 0
        for i in 0..<count {
            for limit in (i + 1)...count {
                let length = memo.titleLength(at: i, limit: limit)
                #expect(length == lexicon.titleLength(in: text, at: i, limit: limit))
                if length > 0 { titles += 1 }
                #expect(memo.placeCandidates(at: i, limit: limit)?.places == lexicon.placeCandidates(in: text, at: i, limit: limit)?.places)
            }
            #expect(memo.demonym(at: i)?.place == lexicon.demonym(in: text, at: i)?.place)
            #expect(memo.meetingFormat(at: i) == lexicon.meetingFormat(in: text, at: i))
            #expect(memo.isOrganisationHead(at: i) == lexicon.isOrganisationHead(in: text, at: i))
        }
        #expect(titles > 0)
    }
}
