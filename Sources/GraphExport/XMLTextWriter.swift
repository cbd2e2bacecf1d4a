internal import CLibXML2

/// A small Swift face for libxml2's `xmlTextWriter`, writing UTF-8 XML into memory.
///
/// This is the only file that talks to libxml2 for writing, for two reasons. libxml2 escapes
/// `& < > "` (and TAB/LF/CR in attributes) correctly, but it passes control characters and U+FFFE
/// through unchanged and stops every string at its first NUL; so every string goes through
/// `TextPolicy.clean` here, at the single door, and no writer can forget it. And the C types
/// (`xmlChar` pointers, return codes) stay out of the format code.
///
/// Not thread-safe; a writer is created, used and finished by one export call.
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?

    /// - Parameter indent: two-space indentation, which makes files diff well and is ignored by readers
    ///   (whitespace between elements; text content is never reindented).
    init(indent: Bool = true) throws(ExportError) {
        guard let buffer = xmlBufferCreate() else { throw .xmlWriter(operation: "xmlBufferCreate") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw .xmlWriter(operation: "xmlNewTextWriterMemory")
        }
        self.buffer = buffer
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
        xmlBufferFree(buffer)
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    func startDocument() throws(ExportError) {
        let w = try live()
        let rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", nil)
        try check(rc, "xmlTextWriterStartDocument")
    }

    func startElement(_ name: String) throws(ExportError) {
        let w = try live()
        try Self.withXMLChars(name) { n throws(ExportError) in
            try check(xmlTextWriterStartElement(w, n), "xmlTextWriterStartElement \(name)")
        }
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

    /// Closes the current element (`/>` when it has no content).
    func endElement() throws(ExportError) {
        try check(xmlTextWriterEndElement(try live()), "xmlTextWriterEndElement")
    }

    /// `<name a="…">text</name>` in one call.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil)
        throws(ExportError) {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        if let text { try self.text(text) }
        try endElement()
    }

    /// Closes every open element, ends the document and returns the bytes. The writer cannot be used afterwards.
    func finish() throws(ExportError) -> [UInt8] {
        let w = try live()
        try check(xmlTextWriterEndDocument(w), "xmlTextWriterEndDocument")
        // Freeing the writer flushes it into the buffer.
        xmlFreeTextWriter(w)
        writer = nil
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    private func live() throws(ExportError) -> xmlTextWriterPtr {
        guard let writer else { throw .xmlWriter(operation: "use after finish") }
        return writer
    }

    private func check(_ rc: Int32, _ operation: String) throws(ExportError) {
        if rc < 0 { throw .xmlWriter(operation: operation) }
    }

    /// The cleaned text as a NUL-terminated `xmlChar` string for the duration of `body`.
    private static func withXMLChars(_ text: String, _ body: (UnsafePointer<xmlChar>) throws(ExportError) -> Void)
        throws(ExportError) {
        var bytes = Array(TextPolicy.clean(text).utf8)
        bytes.append(0)
        try bytes.withUnsafeBufferPointer { (buffer) throws(ExportError) in try body(buffer.baseAddress!) }
    }
}
