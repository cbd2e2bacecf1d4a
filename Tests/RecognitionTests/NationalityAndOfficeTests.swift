import GraphModel
import Recognition
import TextAnalysis
import Testing

/// Nationalities of more than one word, names after an office, and meetings named "Summit of …": the whole
/// recognizer (shipped tagger, gazetteer, rules, arbiter) on sentences written for these tests.
@Suite("Nationalities, offices and opening meeting words", .serialized) struct NationalityAndOfficeTests {
    static let recognizer: RuleRecognizer<GazetteerLexicon>? = {
        guard let lexicon = Shipped.lexicon, let tagger = try? EntityTagger.loadBundled() else { return nil }
        return RuleRecognizer(lexicon: lexicon, tagger: tagger)
    }()

    func mentions(_ text: String) throws -> (AnalyzedText, [Mention]) {
        let recognizer = try #require(Self.recognizer)
        let analyzed = analyzed(text)
        return (analyzed, recognizer.recognize(analyzed))
    }

    /// "North Korean" is North Korea whole, though the tagger reads only "Korean" as a nationality; "Sri Lankan"
    /// and "Saudi Arabian" likewise, and a one-word nationality is unchanged.
    @Test func aNationalityOfTwoWordsIsItsCountry() throws {
        let (text, found) = try mentions(
            "He met North Korean leader Kim Il-hwan. Sri Lankan officials and a Saudi Arabian prince arrived. Kenyan troops left.")
        let countries = found.filter { $0.type == .country }.map { "\(text.string(tokens: $0.tokens))=\($0.canonical ?? "")" }
        for expected in ["North Korean=North Korea", "Sri Lankan=Sri Lanka", "Saudi Arabian=Saudi Arabia", "Kenyan=Kenya"] {
            #expect(countries.contains(expected), "\(countries)")
        }
        #expect(!countries.contains { $0.hasPrefix("Korean=") }, "\(countries)")
    }

    @Test func aNameAfterAnOfficeIsAPersonNotAnUnlistedPlace() throws {
        let (_, found) = try mentions("Burmese pro-democracy leader Aung San Suu Kyi met Saturday with a top United Nations official.")
        #expect(found.contains { $0.text == "Aung San Suu Kyi" && $0.type == .person }, "\(found.map(\.text))")
        // A listed place after an office stays the place: the office is of that place ("Mayor" of nothing here).
        let (_, other) = try mentions("Officials of the ministry said Nairobi would host the talks.")
        #expect(other.contains { $0.text == "Nairobi" && $0.type == .location }, "\(other.map(\.text))")
    }

    @Test func summitOfNamesAMeeting() throws {
        let (_, found) = try mentions("Mr. Okello criticised Mr. Mwangi after last week's Summit of the Americas in Lima.")
        let meeting = try #require(found.first { $0.type == .meeting }, "\(found.map(\.text))")
        #expect(meeting.text == "Summit of the Americas")
        #expect(meeting.meeting?.series == "Summit of the Americas")
        #expect(meeting.meeting?.format == .summit)
        #expect(!found.contains { $0.text == "Americas" && $0.type == .organisation }, "\(found.map(\.text))")
    }

    /// "Conference" and "Congress" open organisations' names as often as meetings'.
    @Test func conferenceOfStaysAnOrganisation() throws {
        let (_, found) = try mentions("The Conference of Catholic Bishops said on Monday that it opposed the law.")
        #expect(!found.contains { $0.type == .meeting }, "\(found.map { "\($0.text)|\($0.type)" })")
    }
}
