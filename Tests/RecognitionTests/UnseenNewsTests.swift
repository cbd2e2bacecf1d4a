import GraphModel
import Recognition
import TextAnalysis
import Testing

/// The whole recognizer (shipped tagger, shipped gazetteer, rules and `MentionArbiter`) on sentences written for
/// these tests, one error class of unseen news each: what a user gets, not what the tagger alone says.
@Suite("Recognizer on unseen news", .serialized) struct UnseenNewsTests {
    static let recognizer: RuleRecognizer<GazetteerLexicon>? = {
        guard let lexicon = Shipped.lexicon, let tagger = try? EntityTagger.loadBundled() else { return nil }
        return RuleRecognizer(lexicon: lexicon, tagger: tagger)
    }()

    /// "text|type" of every mention the mentions file would list.
    func names(_ text: String, title: Bool = false) throws -> [String] {
        let recognizer = try #require(Self.recognizer)
        let mentions = recognizer.recognize(analyzed(text, title: title))
        return Mention.listedNames(mentions).map { "\(mentions[$0].text)|\(mentions[$0].type.rawValue)" }
    }

    @Test func companiesAndOutletsAreNotPeople() throws {
        let found = try names("Brannock Holdings shares rose after the Daily Courier reported that the firm's chief executive would resign.")
        #expect(found.contains("Brannock Holdings|organisation"), "\(found)")
        #expect(!found.contains { $0.hasSuffix("|person") }, "\(found)")
    }

    @Test func aTeamNamedAfterAPlaceIsAnOrganisation() throws {
        let found = try names("Soccer results on Saturday:\nMarseille 2 Lyon 1\nNantes 0 Bordeaux 3\nMarseille lead the table with 12 points.")
        #expect(found.filter { $0.hasPrefix("Marseille|") }.allSatisfy { $0 == "Marseille|organisation" }, "\(found)")
        #expect(found.contains("Bordeaux|organisation"), "\(found)")
    }

    @Test func aSurnameAloneKeepsItsFullNamesType() throws {
        let found = try names("Kwabena Oduro-Mensah scored twice in the second half. Oduro-Mensah later said the team had deserved the win.")
        #expect(found.contains("Kwabena Oduro-Mensah|person"), "\(found)")
        #expect(found.contains("Oduro-Mensah|person"), "\(found)")
    }

    @Test func aCapitalisedWordBeforeANameIsNotPartOfIt() throws {
        let found = try names("Near Kandahar, soldiers found a cache of weapons. Yesterday Helmand officials said nothing.")
        #expect(found.contains("Kandahar|location"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("Near ") || $0.hasPrefix("Yesterday ") }, "\(found)")
    }

    /// "The Islamic Republic" refers back to Iran when the article names Iran; it names no country otherwise, and
    /// the official name in full is the gazetteer's own.
    @Test func theOpeningOfAnOfficialNameRefersBackToTheCountryNamed() throws {
        let recognizer = try #require(Self.recognizer)
        let text = analyzed("Bishops from Iran met the pope. The Vatican wants better relations with the Islamic Republic, "
                            + "a largely Muslim Islamic Republic.")
        let countries = recognizer.recognize(text).filter { $0.type == .country }
        let republics = countries.filter { $0.text == "Islamic Republic" }
        #expect(republics.count == 2 && republics.allSatisfy { $0.identity == "country:IR" }, "\(countries.map(\.text))")
        let unnamed = recognizer.recognize(analyzed("The Vatican wants better relations with the Islamic Republic."))
        #expect(!unnamed.contains { $0.identity == "country:IR" }, "no country is named: \(unnamed.map(\.text))")
        // Two named countries whose official names both open so: neither is meant for sure.
        let two = recognizer.recognize(analyzed("Germany and Nigeria signed a deal. The Federal Republic will pay."))
        #expect(!two.contains { $0.text == "Federal Republic" && $0.type == .country }, "\(two.map(\.text))")
    }

    /// A document that names the Democratic Republic of Congo means it by "Congo" too; one that also writes the
    /// Republic of Congo, or two Koreas, keeps the short name as the gazetteer gives it.
    @Test func aShortNameIsTheCountryNamedInFull() throws {
        let recognizer = try #require(Self.recognizer)
        func identities(_ text: String) -> [String: Set<String>] {
            var found: [String: Set<String>] = [:]
            for m in recognizer.recognize(analyzed(text)) where m.type == .country { found[m.text, default: []].insert(m.identity ?? "") }
            return found
        }
        let one = identities("Leaders from Liberia and the Democratic Republic of Congo met in Washington. "
                             + "Kabila was elected Congo's president last year.")
        #expect(one["Congo"] == ["country:CD"], "\(one)")
        let both = identities("The Democratic Republic of Congo and the Republic of Congo share a river. Congo's "
                              + "president spoke first.")
        #expect(both["Congo"] == ["country:CG"], "\(both)")
        let bare = identities("Troops from Congo and Kenya arrived. Congo's army led.")
        #expect(bare["Congo"] == ["country:CG"], "\(bare)")
    }

    @Test func aNameNeverRunsAcrossALineBreak() throws {
        let found = try names("By Marta Quiroga\nMONTEVIDEO 2024-05-02\nUruguay's central bank raised its key rate on Thursday.")
        #expect(!found.contains { $0.contains("\n") }, "\(found)")
        #expect(found.contains("Marta Quiroga|person"), "\(found)")
    }

    @Test func namesKeepOfAndAmpersandInside() throws {
        let found = try names("The Bank of Lisbon said on Monday that the Ministry of Agriculture had approved the deal. "
                              + "Shares in Harwell & Finch rose.")
        #expect(found.contains("Bank of Lisbon|organisation"), "\(found)")
        #expect(found.contains("Harwell & Finch|organisation"), "\(found)")
        #expect(found.contains("Ministry of Agriculture|organisation"), "\(found)")
        #expect(!found.contains("Lisbon|location") && !found.contains("Lisbon|country"), "\(found)")
    }

    @Test func allCapsHeadlineIsNotEntitySoup() throws {
        let found = try names("RUGBY - WALES CRUSH FIJI IN CARDIFF .\nCARDIFF 2024-11-09\nWales beat Fiji 45-10 on Saturday.")
        #expect(!found.contains { $0.hasPrefix("RUGBY") || $0.hasPrefix("CRUSH") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("FIJI|") }, "\(found)")
    }

    @Test func aSurnameThatIsAlsoATownStaysAPerson() throws {
        let found = try names("Opposition leader Daniel Kingston spoke in the capital. Kingston said the vote had been rigged.")
        #expect(found.contains("Daniel Kingston|person"), "\(found)")
        #expect(found.contains("Kingston|person"), "\(found)")
    }

    @Test func aNationalityPointsAtItsCountryAndIsNoSeparateNameInsideOne() throws {
        let recognizer = try #require(Self.recognizer)
        let mentions = recognizer.recognize(analyzed("The Kenyan Foreign Ministry said the Kenyan envoy would return."))
        #expect(mentions.contains { $0.text == "Kenyan Foreign Ministry" && $0.type == .organisation }, "\(mentions)")
        #expect(mentions.contains { $0.text == "Kenyan" && $0.type == .country && $0.isModifier && $0.identity == "country:KE" })
        let listed = Mention.listedNames(mentions).map { mentions[$0].text }
        #expect(listed.first == "Kenyan Foreign Ministry", "\(listed)")
    }

    @Test func noWordOfAnOfficeIsAPerson() throws {
        let found = try names("Indian Prime Minister Manmohan Singh begins a two-day visit to Afghanistan on Sunday. "
                              + "Later, Pakistani Prime Minister Yousuf Raza Gilani told reporters he welcomed it.")
        #expect(found.contains("Manmohan Singh|person"), "\(found)")
        #expect(found.contains("Yousuf Raza Gilani|person"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("Prime") || $0.hasPrefix("Minister") }, "\(found)")
    }

    @Test func anOfficeAfterAKnownQualifierEndsTheName() throws {
        let found = try names("The plan was welcomed by U.N. Secretary-General Ban Ki-moon and by U.S. Ambassador to Japan Howard Baker. "
                              + "The U.S. Justice Department and Senate Minority Leader Harry Reid said nothing.")
        #expect(found.contains("Ban Ki-moon|person"), "\(found)")
        #expect(found.contains("Howard Baker|person"), "\(found)")
        #expect(!found.contains { $0.contains("Secretary-General") || $0.contains("Ambassador") }, "\(found)")
        // A guess from capitals is no qualifier, and a name ending with a head word is no holder.
        #expect(!found.contains("Department|person") && !found.contains("Senate Minority|organisation"), "\(found)")
    }

    @Test func aFaithOrAPeopleDescribingANounIsNoName() throws {
        let found = try names("A delegation of Catholic bishops visited Tehran, and the Buddhist leader spoke in Delhi. "
                              + "The Central Asian nation asked for help from the Catholic Church.")
        #expect(!found.contains { $0.hasPrefix("Catholic|") || $0.hasPrefix("Buddhist|") || $0.hasPrefix("Central Asian|") },
                "\(found)")
        #expect(found.contains { $0.hasPrefix("Catholic Church|") }, "a name opening with a faith stays whole: \(found)")
        #expect(found.contains("Tehran|location"), "\(found)")
    }
}

/// The arbiter's own policies, on tagger spans made for the test.
@Suite struct MentionArbiterPolicyTests {
    @Test func spansAreCutAtLineBreaks() {
        let text = AnalyzedText(text: "By Ana Silva\nLISBON today")
        let cut = MentionArbiter.cutAtLineBreaks([TaggedSpan(tokens: 1..<4, label: .per, score: 0.5)], in: text)
        #expect(cut.map(\.tokens) == [1..<3, 3..<4])
        #expect(cut.allSatisfy { $0.label == .per })
    }

    @Test func aLoneSurnameTakesThePersonType() {
        let text = AnalyzedText(text: "Ana Silva spoke. Silva left. Lisbon slept.")
        let spans = [TaggedSpan(tokens: 0..<2, label: .per, score: 0.9), TaggedSpan(tokens: 4..<5, label: .org, score: 0.2),
                     TaggedSpan(tokens: 7..<8, label: .geo, score: 0.9)]
        let agreed = MentionArbiter.surnamesAgree(spans, in: text)
        #expect(agreed.map(\.label) == [.per, .per, .geo])
    }

    @Test func listedNamesAreFlat() {
        func mention(_ tokens: Range<Int>, _ kind: Mention.Kind) -> Mention {
            Mention(tokens: tokens, sentence: 0, type: .organisation, kind: kind, text: "")
        }
        // A name inside a name, a description around a name, two mentions of one span.
        var meeting = mention(12..<15, .meeting)
        meeting.type = .meeting
        // A name inside a name, a description around a name, two mentions of one span, a name in a meeting phrase.
        let mentions = [mention(0..<3, .name), mention(0..<1, .demonym), mention(5..<9, .description),
                        mention(5..<6, .name), mention(10..<11, .name), mention(10..<11, .acronym),
                        meeting, mention(12..<14, .name)]
        #expect(Mention.listedNames(mentions) == [0, 3, 4, 5, 6, 7])
    }
}
