/// Placeholder: replaced by the real tokenizer.
public enum Tokenizer {
    public static func tokenize(_ bytes: [UInt8]) -> [Token] { [] }
}
