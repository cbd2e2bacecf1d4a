import Testing
import ExtractionPipeline
import GraphExport
import GraphModel

/// `GraphMerger`: graphs of separate runs become the graph one run over all documents would give, by identity,
/// whatever the order of the inputs.
struct GraphMergeTests {
    @Test func twoRunsMentioningTheSameCountryGiveOneNodeWithBothDocuments() throws {
        let monday = try GraphIO.extract([("monday", GraphIO.mondayText)])
        let tuesday = try GraphIO.extract([("tuesday", GraphIO.tuesdayText)])
        let merged = GraphMerger.merge([monday, tuesday])

        let russia = merged.nodes.filter { $0.type == .country && $0.label == "Russia" }
        #expect(russia.count == 1)
        #expect(russia.first.map(merged.documents(of:)) == ["monday", "tuesday"])
        #expect(merged.documentIDs == ["monday", "tuesday"])
        let mentions = [monday, tuesday].flatMap(\.nodes).filter { $0.identity == russia.first?.identity }.map(\.mentions)
        #expect(russia.first?.mentions == mentions.reduce(0, +))
        #expect(merged.validate().isEmpty)
    }

    @Test func mergeIsIndependentOfInputOrderByteForByte() throws {
        let a = try GraphIO.extract([("monday", GraphIO.mondayText)])
        let b = try GraphIO.extract([("tuesday", GraphIO.tuesdayText)])
        let c = MergeGraphs.overlapping()
        let reference = try GraphMLWriter().write(GraphMerger.merge([a, b, c]))
        for order in [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]] {
            #expect(try GraphMLWriter().write(GraphMerger.merge(order)) == reference)
        }
        #expect(try GraphMLWriter().write(GraphMerger.merge([b, a])) == GraphMLWriter().write(GraphMerger.merge([a, b])))
    }

    @Test func nodesOfOneInputSharingAnIdentityLeaveNoLoop() {
        let evidence = Evidence(document: "d", sentence: "The Taliban and Taliban.", start: 0, end: 24)
        let graph = EntityGraph(
            nodes: [GraphNode(label: "Taliban", type: .organisation), GraphNode(label: "the Taliban", type: .organisation)],
            edges: [GraphEdge(source: 0, target: 1, kind: .coMention, label: "", weight: 1, documents: [0], evidence: evidence)],
            documentIDs: ["d"])
        let merged = GraphMerger.merge([graph])
        #expect(merged.nodes.count == 1)
        #expect(merged.edges.isEmpty)
        #expect(merged.documentIDs.isEmpty, "the loop's document is listed nowhere else")
    }

    @Test func aGraphMergedWithNothingIsItself() throws {
        let a = try GraphIO.extract([("monday", GraphIO.mondayText), ("tuesday", GraphIO.tuesdayText)])
        #expect(GraphMerger.merge([a]) == a)
        #expect(GraphMerger.merge([]) == EntityGraph())
    }

    @Test func distinctIdentitiesWithTheSameLabelStayApart() {
        let merged = GraphMerger.merge([MergeGraphs.islamicState(identity: "organisation:isis", document: "a"),
                                        MergeGraphs.islamicState(identity: "organisation:is-k", document: "b")])
        #expect(merged.nodes.count == 2)
        #expect(Set(merged.nodes.map(\.identity)) == ["organisation:isis", "organisation:is-k"])
    }

    @Test func nodesWithoutIdentityMeetByTypeAndNormalisedName() {
        let a = EntityGraph(nodes: [GraphNode(label: "the Taliban", type: .organisation, mentions: 1, documents: [0])],
                            documentIDs: ["a"])
        let b = EntityGraph(nodes: [GraphNode(label: "Taliban", type: .organisation, mentions: 4, documents: [0]),
                                    GraphNode(label: "Taliban", type: .person, mentions: 1, documents: [0])],
                            documentIDs: ["b"])
        let merged = GraphMerger.merge([a, b])
        #expect(merged.nodes.count == 2)  // the person stays apart: the type is part of the key
        let organisation = merged.nodes.first { $0.type == .organisation }
        #expect(organisation?.label == "Taliban")  // most mentions
        #expect(organisation?.aliases == ["the Taliban"])
        #expect(organisation?.mentions == 5)
        #expect(organisation.map(merged.documents(of:)) == ["a", "b"])
        #expect(organisation?.documents == [0, 1])
        #expect(organisation?.identity == "")
    }

    @Test func labelTiesAreAlphabeticalAndMeetingAttributesDoNotDependOnOrder() {
        func meeting(_ label: String, format: String?, date: String?, seen: String) -> EntityGraph {
            EntityGraph(nodes: [GraphNode(identity: "meeting:moscow format 3", label: label, type: .meeting, mentions: 2,
                                          documents: [0], date: date, format: format, firstSeen: seen, lastSeen: seen)],
                        documentIDs: [seen])
        }
        let a = meeting("Moscow talks", format: nil, date: "2021-10-20", seen: "2021-10-21")
        let b = meeting("Moscow Format", format: "talks", date: "2021-10-19", seen: "2021-10-18")
        for merged in [GraphMerger.merge([a, b]), GraphMerger.merge([b, a])] {
            let node = merged.nodes[0]
            #expect(node.label == "Moscow Format")
            #expect(node.aliases == ["Moscow talks"])
            #expect(node.format == "talks")
            #expect(node.date == "2021-10-19")  // the contributor ordered first by content ("Moscow Format" < "Moscow talks")
            #expect((node.firstSeen, node.lastSeen) == ("2021-10-18", "2021-10-21"))
        }
    }

    @Test func edgesAddWeightsAndKeepTheEarliestEvidence() throws {
        let a = MergeGraphs.pair(document: "b-doc", start: 5, weight: 2)
        let b = MergeGraphs.pair(document: "a-doc", start: 40, weight: 1.5)
        let merged = GraphMerger.merge([a, b])
        #expect(merged.edges.count == 1)
        let edge = try #require(merged.edges.first)
        #expect(edge.weight == 3.5)
        #expect(merged.documents(of: edge) == ["a-doc", "b-doc"])
        #expect(edge.evidence.document == "a-doc" && edge.evidence.start == 40)
        #expect(merged.nodes[edge.source].label == "Sergey Lavrov")
    }

    /// Identities survive the file: merging what was read equals merging the graphs themselves.
    @Test func mergingReadFilesEqualsMergingTheGraphs() throws {
        let a = try GraphIO.extract([("monday", GraphIO.mondayText)])
        let b = try GraphIO.extract([("tuesday", GraphIO.tuesdayText)])
        let readA = try GraphMLReader().read(GraphMLWriter().write(a))
        let readB = try GraphMLReader().read(GraphMLWriter().write(b))
        #expect(try GraphMLWriter().write(GraphMerger.merge([readA, readB]))
                == GraphMLWriter().write(GraphMerger.merge([a, b])))
    }
}

enum MergeGraphs {
    static func islamicState(identity: String, document: String) -> EntityGraph {
        EntityGraph(nodes: [GraphNode(identity: identity, label: "Islamic State", type: .organisation, mentions: 1,
                                      documents: [0])],
                    documentIDs: [document])
    }

    static func pair(document: String, start: Int, weight: Double) -> EntityGraph {
        EntityGraph(
            nodes: [GraphNode(identity: "person:sergey lavrov", label: "Sergey Lavrov", type: .person, mentions: 1,
                              documents: [0]),
                    GraphNode(identity: "country:RU", label: "Russia", type: .country, mentions: 1, documents: [0])],
            edges: [GraphEdge(source: 0, target: 1, kind: .role, label: "foreign minister", weight: weight,
                              documents: [0],
                              evidence: Evidence(document: document, sentence: "Lavrov, Russia's minister", start: start,
                                                 end: start + 25))],
            documentIDs: [document])
    }

    /// Shares identities with the extracted graphs (Russia, the Taliban) and brings a foreign, identity-less node.
    static func overlapping() -> EntityGraph {
        EntityGraph(
            nodes: [GraphNode(label: "Zamir Kabulov", type: .person, mentions: 2, documents: [0]),
                    GraphNode(identity: "country:RU", label: "Russian Federation", type: .country, mentions: 1,
                              documents: [0], firstSeen: "2021-10-22", lastSeen: "2021-10-22")],
            edges: [GraphEdge(source: 0, target: 1, kind: .role, label: "envoy", weight: 1, documents: [0],
                              evidence: Evidence(document: "wednesday", sentence: "Kabulov, Russia's envoy", start: 0, end: 23))],
            documentIDs: ["wednesday"])
    }
}
