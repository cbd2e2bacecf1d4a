import GraphModel
import Testing

private func ev(_ document: String, _ start: Int, _ sentence: String = "s", date: String? = nil) -> Evidence {
    Evidence(document: document, sentence: sentence, start: start, end: start + sentence.unicodeScalars.count, date: date)
}

/// A builder with five entities and six relations, fed in the given order.
private func sampleBuilder(reversed: Bool) -> GraphBuilder {
    var builder = GraphBuilder()
    var entities: [(String, String, NodeType)] = [
        ("person:b", "Beta Person", .person),
        ("country:FR", "France", .country),
        ("person:a", "Alpha Person", .person),
        ("meeting:x", "Addis Summit", .meeting),
        ("org:au", "African Union", .organisation),
    ]
    if reversed { entities.reverse() }
    for (key, label, type) in entities { builder.addEntity(key: key, label: label, type: type) }
    var relations: [(String, String, EdgeKind, String, Int)] = [
        ("person:a", "country:FR", .role, "foreign minister", 0),
        ("person:a", "person:b", .interaction, "meet", 10),
        ("person:a", "person:b", .coMention, "", 20),
        ("person:a", "meeting:x", .participant, "", 30),
        ("person:b", "org:au", .role, "chairperson", 40),
        ("person:a", "country:FR", .role, "ambassador", 50),
    ]
    if reversed { relations.reverse() }
    for (s, t, kind, label, start) in relations {
        builder.addRelation(from: s, to: t, kind: kind, label: label, evidence: ev("d", start))
    }
    return builder
}

@Suite("GraphBuilder")
struct GraphBuilderTests {
    @Test func nodesAreSortedByTypeThenLabel() {
        let (graph, index) = sampleBuilder(reversed: false).build()
        #expect(graph.nodes.map(\.label) == ["Alpha Person", "Beta Person", "African Union", "France", "Addis Summit"])
        #expect(graph.nodes.map(\.type) == [.person, .person, .organisation, .country, .meeting])
        #expect(index["person:a"] == 0)
        #expect(index["meeting:x"] == 4)
    }

    @Test func edgesAreSortedBySourceTargetKindLabel() {
        let (graph, _) = sampleBuilder(reversed: false).build()
        let described = graph.edges.map { "\($0.source)-\($0.target)-\($0.kind.rawValue)-\($0.label)" }
        #expect(described == [
            "0-1-interaction-meet", "0-1-co_mention-", "0-3-role-ambassador", "0-3-role-foreign minister",
            "0-4-participant-", "1-2-role-chairperson",
        ])
        #expect(graph.validate().isEmpty)
    }

    @Test func buildIsIndependentOfInsertionOrder() {
        let a = sampleBuilder(reversed: false).build()
        let b = sampleBuilder(reversed: true).build()
        #expect(a.graph == b.graph)
        #expect(a.indexByKey == b.indexByKey)
    }

    @Test func sameEvidenceInAnyOrderGivesIdenticalGraphs() {
        func build(_ order: [Int]) -> EntityGraph {
            var builder = GraphBuilder()
            let keys = ["k0", "k1", "k2"]
            for i in order { builder.addEntity(key: keys[i], label: "L\(2 - i)", type: .organisation) }
            for i in order {
                builder.addMention(key: keys[i], surface: "S\(i)", document: "doc\(i)", date: "2024-01-0\(i + 1)")
                builder.addRelation(from: keys[i], to: keys[(i + 1) % 3], kind: .interaction, label: "meet",
                                    evidence: ev("doc\(i)", i))
                builder.addRelation(from: keys[0], to: keys[2], kind: .coMention, evidence: ev("doc\(i)", i))
            }
            return builder.build().graph
        }
        let reference = build([0, 1, 2])
        #expect(reference.nodes.map(\.label) == ["L0", "L1", "L2"])
        #expect(build([2, 0, 1]) == reference)
        #expect(build([1, 2, 0]) == reference)
    }

    @Test func firstDeclarationWinsAndSetLabelReplaces() {
        var builder = GraphBuilder()
        builder.addEntity(key: "k", label: "First", type: .person)
        builder.addEntity(key: "k", label: "Second", type: .organisation)
        #expect(builder.contains("k"))
        #expect(!builder.contains("other"))
        var graph = builder.build().graph
        #expect(graph.nodes.count == 1)
        #expect(graph.nodes[0].label == "First")
        #expect(graph.nodes[0].type == .person)
        builder.setLabel("Renamed", for: "k")
        builder.setLabel("Nobody", for: "ghost")
        graph = builder.build().graph
        #expect(graph.nodes.map(\.label) == ["Renamed"])
    }

    @Test func aliasesExcludeTheLabelAndAreSorted() {
        var builder = GraphBuilder()
        builder.addEntity(key: "p", label: "Jean Dupont", type: .person)
        builder.addMention(key: "p", surface: "Jean Dupont", document: "d1", date: nil)
        builder.addMention(key: "p", surface: "Dupont", document: "d1", date: nil)
        builder.addMention(key: "p", surface: "Dupont", document: "d2", date: nil)
        builder.addMention(key: "p", surface: "", document: "d2", date: nil)
        builder.addAlias(key: "p", alias: "Ambassador Dupont")
        builder.addAlias(key: "p", alias: "")
        builder.addAlias(key: "unknown", alias: "ignored")
        let graph = builder.build().graph
        #expect(graph.nodes.count == 1)
        let node = graph.nodes[0]
        #expect(node.aliases == ["Ambassador Dupont", "Dupont"])
        #expect(node.mentions == 4)
        #expect(graph.documents(of: node) == ["d1", "d2"])
        #expect(graph.documentIDs == ["d1", "d2"])
    }

    @Test func labelSetLaterIsRemovedFromAliases() {
        var builder = GraphBuilder()
        builder.addEntity(key: "p", label: "Dupont", type: .person)
        builder.addMention(key: "p", surface: "Dupont", document: "d", date: nil)
        builder.addMention(key: "p", surface: "Jean Dupont", document: "d", date: nil)
        builder.setLabel("Jean Dupont", for: "p")
        #expect(builder.build().graph.nodes[0].aliases == ["Dupont"])
    }

    @Test func mentionOfUnknownKeyIsIgnored() {
        var builder = GraphBuilder()
        builder.addMention(key: "ghost", surface: "Ghost", document: "d", date: nil)
        builder.addDocument(key: "ghost", document: "d", date: nil)
        #expect(builder.build().graph.nodes.isEmpty)
    }

    @Test func weightCountsDistinctSentences() {
        var builder = GraphBuilder()
        builder.addEntity(key: "a", label: "A", type: .person)
        builder.addEntity(key: "b", label: "B", type: .person)
        // The same sentence reached twice is one piece of support.
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "meet", evidence: ev("d1", 0, "A met B."))
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "meet", evidence: ev("d1", 0, "A met B."))
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "meet", evidence: ev("d1", 40, "A met B again."))
        // The same offset in another document is another sentence.
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "meet", evidence: ev("d2", 0, "A met B."))
        // A different label is a different edge; the reverse direction too.
        builder.addRelation(from: "a", to: "b", kind: .interaction, label: "visit", evidence: ev("d1", 0, "A met B."))
        builder.addRelation(from: "b", to: "a", kind: .interaction, label: "meet", evidence: ev("d1", 0, "A met B."))
        let graph = builder.build().graph
        #expect(graph.edges.count == 3)
        let meet = graph.edges.first { $0.label == "meet" && $0.source == 0 }
        #expect(meet?.weight == 3)
        #expect(meet.map(graph.documents(of:)) == ["d1", "d2"])
        #expect(graph.edges.first { $0.label == "visit" }?.weight == 1)
        #expect(graph.edges.first { $0.source == 1 }?.weight == 1)
    }

    @Test func earliestEvidenceIsChosen() {
        var builder = GraphBuilder()
        builder.addEntity(key: "a", label: "A", type: .person)
        builder.addEntity(key: "b", label: "B", type: .country)
        builder.addRelation(from: "a", to: "b", kind: .role, label: "envoy", evidence: ev("doc2", 5, "late doc", date: "2024-01-01"))
        builder.addRelation(from: "a", to: "b", kind: .role, label: "envoy", evidence: ev("doc1", 90, "later in doc1", date: "2024-03-01"))
        builder.addRelation(from: "a", to: "b", kind: .role, label: "envoy", evidence: ev("doc1", 12, "earliest", date: "2024-03-01"))
        let edges = builder.build().graph.edges
        #expect(edges.count == 1)
        let edge = edges[0]
        #expect(edge.evidence.document == "doc1")
        #expect(edge.evidence.start == 12)
        #expect(edge.evidence.sentence == "earliest")
        #expect(edge.date == "2024-03-01")
        #expect(edge.firstSeen == "2024-01-01")
        #expect(edge.lastSeen == "2024-03-01")
        #expect(edge.weight == 3)
    }

    @Test func selfLoopsAndUnknownKeysAreIgnored() {
        var builder = GraphBuilder()
        builder.addEntity(key: "a", label: "A", type: .person)
        builder.addEntity(key: "b", label: "B", type: .person)
        builder.addRelation(from: "a", to: "a", kind: .interaction, label: "meet", evidence: ev("d", 0))
        builder.addRelation(from: "a", to: "ghost", kind: .interaction, label: "meet", evidence: ev("d", 0))
        builder.addRelation(from: "ghost", to: "b", kind: .coMention, evidence: ev("d", 0))
        let graph = builder.build().graph
        #expect(graph.edges.isEmpty)
        #expect(graph.nodes.count == 2)
        #expect(!builder.hasRelation("a", "a", kinds: [.interaction]))
        #expect(!builder.hasRelation("a", "ghost", kinds: Set(EdgeKind.allCases)))
    }

    @Test func hasRelationIsUndirectedAndFiltersByKind() {
        var builder = GraphBuilder()
        builder.addEntity(key: "a", label: "A", type: .person)
        builder.addEntity(key: "b", label: "B", type: .organisation)
        builder.addEntity(key: "c", label: "C", type: .country)
        #expect(!builder.hasRelation("a", "b", kinds: [.role]))
        builder.addRelation(from: "a", to: "b", kind: .role, label: "head", evidence: ev("d", 0))
        #expect(builder.hasRelation("a", "b", kinds: [.role]))
        #expect(builder.hasRelation("b", "a", kinds: [.role, .interaction]))
        #expect(!builder.hasRelation("a", "b", kinds: [.interaction, .coMention]))
        #expect(!builder.hasRelation("a", "c", kinds: Set(EdgeKind.allCases)))
        #expect(!builder.hasRelation("a", "b", kinds: []))
    }

    @Test func firstAndLastSeenDatesOfNodes() {
        var builder = GraphBuilder()
        builder.addEntity(key: "a", label: "A", type: .person)
        builder.addEntity(key: "u", label: "Undated", type: .person)
        builder.addMention(key: "a", surface: "A", document: "d2", date: "2024-05-02")
        builder.addMention(key: "a", surface: "A", document: "d1", date: "2023-12-31")
        builder.addMention(key: "a", surface: "A", document: "d3", date: nil)
        builder.addDocument(key: "a", document: "d4", date: "2024-06-30")
        builder.addMention(key: "u", surface: "Undated", document: "d3", date: nil)
        let graph = builder.build().graph
        let nodes = graph.nodes
        #expect(nodes[0].firstSeen == "2023-12-31")
        #expect(nodes[0].lastSeen == "2024-06-30")
        #expect(graph.documents(of: nodes[0]) == ["d1", "d2", "d3", "d4"])
        #expect(nodes[0].mentions == 3)
        #expect(nodes[1].firstSeen == nil)
        #expect(nodes[1].lastSeen == nil)
    }

    @Test func meetingAttributesAreKeptUnlessReplacedByAValue() {
        var builder = GraphBuilder()
        builder.addEntity(key: "m", label: "Addis Summit", type: .meeting)
        builder.setMeeting(.init(date: "2024-02-17", format: "summit", ordinal: 37, series: "AU Summit"), for: "m")
        builder.setMeeting(.init(date: nil, format: nil, ordinal: nil, series: nil), for: "m")
        var node = builder.build().graph.nodes[0]
        #expect(node.date == "2024-02-17")
        #expect(node.format == "summit")
        #expect(node.ordinal == 37)
        #expect(node.series == "AU Summit")
        builder.setMeeting(.init(format: "conference"), for: "m")
        builder.setMeeting(.init(date: "2024-02-18"), for: "ghost")
        let graph = builder.build().graph
        node = graph.nodes[0]
        #expect(node.format == "conference")
        #expect(node.date == "2024-02-17")
        #expect(node.ordinal == 37)
        #expect(graph.nodes.count == 1)
    }

    @Test func nonMeetingsHaveNoMeetingAttributes() {
        var builder = GraphBuilder()
        builder.addEntity(key: "p", label: "P", type: .person)
        let node = builder.build().graph.nodes[0]
        #expect(node.date == nil && node.format == nil && node.ordinal == nil && node.series == nil)
    }

    @Test func validateReportsDanglingEdges() {
        let graph = EntityGraph(nodes: [GraphNode(label: "A", type: .person)],
                                edges: [GraphEdge(source: 0, target: 3, kind: .role, label: "", weight: 1,
                                                  documents: [], evidence: ev("d", 0))])
        #expect(graph.validate() == ["edge e0 points at a node that does not exist"])
        #expect(EntityGraph.nodeID(7) == "n7")
        #expect(EntityGraph.edgeID(0) == "e0")
    }

    @Test func typeAndKindOrder() {
        #expect(NodeType.allCases.sorted() == [.person, .organisation, .country, .location, .meeting])
        #expect(EdgeKind.allCases.sorted().map(\.rawValue) == ["role", "member_of", "participant", "held_in",
                                                                "located_in", "interaction", "co_mention"])
    }

    @Test func evidenceOrderIsDocumentThenPosition() {
        #expect(ev("a", 50) < ev("b", 0))
        #expect(ev("a", 0) < ev("a", 1))
        #expect(!(ev("a", 1) < ev("a", 1)))
    }
}

@Suite("GraphBuilder.rekey")
struct GraphBuilderRekeyTests {
    /// Two surnames that both join one full name bring two edges onto one: the merged edge keeps the event class
    /// of the earliest evidence, whichever order the records meet in (`rekey` walks a dictionary).
    @Test func edgesJoinedByRekeyKeepTheEarliestEventClassInAnyOrder() {
        func build(_ order: [Int]) -> EntityGraph {
            var builder = GraphBuilder()
            for key in ["person:full", "\u{1}surname:a", "\u{1}surname:b", "country:KE"] {
                builder.addEntity(key: key, label: key, type: key.hasPrefix("country") ? .country : .person)
            }
            let supports = [("\u{1}surname:a", "warn", 40), ("\u{1}surname:b", "consult", 10), ("person:full", "approve", 70)]
            for i in order {
                let (source, eventClass, start) = supports[i]
                builder.addSupport(from: source, to: "country:KE", kind: .interaction, label: "meet",
                                   earliest: ev("d", start), sentences: 1, eventClass: eventClass)
            }
            builder.rekey(["\u{1}surname:a": "person:full", "\u{1}surname:b": "person:full"])
            return builder.build().graph
        }
        let graphs = [[0, 1, 2], [2, 1, 0], [1, 2, 0]].map(build)
        for graph in graphs {
            #expect(graph.edges.count == 1)
            #expect(graph.edges.first?.eventClass == "consult", "\(graph.edges)")
            #expect(graph == graphs[0])
        }
    }
}

@Suite struct GraphBuilderKeyTests {
    /// A key is numbered once and names the same node by number as by text; both APIs build the same graph.
    @Test func numberedKeysBuildWhatTextKeysBuild() {
        var byText = GraphBuilder()
        byText.addEntity(key: "person:a", label: "A", type: .person)
        byText.addEntity(key: "country:B", label: "B", type: .country)
        byText.addMentions(key: "person:a", count: 2, surfaces: ["A", "Mr A"], document: "d2", date: "2020-01-02")
        byText.addSupport(from: "person:a", to: "country:B", kind: .role, label: "envoy",
                          earliest: Evidence(document: "d2", sentence: "s", start: 0, end: 1), sentences: 1)

        var byNumber = GraphBuilder()
        let a = byNumber.key("person:a"), b = byNumber.key("country:B")
        #expect(byNumber.key("person:a") == a && a != b)
        #expect(byNumber.name(of: a) == "person:a" && a.slot == 0 && b.slot == 1)
        byNumber.addEntity(a, label: "A", type: .person)
        byNumber.addEntity(b, label: "B", type: .country)
        byNumber.addMentions(a, count: 2, surfaces: ["A", "Mr A"], document: "d2", date: "2020-01-02")
        byNumber.addSupport(from: a, to: b, kind: .role, label: "envoy",
                            earliest: Evidence(document: "d2", sentence: "s", start: 0, end: 1), sentences: 1)
        #expect(byNumber.build().graph == byText.build().graph)
        #expect(byNumber.contains("person:a") && !byNumber.contains("person:z"))
    }

    /// Documents given out of id order are still listed sorted and once (the index shortcut needs ascending ids).
    @Test func documentsOutOfOrderAreSortedByText() {
        var builder = GraphBuilder()
        builder.addEntity(key: "person:a", label: "A", type: .person)
        for document in ["d3", "d1", "d3", "d2", "d1"] {
            builder.addMentions(key: "person:a", count: 1, surfaces: [], document: document, date: nil)
        }
        let graph = builder.build().graph
        #expect(graph.nodes.first.map(graph.documents(of:)) == ["d1", "d2", "d3"])
        #expect(graph.nodes.first?.documents == [0, 1, 2])
        #expect(graph.documentIDs == ["d1", "d2", "d3"])
    }
}

/// Types and kinds order and hash by their place in `allCases`, as the exports list them.
@Suite struct OrdinalTests {
    @Test func ordinalsFollowAllCases() {
        for (i, type) in NodeType.allCases.enumerated() {
            #expect(Int(type.ordinal) == i)
            for other in NodeType.allCases {
                #expect((type < other) == (i < NodeType.allCases.firstIndex(of: other)!))
                #expect((type == other) == (type.rawValue == other.rawValue))
            }
        }
        for (i, kind) in EdgeKind.allCases.enumerated() {
            #expect(Int(kind.ordinal) == i)
            for other in EdgeKind.allCases {
                #expect((kind < other) == (i < EdgeKind.allCases.firstIndex(of: other)!))
                #expect((kind == other) == (kind.rawValue == other.rawValue))
            }
        }
        #expect(Set(EdgeKind.allCases).count == EdgeKind.allCases.count)
        #expect(Set(NodeType.allCases).count == NodeType.allCases.count)
    }

    /// A label numbered once names the same edge as its text.
    @Test func numberedLabelsBuildWhatTextLabelsBuild() {
        func builder(numbered: Bool) -> GraphBuilder {
            var builder = GraphBuilder()
            let a = builder.key("person:a"), b = builder.key("country:B")
            builder.addEntity(a, label: "A", type: .person)
            builder.addEntity(b, label: "B", type: .country)
            for (document, sentences) in [("d1", 2), ("d2", 1)] {
                let evidence = Evidence(document: document, sentence: "s", start: 0, end: 1)
                if numbered {
                    let envoy = builder.label("envoy")
                    #expect(builder.label("envoy") == envoy && builder.label("") != envoy)
                    builder.addSupport(from: a, to: b, kind: .role, label: envoy, earliest: evidence, sentences: sentences)
                } else {
                    builder.addSupport(from: a, to: b, kind: .role, label: "envoy", earliest: evidence, sentences: sentences)
                }
            }
            return builder
        }
        let graph = builder(numbered: true).build().graph
        #expect(graph == builder(numbered: false).build().graph)
        #expect(graph.edges.map(\.weight) == [3] && graph.edges.map(\.label) == ["envoy"])
    }
}
