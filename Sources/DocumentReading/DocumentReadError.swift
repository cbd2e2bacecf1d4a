/// Why a document could not be read. Each description is one line that names the file, so a batch run
/// over hundreds of articles can report the bad ones and carry on.
public enum DocumentReadError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The path given on the command line does not exist.
    case missing(path: String)
    /// The file or directory exists but could not be read (permissions, I/O error, not a regular file).
    case unreadable(path: String, reason: String)
    /// The content is not text: `reason` says what gave it away (a file signature or the share of control bytes).
    case binary(path: String, reason: String)
    /// A directory was given but holds no `.txt` file anywhere below it; almost always a wrong path.
    case noTextFiles(directory: String)

    public var path: String {
        switch self {
        case .missing(let path), .unreadable(let path, _), .binary(let path, _): path
        case .noTextFiles(let directory): directory
        }
    }

    public var description: String {
        switch self {
        case .missing(let path):
            "\(path): no such file or directory"
        case .unreadable(let path, let reason):
            "\(path): cannot be read (\(reason))"
        case .binary(let path, let reason):
            "\(path): binary content (\(reason)), not a text document"
        case .noTextFiles(let directory):
            "\(directory): directory contains no .txt files"
        }
    }
}
