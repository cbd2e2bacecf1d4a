/// The form under which two spellings of a name count as the same: lower case, typographic apostrophes and
/// dashes folded, a leading "the" and a trailing possessive dropped, white space collapsed.
///
/// One pass over the scalars: it runs for every mention, so it avoids Foundation's string searching.
public func normalizedName(_ name: String) -> String {
    var folded = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in name.unicodeScalars {
        // ASCII is decided without Unicode property tables: nearly every name is ASCII.
        let isSpace = scalar.isASCII ? (scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r")
                                     : scalar.properties.isWhitespace
        if isSpace {
            pendingSpace = !folded.isEmpty
            continue
        }
        if pendingSpace {
            folded.append(" ")
            pendingSpace = false
        }
        switch scalar.value {
        case 0x2018, 0x2019: folded.append("'")
        case 0x2010, 0x2011, 0x2013: folded.append("-")
        case 0x41...0x5A: folded.append(Unicode.Scalar(scalar.value | 0x20)!)
        case 0...0x7F: folded.append(scalar)
        default:
            if scalar.properties.changesWhenLowercased {
                folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                folded.append(scalar)
            }
        }
    }
    var result = String(folded)
    if result.hasPrefix("the ") { result.removeFirst(4) }
    if result.hasSuffix(" 's") {
        result.removeLast(3)
    } else if result.hasSuffix(" '") {
        result.removeLast(2)
    } else if result.hasSuffix("'s") {
        result.removeLast(2)
    }
    return result
}
