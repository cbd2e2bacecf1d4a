import Foundation

/// Reads the gazetteer TSVs straight from their bytes: no regex, no `split`, one field-range buffer reused for
/// every row, so loading 50,000 names stays far below a tenth of a second in release builds.
struct TSVReader {
    let table: String
    let bytes: [UInt8]

    /// Calls `body` for every data row (the header line is skipped) with the row's field ranges in `bytes`.
    /// Rows must have exactly `columns` fields; blank lines are ignored.
    func forEachRow(
        columns: Int,
        _ body: (_ fields: [Range<Int>], _ line: Int) throws -> Void
    ) throws {
        var fields = [Range<Int>](repeating: 0..<0, count: columns)
        var line = 0
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            line += 1
            // The row's end and its tabs are found with `memchr` on the raw buffer: the cities table alone is a
            // megabyte, read at every start.
            let (lineEnd, found) = bytes.withUnsafeBufferPointer { bytes -> (Int, Int) in
                let lineEnd = Self.offset(of: 0x0A, in: bytes, from: lineStart, to: count) ?? count
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                guard line > 1, contentEnd > lineStart else { return (lineEnd, 0) }
                var found = 0
                var fieldStart = lineStart
                while true {
                    let tab = Self.offset(of: 0x09, in: bytes, from: fieldStart, to: contentEnd) ?? contentEnd
                    if found < columns { fields[found] = fieldStart..<tab }
                    found += 1
                    guard tab < contentEnd else { break }
                    fieldStart = tab + 1
                }
                return (lineEnd, found)
            }
            if found > 0 {
                guard found == columns else {
                    throw GazetteerError.malformedRow(
                        table: table, line: line, reason: "expected \(columns) fields, found \(found)")
                }
                try body(fields, line)
            }
            lineStart = lineEnd + 1
        }
    }

    /// At least as many names as the table can add: one per line, one more per `|` (the list separator).
    var nameBound: Int {
        bytes.withUnsafeBufferPointer { bytes in
            guard !bytes.isEmpty else { return 0 }
            var bound = 1
            for separator: UInt8 in [0x0A, 0x7C] {
                var at = 0
                while let found = Self.offset(of: separator, in: bytes, from: at, to: bytes.count) {
                    bound += 1
                    at = found + 1
                }
            }
            return bound
        }
    }

    /// The offset of the first `byte` in `bytes[start..<end]`, found by `memchr`; nil when there is none.
    private static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        return memchr(base + start, Int32(byte), end - start)
            .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func int(_ range: Range<Int>, line: Int) throws -> Int {
        guard !range.isEmpty else { throw malformed(line, "empty number") }
        // Up to 18 digits cannot overflow, so the arithmetic needs no checks.
        guard range.count <= 18 else { throw malformed(line, "number too long: \(string(range))") }
        var value = 0
        var digits = true
        do {
            bytes.withUnsafeBufferPointer { bytes in
                for i in range {
                    let digit = Int(bytes[i]) &- 0x30
                    digits = digits && digit >= 0 && digit <= 9
                    value = value &* 10 &+ digit
                }
            }
        }
        guard digits else { throw malformed(line, "not a number: \(string(range))") }
        return value
    }

    func flag(_ range: Range<Int>, line: Int) throws -> Bool {
        guard range.count == 1, bytes[range.lowerBound] == 0x30 || bytes[range.lowerBound] == 0x31 else {
            throw malformed(line, "flag must be 0 or 1: \(string(range))")
        }
        return bytes[range.lowerBound] == 0x31
    }

    /// The `|`-separated parts of a list field; empty for an empty field.
    func list(_ range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where bytes[i] == 0x7C {
            parts.append(start..<i)
            start = i + 1
        }
        parts.append(start..<range.upperBound)
        return parts
    }

    /// Same as `list(_:)` without building an array.
    func forEachListItem(_ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        guard !range.isEmpty else { return }
        var start = range.lowerBound
        for i in range where bytes[i] == 0x7C {
            body(start..<i)
            start = i + 1
        }
        body(start..<range.upperBound)
    }

    func malformed(_ line: Int, _ reason: String) -> GazetteerError {
        .malformedRow(table: table, line: line, reason: reason)
    }
}
