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
