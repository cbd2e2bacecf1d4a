/// Why a partial result could not be read, merged or written. Each message names the file (and line) and says
/// what to do, since the usual causes are a job killed mid-write or shards made with different options.
public enum PartialError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The first line is not a partial header.
    case notPartial(path: String)
    case unsupportedVersion(path: String, version: Int)
    case malformed(path: String, line: Int, reason: String)
    /// The file ends before its closing line: it was cut short.
    case truncated(path: String, documents: Int)
    /// Document ids must increase strictly through a file (that is what makes a streaming merge possible).
    case unsorted(path: String, line: Int, id: String, previous: String)
    /// Two partials hold the same document.
    case duplicateDocument(id: String, first: String, second: String)
    /// Two partials were made with different analysis settings or program versions.
    case settingsDiffer(path: String, other: String, difference: String)
    case cannotWrite(path: String, reason: String)
    /// A summary breaks an assumption of the format (a programming error, reported rather than written wrongly).
    case notRepresentable(id: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read partial result '\(path)': \(reason)"
        case let .notPartial(path):
            "'\(path)' is not an entity-graph partial result: its first line is not a partial header "
                + "(write one with `entity-graph extract --partial FILE`)"
        case let .unsupportedVersion(path, version):
            "'\(path)' is a partial result of format version \(version); this entity-graph reads version "
                + "\(PartialHeader.currentVersion) only: extract its documents again with this version"
        case let .malformed(path, line, reason):
            "\(path):\(line): not a valid partial result line: \(reason)"
        case let .truncated(path, documents):
            "'\(path)' is truncated: it ends after \(documents) document(s) without its closing line "
                + "(was the job that wrote it stopped?); extract its documents again"
        case let .unsorted(path, line, id, previous):
            "\(path):\(line): document '\(id)' comes after '\(previous)'; a partial result lists each document "
                + "once, in id order (write it with `entity-graph extract --partial`)"
        case let .duplicateDocument(id, first, second):
            "document '\(id)' is in both '\(first)' and '\(second)'; give each document to one shard only"
        case let .settingsDiffer(path, other, difference):
            "'\(path)' and '\(other)' were extracted with different settings (\(difference)); their documents "
                + "cannot be merged exactly: extract them again with the same options and version"
        case let .cannotWrite(path, reason):
            "cannot write partial result '\(path)': \(reason)"
        case let .notRepresentable(id, reason):
            "the summary of document '\(id)' cannot be written as a partial result: \(reason)"
        }
    }
}
