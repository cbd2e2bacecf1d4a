import Testing
@testable import Recognition
import TextAnalysis

/// An `AnalyzedText` built the way `ner-train` builds its training documents: words joined by single spaces,
/// one token per word, one sentence per element.
private func trainingText(_ sentences: [[String]]) -> AnalyzedText {
    var bytes: [UInt8] = []
    var tokens: [Token] = []
    var spans: [Sentence] = []
    for words in sentences {
        let firstToken = tokens.count
        let firstByte = bytes.isEmpty ? 0 : bytes.count + 1
        for word in words {
            if !bytes.isEmpty { bytes.append(0x20) }
            let first = word.utf8.first!
            let kind: TokenKind = first >= 0x30 && first <= 0x39 ? .number
                : word == "'s" ? .possessive
                : first >= 0x80 || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) ? .word : .punctuation
            tokens.append(Token(start: bytes.count, end: bytes.count + word.utf8.count, kind: kind))
            bytes.append(contentsOf: word.utf8)
        }
        spans.append(Sentence(tokens: firstToken..<tokens.count, start: firstByte, end: bytes.count, isTitle: false))
    }
    return AnalyzedText(bytes: bytes, tokens: tokens, sentences: spans)
}

private func smallGazetteer() throws -> Gazetteer {
    try Gazetteer(
        countriesTSV: "iso2\tiso3\tname\tcapital\tnames\nXA\tXAA\tAlphaland\tAlpha City\tRepublic of Alphaland\n"
            + "TR\tTUR\tTurkey\tAnkara\t\n",
        demonymsTSV: "form\tiso2\tambiguous\nAlphan\tXA\t0\nTurkish\tTR\t1\n",
        citiesTSV: "geonameid\tname\tiso2\tpopulation\tambiguous\tnames\n"
            + "1\tAlpha City\tXA\t20000\t0\t\n2\tBetaville\tXA\t50000\t0\t\n3\tSplit\tXA\t170000\t1\t\n",
        regionsTSV: "name\tkind\tcountries\tambiguous\nGamma Coast\tregion\tXA\t0\n",
        titlesTSV: "form\tnormalised\tclass\nminister\tminister\tminister\nforeign minister\tforeign minister\tminister\n",
        organisationHeadsTSV: "form\tclass\nMinistry\tgovernment\n",
        meetingWordsTSV: "form\tformat\tambiguous\nsummit\tsummit\t0\n")
}

@Suite struct GazetteerFeatureTests {
    typealias F = GazetteerFeatures

    @Test func bitsOfAHandBuiltText() throws {
        let gazetteer = try smallGazetteer()
        let words = ["The", "Alphan", "Deputy", "Foreign", "Minister", "left", "Alpha", "City", "for", "Betaville", ",",
                     "the", "Gamma", "Coast", "and", "Republic", "of", "Alphaland", "after", "the", "Health", "Ministry",
                     "summit", "in", "Split", "."]
        let text = trainingText([words])
        let bits = F.bits(for: text, gazetteer: gazetteer)
        func at(_ word: String, _ occurrence: Int = 0) -> UInt32 {
            bits[words.indices.filter { words[$0] == word }[occurrence]]
        }
        #expect(at("The") == 0)
        #expect(at("Alphan") == F.demonym)
        // The office with its modifiers, as GazetteerLexicon.titleLength reads it.
        #expect(at("Deputy") == F.title | F.multiWordStart)
        #expect(at("Foreign") == F.title | F.continuation)
        #expect(at("Minister") == F.title | F.continuation)
        // The capital is a major city whatever its population.
        #expect(at("Alpha") == F.majorCity | F.multiWordStart)
        #expect(at("City") == F.majorCity | F.continuation)
        #expect(at("Betaville") == F.minorCity)
        #expect(at("Gamma") == F.region | F.multiWordStart)
        #expect(at("Coast") == F.region | F.continuation)
        #expect(at("Republic") == F.country | F.multiWordStart)
        #expect(at("of") == F.country | F.continuation)
        #expect(at("Alphaland") == F.country | F.continuation)
        #expect(at("Health") == 0)
        #expect(at("Ministry") == F.organisationHead)
        #expect(at("summit") == F.meetingWord)
        #expect(at("Split") == F.minorCity | F.ambiguousPlace)
        #expect(at("left") == 0 && at("for") == 0 && at(",") == 0 && at(".") == 0)
    }

    @Test func properNamesNeedTheirCapital() throws {
        let gazetteer = try smallGazetteer()
        let text = trainingText([["Turkey", "and", "turkey", ",", "Turkish", "ministry", "Ministry", "Minister"]])
        let bits = F.bits(for: text, gazetteer: gazetteer)
        #expect(bits[0] == F.country)
        #expect(bits[2] == 0) // the bird
        #expect(bits[4] == F.ambiguousDemonym)
        #expect(bits[5] == 0) // a head word must be capitalised
        #expect(bits[6] == F.organisationHead)
        #expect(bits[7] == F.title) // offices match in any case
    }

    @Test func matchesStopAtTheSentenceEnd() throws {
        let gazetteer = try smallGazetteer()
        let text = trainingText([["They", "met", "in", "Alpha"], ["City", "officials", "left", "."]])
        let bits = F.bits(for: text, gazetteer: gazetteer)
        #expect(bits[3] == 0)
        #expect(bits[4] == 0)
    }

    /// RuleRecognizer computes the bits only for a model that has weights for them.
    @Test func taggerKnowsWhetherItUsesExternalFeatures() {
        let tagSet = TagSet(scheme: .bio)
        let L = tagSet.count
        func tagger(_ keys: [UInt64]) -> EntityTagger {
            EntityTagger(model: TaggerModel(
                tagSet: tagSet,
                table: WeightTable(keys: keys, rows: [Float](repeating: 1, count: keys.count * L), labelCount: L, scale: 1),
                transitions: [Float](repeating: 0, count: L * L), start: [Float](repeating: 0, count: L),
                end: [Float](repeating: 0, count: L)))
        }
        let lexical = (0..<50).map { featureKey(FeatureTemplate.word.rawValue, UInt64($0)) }
        #expect(!tagger(lexical).usesExternalFeatures)
        let title = UInt64(GazetteerFeatures.title.trailingZeroBitCount)
        #expect(tagger(lexical + [featureKey(FeatureTemplate.external.rawValue, title)]).usesExternalFeatures)
    }

    @Test func tableLexiconProvidesNoFeatures() {
        #expect(smallLexicon().tokenFeatures(for: trainingText([["Paris"]])) == nil)
    }

    /// Training (`ner-train`: GMB words joined by spaces) and run time (`RuleRecognizer`: the real tokenizer,
    /// `GazetteerLexicon.tokenFeatures`) must compute the same bits for the same tokens.
    @Test func trainingAndRunTimeAgree() throws {
        let lexicon = try #require(Shipped.lexicon)
        let sentences = [
            ["Russian", "Foreign", "Minister", "Sergey", "Lavrov", "met", "Afghan", "officials", "in", "Moscow", "on", "Tuesday", "."],
            ["The", "United", "States", "and", "the", "European", "Union", "attended", "the", "summit", "in", "New", "York", "."],
            ["Prime", "Minister", "Gordon", "Brown", "said", "the", "Health", "Ministry", "in", "Kabul", "would", "help", "."],
        ]
        let training = trainingText(sentences)
        let runTime = analyzed(sentences.map { $0.joined(separator: " ").replacingOccurrences(of: " .", with: ".") }
            .joined(separator: " "))
        #expect(runTime.tokens.count == training.tokens.count)
        #expect(runTime.sentences.count == training.sentences.count)
        let trainingBits = try #require(lexicon.tokenFeatures(for: training))
        let runTimeBits = try #require(lexicon.tokenFeatures(for: runTime))
        #expect(trainingBits == GazetteerFeatures.bits(for: training, gazetteer: lexicon.gazetteer))
        for t in 0..<min(training.tokens.count, runTime.tokens.count) {
            #expect(training.string(tokens: t..<(t + 1)) == runTime.string(tokens: t..<(t + 1)))
            #expect(trainingBits[t] == runTimeBits[t], "token \(t): \(training.string(tokens: t..<(t + 1)))")
        }
        // And they say what they should on the real gazetteer.
        #expect(trainingBits[0] & F.demonym != 0)
        #expect(trainingBits[1] & F.title != 0 && trainingBits[2] & F.title != 0)
        #expect(trainingBits[9] & F.majorCity != 0)
        let unitedStates = sentences[0].count + 1
        #expect(trainingBits[unitedStates] & F.country != 0 && trainingBits[unitedStates + 1] & F.continuation != 0)
        #expect(trainingBits[unitedStates + 8] & F.meetingWord != 0)
    }
}
