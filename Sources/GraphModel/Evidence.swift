/// One sentence that supports an edge, with where it came from.
///
/// Offsets count Unicode scalars in the decoded, LF-normalised document text (end exclusive),
/// which are the indices Python uses on the same string, so a user can check the evidence.
public struct Evidence: Hashable, Sendable, Comparable {
    public var document: String
    public var sentence: String
    public var start: Int
    public var end: Int
    /// ISO 8601 date of the document, when it has one.
    public var date: String?

    public init(document: String, sentence: String, start: Int, end: Int, date: String? = nil) {
        self.document = document
        self.sentence = sentence
        self.start = start
        self.end = end
        self.date = date
    }

    /// Earliest document first, then earliest position: the order in which evidence is chosen.
    public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        (lhs.document, lhs.start, lhs.end, lhs.sentence) < (rhs.document, rhs.start, rhs.end, rhs.sentence)
    }
}
