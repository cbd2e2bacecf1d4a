internal import CLibXML2

/// Why libxml2 stopped reading: its own message and the line it was on.
struct XMLReadFailure: Error, Sendable {
    var message: String
    var line: Int?
}

/// A small Swift face for libxml2's pull parser (`xmlTextReader`), reading UTF-8 XML from memory.
///
/// The only file that talks to libxml2 for reading, so the C types, return codes and error callback stay
/// out of the format code. Safety choices, fixed here so no caller can forget them:
/// - `XML_PARSE_NONET`: nothing is ever fetched; no DTD is loaded (no `DTDLOAD`), no entity is substituted
///   (no `NOENT`), so only the predefined entities and character references are expanded. A document type
///   declaration is reported as `.documentType` and the GraphML reader refuses it.
/// - No `XML_PARSE_HUGE`: libxml2 keeps its limits on text node size and nesting depth, so a hostile file
///   cannot make it allocate without bound.
/// - `XML_PARSE_BIG_LINES`: line numbers stay right beyond line 65,535, because error messages name the line.
/// - Errors go to a structured handler that keeps the first message instead of printing it on stderr; the
///   few libxml2 prints through its unstructured handler (encoding conversion) are silenced for the reader's
///   lifetime on this thread and the previous handler is restored afterwards (`shim.h`).
///
/// Not thread-safe; one reader is created and used by one read call.
final class XMLTextReader {
    enum NodeKind: Equatable {
        case startElement(isEmpty: Bool)
        case endElement
        /// Character data, CDATA and white space: the parts of an element's text.
        case text
        case documentType
        /// Comments, processing instructions, entity references and the like.
        case other
    }

    /// The input, which libxml2 reads lazily while parsing: it must stay in place until the reader is freed.
    private let input: StableBytes
    private let reader: xmlTextReaderPtr
    private let errors: ErrorSink
    private let savedGenericErrors: entitygraph_generic_error_state

    /// Keeps libxml2's first error. A class so the C callback can reach it through an opaque pointer.
    private final class ErrorSink {
        var first: XMLReadFailure?
    }

    /// Reads a copy of `bytes`.
    convenience init(bytes: [UInt8], url: String) throws(XMLReadFailure) {
        try self.init(input: StableBytes(copying: bytes), url: url)
    }

    /// Reads `input` in place (a file is read once into it, not copied again).
    init(input: StableBytes, url: String) throws(XMLReadFailure) {
        guard input.count < Int(Int32.max) else {
            throw XMLReadFailure(message: "the file is larger than 2 GiB, which libxml2 cannot read from memory", line: nil)
        }
        guard input.count > 0 else { throw XMLReadFailure(message: "the file is empty", line: 1) }
        // Silenced before the reader exists: creating it already decodes the first chunk.
        let savedGenericErrors = entitygraph_silence_generic_errors()
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let start = UnsafeRawPointer(input.base).assumingMemoryBound(to: CChar.self)
        guard let reader = xmlReaderForMemory(start, Int32(input.count), url, nil, options) else {
            entitygraph_restore_generic_errors(savedGenericErrors)
            throw XMLReadFailure(message: "libxml2 could not start reading (out of memory, or an undecodable start)", line: 1)
        }
        self.input = input
        self.reader = reader
        self.errors = ErrorSink()
        self.savedGenericErrors = savedGenericErrors
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
            // Warnings (level 1) do not stop the parse; keep the first real error.
            guard sink.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
            while message.last?.isWhitespace == true { message.removeLast() }
            sink.first = XMLReadFailure(message: message, line: error.pointee.line > 0 ? Int(error.pointee.line) : nil)
        }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        entitygraph_restore_generic_errors(savedGenericErrors)
    }

    /// Moves to the next node in document order; false at the end of the document.
    func read() throws(XMLReadFailure) -> Bool {
        try check(xmlTextReaderRead(reader))
    }

    /// Moves past the current node's subtree to its next sibling (or the next node after its parent);
    /// false at the end of the document. The reader is then positioned on that node, already read.
    func skipSubtree() throws(XMLReadFailure) -> Bool {
        try check(xmlTextReaderNext(reader))
    }

    var kind: NodeKind {
        switch UInt32(clamping: xmlTextReaderNodeType(reader)) {
        case XML_READER_TYPE_ELEMENT.rawValue: .startElement(isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
        case XML_READER_TYPE_END_ELEMENT.rawValue: .endElement
        case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
             XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue: .text
        case XML_READER_TYPE_DOCUMENT_TYPE.rawValue: .documentType
        default: .other
        }
    }

    /// The element name without its prefix (`graphml`, `node`).
    var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// Whether the element name without its prefix is `name`: compared on libxml2's bytes, no `String` made
    /// (this runs for every element of a large file).
    func localNameIs(_ name: StaticString) -> Bool {
        guard let actual = xmlTextReaderConstLocalName(reader) else { return false }
        return Self.equal(actual, name)
    }

    /// Appends the value of the current element's first attribute whose local name is `name` to `buffer`
    /// (the same attribute `attributes()[name]` gives) and returns where it is; nil when there is none.
    /// Bytes only: the callers look ids up without making a `String` of each.
    func appendAttribute(_ name: StaticString, to buffer: inout [UInt8]) -> Range<Int>? {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return nil }
        defer { _ = xmlTextReaderMoveToElement(reader) }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            guard let actual = xmlTextReaderConstLocalName(reader), Self.equal(actual, name) else { continue }
            let start = buffer.count
            if let value = xmlTextReaderConstValue(reader) { Self.append(value, to: &buffer) }
            return start..<buffer.count
        }
        return nil
    }

    /// Appends the text of the current text node to `buffer` (what `value` gives, as bytes).
    func appendValue(to buffer: inout [UInt8]) {
        if let value = xmlTextReaderConstValue(reader) { Self.append(value, to: &buffer) }
    }

    private static func append(_ text: UnsafePointer<xmlChar>, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text))))
    }

    /// A NUL-terminated name from libxml2 against an ASCII literal.
    private static func equal(_ actual: UnsafePointer<xmlChar>, _ expected: StaticString) -> Bool {
        let bytes = expected.utf8Start
        for index in 0..<expected.utf8CodeUnitCount where actual[index] != bytes[index] { return false }
        return actual[expected.utf8CodeUnitCount] == 0
    }

    /// Nesting depth of the current node (the root element is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The text of a text node.
    var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// The current element's attributes by local name (`attr.name`, `id`); the first of a repeated name wins
    /// (libxml2 rejects repeated attributes as not well-formed anyway).
    func attributes() -> [String: String] {
        var result: [String: String] = [:]
        guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            if result[name] == nil {
                result[name] = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            }
        }
        _ = xmlTextReaderMoveToElement(reader)
        return result
    }

    /// The line of the current node: where its start tag is. Falls back to the parser's position, which may
    /// be a little ahead because libxml2 parses in chunks.
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = xmlGetLineNo(node)
            if line > 0 { return Int(line) }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// The line of the `<!DOCTYPE`: libxml2 keeps no line for the document type node, and the parser's
    /// position is already past it.
    var documentTypeLine: Int? {
        let needle = Array("<!DOCTYPE".utf8)
        let bytes = UnsafeBufferPointer(start: input.base, count: input.count)
        var line = 1
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == 0x0A { line += 1 }
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return line }
            index += 1
        }
        return nil
    }

    /// The line the parser has reached (the end of the document after the last read).
    var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    private func check(_ rc: Int32) throws(XMLReadFailure) -> Bool {
        if rc == 1 { return true }
        if rc == 0, errors.first == nil { return false }
        // No structured error: libxml2 failed in encoding conversion or input, which it reports only unstructured.
        throw errors.first ?? XMLReadFailure(
            message: "the bytes cannot be decoded in the document's encoding (UTF-8 unless the XML declaration names another)",
            line: parserLine)
    }
}
