import Testing
@testable import GraphExport

/// `XMLTextWriter` writes the bytes libxml2's `xmlTextWriter` wrote before it (`LibXML2TextWriter`): the same
/// random documents, with every kind of awkward text, through both.
@Suite struct XMLTextWriterTests {
    /// Text that exercises the escaping and the text policy: markup, quotes, TAB/LF/CR/CRLF, controls, NUL,
    /// U+FFFE/U+FFFF, non-ASCII of every length, and empty text.
    static let pieces = [
        "", "plain", "a<b>c", "Tom & Jerry", "\"quoted\"", "it's", "x\ty", "line\nbreak", "cr\rlf\r\n", "\u{0}nul",
        "bell\u{7}", "\u{1F}", "\u{FFFE}\u{FFFF}\u{FFFD}", "é", "Zakharova’s", "日本", "👨‍👩‍👧", "\u{202E}rtl", "\u{7F}\u{85}",
        "]]>", "&amp;", "=", "?", "\r", "\n\n", " ",
    ]

    enum Operation {
        case start(String), attribute(String, String), text(String), end, element(String, String, String?)
    }

    static func randomOperations(_ generator: inout some RandomNumberGenerator) -> [Operation] {
        var operations: [Operation] = []
        var depth = 0
        var canAttribute = false
        for _ in 0..<Int.random(in: 1...40, using: &generator) {
            let text = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                operations.append(.start("e\(depth)"))
                depth += 1
                canAttribute = true
            case 1 where canAttribute:
                operations.append(.attribute("a", text))
            case 2 where depth > 0:
                operations.append(.text(text))
                canAttribute = false
            case 3 where depth > 0:
                operations.append(.end)
                depth -= 1
                canAttribute = false
            case 4 where depth > 0:
                operations.append(.element("d", text, Bool.random(using: &generator) ? text : nil))
                canAttribute = false
            default:
                break
            }
        }
        return operations
    }

    static func run(_ operations: [Operation], indent: Bool, startDocument: Bool) throws -> ([UInt8], [UInt8]) {
        let ours = try XMLTextWriter(indent: indent), theirs = try LibXML2TextWriter(indent: indent)
        if startDocument {
            try ours.startDocument()
            try theirs.startDocument()
        }
        for operation in operations {
            switch operation {
            case let .start(name):
                try ours.startElement(name)
                try theirs.startElement(name)
            case let .attribute(name, value):
                try ours.attribute(name, value)
                try theirs.attribute(name, value)
            case let .text(value):
                try ours.text(value)
                try theirs.text(value)
            case .end:
                try ours.endElement()
                try theirs.endElement()
            case let .element(name, value, text):
                try ours.element(name, ["k": value, "l": "v"], text: text)
                try theirs.element(name, ["k": value, "l": "v"], text: text)
            }
        }
        return (try ours.finish(), try theirs.finish())
    }

    @Test func writesTheBytesLibxml2Writes() throws {
        var generator = SplitMix64(seed: 10)
        for round in 0..<2000 {
            let operations = Self.randomOperations(&generator)
            let indent = round % 2 == 0
            // Every exporter starts the document; without it libxml2 writes non-ASCII in attributes as references.
            let startDocument = round % 5 != 4
            let (ours, theirs) = try Self.run(operations, indent: indent, startDocument: startDocument)
            #expect(ours == theirs, "round \(round): \(String(decoding: ours, as: UTF8.self)) vs \(String(decoding: theirs, as: UTF8.self))")
            if ours != theirs { return }
        }
    }

    @Test func refusesUseAfterFinish() throws {
        let writer = try XMLTextWriter()
        _ = try writer.finish()
        #expect(throws: ExportError.self) { try writer.startElement("x") }
    }
}

/// A small seeded generator, so a failing round can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
