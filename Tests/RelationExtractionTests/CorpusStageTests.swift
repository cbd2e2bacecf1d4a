import DocumentReading
import ExtractionPipeline
import GraphModel
import Testing

/// The corpus stage takes documents one at a time; what it can only know at the end (a surname that joins
/// the corpus's one full name) must come out as if it had seen every document at once.
@Suite struct CorpusStageTests {
    static let texts = [
        ("a", "date 2024-03-01\nPresident Ruto said the talks with Uganda went well."),
        ("b", "date 2024-03-02\nKenyan President William Ruto arrived in Nairobi."),
        ("c", "date 2024-02-28\nOn Friday President Ruto said Uganda was calm."),
    ]

    @Test func aSurnameSeenBeforeItsFullNameJoinsIt() throws {
        let graph = try extract(Self.texts)
        let people = graph.nodes.filter { $0.type == .person }
        #expect(people.map(\.label) == ["William Ruto"], "\(graph.dump)")
        let ruto = try #require(people.first)
        #expect(ruto.identity == "person:william ruto")
        #expect(ruto.mentions == 3)
        #expect(graph.documents(of: ruto) == ["a", "b", "c"])
        #expect(ruto.aliases == ["Ruto"])
        #expect(ruto.firstSeen == "2024-02-28" && ruto.lastSeen == "2024-03-02")
        // The co-mentions of the lone surname moved to the full name: one edge to Uganda, from two documents.
        let uganda = graph.edgesBetween("William Ruto", "Uganda").filter { $0.kind == .coMention }
        #expect(uganda.count == 1 && uganda.first?.weight == 2, "\(graph.dump)")
        #expect(uganda.first?.evidence.document == "a", "the earliest evidence, from a document naming only the surname")
        #expect(uganda.first.map(graph.documents(of:)) == ["a", "c"])
    }

    @Test func theMergeLogNamesTheFinalNode() throws {
        guard let lexicon = Shipped.lexicon, let aliases = Shipped.aliases else { throw Missing() }
        let documents = try Self.texts.map { try DocumentReader.decode(Array($0.1.utf8), id: $0.0, path: $0.0 + ".txt").document }
        let extraction = Extractor(lexicon: lexicon, aliases: aliases).extract(documents, jobs: 2)
        #expect(extraction.merges.contains { $0.node == "person:william ruto" && $0.name == "Ruto" && $0.document == "a"
            && $0.reason.hasPrefix("surname of the only full name") })
        #expect(!extraction.merges.contains { $0.node.hasPrefix("\u{1}") }, "no provisional key leaks out")
        #expect(extraction.mentions.allSatisfy { $0.node.hasPrefix("n") })
        // Ruto three times, Uganda twice, Nairobi once; "Kenyan" counts for Kenya but is no listed name.
        #expect(extraction.mentions.count == 6, "\(extraction.mentions)")
        #expect(!extraction.mentions.contains { $0.text == "Kenyan" })
    }

    @Test func theOrderOfDocumentsDoesNotMatter() throws {
        let forward = try extract(Self.texts)
        let backward = try extract(Self.texts.reversed())
        #expect(forward == backward)
    }

    @Test func summariesDropTheTextButKeepEvidence() throws {
        guard let lexicon = Shipped.lexicon, let aliases = Shipped.aliases else { throw Missing() }
        let extractor = Extractor(lexicon: lexicon, aliases: aliases)
        let document = try DocumentReader.decode(Array(Self.texts[1].1.utf8), id: "b", path: "b.txt").document
        let summary = extractor.summarize(document, keepMentions: false)
        #expect(summary.mentions.isEmpty, "mention spans only when asked for")
        #expect(summary.entities.contains { $0.sighting.name == "William Ruto" && $0.mentionCount == 1 })
        let role = try #require(summary.relations.first { $0.kind == .role })
        #expect(role.evidence.sentence == "Kenyan President William Ruto arrived in Nairobi.")
        #expect(summary.relations.contains { $0.kind == .locatedIn && $0.target == .key("country:KE") })
        #expect(role.sentences == [0])
        #expect(!extractor.summarize(document, keepMentions: true).mentions.isEmpty)
    }
}
