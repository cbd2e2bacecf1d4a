import GraphModel
import Recognition
import Testing
import TextAnalysis

/// The rules with the bundled tagger: what the tagger adds, and what it may not take away.
@Suite("RuleRecognizer with the bundled tagger")
struct TaggerIntegrationTests {
    static let tagger: EntityTagger? = try? EntityTagger.loadBundled()

    func names(_ text: String) throws -> [String] {
        let lexicon = try #require(Shipped.lexicon)
        let tagger = try #require(Self.tagger, "the bundled tagger model does not load")
        return RuleRecognizer(lexicon: lexicon, tagger: tagger).recognize(analyzed(text))
            .filter { $0.type != .meeting }
            .map { "\($0.text)|\($0.type.rawValue)" }
    }

    @Test func taggerAcceptsAConfidentNameAtTheStartOfASentence() throws {
        // "Hamas" opens the only sentence that names it: the rules alone cannot confirm it.
        let lexicon = try #require(Shipped.lexicon)
        let text = "Hamas accused Israel of blocking aid."
        let rulesOnly = RuleRecognizer(lexicon: lexicon).recognize(analyzed(text)).map(\.text)
        #expect(!rulesOnly.contains("Hamas"))
        #expect(try names(text).contains("Hamas|organisation"))
    }

    @Test func coordinationWithATitledPersonMakesAPerson() throws {
        let found = try names("On Thursday, Putin and the Tajik President, Emomali Rakhmon, discussed security.")
        #expect(found.contains("Putin|person"))
        #expect(found.contains("Emomali Rakhmon|person"))
        #expect(found.contains("Tajik|country"))
    }

    @Test func anUnsureTaggerDoesNotUndoTheRules() throws {
        // The tagger reads the name after "Secretary of State" as an organisation, with a score near zero.
        let found = try names("U.S. Secretary of State Antony Blinken arrived in Riyadh on Monday.")
        #expect(found.contains("Antony Blinken|person"))
        #expect(found.contains("Riyadh|location"))
        #expect(found.contains("U.S.|country"))
    }

    @Test func gazetteerPlacesStayPlacesWhateverTheTaggerSays() throws {
        let found = try names("Officials met in Bishkek and Kabul before flying to Tajikistan.")
        #expect(found == ["Bishkek|location", "Kabul|location", "Tajikistan|country"])
    }
}
