import Recognition
import Testing
import TextAnalysis

/// The bundled gazetteer, loaded once for all tests (nil if loading failed: `loadsFromTheBundle` says why).
private enum Bundled {
    static let gazetteer: Gazetteer? = try? Gazetteer.load()
}

/// A tiny tokenizer for tests, independent of the real one: splits on spaces, then peels off leading and
/// trailing punctuation and a possessive "'s" as tokens of their own with no gap (as the real tokenizer may).
private func analyze(_ text: String) -> AnalyzedText {
    let bytes = Array(text.utf8)
    var tokens: [Token] = []
    let punctuation = Set(".,;:!?()\"".utf8)
    var i = 0
    while i < bytes.count {
        guard bytes[i] != 0x20 else { i += 1; continue }
        var end = i
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        var start = i
        var trailing: [Token] = []
        while start < end, punctuation.contains(bytes[start]) {
            tokens.append(Token(start: start, end: start + 1, kind: .punctuation))
            start += 1
        }
        var wordEnd = end
        while wordEnd > start, punctuation.contains(bytes[wordEnd - 1]) {
            trailing.insert(Token(start: wordEnd - 1, end: wordEnd, kind: .punctuation), at: 0)
            wordEnd -= 1
        }
        if wordEnd - start > 2, bytes[wordEnd - 2] == 0x27, bytes[wordEnd - 1] == 0x73 {
            trailing.insert(Token(start: wordEnd - 2, end: wordEnd, kind: .possessive), at: 0)
            wordEnd -= 2
        }
        if wordEnd > start { tokens.append(Token(start: start, end: wordEnd, kind: .word)) }
        tokens.append(contentsOf: trailing)
        i = end
    }
    return AnalyzedText(
        bytes: bytes, tokens: tokens, sentences: [Sentence(tokens: 0..<tokens.count, start: 0, end: bytes.count)])
}

/// The index of the first token whose text is `word`.
private func token(_ text: AnalyzedText, _ word: String) -> Int {
    text.tokens.indices.first { text.string(token: $0) == word } ?? -1
}

@Suite struct GazetteerTests {
    @Test func loadsFromTheBundle() throws {
        let gazetteer = try Gazetteer.load()
        #expect(gazetteer.countries.count > 240)
        #expect(gazetteer.cities.count > 30_000)
        #expect(gazetteer.regions.count > 100)
        #expect(gazetteer.titles.count > 100)
        #expect(!gazetteer.organisationHeads.isEmpty)
        #expect(!gazetteer.meetingWords.isEmpty)
    }

    @Test(arguments: [
        ("Russia", "RU"), ("Russian Federation", "RU"), ("russian federation", "RU"), ("Kyrgyz Republic", "KG"),
        ("Kyrgyzstan", "KG"), ("Islamic Republic of Afghanistan", "AF"), ("USA", "US"), ("US", "US"),
        ("U.S.", "US"), ("United States of America", "US"), ("united  states", "US"), ("UK", "GB"),
        ("Britain", "GB"), ("Great Britain", "GB"), ("Tajikistan", "TJ"), ("United Arab Emirates", "AE"),
        ("UAE", "AE"), ("Turkey", "TR"), ("Ivory Coast", "CI"), ("Côte d’Ivoire", "CI"), ("Burma", "MM"),
    ])
    func countryByName(name: String, iso2: String) throws {
        let gazetteer = try #require(Bundled.gazetteer)
        #expect(gazetteer.country(named: name)?.iso2 == iso2)
    }

    @Test func acronymsAreCaseSensitive() throws {
        let gazetteer = try #require(Bundled.gazetteer)
        #expect(gazetteer.country(named: "us") == nil)
        #expect(gazetteer.country(named: "uk") == nil)
        #expect(gazetteer.country(named: "Us") == nil)
    }

    @Test func countryByCode() throws {
        let gazetteer = try #require(Bundled.gazetteer)
        let russia = try #require(gazetteer.country(iso2: "RU"))
        #expect(russia.iso3 == "RUS")
        #expect(russia.name == "Russia")
        #expect(russia.capital == "Moscow")
        #expect(russia.names.contains("Russian Federation"))
        #expect(gazetteer.country(iso2: "af")?.name == "Afghanistan")
        #expect(gazetteer.country(iso2: "ZZ") == nil)
    }

    @Test(arguments: [
        ("Russian", "RU"), ("Russians", "RU"), ("Afghan", "AF"), ("Afghans", "AF"), ("Tajik", "TJ"),
        ("Tajiks", "TJ"), ("Kyrgyz", "KG"), ("Uzbek", "UZ"), ("Uzbeks", "UZ"), ("Emirati", "AE"),
        ("Emiratis", "AE"), ("Pakistani", "PK"), ("British", "GB"), ("Briton", "GB"), ("Kazakh", "KZ"),
        ("Turkmen", "TM"), ("Chinese", "CN"), ("Iranian", "IR"),
    ])
    func demonym(form: String, iso2: String) throws {
        let gazetteer = try #require(Bundled.gazetteer)
        #expect(gazetteer.countryForDemonym(form)?.country.iso2 == iso2)
    }

    @Test func ambiguousDemonymsAreFlagged() throws {
        let gazetteer = try #require(Bundled.gazetteer)
        #expect(gazetteer.countryForDemonym("Russian")?.ambiguous == false)
        #expect(gazetteer.countryForDemonym("Afghan")?.ambiguous == false)
        let korean = try #require(gazetteer.countryForDemonym("Korean"))
        #expect(korean.ambiguous)
        let congolese = gazetteer.countries(forDemonym: "Congolese").map(\.iso2)
        #expect(Set(congolese) == ["CD", "CG"])
        #expect(gazetteer.countryForDemonym("Congolese")?.ambiguous == true)
        #expect(gazetteer.countryForDemonym("American")?.country.iso2 == "US")
        #expect(gazetteer.countryForDemonym("American")?.ambiguous == true)
    }

    @Test func cities() throws {
        let gazetteer = try #require(Bundled.gazetteer)
        let moscow = gazetteer.city(named: "Moscow")
        #expect(moscow.first?.iso2 == "RU")
        #expect((moscow.first?.population ?? 0) > 10_000_000)
        #expect(moscow.count > 1)  // Moscow, Idaho too, ranked after by population
        #expect(moscow.map(\.population) == moscow.map(\.population).sorted(by: >))
        #expect(gazetteer.city(named: "Kabul").first?.iso2 == "AF")
        #expect(gazetteer.city(named: "Bishkek").first?.iso2 == "KG")
        #expect(gazetteer.city(named: "Kiev").first?.name == "Kyiv")
        #expect(gazetteer.city(named: "Moscow").first?.ambiguous == false)
        #expect(gazetteer.city(named: "Nowhere-in-particular").isEmpty)
    }

    @Test(arguments: ["Split", "Nice", "Of", "Most", "Reading", "Mobile", "Police", "Victoria"])
    func ambiguousCityNamesAreFlagged(name: String) throws {
        let gazetteer = try #require(Bundled.gazetteer)
        let cities = gazetteer.city(named: name)
        #expect(!cities.isEmpty)
        #expect(cities.allSatisfy { $0.ambiguous })
    }

    @Test func regionsTitlesOrganisationsAndMeetings() throws {
        let gazetteer = try #require(Bundled.gazetteer)
        #expect(gazetteer.region(named: "Central Asia")?.countries.contains("KG") == true)
        #expect(gazetteer.region(named: "Crimea")?.kind == .territory)
        #expect(gazetteer.title(named: "Foreign Minister")?.titleClass == .minister)
        #expect(gazetteer.title(named: "minister of foreign affairs")?.normalised == "foreign minister")
        #expect(gazetteer.title(named: "spokeswoman")?.normalised == "spokesperson")
        #expect(gazetteer.title(named: "President")?.titleClass == .headOfState)
        #expect(gazetteer.isOrganisationHead("Ministry"))
        #expect(gazetteer.isOrganisationHead("News Agency"))
        #expect(!gazetteer.isOrganisationHead("Moscow"))
        #expect(gazetteer.meetingFormat(for: "consultations") == .talks)
        #expect(gazetteer.meetingFormat(for: "phone call") == .call)
        #expect(gazetteer.meetingFormat(for: "summit") == .summit)
        #expect(gazetteer.meetingWord(named: "Assembly")?.ambiguous == true)
    }

    @Test func longestMatchOfMultiTokenNames() throws {
        let gazetteer = try #require(Bundled.gazetteer)
        let text = analyze("The United States and Saudi Arabia met Kyrgyz officials in Central Asia and the U.S. Congress.")
        let states = try #require(gazetteer.longestMatch(in: text, at: token(text, "United"), limit: 8))
        #expect(text.string(tokens: states.tokens) == "United States")
        #expect(states.entries.first == .country(try #require(gazetteer.country(iso2: "US"))))

        let saudi = try #require(gazetteer.longestMatch(in: text, at: token(text, "Saudi"), limit: 8))
        #expect(text.string(tokens: saudi.tokens) == "Saudi Arabia")
        #expect(saudi.kinds == .country)

        let kyrgyz = try #require(gazetteer.longestMatch(in: text, at: token(text, "Kyrgyz"), limit: 8))
        #expect(kyrgyz.entries.contains { if case .demonym(let c, _) = $0 { c.iso2 == "KG" } else { false } })

        let asia = try #require(gazetteer.longestMatch(in: text, at: token(text, "Central"), limit: 8))
        #expect(text.string(tokens: asia.tokens) == "Central Asia")
        #expect(asia.kinds.contains(.region))

        // "U.S." arrives as "U.S" + "." from this tokenizer; bytes across adjacent tokens still match.
        let us = try #require(gazetteer.longestMatch(in: text, at: token(text, "U.S"), limit: 8))
        #expect(text.string(tokens: us.tokens) == "U.S.")
        #expect(us.kinds == .country)

        // A limit of one token cannot reach past "United".
        #expect(gazetteer.longestMatch(in: text, at: token(text, "United"), limit: 1, kinds: .country) == nil)
    }

    @Test func longestMatchOfTitles() throws {
        let gazetteer = try #require(Bundled.gazetteer)
        let text = analyze("Russia's Deputy Foreign Minister met the special presidential envoy on Tuesday.")
        let russia = try #require(gazetteer.longestMatch(in: text, at: 0, limit: 8))
        #expect(russia.tokens == 0..<1)
        let deputy = try #require(gazetteer.title(in: text, startingAt: token(text, "Deputy")))
        #expect(text.string(tokens: deputy.tokens) == "Deputy Foreign Minister")
        #expect(deputy.title.normalised == "deputy foreign minister")
        let envoy = try #require(gazetteer.title(in: text, startingAt: token(text, "special")))
        #expect(text.string(tokens: envoy.tokens) == "special presidential envoy")
        #expect(envoy.title.titleClass == .diplomat)
    }

    @Test func properNamesNeedACapitalInText() throws {
        let gazetteer = try #require(Bundled.gazetteer)
        let text = analyze("They ate turkey and told us the split was nice.")
        for word in ["turkey", "us", "split", "nice"] {
            #expect(gazetteer.longestMatch(in: text, at: token(text, word), limit: 4, kinds: .properNames) == nil)
        }
        let call = analyze("a phone call and consultations")
        let match = try #require(gazetteer.longestMatch(in: call, at: 1, limit: 4))
        #expect(match.tokens == 1..<3)
        #expect(match.entries.first == .meetingWord(try #require(gazetteer.meetingWord(named: "phone call"))))
    }

    @Test func buildsFromLiteralTables() throws {
        let gazetteer = try Gazetteer(
            countriesTSV: "iso2\tiso3\tname\tcapital\tnames\nXA\tXAA\tAlphaland\tAlpha City\tRepublic of Alphaland|AL\n",
            demonymsTSV: "form\tiso2\tambiguous\nAlphan\tXA\t0\n",
            citiesTSV: "geonameid\tname\tiso2\tpopulation\tambiguous\tnames\n1\tAlpha City\tXA\t20000\t0\tAlphaburg\n")
        #expect(gazetteer.country(named: "republic of alphaland")?.iso2 == "XA")
        #expect(gazetteer.country(named: "AL")?.iso2 == "XA")
        #expect(gazetteer.country(named: "al") == nil)
        #expect(gazetteer.countryForDemonym("Alphan")?.country.name == "Alphaland")
        #expect(gazetteer.city(named: "Alphaburg").first?.name == "Alpha City")
        let text = analyze("Alphan troops left Alpha City.")
        #expect(gazetteer.longestMatch(in: text, at: 3, limit: 5)?.tokens == 3..<5)
    }

    @Test func acronymShapes() {
        let text = analyze("NATO and the CSTO , G20 , ISIS-K , AT&T , World War II , XIV , MDC , US , Nato , A")
        func shaped(_ word: String) -> Bool { Gazetteer.isAcronymShaped(text, token: token(text, word)) }
        for word in ["NATO", "CSTO", "G20", "ISIS-K", "AT&T", "MDC", "US"] { #expect(shaped(word), "\(word)") }
        for word in ["and", "II", "XIV", "Nato", "A", ","] { #expect(!shaped(word), "\(word)") }
    }

    @Test func malformedRowsThrow() {
        #expect(throws: GazetteerError.self) {
            try Gazetteer(demonymsTSV: "form\tiso2\tambiguous\nAlphan\tXA\n")
        }
        #expect(throws: GazetteerError.self) {
            try Gazetteer(demonymsTSV: "form\tiso2\tambiguous\nAlphan\tXA\t0\n")  // unknown country
        }
    }
}
