import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a partial result one summary at a time, so a shard's summaries never need to be in memory together.
///
/// The whole file or nothing, like every output of the program (`AtomicFile` in GraphExport, which needs every
/// byte up front and so cannot stream): lines go to a hidden temporary file beside the target, and only
/// `finish()` writes the closing line, flushes it to disk and renames it over the target. A writer dropped
/// before `finish()` (an error, a failed document run) removes its temporary file. A class because it owns
/// an open file.
public final class PartialWriter {
    public let path: String
    public let header: PartialHeader
    public private(set) var documentCount = 0
    private let temporary: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var previousID: String?
    private let encoder: JSONEncoder

    /// Bytes gathered before a write call: large enough that the system calls cost nothing.
    private static let flushSize = 1 << 20

    public init(path: String, header: PartialHeader) throws(PartialError) {
        self.path = path
        self.header = header
        let encoder = JSONEncoder()
        // Sorted keys: the same summaries always give the same bytes, whatever grouping of merges made them.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.encoder = encoder
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else {
            throw .cannotWrite(path: path, reason: "the path names a directory, not a file")
        }
        var generator = SystemRandomNumberGenerator()
        var fd: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = directory + "." + name + ".tmp-" + String(generator.next() as UInt64, radix: 36)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw .cannotWrite(path: path, reason: "cannot create a temporary file in "
                               + "'\(directory.isEmpty ? "." : directory)': \(Self.systemError())")
        }
        self.fd = fd
        self.temporary = temporary
        try append(header)
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporary)
        }
    }

    /// Appends one summary; ids must increase strictly (`<` on `String`, the order `CorpusStage` is fed in).
    public func write(_ summary: DocumentSummary) throws(PartialError) {
        if let previousID, !(previousID < summary.id) {
            throw .notRepresentable(id: summary.id, reason: "it comes after document '\(previousID)' (ids must increase)")
        }
        previousID = summary.id
        try append(try PartialLines.Summary(summary))
        documentCount += 1
    }

    /// Writes the closing line and puts the file in place.
    public func finish() throws(PartialError) {
        try append(PartialLines.End(end: PartialLines.End.marker, documents: documentCount))
        try flush()
        let fd = self.fd
        self.fd = -1
        guard fsync(fd) == 0 else { throw failed("fsync", closing: fd) }
        guard close(fd) == 0 else { throw failed("closing the temporary file", closing: -1) }
        guard rename(temporary, path) == 0 else { throw failed("replacing the file", closing: -1) }
    }

    private func append<T: Encodable>(_ value: T) throws(PartialError) {
        do {
            buffer.append(contentsOf: try encoder.encode(value))
        } catch {
            throw .cannotWrite(path: path, reason: "encoding failed: \(error)")
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws(PartialError) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw in Self.systemWrite(fd, raw.baseAddress! + written, raw.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: "writing the temporary file failed: \(Self.systemError())")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failed(_ step: String, closing fd: Int32) -> PartialError {
        let error = PartialError.cannotWrite(path: path, reason: "\(step) failed: \(Self.systemError())")
        if fd >= 0 { close(fd) }
        unlink(temporary)
        return error
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
