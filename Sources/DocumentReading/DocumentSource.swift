/// Where one document comes from, decided before anything is read so that ids are known (and unique) up front.
public struct DocumentSource: Hashable, Sendable {
    /// The path as the user can find it again (`-` for standard input); used in every message.
    public var path: String
    /// The document id: the file name without `.txt`, or the path relative to its input directory on a clash.
    public var id: String

    public init(path: String, id: String) {
        self.path = path
        self.id = id
    }

    /// Standard input is named `-`, the Unix convention; a file really called `-` can be given as `./-`.
    public var isStandardInput: Bool { path == DocumentSource.standardInputPath }

    public static let standardInputPath = "-"
    /// Standard input has no file name to derive an id from.
    public static let standardInputID = "stdin"
}

/// A decoded document plus the problems that did not stop it from being read (wrong encoding, bad date).
public struct ReadDocument: Hashable, Sendable {
    public var document: Document
    /// One line each, starting with the file's path.
    public var warnings: [String]

    public init(document: Document, warnings: [String] = []) {
        self.document = document
        self.warnings = warnings
    }
}
