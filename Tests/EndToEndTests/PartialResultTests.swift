import DocumentReading
import ExtractionPipeline
import Foundation
import GraphExport
import GraphModel
import Resolution
import Testing

/// The map/reduce is exact: a corpus cut into shards, each shard's summaries written as a partial result, and the
/// partials merged in any grouping and order, gives the graph, mentions and merge log of one extraction over the
/// whole corpus, byte for byte. The shardings are random (a fixed seed per trial, in every failure message), with
/// empty shards, single-document shards and tree-shaped reduces among them.
@Suite("Partial results merge exactly")
struct PartialResultTests {
    /// A random generator with a seed, so a failing sharding can be replayed (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The seeds, the gold articles and generated articles whose people recur across documents by surname alone:
    /// the corpus-level joins a sharding could break. (The hostile battery goes through the command-line test:
    /// its megabyte line costs a debug build minutes here.)
    static func corpus() throws -> [Document] {
        let reader = DocumentReader()
        let sources = try reader.collect([Harness.path("seeds"), Harness.path("Tests/Gold/articles")])
        var documents = try sources.map { try reader.read($0).get().document }
        documents += generatedArticles(count: 60)
        return documents
    }

    static func generatedArticles(count: Int) -> [Document] {
        let people = [("Anna", "Kovacs"), ("Peter", "Lindqvist"), ("Maria", "Okafor"), ("Jonas", "Brandt"),
                      ("Leila", "Haddad"), ("Tomas", "Novak")]
        let countries = ["Norway", "Kenya", "Brazil", "Japan", "Poland", "Chile"]
        let cities = ["Oslo", "Nairobi", "Brasilia", "Tokyo", "Warsaw", "Santiago"]
        let bodies = ["the United Nations", "the World Health Organization", "the African Union", "NATO"]
        var generator = SeededGenerator(state: 11)
        return (0..<count).map { index in
            let a = people[Int.random(in: 0..<people.count, using: &generator)]
            var b = people[Int.random(in: 0..<people.count, using: &generator)]
            if b == a { b = people[(people.firstIndex { $0 == a }! + 1) % people.count] }
            let c = Int.random(in: 0..<countries.count, using: &generator)
            let body = bodies[Int.random(in: 0..<bodies.count, using: &generator)]
            // Every other article names its people by surname alone: the corpus stage joins them to the full name.
            let first = index.isMultiple(of: 2) ? "\(a.0) \(a.1)" : a.1
            let text = """
                date 2024-03-\(String(format: "%02d", index % 28 + 1))

                Talks in \(cities[c])

                \(countries[c])'s Foreign Minister \(first) met \(b.0) \(b.1) of \(body) in \(cities[c]) on Monday. \
                \(a.1) said the two sides discussed trade. \(b.1) told reporters that \(countries[c]) would host \
                another round of talks.
                """
            return try! DocumentReader.decode(Array(text.utf8), id: "gen-\(String(format: "%03d", index))",
                                              path: "gen-\(index).txt").document
        }
    }

    struct Output: Equatable {
        var graphML: [UInt8]
        var mentions: [MentionRecord]
        var merges: [MergeRecord]

        init(_ extraction: Extraction) throws {
            graphML = try GraphMLWriter().write(extraction.graph)
            mentions = extraction.mentions
            merges = extraction.merges
        }
    }

    /// Writes one shard's summaries, in id order, as a partial result.
    static func writePartial(_ summaries: [DocumentSummary], to path: String) throws {
        let writer = try PartialWriter(path: path, header: PartialHeader(producer: "test", analysis: AnalysisSettings()))
        for summary in summaries.sorted(by: { $0.id < $1.id }) { try writer.write(summary) }
        try writer.finish()
    }

    @Test func everyRandomShardingAndReduceGivesTheOneShotBytes() throws {
        let documents = try Self.corpus()
        #expect(documents.count >= 100)
        let extractor = Extractor(lexicon: try ShippedData.lexicon(), aliases: try ShippedData.aliasTable(),
                                  tagger: try ShippedData.tagger())
        let oneShot = try Output(extractor.extract(documents))
        let summaries = documents.map { extractor.summarize($0) }
        // The same summaries in id order without co-mentions: what `extract --no-co-mentions` does.
        var stage = CorpusStage(aliases: extractor.aliases, options: ExtractionOptions(includeCoMentions: false))
        summaries.sorted { $0.id < $1.id }.forEach { stage.add($0) }
        let withoutCoMentions = try Output(stage.finish())
        #expect(oneShot.graphML != withoutCoMentions.graphML, "the co-mention choice must show in the bytes")

        for trial in 0..<8 {
            let seed = UInt64(1000 + trial)
            var generator = SeededGenerator(state: seed)
            let scratch = try ScratchDirectory()
            // Shards: 1 to 7, some of them empty; documents dealt out at random.
            let shardCount = Int.random(in: 1...7, using: &generator)
            var shards = [[DocumentSummary]](repeating: [], count: shardCount)
            for summary in summaries { shards[Int.random(in: 0..<shardCount, using: &generator)].append(summary) }
            var files: [String] = []
            for (s, shard) in shards.enumerated() {
                files.append(scratch.file("shard-\(s).partial"))
                try Self.writePartial(shard, to: files[s])
            }
            // A reduce tree of random shape: random groups merged into new partials, until a coin says stop.
            var level = 0
            while files.count > 1, Bool.random(using: &generator) {
                files.shuffle(using: &generator)
                let size = Int.random(in: 2...files.count, using: &generator)
                let merged = scratch.file("merge-\(level).partial")
                try PartialMerge.write(Array(files.prefix(size)), to: merged)
                files = Array(files.dropFirst(size)) + [merged]
                level += 1
            }
            files.shuffle(using: &generator)
            let includeCoMentions = trial % 4 != 3
            var merge = try PartialMerge(paths: files)
            let merged = try Output(merge.extraction(includeCoMentions: includeCoMentions, keepMentions: true,
                                                     keepMerges: true))
            let expected = includeCoMentions ? oneShot : withoutCoMentions
            #expect(merged.graphML == expected.graphML,
                    "seed \(seed): \(shardCount) shard(s), \(level) intermediate merge(s): GraphML differs")
            #expect(merged.mentions == expected.mentions, "seed \(seed): mentions differ")
            #expect(merged.merges == expected.merges, "seed \(seed): merge log differs")
        }
    }

    /// What is read back is what was written: every field of every summary survives the file.
    @Test func aPartialReadsBackToTheSummariesWritten() throws {
        let extractor = Extractor(lexicon: try ShippedData.lexicon(), aliases: try ShippedData.aliasTable())
        let summaries = Self.generatedArticles(count: 6).map { extractor.summarize($0) }
        let scratch = try ScratchDirectory()
        try Self.writePartial(summaries, to: scratch.file("a.partial"))
        try Self.writePartial(summaries, to: scratch.file("b.partial"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file("a.partial")))
                == Data(contentsOf: URL(fileURLWithPath: scratch.file("b.partial"))), "the same summaries, the same bytes")
        let reader = try PartialReader(path: scratch.file("a.partial"))
        var read: [DocumentSummary] = []
        while let summary = try reader.next() { read.append(summary) }
        #expect(read.map(\.id) == summaries.map(\.id))
        for (a, b) in zip(read, summaries) {
            #expect(a.date == b.date && a.textBytes == b.textBytes)
            #expect(a.entities.map(\.sighting) == b.entities.map(\.sighting))
            #expect(a.entities.map(\.surfaces) == b.entities.map(\.surfaces))
            #expect(a.entities.map(\.mentionCount) == b.entities.map(\.mentionCount))
            #expect(a.relations.map(\.evidence) == b.relations.map(\.evidence))
            #expect(a.relations.map(\.sentences) == b.relations.map(\.sentences))
            #expect(a.mentions.map(\.start) == b.mentions.map(\.start))
        }
    }

    // MARK: - Damaged and mismatched inputs are refused, naming the file

    private static func partialLines(_ scratch: ScratchDirectory, count: Int = 3) throws -> [String] {
        let extractor = Extractor(lexicon: try ShippedData.lexicon(), aliases: try ShippedData.aliasTable())
        try writePartial(generatedArticles(count: count).map { extractor.summarize($0) }, to: scratch.file("ok.partial"))
        return try String(contentsOfFile: scratch.file("ok.partial"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    private static func readAll(_ path: String) throws(PartialError) -> Int {
        let reader = try PartialReader(path: path)
        var count = 0
        while try reader.next() != nil { count += 1 }
        return count
    }

    @Test func aFileCutShortIsTruncatedNeverASmallerShard() throws {
        let scratch = try ScratchDirectory()
        let lines = try Self.partialLines(scratch)
        #expect(try Self.readAll(scratch.file("ok.partial")) == 3)
        // Cut at a line end (the closing line lost) and inside a line.
        try (lines.dropLast().joined(separator: "\n") + "\n").write(toFile: scratch.file("a.partial"), atomically: true, encoding: .utf8)
        let whole = lines.joined(separator: "\n")
        try String(whole.prefix(whole.count - lines.last!.count - 20))
            .write(toFile: scratch.file("b.partial"), atomically: true, encoding: .utf8)
        for name in ["a.partial", "b.partial"] {
            #expect(throws: PartialError.truncated(path: scratch.file(name), documents: name == "a.partial" ? 3 : 2)) {
                _ = try Self.readAll(scratch.file(name))
            }
        }
    }

    @Test func aDamagedLineIsNamedByFileAndLine() throws {
        let scratch = try ScratchDirectory()
        var lines = try Self.partialLines(scratch)
        lines[2] = lines[2].replacingOccurrences(of: "\"kind\":\"", with: "\"kind\":\"no_such_")
        try lines.joined(separator: "\n").write(toFile: scratch.file("bad.partial"), atomically: true, encoding: .utf8)
        do {
            _ = try Self.readAll(scratch.file("bad.partial"))
            Issue.record("a damaged line was read")
        } catch {
            guard case let .malformed(path, line, reason) = error else { Issue.record("\(error)"); return }
            #expect(path == scratch.file("bad.partial") && line == 3 && reason.contains("no_such_"), "\(error)")
        }
    }

    @Test func aNewerVersionAndAForeignFileAreRefusedByName() throws {
        let scratch = try ScratchDirectory()
        var lines = try Self.partialLines(scratch, count: 1)
        lines[0] = lines[0].replacingOccurrences(of: "\"version\":1", with: "\"version\":2")
        try lines.joined(separator: "\n").write(toFile: scratch.file("v2.partial"), atomically: true, encoding: .utf8)
        #expect(throws: PartialError.unsupportedVersion(path: scratch.file("v2.partial"), version: 2)) {
            _ = try PartialReader(path: scratch.file("v2.partial"))
        }
        try "{\"nodes\": []}\n".write(toFile: scratch.file("other.json"), atomically: true, encoding: .utf8)
        #expect(throws: PartialError.notPartial(path: scratch.file("other.json"))) {
            _ = try PartialReader(path: scratch.file("other.json"))
        }
    }

    @Test func aDocumentInTwoPartialsOrSettingsThatDifferAreNotMerged() throws {
        let scratch = try ScratchDirectory()
        let extractor = Extractor(lexicon: try ShippedData.lexicon(), aliases: try ShippedData.aliasTable())
        let summaries = Self.generatedArticles(count: 3).map { extractor.summarize($0) }
        try Self.writePartial(Array(summaries[0...1]), to: scratch.file("a.partial"))
        try Self.writePartial(Array(summaries[1...2]), to: scratch.file("b.partial"))
        var merge = try PartialMerge(paths: [scratch.file("a.partial"), scratch.file("b.partial")])
        #expect(throws: PartialError.duplicateDocument(id: summaries[1].id, first: scratch.file("a.partial"),
                                                       second: scratch.file("b.partial"))) {
            while try merge.next() != nil {}
        }
        let writer = try PartialWriter(path: scratch.file("c.partial"),
                                       header: PartialHeader(producer: "test", analysis: AnalysisSettings(tagger: false)))
        try writer.write(summaries[2])
        try writer.finish()
        do {
            _ = try PartialMerge(paths: [scratch.file("a.partial"), scratch.file("c.partial")])
            Issue.record("partials of different settings were merged")
        } catch {
            guard case let .settingsDiffer(path, other, difference) = error else { Issue.record("\(error)"); return }
            #expect(path == scratch.file("c.partial") && other == scratch.file("a.partial") && difference.contains("tagger"),
                    "\(error)")
        }
    }
}
