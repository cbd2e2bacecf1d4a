import TextAnalysis

/// What the rest of the document says about each token: evidence no single sentence has.
///
/// News repeats names: "Sergey Lavrov" becomes "Lavrov", a sentence-initial "Syria" appears mid-sentence
/// elsewhere, "in Kabul" elsewhere says what "Kabul" is, and a headline's "Worried" appears as "worried" in the
/// body. The context is computed from the document's own text (no labels, no model), identically in training
/// (on pseudo-documents of 20 consecutive GMB sentences) and at run time. It made the largest single
/// difference to person recall (+2 F1 on held-out `per`).
///
/// Build it once per document and pass it to `EntityTagger.tag(_:sentence:context:externalFeatures:)` when
/// tagging sentence by sentence; `EntityTagger.tag(_:)` does this for a whole text.
public struct DocumentContext: Sendable {
    /// Another occurrence of the word starts with a lower-case letter.
    package static let seenLowercase: UInt32 = 1 << 0
    /// Another occurrence is capitalised, not sentence-initial, outside a title line.
    package static let seenCapitalisedMidSentence: UInt32 = 1 << 1
    /// Another occurrence is followed by a capitalised word (first words of "Sergey Lavrov").
    package static let seenBeforeCapitalised: UInt32 = 1 << 2
    /// Another occurrence follows a capitalised word (last words of "Sergey Lavrov").
    package static let seenAfterCapitalised: UInt32 = 1 << 3

    /// Most other occurrences whose neighbours are looked at, and most distinct neighbours kept per side:
    /// bounds the work on words like a sentence-initial "The".
    static let occurrenceLimit = 16
    static let neighbourLimit = 8

    /// Per token (indexed like `AnalyzedText.tokens`): the bits above.
    package let bits: [UInt32]
    /// Per token: feature keys of the neighbouring words of the word's other occurrences,
    /// `neighbourKeys[neighbourOffsets[t]..<neighbourOffsets[t + 1]]`. Only capitalised tokens get them.
    package let neighbourKeys: [UInt64]
    package let neighbourOffsets: [Int]
    /// Per token: what the token's own bytes say (`TokenInfo`), read once here and reused by the feature
    /// extractor, which needs the same values (reading them twice was a tenth of a one-job run). Empty for a text
    /// of more than `keptInfoLimit` tokens, whose sentences the extractor reads again: at 48 bytes a token, a
    /// 20 MB text without sentence ends kept 160 MB more at its peak.
    package let infos: [TokenInfo]

    /// Most tokens whose `infos` are kept: far above any article (a news story has a few thousand).
    package static let keptInfoLimit = 1 << 18

    /// Appends the infos of `tokens` of `text` (the text this context was made from): the kept ones, or, for a
    /// text past `keptInfoLimit`, read again from the bytes.
    @inline(never)
    package func appendInfos(of tokens: Range<Int>, in text: AnalyzedText, to infos: inout [TokenInfo]) {
        Self.appendInfos(of: tokens, in: text, kept: self.infos, to: &infos)
    }

    /// `appendInfos(of:in:to:)` given what was `kept` (every token's infos, or none), for `init` too.
    private static func appendInfos(of tokens: Range<Int>, in text: AnalyzedText, kept: [TokenInfo],
                                    to infos: inout [TokenInfo]) {
        if kept.count == text.tokens.count {
            infos.append(contentsOf: kept[tokens])
            return
        }
        text.bytes.withUnsafeBufferPointer { bytes in
            for t in tokens { infos.append(TokenInfo(bytes, start: text.tokens[t].start, end: text.tokens[t].end)) }
        }
    }

    public init(_ text: AnalyzedText) {
        self.init(text, keepingInfosUpTo: Self.keptInfoLimit)
    }

    /// - Parameter limit: `keptInfoLimit`, or another bound for tests.
    package init(_ text: AnalyzedText, keepingInfosUpTo limit: Int) {
        let count = text.tokens.count
        var words = [UInt64](repeating: 0, count: count)
        var previousWords = [UInt64](repeating: TokenInfo.sentenceStart.word, count: count)
        var nextWords = [UInt64](repeating: TokenInfo.sentenceEnd.word, count: count)
        var own = [UInt32](repeating: 0, count: count)
        var capitalised = [Bool](repeating: false, count: count)
        let kept: [TokenInfo] = count <= limit
            ? text.bytes.withUnsafeBufferPointer { bytes in text.tokens.map { TokenInfo(bytes, start: $0.start, end: $0.end) } }
            : []
        var infos: [TokenInfo] = []
        for sentence in text.sentences {
            infos.removeAll(keepingCapacity: true)
            Self.appendInfos(of: sentence.tokens, in: text, kept: kept, to: &infos)
            for (i, t) in sentence.tokens.enumerated() {
                let info = infos[i]
                let isCapitalised = info.flags & TokenFlags.initialUpper != 0
                var bits: UInt32 = 0
                if !isCapitalised && info.flags & TokenFlags.hasLower != 0 && info.flags & TokenFlags.hasDigit == 0 {
                    bits |= Self.seenLowercase
                }
                if isCapitalised && !sentence.isTitle && i > 0 {
                    bits |= Self.seenCapitalisedMidSentence
                    if infos[i - 1].flags & TokenFlags.initialUpper != 0 { bits |= Self.seenAfterCapitalised }
                }
                if isCapitalised && !sentence.isTitle && i + 1 < infos.count
                    && infos[i + 1].flags & TokenFlags.initialUpper != 0 {
                    bits |= Self.seenBeforeCapitalised
                }
                words[t] = info.word
                if i > 0 { previousWords[t] = infos[i - 1].word }
                if i + 1 < infos.count { nextWords[t] = infos[i + 1].word }
                own[t] = bits
                capitalised[t] = isCapitalised
            }
        }
        // Group occurrences of each word: token indices with each word's tokens contiguous and in text order, the
        // words in order of first occurrence. Numbered through a hash index and placed by counting, one look-up a
        // token: the loop below depends only on which tokens share a word and their order within it, and the sort
        // that did this was a percent of a one-job run.
        let order = Self.groupedByWord(words)
        var bits = [UInt32](repeating: 0, count: count)
        // Neighbour keys of every token, in group order, in one array (`pooled[pooledRange[t]]`), gathered in
        // token order at the end: per capitalised token a handful of small arrays was the main cost here.
        var pooled: [UInt64] = []
        var pooledRange = [Range<Int>](repeating: 0..<0, count: count)
        var previous: [UInt64] = [], next: [UInt64] = []
        previous.reserveCapacity(Self.neighbourLimit)
        next.reserveCapacity(Self.neighbourLimit)
        var groupStart = 0
        while groupStart < count {
            var groupEnd = groupStart + 1
            while groupEnd < count && words[order[groupEnd]] == words[order[groupStart]] { groupEnd += 1 }
            if groupEnd - groupStart > 1 {
                var counts = (0, 0, 0, 0)
                for k in groupStart..<groupEnd {
                    let b = own[order[k]]
                    counts.0 += Int(b & 1)
                    counts.1 += Int(b >> 1 & 1)
                    counts.2 += Int(b >> 2 & 1)
                    counts.3 += Int(b >> 3 & 1)
                }
                for k in groupStart..<groupEnd {
                    let t = order[k], b = own[t]
                    var result: UInt32 = 0
                    if counts.0 - Int(b & 1) > 0 { result |= Self.seenLowercase }
                    if counts.1 - Int(b >> 1 & 1) > 0 { result |= Self.seenCapitalisedMidSentence }
                    if counts.2 - Int(b >> 2 & 1) > 0 { result |= Self.seenBeforeCapitalised }
                    if counts.3 - Int(b >> 3 & 1) > 0 { result |= Self.seenAfterCapitalised }
                    bits[t] = result
                    guard capitalised[t] else { continue }
                    previous.removeAll(keepingCapacity: true)
                    next.removeAll(keepingCapacity: true)
                    var looked = 0
                    for j in groupStart..<groupEnd where order[j] != t {
                        // Stop, not skip: a word repeated thousands of times must not make this quadratic.
                        if looked == Self.occurrenceLimit { break }
                        looked += 1
                        let other = order[j]
                        if previous.count < Self.neighbourLimit && !previous.contains(previousWords[other]) {
                            previous.append(previousWords[other])
                        }
                        if next.count < Self.neighbourLimit && !next.contains(nextWords[other]) {
                            next.append(nextWords[other])
                        }
                    }
                    let begin = pooled.count
                    for word in previous { pooled.append(featureKey(FeatureTemplate.documentPreviousWord.rawValue, word)) }
                    for word in next { pooled.append(featureKey(FeatureTemplate.documentNextWord.rawValue, word)) }
                    pooledRange[t] = begin..<pooled.count
                }
            }
            groupStart = groupEnd
        }
        var keys: [UInt64] = []
        keys.reserveCapacity(pooled.count)
        var offsets = [0]
        offsets.reserveCapacity(count + 1)
        for t in 0..<count {
            keys.append(contentsOf: pooled[pooledRange[t]])
            offsets.append(keys.count)
        }
        self.infos = kept
        self.bits = bits
        self.neighbourKeys = keys
        self.neighbourOffsets = offsets
    }

    /// The indices of `words`, grouped by value: each group's indices ascending, the groups in order of their
    /// first index.
    static func groupedByWord(_ words: [UInt64]) -> [Int] {
        var groupIndex = HashIndex()
        groupIndex.reserveCapacity(words.count)
        var groupOf = [Int32](repeating: 0, count: words.count)
        var sizes: [Int] = []
        for (t, word) in words.enumerated() {
            if let group = groupIndex[word] {
                groupOf[t] = group
                sizes[Int(group)] += 1
            } else {
                groupOf[t] = Int32(sizes.count)
                groupIndex.set(word, Int32(sizes.count))
                sizes.append(1)
            }
        }
        var next = [Int](repeating: 0, count: sizes.count)
        var start = 0
        for group in sizes.indices {
            next[group] = start
            start += sizes[group]
        }
        var order = [Int](repeating: 0, count: words.count)
        for t in words.indices {
            let group = Int(groupOf[t])
            order[next[group]] = t
            next[group] += 1
        }
        return order
    }
}
