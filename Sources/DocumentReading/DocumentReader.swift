import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#else
import Darwin
private let systemRead = Darwin.read
#endif

/// Finds article files and decodes them into `Document`s.
///
/// Reading is split in two so that a batch run can list every input (and fail fast on a mistyped path)
/// before spending time on any of them, then report per-file problems without stopping the others.
public struct DocumentReader: Sendable {
    public init() {}

    /// Expands inputs (files, directories searched recursively for `*.txt`, `-` for standard input) into
    /// sources with unique ids. Directory contents are sorted by path so that runs are reproducible.
    public func collect(_ inputs: [String]) throws(DocumentReadError) -> [DocumentSource] {
        var candidates: [InputListing.Candidate] = []
        var seenPaths: Set<String> = []
        for input in inputs {
            for candidate in try InputListing.candidates(for: input) where seenPaths.insert(candidate.path).inserted {
                candidates.append(candidate)
            }
        }
        return InputListing.assignIDs(candidates)
    }

    /// Reads and decodes one source. Failures are values, not throws, so callers can collect them all.
    public func read(_ source: DocumentSource) -> Result<ReadDocument, DocumentReadError> {
        let bytes: [UInt8]
        switch source.isStandardInput ? Self.readStandardInput() : Self.readFile(at: source.path) {
        case .success(let read): bytes = read
        case .failure(let error): return .failure(error)
        }
        do {
            return .success(try Self.decode(bytes, id: source.id, path: source.path))
        } catch {
            return .failure(error)
        }
    }

    /// The whole reading policy on bytes already in memory: encodings, binary detection, line ends,
    /// the `date` header and the title line.
    public static func decode(_ bytes: [UInt8], id: String, path: String) throws(DocumentReadError) -> ReadDocument {
        let decoded: TextDecoding.Decoded
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch {
            throw .binary(path: path, reason: error.reason)
        }
        var warnings = decoded.notes.map { "\(path): \($0)" }
        var utf8 = DocumentLayout.normalizingLineEndings(decoded.utf8)
        var date: CalendarDate?
        if let header = DocumentLayout.header(in: utf8) {
            date = header.date
            if header.date == nil {
                warnings.append("\(path): invalid date '\(header.dateText)' in the date header (expected a real date as YYYY-MM-DD); the document has no date")
            }
            utf8.removeSubrange(0..<header.textStart)
        }
        if DocumentLayout.isBlank(utf8) {
            utf8 = []
        }
        let document = Document(id: id, path: path, text: String(decoding: utf8, as: UTF8.self),
                                titleRange: DocumentLayout.titleRange(in: utf8), date: date)
        return ReadDocument(document: document, warnings: warnings)
    }

    /// The file's bytes, through one `open`, `fstat` and the reads: Foundation's checks and `Data` cost four
    /// `stat`s and an `access` a file and a copy of its bytes, several percent of reading a corpus of short
    /// articles. The errors are the same: missing, a directory, permission denied, or the system's message.
    private static func readFile(at path: String) -> Result<[UInt8], DocumentReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(openError(errno, path: path)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(.unreadable(path: path, reason: String(cString: strerror(errno))))
        }
        if status.st_mode & S_IFMT == S_IFDIR { return .failure(.unreadable(path: path, reason: "is a directory")) }
        // The size is a first guess: a file that grows while it is read, or a pipe (size 0), is read to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(path: path, reason: String(cString: strerror(errno))))
            }
            count += got
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    private static func openError(_ code: Int32, path: String) -> DocumentReadError {
        switch code {
        case ENOENT, ENOTDIR: .missing(path: path)
        case EACCES, EPERM: .unreadable(path: path, reason: "permission denied")
        default: .unreadable(path: path, reason: String(cString: strerror(code)))
        }
    }

    private static func readStandardInput() -> Result<[UInt8], DocumentReadError> {
        do {
            return .success([UInt8](try FileHandle.standardInput.readToEnd() ?? Data()))
        } catch {
            return .failure(.unreadable(path: DocumentSource.standardInputPath, reason: Self.reason(for: error)))
        }
    }

    /// Foundation's own descriptions are long and generic; the POSIX message ("Is a directory") is what helps.
    static func reason(for error: any Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(posix.code)) {
            return String(cString: message)
        }
        return error.localizedDescription
    }
}
