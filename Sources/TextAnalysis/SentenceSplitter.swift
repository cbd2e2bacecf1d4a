/// Groups tokens into sentences, the unit of evidence for relations.
///
/// Rules, in order of strength:
/// 1. The title line (`titleRange`) is always exactly one sentence, whatever punctuation it contains.
/// 2. A blank line (paragraph break) always ends a sentence. A single line break does not (wrapped text and
///    quotes span lines), unless the next line starts a list item (`- `, `* `, `• `, `– `, `1. `, `1) `).
/// 3. `.` `!` `?` `…` (and the Arabic, Urdu and CJK stops), with any closing quotes or brackets glued to them,
///    end a sentence when white space follows and then an upper-case or caseless letter, a digit, an opening
///    quote or bracket, or the end of the text.
/// 4. The period of a title, initial, month or `e.g.` never ends a sentence (`Gen. Smith`, `J. Doe`); that of
///    `U.S.`, `Inc.`, `Ltd.`, `etc.` ends one only when a line break follows (`the U.S. envoy` stays whole).
/// 5. A sentence never exceeds `maxTokens`: longer runs (a 1 MiB line without stops, a table, a list of
///    names, text with its punctuation stripped) are cut after a `;` or `,` in the second half of the window,
///    else hard. Every later stage works sentence by sentence (the tagger's Viterbi, the relation patterns,
///    co-mentions) and each edge carries its sentence as evidence, so this bound is what keeps time, memory and
///    output linear in the input. 120 tokens is above every sentence of ordinary news (the longest of GMB's
///    48,000 sentences has 104 tokens), so only runs that are not sentences are cut.
public enum SentenceSplitter {
    public static let maxTokens = 120

    public static func split(bytes: [UInt8], tokens: [Token], titleRange: Range<Int>?) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeBufferPointer { tokenBuffer in
                SplitScanner(bytes: buffer, tokens: tokenBuffer, titleRange: titleRange).run()
            }
        }
    }
}

private struct SplitScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let titleRange: Range<Int>?

    func run() -> [Sentence] {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(tokens.count / 20 + 1)
        let count = tokens.count
        var first = 0
        var index = 0
        while index < count {
            var last = index
            var ends = false
            if !isInTitle(index) {
                (last, ends) = softEnd(at: index)
            }
            while last - first + 1 > SentenceSplitter.maxTokens {
                let cut = forcedCut(from: first, upTo: first + SentenceSplitter.maxTokens - 1)
                sentences.append(sentence(first, cut))
                first = cut + 1
            }
            if last + 1 >= count {
                ends = true
            } else if !ends {
                ends = hardBreak(between: last, and: last + 1)
            }
            if ends, first <= last {
                sentences.append(sentence(first, last))
                first = last + 1
            }
            index = last + 1
        }
        return sentences
    }

    private func sentence(_ first: Int, _ last: Int) -> Sentence {
        Sentence(tokens: first..<(last + 1), start: tokens[first].start, end: tokens[last].end,
                 isTitle: isInTitle(first))
    }

    private func isInTitle(_ index: Int) -> Bool {
        titleRange?.contains(tokens[index].start) ?? false
    }

    /// Whether token `index` ends a sentence by punctuation; returns the last token of that ending
    /// (closing quotes and repeated stops are kept with it).
    private func softEnd(at index: Int) -> (last: Int, ends: Bool) {
        let token = tokens[index]
        let newlineOnly: Bool
        if token.kind == .punctuation, isTerminator(token) {
            newlineOnly = false
        } else if token.kind == .word, let rule = abbreviationRule(token) {
            guard rule == .endsSentenceBeforeNewline else { return (index, false) }
            newlineOnly = true
        } else {
            return (index, false)
        }
        var last = index
        while last + 1 < tokens.count, tokens[last + 1].start == tokens[last].end,
              isTerminator(tokens[last + 1]) || isCloser(tokens[last + 1]) {
            last += 1
        }
        let next = last + 1
        guard next < tokens.count else { return (last, true) }
        let gap = lineBreaks(between: last, and: next)
        guard tokens[next].start > tokens[last].end, !newlineOnly || gap > 0 else { return (last, false) }
        return (last, startsSentence(next))
    }

    private func hardBreak(between a: Int, and b: Int) -> Bool {
        if isInTitle(a) != isInTitle(b) { return true }
        let breaks = lineBreaks(between: a, and: b)
        return breaks >= 2 || (breaks == 1 && startsListItem(b))
    }

    /// Line breaks in the white space between two tokens. U+2029 PARAGRAPH SEPARATOR counts as two (it is a
    /// paragraph break by definition); a form feed counts as none, as it mostly shows up as a stray control.
    private func lineBreaks(between a: Int, and b: Int) -> Int {
        let start = max(0, tokens[a].end), end = min(bytes.count, tokens[b].start)
        guard start < end else { return 0 }
        var breaks = 0
        var index = start
        while index < end {
            switch bytes[index] {
            case 0x0A: breaks += 1
            case 0x0D: if index + 1 >= end || bytes[index + 1] != 0x0A { breaks += 1 }
            case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80:
                if bytes[index + 2] == 0xA8 { breaks += 1 } else if bytes[index + 2] == 0xA9 { breaks += 2 }
            default: break
            }
            index += 1
        }
        return breaks
    }

    /// Cuts an over-long sentence at the last `;` (else `,`) in the second half of the window.
    private func forcedCut(from first: Int, upTo limit: Int) -> Int {
        let floor = first + SentenceSplitter.maxTokens / 2
        for separator in [UInt8(ascii: ";"), UInt8(ascii: ",")] {
            var index = limit
            while index >= floor {
                if isByte(tokens[index], separator) { return index }
                index -= 1
            }
        }
        return limit
    }

    private func startsSentence(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .number: return true
        case .word:
            guard token.start >= 0, token.start < bytes.count else { return false }
            return UTF8Scanning.canStartSentence(UTF8Scanning.decode(bytes, at: token.start).scalar)
        case .punctuation: return isOpener(token)
        case .possessive, .symbol: return false
        }
    }

    private func startsListItem(_ index: Int) -> Bool {
        let token = tokens[index]
        let followedBySpace = index + 1 < tokens.count && tokens[index + 1].start > token.end
        if isBullet(token) { return followedBySpace }
        guard token.kind == .number, token.length <= 3, index + 2 < tokens.count else { return false }
        let marker = tokens[index + 1]
        return marker.start == token.end && (isByte(marker, UInt8(ascii: ".")) || isByte(marker, UInt8(ascii: ")")))
            && tokens[index + 2].start > marker.end
    }

    private func abbreviationRule(_ token: Token) -> Abbreviations.Rule? {
        Abbreviations.rule(for: token, in: bytes)
    }

    // MARK: Byte tests on single-scalar tokens

    /// The scalar of a one-scalar token; punctuation tests compare scalars, so nothing is allocated.
    private func singleScalar(_ token: Token) -> UInt32? {
        guard token.length >= 1, token.length <= 4, token.start >= 0, token.end <= bytes.count else { return nil }
        let (scalar, length) = UTF8Scanning.decode(bytes, at: token.start)
        return length == token.length ? scalar : nil
    }

    private func isTerminator(_ token: Token) -> Bool {
        switch singleScalar(token) {
        // . ! ? … and the Arabic question mark, Urdu/Pashto full stop, CJK full stops.
        case 0x2E, 0x21, 0x3F, 0x2026, 0x61F, 0x6D4, 0x3002, 0xFF01, 0xFF0E, 0xFF1F: true
        default: false
        }
    }

    private func isCloser(_ token: Token) -> Bool {
        switch singleScalar(token) {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A: true
        default: false
        }
    }

    private func isOpener(_ token: Token) -> Bool {
        switch singleScalar(token) {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201C, 0x201E, 0x2039: true
        default: false
        }
    }

    private func isBullet(_ token: Token) -> Bool {
        switch singleScalar(token) {
        case 0x2D, 0x2A, 0x2022, 0x2013: true
        default: false
        }
    }

    private func isByte(_ token: Token, _ byte: UInt8) -> Bool {
        token.length == 1 && token.start >= 0 && token.start < bytes.count && bytes[token.start] == byte
    }
}
