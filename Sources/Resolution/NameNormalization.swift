/// The form under which two spellings of a name count as the same: lower case, typographic apostrophes and
/// dashes folded, a leading "the" and a trailing possessive dropped, white space collapsed.
public func normalizedName(_ name: String) -> String {
    var words: [Substring] = []
    let folded = name.lowercased()
        .replacingOccurrences(of: "\u{2019}", with: "'")
        .replacingOccurrences(of: "\u{2018}", with: "'")
        .replacingOccurrences(of: "\u{2010}", with: "-")
        .replacingOccurrences(of: "\u{2011}", with: "-")
        .replacingOccurrences(of: "\u{2013}", with: "-")
    for word in folded.split(whereSeparator: { $0.isWhitespace }) {
        words.append(word)
    }
    if words.first == "the" { words.removeFirst() }
    if let last = words.last {
        if last == "'s" || last == "'" {
            words.removeLast()
        } else if last.hasSuffix("'s") {
            words[words.count - 1] = last.dropLast(2)
        }
    }
    return words.joined(separator: " ")
}
