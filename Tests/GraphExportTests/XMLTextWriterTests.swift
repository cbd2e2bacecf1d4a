import Foundation
import Testing
import GraphModel
@testable import GraphExport

/// The writer's allocation-free paths (fixed names, positional ids, values composed in its buffer) must write the
/// bytes the String paths write: libxml2 still escapes everything, and `TextPolicy` still cleans every value.
@Suite struct XMLTextWriterTests {
    private func document(_ body: (XMLTextWriter) throws(ExportError) -> Void) throws -> String {
        let xml = try XMLTextWriter(indent: false)
        try xml.startElement("r")
        try body(xml)
        try xml.endElement()
        return String(decoding: try xml.finish(), as: UTF8.self)
    }

    @Test func fixedNamesWriteWhatStringsWrite() throws {
        let fixed = try document { (xml) throws(ExportError) in
            try xml.startElement(XMLTextWriter.Name("data"))
            try xml.attribute(XMLTextWriter.Name("key"), XMLTextWriter.Name("node_label"))
            try xml.attribute(XMLTextWriter.Name("note"), "a \"b\" & <c>\u{0}")
            try xml.text(.string("x < y & z\u{1}"))
            try xml.endElement()
        }
        let strings = try document { (xml) throws(ExportError) in
            try xml.element("data", ["key": "node_label", "note": "a \"b\" & <c>\u{0}"], text: "x < y & z\u{1}")
        }
        #expect(fixed == strings)
        #expect(fixed.contains(#"<data key="node_label" note="a &quot;b&quot; &amp; &lt;c&gt;">x &lt; y &amp; z</data>"#))
    }

    @Test func positionalIdsAreSpelledInDecimal() throws {
        let text = try document { (xml) throws(ExportError) in
            try xml.startElement(XMLTextWriter.Name("e"))
            try xml.attribute(XMLTextWriter.Name("a"), id: EntityGraph.nodeIDPrefix, 0)
            try xml.attribute(XMLTextWriter.Name("b"), id: EntityGraph.edgeIDPrefix, 1_234_567)
            try xml.attribute(XMLTextWriter.Name("c"), id: EntityGraph.nodeIDPrefix, 10)
            try xml.endElement()
        }
        #expect(text.contains(#"<e a="n0" b="e1234567" c="n10"/>"#))
        #expect(EntityGraph.nodeID(10) == "n10" && EntityGraph.edgeID(1_234_567) == "e1234567")
    }

    @Test func decimalsMatchStringOfInt() {
        for value in [0, 1, 9, 10, 99, 100, 101, 4_294_967_295, -1, -10, -2_147_483_648, Int.max, Int.min] {
            var bytes: [UInt8] = []
            XMLTextWriter.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func composedValuesMatchTheirLiterals() throws {
        let values: [AttributeValue] = [
            .int(-42), .int(2_147_483_647), .double(0.25), .double(2), .string("plain"),
            .list(["a & b", "c\r\nd", "e\u{0}f", "", "g<h>"]), .list(["one"]),
        ]
        for value in values {
            let composed = try document { (xml) throws(ExportError) in try xml.text(value) }
            let literal = try document { (xml) throws(ExportError) in try xml.text(value.literal) }
            #expect(composed == literal)
        }
    }
}

/// Siblings written in pieces by parallel libxml2 writers (`XMLTextWriter.siblings`) must be the bytes one writer
/// writes alone, whatever the number of threads and the piece size, at any depth, with or without indentation.
@Suite struct SiblingPiecesTests {
    /// A GraphML-like document: `depth` open elements, then `count` siblings with nested children, attributes and
    /// text made of names that need escaping and cleaning, then a closing sibling written after the pieces.
    private func document(count: Int, depth: Int, indent: Bool = true, jobs: Int, perPiece: Int) throws -> [UInt8] {
        let xml = try XMLTextWriter(indent: indent)
        // With and without the declaration (and the output encoder libxml2 sets up with it).
        if indent { try xml.startDocument() }
        for level in 0..<depth {
            try xml.startElement("level\(level)")
            try xml.attribute("id", "L\(level)")
        }
        let names = TestGraphs.nastyNames
        try xml.siblings(count: count, jobs: jobs, perPiece: perPiece) { (xml, index) throws(ExportError) in
            try xml.startElement(XMLTextWriter.Name("node"))
            try xml.attribute(XMLTextWriter.Name("id"), id: EntityGraph.nodeIDPrefix, index)
            if index.isMultiple(of: 3) {
                try xml.endElement()  // an empty element: `/>`
                return
            }
            try xml.attribute("note", names[index % names.count])
            try xml.element(XMLTextWriter.Name("data"), XMLTextWriter.Name("key"), XMLTextWriter.Name("label"),
                            text: .string(names[(index * 7) % names.count]))
            try xml.element(XMLTextWriter.Name("data"), XMLTextWriter.Name("key"), XMLTextWriter.Name("aliases"),
                            text: .list([names[(index + 1) % names.count], "x & y"]))
            try xml.endElement()
        }
        try xml.element("after", ["n": "\(count)"])
        return try xml.finish()
    }

    @Test(arguments: [0, 1, 2, 3])
    func piecesWriteTheBytesOfOneWriter(depth: Int) throws {
        for count in [0, 1, 2, 5, 40, 97] {
            for indent in [true, false] {
                let alone = try document(count: count, depth: depth, indent: indent, jobs: 1, perPiece: 1_000)
                for (jobs, perPiece) in [(2, 1), (2, 4), (3, 7), (8, 16), (2, 1_000)] {
                    let pieces = try document(count: count, depth: depth, indent: indent, jobs: jobs, perPiece: perPiece)
                    #expect(pieces == alone, "count \(count), depth \(depth), indent \(indent), jobs \(jobs), per piece \(perPiece)")
                }
            }
        }
        // The comparison is not vacuous: the document holds every sibling, escaped.
        let text = String(decoding: try document(count: 40, depth: depth, jobs: 3, perPiece: 7), as: UTF8.self)
        #expect(text.contains(#"<node id="n39""#) && text.contains("AT&amp;T &lt;Logistics&gt;"))
        #expect(text.contains(#"<after n="40"/>"#))
    }

    @Test func aFailingSiblingFailsTheWholeWrite() throws {
        let xml = try XMLTextWriter()
        try xml.startElement("root")
        #expect(throws: ExportError.xmlWriter(operation: "sibling 77")) {
            try xml.siblings(count: 200, jobs: 4, perPiece: 10) { (xml, index) throws(ExportError) in
                if index == 77 { throw .xmlWriter(operation: "sibling 77") }
                try xml.element("item", ["i": "\(index)"])
            }
        }
    }

    /// Through the GraphML writer and its file stream: a graph larger than one piece, written by several threads.
    @Test func graphMLIsTheSameWhateverTheJobs() throws {
        var graph = TestGraphs.large(count: 3 * XMLTextWriter.siblingsPerPiece + 17)
        for index in graph.nodes.indices {
            graph.nodes[index].label = TestGraphs.nastyNames[index % TestGraphs.nastyNames.count] + " \(index)"
        }
        let alone = try GraphMLWriter(options: .init(jobs: 1)).write(graph)
        for yed in [false, true] {
            let serial = try GraphMLWriter(options: .init(yed: yed, jobs: 1)).write(graph)
            for jobs in [2, 5] {
                #expect(try GraphMLWriter(options: .init(yed: yed, jobs: jobs)).write(graph) == serial)
            }
        }
        let directory = try TemporaryDirectory()
        let path = directory.file("g.graphml")
        try writeExport(graph, to: path, options: ExportOptions(jobs: 3))
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == alone)
    }

    /// GEXF takes the same pieces: the same bytes with any number of threads, in memory and streamed.
    @Test func gexfIsTheSameWhateverTheJobs() throws {
        var graph = TestGraphs.large(count: 3 * XMLTextWriter.siblingsPerPiece + 17)
        for index in graph.nodes.indices {
            graph.nodes[index].label = TestGraphs.nastyNames[index % TestGraphs.nastyNames.count] + " \(index)"
        }
        let alone = try GEXFWriter(jobs: 1).write(graph)
        for jobs in [2, 5] { #expect(try GEXFWriter(jobs: jobs).write(graph) == alone) }
        let directory = try TemporaryDirectory()
        let path = directory.file("g.gexf")
        try writeExport(graph, to: path, options: ExportOptions(jobs: 3))
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == alone)
        #expect(String(decoding: alone, as: UTF8.self).contains(#"<edge id="e\#(graph.edges.count - 1)""#))
    }
}
