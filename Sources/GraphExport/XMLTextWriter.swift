internal import CLibXML2
import ParallelWork

/// A small Swift face for libxml2's `xmlTextWriter`, writing UTF-8 XML into memory or, a megabyte at a time,
/// into an `AtomicFileWriter` (so a large export is never held whole in memory).
///
/// This is the only file that talks to libxml2 for writing, for two reasons. libxml2 escapes
/// `& < > "` (and TAB/LF/CR in attributes) correctly, but it passes control characters and U+FFFE
/// through unchanged and stops every string at its first NUL; so every string goes through
/// `TextPolicy.clean` here, at the single door, and no writer can forget it. And the C types
/// (`xmlChar` pointers, return codes) stay out of the format code.
///
/// Not thread-safe; a writer is created, used and finished by one export call.
final class XMLTextWriter {
    /// Where libxml2's output lands: one Swift array, appended to by the write callback, so finishing hands
    /// the bytes over without a copy (a memory buffer and a copy of it made a large export's peak twice its
    /// size). With a file, the array is passed on to it whenever a megabyte has gathered, so a large export
    /// is never held whole in memory. A class so the C callback can reach it through an opaque pointer.
    private final class Sink {
        static let flushSize = 1 << 20
        var bytes: [UInt8] = []
        let file: AtomicFileWriter?
        /// The first failed write to `file`; later output is dropped and `finishStreaming` reports this error.
        var fileError: AtomicFileError?

        init(file: AtomicFileWriter?) { self.file = file }

        func flush() {
            guard let file, !bytes.isEmpty else { return }
            if fileError == nil {
                do { try file.write(bytes) } catch { fileError = error }
            }
            bytes.removeAll(keepingCapacity: true)
        }
    }

    private let sink: Sink
    private var writer: xmlTextWriterPtr?
    /// Whether the document was started (which sets libxml2's output encoder), elements started and not yet
    /// ended, and whether output is indented: the state a piece writer must reproduce (`siblings`).
    private var documentStarted = false
    private var openElements = 0
    private let indents: Bool
    /// Reused for the values composed here (joined lists, numbers, positional ids), so writing one allocates
    /// no String and no array.
    private var scratch: [UInt8] = []

    /// An element or attribute name, or a fixed attribute value, as libxml2 takes it: cleaned by `TextPolicy`
    /// and made NUL-terminated UTF-8 once, not on every call (a name written for every node and edge was
    /// converted on every call, and that was a large part of the GraphML writer's own time).
    struct Name: Sendable {
        let text: String
        fileprivate let chars: [UInt8]

        init(_ name: String) {
            text = TextPolicy.clean(name)
            chars = Array(text.utf8) + [0]
        }
    }

    /// - Parameter indent: two-space indentation, which makes files diff well and is ignored by readers
    ///   (whitespace between elements; text content is never reindented).
    /// - Parameter file: stream the document into it (end with `finishStreaming()`); nil keeps it in memory
    ///   (end with `finish()`).
    init(indent: Bool = true, streamingTo file: AtomicFileWriter? = nil) throws(ExportError) {
        sink = Sink(file: file)
        indents = indent
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let write: xmlOutputWriteCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes in
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
            }
            if sink.file != nil && sink.bytes.count >= Sink.flushSize { sink.flush() }
            return length
        }
        guard let output = xmlOutputBufferCreateIO(write, nil, context, nil) else {
            throw .xmlWriter(operation: "xmlOutputBufferCreateIO")
        }
        // The writer owns the output buffer from here on and closes it when freed.
        guard let writer = xmlNewTextWriter(output) else {
            _ = xmlOutputBufferClose(output)
            throw .xmlWriter(operation: "xmlNewTextWriter")
        }
        self.writer = writer
        if indent {
            try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
            try Self.withXMLChars("  ") { s throws(ExportError) in
                try check(xmlTextWriterSetIndentString(writer, s), "xmlTextWriterSetIndentString")
            }
        }
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    func startDocument() throws(ExportError) {
        let w = try live()
        let rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", nil)
        try check(rc, "xmlTextWriterStartDocument")
        documentStarted = true
    }

    func startElement(_ name: String) throws(ExportError) {
        let w = try live()
        try Self.withXMLChars(name) { n throws(ExportError) in
            try check(xmlTextWriterStartElement(w, n), "xmlTextWriterStartElement \(name)")
        }
        openElements += 1
    }

    /// An attribute of the element just started; the value may hold any text (libxml2 escapes it).
    func attribute(_ name: String, _ value: String) throws(ExportError) {
        let w = try live()
        try Self.withXMLChars(name) { n throws(ExportError) in
            try Self.withXMLChars(value) { v throws(ExportError) in
                try check(xmlTextWriterWriteAttribute(w, n, v), "xmlTextWriterWriteAttribute \(name)")
            }
        }
    }

    /// Character data inside the current element; may hold any text (libxml2 escapes `& < >`).
    func text(_ value: String) throws(ExportError) {
        let w = try live()
        try Self.withXMLChars(value) { v throws(ExportError) in
            try check(xmlTextWriterWriteString(w, v), "xmlTextWriterWriteString")
        }
    }

    func startElement(_ name: Name) throws(ExportError) {
        let w = try live()
        let rc = name.chars.withUnsafeBufferPointer { xmlTextWriterStartElement(w, $0.baseAddress) }
        try check(rc, "xmlTextWriterStartElement \(name.text)")
        openElements += 1
    }

    /// An attribute with a fixed name; the value may hold any text (libxml2 escapes it).
    func attribute(_ name: Name, _ value: String) throws(ExportError) {
        let w = try live()
        try Self.withXMLChars(value) { v throws(ExportError) in
            let rc = name.chars.withUnsafeBufferPointer { xmlTextWriterWriteAttribute(w, $0.baseAddress, v) }
            try check(rc, "xmlTextWriterWriteAttribute \(name.text)")
        }
    }

    /// An attribute whose name and value are both fixed.
    func attribute(_ name: Name, _ value: Name) throws(ExportError) {
        let w = try live()
        let rc = name.chars.withUnsafeBufferPointer { n in
            value.chars.withUnsafeBufferPointer { xmlTextWriterWriteAttribute(w, n.baseAddress, $0.baseAddress) }
        }
        try check(rc, "xmlTextWriterWriteAttribute \(name.text)")
    }

    /// An attribute holding a positional id (`prefix` then `index` in decimal: `n12`), spelled without a String.
    func attribute(_ name: Name, id prefix: UInt8, _ index: Int) throws(ExportError) {
        let w = try live()
        let rc = composed({ bytes in
            bytes.append(prefix)
            Self.appendDecimal(index, to: &bytes)
        }, { value in
            name.chars.withUnsafeBufferPointer { xmlTextWriterWriteAttribute(w, $0.baseAddress, value) }
        })
        try check(rc, "xmlTextWriterWriteAttribute \(name.text)")
    }

    /// `value.literal` as character data, composed in the reused buffer rather than as a String: list items are
    /// cleaned one by one and joined there (cleaning is per character and the separator is no CR, so the bytes
    /// are those of the cleaned joined string), integers are spelled there. libxml2 escapes the result.
    func text(_ value: AttributeValue) throws(ExportError) {
        switch value {
        case let .string(string): return try text(string)
        case let .double(double): return try text(double.description)
        case let .int(int):
            let w = try live()
            try check(composed({ Self.appendDecimal(int, to: &$0) }, { xmlTextWriterWriteString(w, $0) }),
                      "xmlTextWriterWriteString")
        case let .list(items):
            let w = try live()
            let rc = composed({ bytes in
                for (i, item) in items.enumerated() {
                    if i > 0 { bytes.append(contentsOf: Attributes.listSeparator.utf8) }
                    bytes.append(contentsOf: TextPolicy.clean(item).utf8)
                }
            }, { xmlTextWriterWriteString(w, $0) })
            try check(rc, "xmlTextWriterWriteString")
        }
    }

    /// Hands libxml2 (`write`) the NUL-terminated bytes `compose` puts in the reused buffer. The buffer is reached
    /// twice, to compose and to lend it: reached at every step (emptying, each append, the terminator, the loan)
    /// it cost a dynamic exclusivity check per step of every number, id and list written.
    private func composed(_ compose: (inout [UInt8]) -> Void, _ write: (UnsafePointer<xmlChar>) -> Int32) -> Int32 {
        Self.compose(into: &scratch, compose)
        return scratch.withUnsafeBufferPointer { write($0.baseAddress!) }
    }

    private static func compose(into bytes: inout [UInt8], _ compose: (inout [UInt8]) -> Void) {
        bytes.removeAll(keepingCapacity: true)
        compose(&bytes)
        bytes.append(0)
    }

    /// `<name attribute="fixed">value</name>` (GraphML's `<data key="node_label">…</data>`) in one call.
    func element(_ name: Name, _ attribute: Name, _ fixed: Name, text value: AttributeValue) throws(ExportError) {
        try startElement(name)
        try self.attribute(attribute, fixed)
        try text(value)
        try endElement()
    }

    /// `value` in decimal, as `String(value)` spells it.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var unit: UInt = 1
        while unit <= rest / 10 { unit *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / unit))
            rest %= unit
            unit /= 10
        } while unit > 0
    }

    /// Closes the current element (`/>` when it has no content).
    func endElement() throws(ExportError) {
        try check(xmlTextWriterEndElement(try live()), "xmlTextWriterEndElement")
        openElements -= 1
    }

    /// Elements per piece in `siblings`: large enough that setting up a piece's writer is noise, small enough
    /// that a round of pieces (two per thread) stays around a megabyte: at 2,048 a piece, the pieces of a large
    /// graph (the benchmark corpus ten times over) raised the run's peak memory by 12 MB.
    static let siblingsPerPiece = 256

    /// Writes `count` sibling elements here, `write(xml, i)` writing the `i`-th into the writer it is given, on up to
    /// `jobs` threads; the bytes are the same whatever `jobs` and `perPiece`.
    ///
    /// Every byte is still made by libxml2: the elements after the first are written in pieces, each by its own
    /// `xmlTextWriter` brought into the state this one is in after an element at this depth (a document started,
    /// as many elements open, one empty child written), and each piece's output from that point on is appended
    /// here in order. libxml2's writer keeps no state between siblings beyond the open elements and "an element
    /// just ended" (`doindent`), which is why the first element is written here: after it, this writer is in that
    /// same state, and after each piece it is again. The pieces stream through `ParallelMap.forEachBatch`: the
    /// workers write the next pieces while this thread appends the finished ones in order (a round at a time, the
    /// appending and the file writes left the workers idle), at most two rounds of two pieces per thread ahead,
    /// so a large export streams into its file instead of being gathered whole.
    func siblings(count: Int, jobs: Int, perPiece: Int = siblingsPerPiece,
                  _ write: @Sendable (XMLTextWriter, Int) throws(ExportError) -> Void) throws(ExportError) {
        guard count > 0 else { return }
        try write(self, 0)
        let size = max(perPiece, 1)
        guard jobs > 1, count - 1 > size else {
            for index in 1..<count { try write(self, index) }
            return
        }
        let w = try live()
        try check(xmlTextWriterFlush(w), "xmlTextWriterFlush")
        let depth = openElements
        let pieces = stride(from: 1, to: count, by: size).map { $0..<min($0 + size, count) }
        let state = PieceState(document: documentStarted, depth: depth, indent: indents)
        let sink = sink
        var failure: ExportError?
        withoutActuallyEscaping(write) { write in
            ParallelMap.forEachBatch(pieces, batchSize: 2 * jobs, jobs: jobs, { range in
                Result { () throws(ExportError) -> [UInt8] in try Self.piece(range, in: state, write) }
            }, consume: { _, results in
                // After a failure the rest is not appended; the error is thrown once the workers are done.
                for result in results where failure == nil {
                    switch result {
                    case let .success(bytes):
                        sink.bytes.append(contentsOf: bytes)
                        if sink.file != nil && sink.bytes.count >= Sink.flushSize { sink.flush() }
                    case let .failure(error):
                        failure = error
                    }
                }
            })
        }
        if let failure { throw failure }
    }

    /// What a piece writer reproduces of this one (see `siblings`).
    private struct PieceState: Sendable {
        var document: Bool
        var depth: Int
        var indent: Bool
    }

    /// One piece: a fresh writer in the state described at `siblings`, then the range's elements; only the bytes
    /// after that state are kept.
    private static func piece(_ range: Range<Int>, in state: PieceState,
                              _ write: (XMLTextWriter, Int) throws(ExportError) -> Void) throws(ExportError) -> [UInt8] {
        let xml = try XMLTextWriter(indent: state.indent)
        if state.document { try xml.startDocument() }
        let placeholder = Name("x")
        for _ in 0..<state.depth { try xml.startElement(placeholder) }
        try xml.startElement(placeholder)
        try xml.endElement()
        let w = try xml.live()
        try xml.check(xmlTextWriterFlush(w), "xmlTextWriterFlush")
        let start = xml.sink.bytes.count
        for index in range { try write(xml, index) }
        try xml.check(xmlTextWriterFlush(w), "xmlTextWriterFlush")
        return Array(xml.sink.bytes[start...])
    }

    /// `<name a="…">text</name>` in one call.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil)
        throws(ExportError) {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        if let text { try self.text(text) }
        try endElement()
    }

    /// Closes every open element, ends the document and returns the bytes (a writer made without a file).
    /// The writer cannot be used afterwards.
    func finish() throws(ExportError) -> [UInt8] {
        try end()
        defer { sink.bytes = [] }
        return sink.bytes
    }

    /// Closes every open element, ends the document and writes what is left of it to the writer's file; the
    /// caller commits the file. The writer cannot be used afterwards.
    func finishStreaming() throws(ExportWriteError) {
        do { try end() } catch { throw .export(error) }
        sink.flush()
        if let error = sink.fileError { throw .file(error) }
    }

    private func end() throws(ExportError) {
        let w = try live()
        try check(xmlTextWriterEndDocument(w), "xmlTextWriterEndDocument")
        // Freeing the writer flushes and closes the output buffer into the sink.
        xmlFreeTextWriter(w)
        writer = nil
    }

    private func live() throws(ExportError) -> xmlTextWriterPtr {
        guard let writer else { throw .xmlWriter(operation: "use after finish") }
        return writer
    }

    /// `operation` is made only on failure: spelling it (with the element's name) for every call was an
    /// allocation per element and attribute.
    private func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws(ExportError) {
        if rc < 0 { throw .xmlWriter(operation: operation()) }
    }

    /// The cleaned text as a NUL-terminated `xmlChar` string for the duration of `body`. `withCString` lends
    /// the string's own UTF-8 (no array per name and value, which was a third of the writer's time); the
    /// cleaned text has no NUL, so the bytes are the same.
    private static func withXMLChars(_ text: String, _ body: (UnsafePointer<xmlChar>) throws(ExportError) -> Void)
        throws(ExportError) {
        var failure: ExportError?
        TextPolicy.clean(text).withCString { chars in
            do throws(ExportError) {
                try body(UnsafeRawPointer(chars).assumingMemoryBound(to: xmlChar.self))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
