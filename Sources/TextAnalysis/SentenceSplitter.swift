/// Placeholder: replaced by the real sentence splitter.
public enum SentenceSplitter {
    public static func split(bytes: [UInt8], tokens: [Token], titleRange: Range<Int>?) -> [Sentence] { [] }
}
