import Foundation
import Testing
@testable import Recognition
import TextAnalysis

/// Builds an `AnalyzedText` from space-separated tokens (the tests do not depend on the real tokenizer).
/// Each element of `sentences` is one sentence.
private func analyzed(_ sentences: [String], titleFirst: Bool = false) -> AnalyzedText {
    var bytes: [UInt8] = []
    var tokens: [Token] = []
    var spans: [Sentence] = []
    for (index, sentence) in sentences.enumerated() {
        let firstToken = tokens.count
        let firstByte = bytes.isEmpty ? 0 : bytes.count + 1
        for word in sentence.split(separator: " ") {
            if !bytes.isEmpty { bytes.append(0x20) }
            tokens.append(Token(start: bytes.count, end: bytes.count + word.utf8.count, kind: .word))
            bytes.append(contentsOf: word.utf8)
        }
        spans.append(Sentence(tokens: firstToken..<tokens.count, start: firstByte, end: bytes.count,
                              isTitle: titleFirst && index == 0))
    }
    return AnalyzedText(bytes: bytes, tokens: tokens, sentences: spans)
}

private func isValid(_ path: [UInt8], _ tagSet: TagSet) -> Bool {
    guard let first = path.first else { return true }
    guard tagSet.allowsStart(Int(first)), tagSet.allowsEnd(Int(path.last!)) else { return false }
    return zip(path, path.dropFirst()).allSatisfy { tagSet.allows(from: Int($0), to: Int($1)) }
}

@Suite struct FeatureExtractionTests {
    @Test(arguments: [
        ("London", "Xxxxx", "Xx"),
        ("Kabul", "Xxxxx", "Xx"),
        ("Ban", "Xxx", "Xx"),
        ("NATO", "XXXX", "X"),
        ("1990", "dddd", "d"),
        ("1990s", "ddddx", "dx"),
        ("U.S.", "X.X.", "X.X."),
        ("al-Maliki", "xx-Xxxxx", "x-Xx"),
        ("ISIS-K", "XXXX-X", "X-X"),
        ("Group’s", "Xxxxx'x", "Xx'x"),
        ("Ürümqi", "Xxxxx", "Xx"),
    ])
    func shapes(word: String, long: String, short: String) {
        #expect(ByteText.shape(Array(word.utf8), short: false) == long)
        #expect(ByteText.shape(Array(word.utf8), short: true) == short)
    }

    @Test(arguments: [
        ("KABUL", "kabul"),
        ("ÉCOLE", "école"),
        ("MÜNCHEN", "münchen"),
        ("ŁÓDŹ", "łódź"),
        ("МОСКВА", "москва"),
        ("ΑΘΗΝΑ", "αθηνα"),
        ("Group’s", "group's"),
        ("naïve", "naïve"),
        ("北京", "北京"),
    ])
    func lowerCasingOnBytes(word: String, lower: String) {
        #expect(ByteText.lowercased(Array(word.utf8)) == Array(lower.utf8))
    }

    @Test func invalidUTF8NeverTraps() {
        let bytes: [UInt8] = [0x41, 0xC3, 0xFF, 0xE2, 0x80, 0x42]
        #expect(ByteText.lowercased(bytes).count > 0)
        #expect(!ByteText.shape(bytes, short: false).isEmpty)
    }

    @Test func fnvIsTheStandardFunction() {
        // Published FNV-1a 64 test vectors: the model's keys must not depend on platform or process.
        #expect(FNV1a64.hash([]) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        #expect(featureKey(2, 42) == featureKey(2, 42))
        #expect(featureKey(2, 42) != featureKey(3, 42))
        #expect(featureKey(2, 42, 1) != featureKey(2, 1, 42))
    }

    @Test func featuresDependOnContentNotPosition() {
        let a = analyzed(["He arrived in Kabul ."])
        let b = analyzed(["Some other sentence first .", "He arrived in Kabul ."])
        var first = FeatureBuffer(), second = FeatureBuffer()
        FeatureExtractor.extract(a, sentence: a.sentences[0], document: nil, externalFeatures: nil, into: &first)
        FeatureExtractor.extract(b, sentence: b.sentences[1], document: nil, externalFeatures: nil, into: &second)
        #expect(first.keys == second.keys)
        #expect(first.tokenCount == 5)
    }

    @Test func caseInsensitiveFeaturesAreSharedWithTitleLines() {
        let plain = analyzed(["Talks in Kabul ."])
        let title = analyzed(["Talks In Kabul ."], titleFirst: true)
        var p = FeatureBuffer(), t = FeatureBuffer()
        FeatureExtractor.extract(plain, sentence: plain.sentences[0], document: nil, externalFeatures: nil, into: &p)
        FeatureExtractor.extract(title, sentence: title.sentences[0], document: nil, externalFeatures: nil, into: &t)
        let kabulPlain = Set(p.keys(ofToken: 2)), kabulTitle = Set(t.keys(ofToken: 2))
        // The word itself is shared; the case-sensitive templates are keyed apart in a title line.
        #expect(kabulPlain.contains(featureKey(FeatureTemplate.word.rawValue, p.infos[2].word)))
        #expect(kabulTitle.contains(featureKey(FeatureTemplate.word.rawValue, t.infos[2].word)))
        #expect(!kabulPlain.isSubset(of: kabulTitle))
        #expect(!kabulPlain.isDisjoint(with: kabulTitle))
    }

    @Test func externalBitsAddFeaturesOnlyWhenSet() {
        let text = analyzed(["Talks in Kabul ."])
        var none = FeatureBuffer(), zero = FeatureBuffer(), some = FeatureBuffer()
        FeatureExtractor.extract(text, sentence: text.sentences[0], document: nil, externalFeatures: nil, into: &none)
        FeatureExtractor.extract(text, sentence: text.sentences[0], document: nil, externalFeatures: [0, 0, 0, 0], into: &zero)
        FeatureExtractor.extract(text, sentence: text.sentences[0], document: nil, externalFeatures: [0, 0, 0b101, 0], into: &some)
        #expect(none.keys == zero.keys)
        #expect(some.keys.count > none.keys.count)
        // A short bitset (fewer entries than tokens) is read as zeros, not a crash.
        FeatureExtractor.extract(text, sentence: text.sentences[0], document: nil, externalFeatures: [1], into: &some)
    }
}

@Suite struct DocumentContextTests {
    /// A word's occurrences are read together, in text order (the neighbours kept depend on that order).
    @Test func groupsOccurrencesOfAWordInTextOrder() {
        #expect(DocumentContext.groupedByWord([5, 3, 5, 7, 3, 5]) == [0, 2, 5, 1, 4, 3])
        #expect(DocumentContext.groupedByWord([9]) == [0])
        #expect(DocumentContext.groupedByWord([]) == [])
        let many = (0..<1_000).map { UInt64($0 % 37) }
        let grouped = DocumentContext.groupedByWord(many)
        #expect(grouped.sorted() == Array(0..<1_000))
        #expect(grouped == (0..<1_000).sorted { (many[$0], $0) < (many[$1], $1) })
    }

    @Test func laterMentionsLearnFromEarlierOnes() {
        let text = analyzed(["Sergey Lavrov met officials .", "Lavrov said the talks were useful ."])
        let context = DocumentContext(text)
        let first = 1, second = 5
        #expect(text.string(token: first) == "Lavrov" && text.string(token: second) == "Lavrov")
        // The sentence-initial "Lavrov" learns that the word also appears mid-sentence after a capitalised word.
        #expect(context.bits[second] & DocumentContext.seenCapitalisedMidSentence != 0)
        #expect(context.bits[second] & DocumentContext.seenAfterCapitalised != 0)
        #expect(context.bits[second] & DocumentContext.seenLowercase == 0)
        // The other way round there is nothing to learn: the second occurrence is sentence-initial.
        #expect(context.bits[first] == 0)
        // Neighbours of other occurrences become features of capitalised tokens only.
        #expect(context.neighbourOffsets[second + 1] > context.neighbourOffsets[second])
        #expect(context.neighbourOffsets[4] == context.neighbourOffsets[3])
    }

    @Test func headlineWordsSeenLowercaseInTheBody() {
        let text = analyzed(["Taliban Worried By Attacks", "The group was worried by attacks ."], titleFirst: true)
        let context = DocumentContext(text)
        #expect(context.bits[1] & DocumentContext.seenLowercase != 0) // Worried
        #expect(context.bits[0] == 0) // Taliban
    }

    /// The feature extractor takes each token's `TokenInfo` from the context: it must be what the token's own bytes
    /// give, in every sentence, title line included.
    @Test func tokenInfosAreEachTokensOwn() {
        let text = analyzed(["Kabul Talks Resume", "Ms. Çelik met NATO's envoy in Kabul .", "U.S.-led talks resumed ."],
                            titleFirst: true)
        let context = DocumentContext(text)
        #expect(context.infos.count == text.tokens.count)
        text.bytes.withUnsafeBufferPointer { bytes in
            for (t, token) in text.tokens.enumerated() {
                #expect(context.infos[t] == TokenInfo(bytes, start: token.start, end: token.end), "token \(t)")
            }
        }
        #expect(text.string(token: 9) == "Kabul" && text.string(token: 12) == "talks")
        #expect(context.infos[0] == context.infos[9]) // Kabul, Kabul
        #expect(context.infos[1] != context.infos[12]) // Talks, talks: another shape
        #expect(context.infos[1].word == context.infos[12].word) // but the same word
        // Past the limit the context keeps no infos, and the extractor reads them itself: the same features.
        let bare = DocumentContext(text, keepingInfosUpTo: 3)
        #expect(bare.infos.isEmpty && bare.bits == context.bits && bare.neighbourKeys == context.neighbourKeys)
        for sentence in text.sentences {
            var kept = FeatureBuffer(), read = FeatureBuffer()
            FeatureExtractor.extract(text, sentence: sentence, document: context, externalFeatures: nil, into: &kept)
            FeatureExtractor.extract(text, sentence: sentence, document: bare, externalFeatures: nil, into: &read)
            #expect(kept.keys == read.keys && kept.offsets == read.offsets && kept.infos == read.infos)
            #expect(!kept.keys.isEmpty)
        }
    }
}

@Suite struct DecodingTests {
    @Test func viterbiRepairsAnInsideWithoutBegin() {
        let tagSet = TagSet(scheme: .bio)
        let model = TaggerModel(
            tagSet: tagSet, table: WeightTable(keys: [], rows: [], labelCount: tagSet.count, scale: 1),
            transitions: [Float](repeating: 0, count: tagSet.count * tagSet.count),
            start: [Float](repeating: 0, count: tagSet.count), end: [Float](repeating: 0, count: tagSet.count))
        let iPer = tagSet.index(of: .inside, .per)!, bPer = tagSet.index(of: .begin, .per)!
        // Token 0 prefers I-per (invalid at the start), token 1 I-per: the best valid path is B-per I-per.
        var emissions = [Float](repeating: 0, count: 2 * tagSet.count)
        emissions[iPer] = 5
        emissions[bPer] = 4
        emissions[tagSet.count + iPer] = 5
        let path = Viterbi.decode(emissions: emissions, labels: tagSet.count, transitions: model.decodeTransitions,
                                  start: model.decodeStart, end: model.decodeEnd)
        #expect(path == [UInt8(bPer), UInt8(iPer)])
        #expect(tagSet.spans(path).map(\.tokens) == [0..<2])
    }

    @Test(arguments: TagScheme.allCases)
    func decodedSequencesAreAlwaysValid(scheme: TagScheme) {
        let tagSet = TagSet(scheme: scheme)
        let L = tagSet.count
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let n = Int.random(in: 1...12, using: &generator)
            let emissions = (0..<(n * L)).map { _ in Float.random(in: -3...3, using: &generator) }
            let raw = (0..<(L * L)).map { _ in Float.random(in: -1...1, using: &generator) }
            let zeros = [Float](repeating: 0, count: L)
            let (t, s, e) = tagSet.constrained(transitions: raw, start: zeros, end: zeros)
            let path = Viterbi.decode(emissions: emissions, labels: L, transitions: t, start: s, end: e)
            #expect(path.count == n)
            #expect(isValid(path, tagSet))
        }
    }

    @Test func spansFollowConlleval() {
        let tagSet = TagSet(scheme: .bio)
        let o = UInt8(tagSet.outsideIndex)
        let bPer = UInt8(tagSet.index(of: .begin, .per)!), iPer = UInt8(tagSet.index(of: .inside, .per)!)
        let iGeo = UInt8(tagSet.index(of: .inside, .geo)!)
        let spans = tagSet.spans([bPer, iPer, o, iGeo, iGeo, bPer, bPer])
        #expect(spans.map(\.tokens) == [0..<2, 3..<5, 5..<6, 6..<7])
        #expect(spans.map(\.label) == [.per, .geo, .per, .per])
    }

    @Test(arguments: TagScheme.allCases)
    func encodeThenSpansRoundTrips(scheme: TagScheme) {
        let tagSet = TagSet(scheme: scheme)
        let mentions: [(tokens: Range<Int>, label: EntityLabel)] = [(0..<1, .gpe), (2..<5, .per), (5..<6, .geo)]
        let spans = tagSet.spans(tagSet.encode(count: 7, spans: mentions))
        #expect(spans.map(\.tokens) == mentions.map(\.tokens))
        #expect(spans.map(\.label) == mentions.map(\.label))
        #expect(TagSet(names: tagSet.names) == tagSet)
    }
}

@Suite struct ModelFileTests {
    private func smallModel(weightBytes: Int = 1) -> TaggerModel {
        let tagSet = TagSet(scheme: .bio)
        let L = tagSet.count
        let keys: [UInt64] = (0..<100).map { featureKey(2, UInt64($0)) }
        let rows = (0..<(100 * L)).map { Float(($0 * 7919) % 23) - 11 }
        return TaggerModel(
            tagSet: tagSet,
            table: WeightTable(keys: keys, rows: rows, labelCount: L, scale: weightBytes == 2 ? 0.001 : 0.5,
                               weightBytes: weightBytes),
            transitions: (0..<(L * L)).map { Float($0) / 10 }, start: [Float](repeating: 0.25, count: L),
            end: [Float](repeating: -0.5, count: L))
    }

    @Test func roundTrip() throws {
        let model = smallModel()
        let bytes = ModelFile.encode(model)
        #expect(bytes.starts(with: Array("EGNT".utf8)))
        #expect(try ModelFile.decode(bytes) == model)
        // Every key is found with its dequantised row; an unknown key is not.
        let row = model.table.row(featureKey(2, 7))
        #expect(row?.count == model.tagSet.count)
        #expect(model.table.row(featureKey(2, 1000)) == nil)
    }

    /// 8-bit tables keep the version-1 layout (old files load, old builds read new 8-bit files); 16-bit and
    /// float tables are version 2, which a version-1 reader refuses as `unsupportedVersion(2)`.
    @Test func weightWidths() throws {
        let key = featureKey(2, 7)
        let narrow = smallModel()
        #expect(ModelFile.encode(narrow)[4] == 1)
        for width in [2, 4] {
            let model = smallModel(weightBytes: width)
            let bytes = ModelFile.encode(model)
            #expect(bytes[4] == 2)
            let decoded = try ModelFile.decode(bytes)
            #expect(decoded == model)
            #expect(decoded.table.weightBytes == width)
            // The rows are -11...11 exactly: every width stores them without loss, so scores agree.
            let expected = try #require(narrow.table.row(key))
            let row = try #require(decoded.table.row(key))
            #expect(zip(row, expected).allSatisfy { abs($0 - $1) < 1e-3 })
        }
    }

    @Test func corruptFilesAreRejected() {
        let bytes = ModelFile.encode(smallModel())
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x10
        #expect(throws: TaggerModelError.checksumMismatch) { try ModelFile.decode(flipped) }
        // A cut file fails the checksum (read from the wrong place) or the length checks, whichever comes first.
        #expect(throws: TaggerModelError.self) { try ModelFile.decode(Array(bytes.prefix(bytes.count - 16))) }
        #expect(throws: TaggerModelError.truncated) { try ModelFile.decode(Array(bytes.prefix(10))) }
        var wrongMagic = bytes
        wrongMagic[0] = UInt8(ascii: "X")
        #expect(throws: TaggerModelError.notAModel) { try ModelFile.decode(wrongMagic) }
        var wrongVersion = bytes
        wrongVersion[4] = 99
        #expect(throws: TaggerModelError.unsupportedVersion(99)) { try ModelFile.decode(wrongVersion) }
        #expect(throws: TaggerModelError.self) { try EntityTagger(modelBytes: []) }
    }
}

@Suite struct BundledModelTests {
    @Test func loads() throws {
        let tagger = try EntityTagger.loadBundled()
        #expect(tagger.tagNames.first == "O")
        // CoNLL-2003's types: persons, organisations, places and the rest (nationalities, events, works).
        #expect(Set(tagger.tagNames) == ["O", "B-per", "I-per", "B-org", "I-org", "B-geo", "I-geo", "B-misc", "I-misc"])
    }

    private func mentions(_ tagger: EntityTagger, _ text: AnalyzedText, sentence: Int = 0) -> [String: EntityLabel] {
        var result: [String: EntityLabel] = [:]
        // The gazetteer bits the shipped model is trained with, as RuleRecognizer passes them.
        let features = Shipped.lexicon?.tokenFeatures(for: text)
        for span in tagger.tag(text, sentence: text.sentences[sentence], externalFeatures: features) {
            result[text.string(tokens: span.tokens)] = span.label
            #expect(span.score > 0 && span.score <= 1)
        }
        return result
    }

    @Test func tagsANewsSentence() throws {
        let tagger = try EntityTagger.loadBundled()
        let text = analyzed(["Russian Foreign Minister Sergey Lavrov met officials in Kabul on Tuesday ."])
        let found = mentions(tagger, text)
        #expect(found["Russian"] == .misc)
        #expect(found["Kabul"] == .geo)
        #expect(found.contains { $0.key.hasSuffix("Lavrov") && $0.value == .per })
        #expect(found["Tuesday"] == nil)
        #expect(found["officials"] == nil)
    }

    @Test func tagsOrganisationsAndPeople() throws {
        let tagger = try EntityTagger.loadBundled()
        let text = analyzed([
            "The United Nations Security Council met in New York .",
            "President George Bush said the talks with Pakistan were useful .",
        ])
        let first = mentions(tagger, text, sentence: 0), second = mentions(tagger, text, sentence: 1)
        #expect(first.contains { $0.key.contains("United Nations") && $0.value == .org })
        #expect(first["New York"] == .geo)
        #expect(second.contains { $0.key.hasSuffix("George Bush") && $0.value == .per })
        #expect(second["Pakistan"] == .geo)
        // Whole-document tagging returns the same spans as sentence by sentence.
        let all = tagger.tag(text)
        #expect(all == text.sentences.flatMap { tagger.tag(text, sentence: $0) })
    }

    @Test func titleCaseHeadlineIsNotAllEntities() throws {
        let tagger = try EntityTagger.loadBundled()
        let text = analyzed(
            ["Establishment Of ISIS Bases In Region Has Worried Taliban , Says Group ’s FM", "Muttaqi spoke in Moscow ."],
            titleFirst: true)
        let headline = tagger.tag(text, sentence: text.sentences[0])
        let words = Set(headline.flatMap { span in span.tokens.map { text.string(token: $0) } })
        for common in ["Establishment", "Of", "Bases", "In", "Region", "Has", "Worried", "Says"] {
            #expect(!words.contains(common), "\(common) tagged in the headline")
        }
    }
}

@Suite struct WordClassesTests {
    private func word(_ text: String) -> UInt64 {
        let analyzed = AnalyzedText(text: text)
        var buffer = FeatureBuffer()
        FeatureExtractor.extract(analyzed, sentence: analyzed.sentences[0], document: nil, externalFeatures: nil, into: &buffer)
        return buffer.infos[0].word
    }

    @Test func relatedWordsShareAClassAndCaseDoesNotMatter() throws {
        let classes = try WordClasses.loadBundled()
        let rugby = try #require(classes.classes(ofWord: word("rugby")))
        let soccer = try #require(classes.classes(ofWord: word("soccer")))
        #expect(rugby.middle == soccer.middle, "sports share a 256-way class")
        #expect(classes.classes(ofWord: word("RUGBY")) == rugby, "looked up by the lower-cased word, as the tagger hashes it")
        let minister = try #require(classes.classes(ofWord: word("minister")))
        #expect(minister.fine != rugby.fine)
        #expect(classes.classes(ofWord: word("qzxqvjjw")) == nil)
    }

    @Test func refusesWhatIsNotAClassTable() {
        #expect(throws: TaggerModelError.notAModel) { try WordClasses(bytes: Array("EGNT....".utf8) + [UInt8](repeating: 0, count: 8)) }
        #expect(throws: TaggerModelError.truncated) { try WordClasses(bytes: Array("EGWC".utf8) + [1, 0, 0, 0, 4, 0, 0, 0]) }
    }

    @Test func classesBecomeFeaturesOnlyWithATable() throws {
        let classes = try WordClasses.loadBundled()
        let text = AnalyzedText(text: "Rugby fans cheered.")
        var plain = FeatureBuffer(), classed = FeatureBuffer()
        FeatureExtractor.extract(text, sentence: text.sentences[0], document: nil, externalFeatures: nil, into: &plain)
        FeatureExtractor.extract(text, sentence: text.sentences[0], document: nil, externalFeatures: nil,
                                 wordClasses: classes, into: &classed)
        #expect(classed.keys(ofToken: 0).count > plain.keys(ofToken: 0).count)
        #expect(Set(plain.keys(ofToken: 0)).isSubset(of: Set(classed.keys(ofToken: 0))))
    }
}

/// `WeightTable.score` reads keys in gathered blocks; its sums must be those of looking every key up on its own.
@Suite struct WeightTableScoreTests {
    @Test(arguments: [1, 2, 4])
    func scoresEqualTheSumOfEachKeysRow(weightBytes: Int) throws {
        let L = 5
        // A crowded table (load factor 0.95) so that many keys sit away from their home slot.
        let known: [UInt64] = (0..<600).map { featureKey(3, UInt64($0)) }
        let rows = (0..<(known.count * L)).map { Float(($0 * 7919) % 29) - 14 }
        let table = WeightTable(keys: known, rows: rows, labelCount: L, scale: 1, weightBytes: weightBytes,
                                loadFactor: 0.95)
        // Tokens of 0 to 40 keys, known and unknown mixed, more keys than one gathered block, and token
        // boundaries that fall inside a block and across blocks.
        var buffer = FeatureBuffer()
        buffer.offsets = [0]
        var next = 0
        for t in 0..<60 {
            for k in 0..<((t * 13) % 41) {
                buffer.keys.append(k % 3 == 0 ? featureKey(9, UInt64(next)) : known[(next * 31) % known.count])
                next += 1
            }
            buffer.offsets.append(buffer.keys.count)
        }
        #expect(buffer.keys.count > 2 * WeightTable.gatherBlock)
        var emissions = [Float](repeating: .nan, count: buffer.tokenCount * L)
        table.score(buffer, into: &emissions)
        for t in 0..<buffer.tokenCount {
            var expected = [Float](repeating: 0, count: L)
            for key in buffer.keys(ofToken: t) {
                guard let row = table.row(key) else { continue }
                for l in 0..<L { expected[l] += row[l] }
            }
            #expect(Array(emissions[(t * L)..<((t + 1) * L)]) == expected, "token \(t)")
        }
    }
}
