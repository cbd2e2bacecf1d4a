import Foundation
import GraphExport

/// Writes a partial result one summary at a time, so a shard's summaries never need to be in memory together.
///
/// The whole file or nothing, like every output of the program: lines go through `AtomicFileWriter` (GraphExport's
/// one policy for writing files) to a hidden temporary file beside the target, and only `finish()` writes the
/// closing line and puts the file in place. A writer dropped before `finish()` (an error, a failed document run)
/// leaves nothing behind. A class because it owns an open file.
public final class PartialWriter {
    public let path: String
    public let header: PartialHeader
    public private(set) var documentCount = 0
    private let file: AtomicFileWriter
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
        do {
            file = try AtomicFileWriter(path: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
        try append(header)
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
        do {
            try file.commit()
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
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
        do {
            try file.write(buffer)
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
