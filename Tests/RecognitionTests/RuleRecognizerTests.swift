import GraphModel
import Recognition
import Testing
import TextAnalysis

/// The rules on a tiny hand-made lexicon (see `smallLexicon()`): nothing here depends on the real gazetteer.
@Suite("RuleRecognizer with a small TableLexicon")
struct RuleRecognizerTableTests {
    let lexicon = smallLexicon()

    @Test func demonymBeforeTitleIsAModifierAndTheNameAPerson() {
        let mentions = found("French Foreign Minister Jean Dupont arrived in Nairobi on Monday.", lexicon: lexicon)
        #expect(mentions == [
            Found(text: "French", type: .country, kind: .demonym, isModifier: true, identity: "country:FR"),
            Found(text: "Jean Dupont", type: .person, kind: .name),
            Found(text: "Nairobi", type: .location, kind: .name, identity: "city:184745"),
        ])
        let nairobi = recognize("French Foreign Minister Jean Dupont arrived in Nairobi on Monday.", lexicon: lexicon)
            .first { $0.text == "Nairobi" }
        #expect(nairobi?.countryIdentity == "country:KE")
        #expect(nairobi?.canonical == "Nairobi")
    }

    @Test func demonymCanonicalIsTheCountryName() {
        let french = recognize("French Foreign Minister Jean Dupont spoke.", lexicon: lexicon).first
        #expect(french?.canonical == "France")
    }

    @Test func organisationHeadWordClosesAnOrganisation() {
        let mentions = found("Officials of the Kenyan Foreign Ministry met the press.", lexicon: lexicon)
        #expect(mentions.contains(Found(text: "Kenyan Foreign Ministry", type: .organisation, kind: .name)), "\(mentions)")
        #expect(mentions.contains(Found(text: "Kenyan", type: .country, kind: .demonym, isModifier: true,
                                        identity: "country:KE")), "\(mentions)")
        // and "met", proposed as an encounter meeting (the relation stage keeps it only with its sides).
        #expect(mentions.contains(Found(text: "met", type: .meeting, kind: .meeting)), "\(mentions)")
        #expect(mentions.count == 3)
    }

    @Test
    func ministryOfWithItsComplement() {
        let mentions = summary("Officials at the Ministry of Foreign Affairs said so.", lexicon: lexicon)
        #expect(mentions == ["Ministry of Foreign Affairs|organisation"])
    }

    @Test func acronymDefinedInBrackets() {
        let mentions = found("Delegates of the East African Community (EAC) met in Nairobi.", lexicon: lexicon)
        #expect(mentions == [
            Found(text: "East African Community", type: .organisation, kind: .name),
            Found(text: "EAC", type: .organisation, kind: .acronym),
            Found(text: "met", type: .meeting, kind: .meeting),
            Found(text: "Nairobi", type: .location, kind: .name, identity: "city:184745"),
        ])
    }

    @Test func acronymWhoseLettersDoNotSpellTheNameDoesNotDefineIt() {
        let mentions = summary("Delegates of the East African Community (XYZ) met.", lexicon: lexicon)
        // The small lexicon has no head word "Community": only a matching acronym could make it an organisation.
        #expect(!mentions.contains("East African Community|organisation"), "\(mentions)")
        #expect(mentions.contains("XYZ|organisation"), "\(mentions)")
    }

    @Test func sentenceInitialCapitalisedWordsAreNotNames() {
        #expect(summary("Meanwhile, the delegates left.", lexicon: lexicon).isEmpty)
        #expect(summary("However, the talks went on.", lexicon: lexicon).isEmpty)
        #expect(summary("Hopefully the talks resume soon.", lexicon: lexicon).isEmpty)
        #expect(summary("Meanwhile Kenya waited.", lexicon: lexicon) == ["Kenya|country"])
    }

    @Test func sentenceInitialWordConfirmedElsewhereIsAName() {
        // Alone, "Ochieng" at the start of a sentence says nothing.
        #expect(summary("Ochieng arrived late.", lexicon: lexicon).isEmpty)
        // Written capitalised in mid-sentence elsewhere in the document, it is a name.
        let mentions = summary("Ochieng arrived late. The minister said Ochieng had left.", lexicon: lexicon)
        #expect(mentions == ["Ochieng|person", "Ochieng|person"])
    }

    @Test func singleWordBeforeSaidIsAPerson() {
        #expect(summary("On Monday, Ochieng said the talks failed.", lexicon: lexicon) == ["Ochieng|person"])
        #expect(summary("On Monday, Ochieng arrived.", lexicon: lexicon).isEmpty)
    }

    @Test func placesAndDemonymsStandAlone() {
        #expect(found("Troops from Kenya and French advisers arrived.", lexicon: lexicon) == [
            Found(text: "Kenya", type: .country, kind: .name, identity: "country:KE"),
            Found(text: "French", type: .country, kind: .demonym, identity: "country:FR"),
        ])
        // Places must be capitalised.
        #expect(summary("The kenya delegation arrived.", lexicon: lexicon).isEmpty)
    }

    @Test func ambiguousPlaceNeedsSupport() {
        // "Nice" is marked ambiguous: inside a longer capitalised run it is not read as the city.
        let mentions = summary("Officials said Nice Hotel Group would pay.", lexicon: lexicon)
        #expect(!mentions.contains("Nice|location"), "\(mentions)")
        #expect(summary("Officials travelled to Nice on Monday.", lexicon: lexicon) == ["Nice|location"])
    }

    @Test func namedMeetingWithSeriesAndFormat() throws {
        let mentions = recognize("Leaders gathered for the Addis Ababa Peace Summit in Ethiopia.", lexicon: lexicon)
        let meeting = try #require(mentions.first { $0.type == .meeting })
        #expect(meeting.text == "Addis Ababa Peace Summit")
        #expect(meeting.kind == .meeting)
        #expect(meeting.meeting == MeetingDescription(series: "Addis Ababa Peace Summit", format: .summit, ordinal: nil))
        #expect(mentions.map(\.text) == ["Addis Ababa Peace Summit", "Ethiopia"])
    }

    @Test func namedMeetingWithOrdinal() throws {
        let mentions = recognize("Delegates attended the sixth meeting of the Nairobi Consultative Format.", lexicon: lexicon)
        let meeting = try #require(mentions.first { $0.type == .meeting }, "\(mentions)")
        #expect(meeting.text == "sixth meeting of the Nairobi Consultative Format")
        #expect(meeting.meeting?.ordinal == 6)
        #expect(meeting.meeting?.series == "Nairobi Consultative Format")
        #expect(mentions.count == 1)
    }

    @Test func lowerCaseMeetingWordsContinueAName() throws {
        let mentions = recognize("Delegates spoke at the Nairobi consultative format meeting yesterday.", lexicon: lexicon)
        let meeting = try #require(mentions.first { $0.type == .meeting }, "\(mentions)")
        #expect(meeting.text == "Nairobi consultative format meeting")
        #expect(meeting.meeting?.format == .meeting)
        #expect(meeting.meeting?.series == "Nairobi consultative format")
    }

    @Test func bareMeetingWordIsNotAMeeting() {
        #expect(summary("Delegates said the talks went well.", lexicon: lexicon).isEmpty)
        #expect(summary("Delegates said Summit preparations went well.", lexicon: lexicon).isEmpty)
    }

    @Test
    func sentenceInitialTheDoesNotMakeAName() {
        #expect(summary("The Summit opened.", lexicon: lexicon).isEmpty)
        #expect(summary("The Delegation arrived on Monday.", lexicon: lexicon).isEmpty)
    }

    @Test func describedMeetingWithPlace() throws {
        let mentions = recognize("Ochieng said a round of talks would be held in Nairobi.", lexicon: lexicon)
        let meeting = try #require(mentions.first { $0.type == .meeting }, "\(mentions)")
        #expect(meeting.text == "round of talks")
        #expect(meeting.meeting == MeetingDescription(series: nil, format: .talks, ordinal: nil))
    }

    @Test func describedMeetingRunsToTheLastNameAndLeavesTheAcronymOut() throws {
        let mentions = recognize(
            "Ochieng spoke at a meeting of the heads of the security services of the East African Community (EAC) in Nairobi on Friday.",
            lexicon: lexicon)
        let meeting = try #require(mentions.first { $0.type == .meeting }, "\(mentions)")
        #expect(meeting.text == "meeting of the heads of the security services of the East African Community")
        #expect(meeting.meeting?.series == nil)
        #expect(meeting.meeting?.format == .meeting)
        #expect(mentions.contains { $0.text == "East African Community" && $0.type == .organisation })
        #expect(mentions.contains { $0.text == "EAC" && $0.kind == .acronym })
        #expect(mentions.contains { $0.text == "Nairobi" && $0.type == .location })
    }

    @Test func unanchoredLowerCaseMeetingWordIsNotAMeeting() {
        #expect(!recognize("Ochieng said the talks were useful.", lexicon: lexicon).contains { $0.type == .meeting })
    }

    @Test func lowerCaseInstitutionOfACountry() {
        let mentions = found("Officials said Kenya's security agency and the French embassy were alerted.", lexicon: lexicon)
        #expect(mentions == [
            Found(text: "Kenya", type: .country, kind: .name, isModifier: true, identity: "country:KE"),
            Found(text: "Kenya's security agency", type: .organisation, kind: .description),
            Found(text: "French", type: .country, kind: .demonym, isModifier: true, identity: "country:FR"),
            Found(text: "French embassy", type: .organisation, kind: .description),
        ])
    }

    @Test func headlineWordsNeedConfirmationFromTheBody() {
        let document = "Ruto Warns Nairobi Traders\n\nOn Monday, President Ruto said taxes would fall in Nairobi.\n"
        let mentions = summary(document, lexicon: lexicon, title: true)
        // "Ruto" is confirmed by the body; "Warns" and "Traders" are not names.
        #expect(mentions == ["Ruto|person", "Nairobi|location", "Ruto|person", "Nairobi|location"])
        let unconfirmed = "Ruto Warns Nairobi Traders\n\nOn Monday, the president said taxes would fall.\n"
        #expect(summary(unconfirmed, lexicon: lexicon, title: true) == ["Nairobi|location"])
    }

    @Test func mentionsAreInTextOrderWithSentenceIndices() {
        let mentions = recognize("Kenya waited. France and Ethiopia arrived.", lexicon: lexicon)
        #expect(mentions.map(\.text) == ["Kenya", "France", "Ethiopia"])
        #expect(mentions.map(\.sentence) == [0, 1, 1])
    }
}

/// The same rules on the shipped gazetteer.
@Suite("RuleRecognizer with the shipped GazetteerLexicon")
struct RuleRecognizerGazetteerTests {
    @Test func shippedLexiconLoads() {
        #expect(Shipped.lexicon != nil, "GazetteerLexicon.shipped() failed")
    }

    @Test func russianForeignMinister() throws {
        let lexicon = try #require(Shipped.lexicon)
        let mentions = found("Russian Foreign Minister Sergey Lavrov said the talks went well.", lexicon: lexicon)
        #expect(mentions == [
            Found(text: "Russian", type: .country, kind: .demonym, isModifier: true, identity: "country:RU"),
            Found(text: "Sergey Lavrov", type: .person, kind: .name),
        ])
    }

    @Test func frenchForeignMinisterAndKenyanPresident() throws {
        let lexicon = try #require(Shipped.lexicon)
        let mentions = summary("The Kenyan President, William Ruto, welcomed French Foreign Minister Jean Dupont.",
                               lexicon: lexicon)
        #expect(mentions == ["Kenyan|country", "William Ruto|person", "French|country", "Jean Dupont|person"])
    }

    @Test func organisationHeads() throws {
        let lexicon = try #require(Shipped.lexicon)
        #expect(summary("The Kenyan Foreign Ministry said so.", lexicon: lexicon)
                    == ["Kenyan|country", "Kenyan Foreign Ministry|organisation"])
        #expect(summary("Delegates of the African Union arrived.", lexicon: lexicon) == ["African Union|organisation"])
    }

    @Test func acronymDefinitionCIS() throws {
        let lexicon = try #require(Shipped.lexicon)
        let mentions = found("Delegates of the Commonwealth of Independent States (CIS) met in Minsk.", lexicon: lexicon)
        #expect(mentions.map(\.description) == [
            "Commonwealth of Independent States|organisation|name", "CIS|organisation|acronym", "met|meeting|meeting",
            "Minsk|location|name",
        ])
    }

    @Test
    func acronymDefinitionAtSentenceStart() throws {
        let lexicon = try #require(Shipped.lexicon)
        let mentions = summary("The Commonwealth of Independent States (CIS) met in Minsk.", lexicon: lexicon)
        #expect(mentions == ["Commonwealth of Independent States|organisation", "CIS|organisation", "met|meeting",
                             "Minsk|location"])
    }

    @Test func sentenceInitialFunctionWordsAreRejected() throws {
        let lexicon = try #require(Shipped.lexicon)
        #expect(summary("Meanwhile, the African Union said nothing.", lexicon: lexicon) == ["African Union|organisation"])
        #expect(summary("However, the delegation left Addis Ababa.", lexicon: lexicon) == ["Addis Ababa|location"])
    }

    @Test func namedMeetings() throws {
        let lexicon = try #require(Shipped.lexicon)
        let conference = recognize("Officials said the Moscow Format Conference was useful.", lexicon: lexicon)
            .first { $0.type == .meeting }
        #expect(conference?.text == "Moscow Format Conference")
        #expect(conference?.meeting == MeetingDescription(series: "Moscow Format", format: .conference))
        let session = recognize("The delegation attended the sixth meeting of the Moscow Consultative Format.",
                                lexicon: lexicon).first { $0.type == .meeting }
        #expect(session?.text == "sixth meeting of the Moscow Consultative Format")
        #expect(session?.meeting?.ordinal == 6)
        #expect(session?.meeting?.series == "Moscow Consultative Format")
    }

    @Test func describedMeetingOfTheCIS() throws {
        let lexicon = try #require(Shipped.lexicon)
        let text = "Ruto spoke at a meeting of the heads of the foreign ministries of the Commonwealth of Independent States (CIS) in Bishkek on Friday."
        let mentions = recognize(text, lexicon: lexicon)
        let meeting = try #require(mentions.first { $0.type == .meeting }, "\(mentions.map(\.text))")
        #expect(meeting.text == "meeting of the heads of the foreign ministries of the Commonwealth of Independent States")
        #expect(meeting.meeting?.series == nil)
        #expect(mentions.contains { $0.text == "Commonwealth of Independent States" && $0.type == .organisation })
        #expect(mentions.contains { $0.text == "CIS" && $0.type == .organisation && $0.kind == .acronym })
        #expect(mentions.contains { $0.text == "Bishkek" && $0.type == .location && $0.countryIdentity == "country:KG" })
    }

    @Test func lowerCaseInstitution() throws {
        let lexicon = try #require(Shipped.lexicon)
        let mentions = found("The head of Russia's security agency, Alexander Bortnikov, spoke.", lexicon: lexicon)
        #expect(mentions.map(\.description) == [
            "Russia|country|name|modifier", "Russia's security agency|organisation|description", "Alexander Bortnikov|person|name",
        ])
    }

    @Test func headlineConfirmation() throws {
        let lexicon = try #require(Shipped.lexicon)
        let document = "Establishment Of Bases Worries Kenya\n\nKenya said the bases of the Shabaab worried it.\n"
        let mentions = recognize(document, lexicon: lexicon, title: true)
        // Only the country in the headline; "Establishment", "Bases", "Worries" are headline capitals.
        #expect(mentions.filter { $0.sentence == 0 }.map(\.text) == ["Kenya"])
    }
}

@Suite("RuleRecognizer with the shipped GazetteerLexicon: Ministry of")
struct RuleRecognizerMinistryOfTests {
    @Test
    func ministryOfForeignAffairsShipped() throws {
        let lexicon = try #require(Shipped.lexicon)
        #expect(summary("Officials at the Ministry of Foreign Affairs said so.", lexicon: lexicon)
                    == ["Ministry of Foreign Affairs|organisation"])
    }

    @Test func nationalityBeforeMinistryOf() throws {
        let lexicon = try #require(Shipped.lexicon)
        #expect(summary("Officials said the Kenyan Ministry of Foreign Affairs agreed.", lexicon: lexicon)
                    == ["Kenyan|country", "Kenyan Ministry of Foreign Affairs|organisation"])
    }
}
