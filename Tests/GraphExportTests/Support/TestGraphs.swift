import GraphModel

/// Graphs built directly from GraphModel values, in canonical order, for the exporter tests.
enum TestGraphs {
    /// Names that break naive writers, one per node (see ../shared/battery/README.md).
    static let nastyNames: [String] = [
        "AT&T <Logistics> \"quoted\" 'single' ]]> end",
        "The firm &amp; Co.",
        "Null\u{0}Void",
        "Bell\u{7}Ringers\u{1B}[31m",
        "Half\u{FFFE}Moon\u{FFFF}",
        "👨‍👩‍👧 Families 🇦🇫 ❤️",
        "د کابل ښاروالۍ",
        "\u{202E}Exchange Corp\u{202C}",
        "C:\\Users\\Public\\",
        "Doha talks \\N \\G \\L",
        "node",
        "Graph",
        "subgraph",
        "strict",
        "Edge",
        "Foo:Bar",
        "08e10",
        "-1.5",
        "Tab\tInside",
        "Split\nAcross",
        "CR\r\nLF",
        "Lone\rCR",
        "<b>Bold</b> Media",
        "n0",
        "Line\u{2028}Separator\u{85}\u{7F}",
        "Zu\u{308}rich",
        "Very " + String(repeating: "Very ", count: 4000) + "Long Name Foundation",
    ]

    /// Every node type and edge kind, with meeting attributes and dates: exercises every key.
    static func sample() -> EntityGraph {
        let nodes = [
            GraphNode(label: "Sergey Lavrov", type: .person, aliases: ["Lavrov"], mentions: 3,
                      documents: [0, 1], firstSeen: "2021-10-20", lastSeen: "2021-10-21"),
            GraphNode(label: "Zamir Kabulov", type: .person, mentions: 1, documents: [1]),
            GraphNode(label: "Russian Foreign Ministry", type: .organisation, aliases: ["MFA"], mentions: 2,
                      documents: [0]),
            GraphNode(label: "Taliban", type: .organisation, mentions: 4, documents: [0, 1]),
            GraphNode(label: "Russia", type: .country, mentions: 5, documents: [0, 1]),
            GraphNode(label: "Moscow", type: .location, mentions: 2, documents: [0]),
            GraphNode(label: "Moscow Format talks", type: .meeting, mentions: 2, documents: [0],
                      date: "2021-10-20", format: "talks", ordinal: 3, series: "Moscow Format",
                      firstSeen: "2021-10-20", lastSeen: "2021-10-20"),
        ]
        func evidence(_ sentence: String, _ start: Int, date: String? = "2021-10-20") -> Evidence {
            Evidence(document: "000", sentence: sentence, start: start, end: start + sentence.unicodeScalars.count,
                     date: date)
        }
        let edges = [
            GraphEdge(source: 0, target: 2, kind: .role, label: "foreign minister", weight: 2, documents: [0],
                      evidence: evidence("Foreign Minister Sergey Lavrov said…", 0)),
            GraphEdge(source: 0, target: 3, kind: .interaction, label: "meet", weight: 1, documents: [0],
                      evidence: evidence("Lavrov met the Taliban delegation.", 40)),
            GraphEdge(source: 0, target: 6, kind: .participant, label: "", weight: 1, documents: [0],
                      evidence: evidence("Lavrov opened the talks.", 80), firstSeen: "2021-10-20", lastSeen: "2021-10-21"),
            GraphEdge(source: 1, target: 3, kind: .coMention, label: "", weight: 0.5, documents: [1],
                      evidence: evidence("Kabulov and the Taliban.", 10, date: nil)),
            GraphEdge(source: 2, target: 4, kind: .memberOf, label: "", weight: 1, documents: [0],
                      evidence: evidence("The Russian Foreign Ministry…", 120)),
            GraphEdge(source: 5, target: 4, kind: .locatedIn, label: "", weight: 1, documents: [0],
                      evidence: evidence("Moscow, Russia.", 150)),
            GraphEdge(source: 6, target: 5, kind: .heldIn, label: "", weight: 1, documents: [0],
                      evidence: evidence("talks in Moscow", 170)),
        ]
        return EntityGraph(nodes: nodes, edges: edges, documentIDs: ["000", "001"])
    }

    /// One organisation per nasty name, chained by interaction edges whose label and evidence are nasty too.
    static func nasty() -> EntityGraph {
        var documents = DocumentNumbering()
        let nodes = nastyNames.map { GraphNode(label: $0, type: .organisation, aliases: [$0 + " alias"], mentions: 1,
                                               documents: [documents.index(of: "doc|\($0.prefix(10))")]) }
        var edges: [GraphEdge] = []
        for i in 0..<(nodes.count - 1) {
            let sentence = "\(nastyNames[i]) met \(nastyNames[i + 1]).\\"
            edges.append(GraphEdge(source: i, target: i + 1, kind: i.isMultiple(of: 2) ? .interaction : .role,
                                   label: nastyNames[(i + 3) % nastyNames.count], weight: Double(i) + 0.5,
                                   documents: [documents.index(of: "d\(i)")],
                                   evidence: Evidence(document: "d\(i)", sentence: sentence, start: i,
                                                      end: i + sentence.unicodeScalars.count)))
        }
        var graph = EntityGraph(nodes: nodes, edges: edges, documentIDs: documents.table)
        graph.normalizeDocumentTable()
        return graph
    }

    /// `count` people in a ring with co-mentions, for the large-graph (sfdp) style.
    static func large(count: Int) -> EntityGraph {
        let nodes = (0..<count).map { GraphNode(label: "Person \($0)", type: .person, mentions: $0) }
        let edges = (0..<count).map {
            GraphEdge(source: $0, target: ($0 + 1) % count, kind: $0.isMultiple(of: 3) ? .interaction : .coMention,
                      label: "talks to", weight: 1, documents: [0],
                      evidence: Evidence(document: "d", sentence: "Person \($0) talks.", start: 0, end: 18))
        }
        return EntityGraph(nodes: nodes, edges: edges, documentIDs: ["d"])
    }
}
