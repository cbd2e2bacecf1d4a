import GraphModel
import RelationExtraction
import Recognition
import Testing

/// Co-mentions per sentence are bounded, so a list of names cannot make the graph grow with its square.
@Suite struct CoMentionBoundTests {
    static let countries = ["Benin", "Bolivia", "Ethiopia", "Ghana", "Guyana", "Honduras", "Madagascar", "Mali",
                            "Mozambique", "Nicaragua", "Niger", "Rwanda", "Senegal", "Tanzania", "Uganda", "Zambia"]

    func coMentions(listing names: [String]) throws -> [GraphEdge] {
        let text = "The countries eligible are " + names.dropLast().joined(separator: ", ") + " and " + names.last! + "."
        let graph = try extract(text)
        #expect(graph.nodes.filter { $0.type == .country }.count == names.count, "every country is recognised")
        return graph.edges.filter { $0.kind == .coMention }
    }

    @Test func everyPairOfASentenceWithinTheBound() throws {
        // Five countries: 10 pairs, all linked.
        #expect(try coMentions(listing: Array(Self.countries.prefix(5))).count == 10)
        // Ten: 45 pairs, exactly the bound.
        #expect(try coMentions(listing: Array(Self.countries.prefix(10))).count == 45)
    }

    @Test func aLongListKeepsOnlyTheNearestPairs() throws {
        let bound = RelationExtractor<GazetteerLexicon>.coMentionPairsPerSentence
        let edges = try coMentions(listing: Self.countries)
        #expect(edges.count == bound)
        // Sixteen names: the 15 neighbours, the 14 two apart and the 13 three apart (42 pairs), then the first
        // 3 of the pairs four apart. Benin (first) and Zambia (last) are never linked.
        #expect(bound == 45)
        let graph = try extract("The countries eligible are " + Self.countries.dropLast().joined(separator: ", ")
                                + " and Zambia.")
        #expect(graph.edgesBetween("Benin", "Zambia").isEmpty)
        #expect(!graph.edgesBetween("Benin", "Bolivia").isEmpty)
        #expect(!graph.edgesBetween("Benin", "Guyana").isEmpty, "four apart: among the first three of that distance")
        #expect(graph.edgesBetween("Ghana", "Mali").isEmpty, "four apart but beyond the budget")
    }
}
