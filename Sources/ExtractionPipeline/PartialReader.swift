import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a partial result one summary at a time: the header on opening, then `next()` until nil.
///
/// Everything is checked that a merge relies on: the header's format and version, each line's shape and
/// indices, ids strictly increasing, and the closing line with the right count (a file cut short, even at a
/// line end, is an error, never a smaller shard). A class because it owns an open file.
public final class PartialReader {
    public let path: String
    public private(set) var header: PartialHeader
    /// The line last read (1 is the header).
    public private(set) var line = 0
    public private(set) var documentCount = 0
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEndOfFile = false
    private var finished = false
    /// Whether the line last read ended without a newline (the file's last bytes).
    private var unterminated = false
    private var previousID: String?
    private let decoder = JSONDecoder()
    private var aliasGroups = AliasGroupCache()

    private static let readSize = 1 << 20

    public init(path: String) throws(PartialError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: Self.systemError()) }
        // Placeholder until the header is read: a stored property must be set before methods run.
        header = PartialHeader(producer: "", analysis: AnalysisSettings())
        guard let firstLine = try nextLine() else { throw .notPartial(path: path) }
        let first = Data(firstLine)
        guard let preamble = try? decoder.decode(PartialLines.Preamble.self, from: first),
              preamble.format == PartialHeader.formatName else {
            throw .notPartial(path: path)
        }
        guard preamble.version == PartialHeader.currentVersion else {
            throw .unsupportedVersion(path: path, version: preamble.version ?? 0)
        }
        do {
            header = try decoder.decode(PartialHeader.self, from: first)
        } catch {
            throw .malformed(path: path, line: 1, reason: Self.describe(error))
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// The next summary, or nil after the closing line.
    public func next() throws(PartialError) -> DocumentSummary? {
        guard !finished else { return nil }
        guard let bytes = try nextLine() else { throw .truncated(path: path, documents: documentCount) }
        let summaryLine: PartialLines.Summary
        do {
            summaryLine = try PartialLineParser.summary(bytes)
        } catch {
            // Not a summary: the closing line, or damage; or the file was cut in the middle of a line.
            guard let end = try? decoder.decode(PartialLines.End.self, from: Data(bytes)), end.end == PartialLines.End.marker else {
                if unterminated { throw .truncated(path: path, documents: documentCount) }
                throw .malformed(path: path, line: line, reason: error.reason)
            }
            guard end.documents == documentCount else {
                throw .malformed(path: path, line: line,
                                 reason: "the closing line counts \(end.documents) document(s), the file holds \(documentCount)")
            }
            guard try nextLine() == nil else {
                throw .malformed(path: path, line: line, reason: "a line follows the closing line")
            }
            finished = true
            close(fd)
            fd = -1
            return nil
        }
        if let previousID, !(previousID < summaryLine.id) {
            throw .unsorted(path: path, line: line, id: summaryLine.id, previous: previousID)
        }
        previousID = summaryLine.id
        let summary: DocumentSummary
        do {
            summary = try summaryLine.summary(aliasGroups: &aliasGroups)
        } catch {
            throw .malformed(path: path, line: line, reason: error.reason)
        }
        documentCount += 1
        return summary
    }

    /// The next line without its newline; a last line without one counts (its content decides whether the
    /// file is complete). Nil at the end of the file.
    private func nextLine() throws(PartialError) -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                let lineBytes = Array(buffer[position..<newline])
                position = newline + 1
                line += 1
                return lineBytes
            }
            if atEndOfFile {
                guard position < buffer.count else { return nil }
                let lineBytes = Array(buffer[position...])
                position = buffer.count
                line += 1
                unterminated = true
                return lineBytes
            }
            try fill()
        }
    }

    private func fill() throws(PartialError) {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let old = buffer.count
        let wanted = max(Self.readSize, old)
        buffer.append(contentsOf: repeatElement(0, count: wanted))
        var got: Int
        repeat {
            got = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + old, wanted) }
        } while got < 0 && errno == EINTR
        guard got >= 0 else {
            buffer.removeSubrange(old...)
            throw .unreadable(path: path, reason: Self.systemError())
        }
        buffer.removeSubrange((old + got)...)
        if got == 0 { atEndOfFile = true }
    }

    /// Whether the file starts like a partial result (its first byte is the header's `{`), so `merge` can tell
    /// partials from GraphML (which starts with `<`) before reading either. An unreadable file is no partial: the
    /// GraphML reader then reports it.
    public static func looksLikePartial(path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var first: UInt8 = 0
        var got: Int
        repeat { got = read(fd, &first, 1) } while got < 0 && errno == EINTR
        return got == 1 && first == UInt8(ascii: "{")
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }

    /// A decoding error in a sentence, with the field it happened at.
    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func at(_ path: [CodingKey]) -> String {
            path.isEmpty ? "" : " at '" + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + "'"
        }
        switch error {
        case let .keyNotFound(key, context): return "missing field '\(key.stringValue)'\(at(context.codingPath))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type\(at(context.codingPath)): \(context.debugDescription)"
        case let .dataCorrupted(context): return "not JSON\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
