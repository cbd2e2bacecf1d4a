/// Writes UTF-8 XML into memory, byte for byte as libxml2's `xmlTextWriter` writes it.
///
/// Why not libxml2 itself (it wrote these files before, and `LibXML2TextWriter` keeps it as the reference
/// the tests compare with): every attribute and text cost a C string, several C calls and a copy through
/// libxml2's output buffers, so writing the GraphML of a large corpus took longer than building its graph,
/// on one core after all the parallel work. The format is small enough to write directly; what must not
/// change is the bytes, so this class reproduces libxml2's choices exactly:
/// - `<?xml version="1.0" encoding="UTF-8"?>` and a line break;
/// - with indentation, each start tag on its own line, two spaces per open element; an element with text
///   closes on the same line, one with child elements on a line of its own, an empty one as `/>`;
/// - text escapes `& < > "` (and CR, which `TextPolicy` has already turned into LF); attribute values also
///   TAB and LF as `&#9;` `&#10;`, so readers get them back instead of spaces; non-ASCII is written as is
///   once the document declares UTF-8 (before `startDocument`, libxml2 writes `&#x…;` in attribute values,
///   and so does this);
/// - without indentation, one line break after the root element.
///
/// Every string goes through `TextPolicy.clean` here, at the single door, so no writer can forget it.
///
/// Not thread-safe; a writer is created, used and finished by one export call.
final class XMLTextWriter {
    /// All state in one struct, changed by one mutating call per operation: a class's stored properties are
    /// checked for exclusive access at run time on every access, which cost more than the appends themselves.
    private var output: Output
    private var finished = false

    /// - Parameter indent: two-space indentation, which makes files diff well and is ignored by readers
    ///   (whitespace between elements; text content is never reindented).
    init(indent: Bool = true) throws(ExportError) {
        output = Output(indent: indent)
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    func startDocument() throws(ExportError) {
        try live()
        output.startDocument()
    }

    func startElement(_ name: String) throws(ExportError) {
        try live()
        output.startElement(name)
    }

    /// An attribute of the element just started; the value may hold any text (escaped here).
    func attribute(_ name: String, _ value: String) throws(ExportError) {
        try live()
        guard output.attribute(name, value) else { throw .xmlWriter(operation: "xmlTextWriterWriteAttribute \(name)") }
    }

    /// Character data inside the current element; may hold any text (escaped here).
    func text(_ value: String) throws(ExportError) {
        try live()
        output.text(value)
    }

    /// Closes the current element (`/>` when it has no content).
    func endElement() throws(ExportError) {
        try live()
        guard output.endElement() else { throw .xmlWriter(operation: "xmlTextWriterEndElement") }
    }

    /// `<name a="…">text</name>` in one call.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil)
        throws(ExportError) {
        try live()
        guard output.element(name, attributes, text: text) else {
            throw .xmlWriter(operation: "xmlTextWriterWriteAttribute")
        }
    }

    /// Closes every open element, ends the document and returns the bytes. The writer cannot be used afterwards.
    func finish() throws(ExportError) -> [UInt8] {
        try live()
        finished = true
        return output.finish()
    }

    private func live() throws(ExportError) {
        if finished { throw .xmlWriter(operation: "use after finish") }
    }
}

private struct Output {
    var bytes: [UInt8] = []
    let indent: Bool
    /// The open elements, innermost last; `hasContent`: text or a child element follows the start tag, which
    /// therefore is closed (`>`) already.
    var open: [(name: String, hasContent: Bool)] = []
    /// libxml2's `doindent`: whether an end tag after content goes on its own line (false right after text).
    var indentEndTag = true
    var documentStarted = false

    init(indent: Bool) {
        self.indent = indent
        bytes.reserveCapacity(1 << 16)
    }

    mutating func startDocument() {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        documentStarted = true
    }

    mutating func startElement(_ name: String) {
        if let last = open.indices.last, !open[last].hasContent {
            bytes.append(UInt8(ascii: ">"))
            if indent { bytes.append(0x0A) }
            open[last].hasContent = true
        }
        open.append((name, false))
        if indent { writeIndent() }
        bytes.append(UInt8(ascii: "<"))
        append(name)
    }

    /// False when no start tag is open for it.
    mutating func attribute(_ name: String, _ value: String) -> Bool {
        guard let last = open.indices.last, !open[last].hasContent else { return false }
        bytes.append(0x20)
        append(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        escape(value, inAttribute: true)
        bytes.append(UInt8(ascii: "\""))
        return true
    }

    mutating func text(_ value: String) {
        if let last = open.indices.last, !open[last].hasContent {
            bytes.append(UInt8(ascii: ">"))
            open[last].hasContent = true
        }
        if indent { indentEndTag = false }
        escape(value, inAttribute: false)
    }

    /// False when no element is open.
    mutating func endElement() -> Bool {
        guard let last = open.popLast() else { return false }
        if last.hasContent {
            if indent && indentEndTag { writeIndent(extra: 1) }
            indentEndTag = true
            bytes.append(UInt8(ascii: "<"))
            bytes.append(UInt8(ascii: "/"))
            append(last.name)
            bytes.append(UInt8(ascii: ">"))
        } else {
            if indent { indentEndTag = true }
            bytes.append(UInt8(ascii: "/"))
            bytes.append(UInt8(ascii: ">"))
        }
        if indent { bytes.append(0x0A) }
        return true
    }

    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String?) -> Bool {
        startElement(name)
        for (key, value) in attributes { _ = attribute(key, value) }
        if let text { self.text(text) }
        return endElement()
    }

    mutating func finish() -> [UInt8] {
        while endElement() {}
        if !indent { bytes.append(0x0A) }
        defer { bytes = [] }
        return bytes
    }

    /// Two spaces per open element but the innermost (`extra`: elements just popped that count as open).
    mutating func writeIndent(extra: Int = 0) {
        for _ in 0..<max(0, open.count + extra - 1) {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` cleaned by `TextPolicy` and escaped as libxml2 escapes it: `xmlEncodeSpecialChars` for
    /// text, `xmlBufAttrSerializeTxtContent` for attribute values. One pass: runs of bytes that need nothing
    /// are copied whole, and a byte the policy would change (a control character, CR, the lead byte of
    /// U+FFFE/U+FFFF) sends the value through `TextPolicy.clean` first (rare: names and sentences are clean).
    mutating func escape(_ value: String, inAttribute: Bool) {
        let mark = bytes.count
        if !escape(value, inAttribute: inAttribute, mayBeUnclean: true) {
            bytes.removeSubrange(mark...)
            _ = escape(TextPolicy.clean(value), inAttribute: inAttribute, mayBeUnclean: false)
        }
    }

    /// False (with part of the value written) when the value is not clean and `mayBeUnclean`.
    private mutating func escape(_ value: String, inAttribute: Bool, mayBeUnclean: Bool) -> Bool {
        var value = value
        let referencesNonASCII = inAttribute && !documentStarted
        return value.withUTF8 { source in
            var run = 0
            var i = 0
            let count = source.count
            while i < count {
                let byte = source[i]
                // Most bytes are plain: one comparison against the set of bytes that need a look.
                if byte >= 0x3F && byte < 0x80 || byte >= 0x27 && byte < 0x3C || byte == 0x20 || byte == 0x21
                    || byte >= 0x23 && byte <= 0x25 {
                    i += 1
                    continue
                }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x0A:
                    guard inAttribute else { i += 1; continue }
                    replacement = "&#10;"
                case 0x09:
                    guard inAttribute else { i += 1; continue }
                    replacement = "&#9;"
                case 0x0D:
                    if mayBeUnclean { return false }  // CR becomes LF: not clean
                    replacement = "&#13;"
                case 0x00..<0x20:
                    if mayBeUnclean { return false }
                    i += 1
                    continue
                case 0xEF where mayBeUnclean && i + 2 < count && source[i + 1] == 0xBF && source[i + 2] >= 0xBE:
                    return false  // U+FFFE, U+FFFF
                case 0x80...:
                    guard referencesNonASCII else { i += 1; continue }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<i]))
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var scalar = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                    for k in 1..<length where i + k < count { scalar = scalar << 6 | UInt32(source[i + k] & 0x3F) }
                    append("&#x" + String(scalar, radix: 16, uppercase: true) + ";")
                    i += length
                    run = i
                    continue
                default:
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<i]))
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                i += 1
                run = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<count]))
            return true
        }
    }
}
