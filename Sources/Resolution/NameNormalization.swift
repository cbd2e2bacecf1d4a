/// The form under which two spellings of a name count as the same: lower case, typographic apostrophes and
/// dashes folded, a leading "the" and a trailing possessive dropped, white space collapsed.
///
/// One pass over the scalars: it runs for every mention, so it avoids Foundation's string searching.
public func normalizedName(_ name: String) -> String {
    if let ascii = asciiNormalizedName(name) { return ascii }
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

/// `normalizedName` of an ASCII name, on its bytes: the same steps without a scalar view, a String append per
/// scalar and the Character-level prefix and suffix tests (which mean bytes in ASCII, once CR LF is collapsed),
/// because the resolvers ask it for every mention several times. Nil when the name is not ASCII.
private func asciiNormalizedName(_ name: String) -> String? {
    var name = name
    return name.withUTF8 { source -> String? in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count) { folded -> String? in
            var count = 0
            var pendingSpace = false
            for byte in source {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    folded[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                folded[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            }
            var start = 0, end = count
            func has(_ bytes: StaticString, at offset: Int) -> Bool {
                bytes.withUTF8Buffer { expected in
                    offset >= start && offset + expected.count <= end
                        && (0..<expected.count).allSatisfy { folded[offset + $0] == expected[$0] }
                }
            }
            if has("the ", at: 0) { start = 4 }
            if has(" 's", at: end - 3) {
                end -= 3
            } else if has(" '", at: end - 2) {
                end -= 2
            } else if has("'s", at: end - 2) {
                end -= 2
            }
            return String(decoding: UnsafeBufferPointer(rebasing: folded[start..<max(start, end)]), as: UTF8.self)
        }
    }
}
