import TextAnalysis

/// All gazetteer names in one byte-level index, so that matching text never builds a String.
///
/// Why bytes and not words: the tokenizer may keep "U.S." or "Guinea-Bissau" as one token or split them into
/// "U" "." "S" "."; comparing the name's bytes with the token bytes (a space wherever the text has a gap between
/// tokens) gives the same answer either way. Names are bucketed by a hash of their first *segment* (the bytes up
/// to the first space or punctuation: "u" for "U.S.", "guinea" for "Guinea-Bissau"), which is the same whatever
/// the tokenizer does with the punctuation, so a token finds its candidates with one hash and one dictionary
/// probe. A name that opens with punctuation ("'Abasan") is bucketed by that first byte instead, which the first
/// token of any text it matches opens with too: punctuation tokens, some tenth of a text, then find no bucket
/// instead of scanning every such name.
///
/// Matching ignores ASCII case, except for names without a lower-case letter ("US", "UK", "U.S."): those are
/// acronyms and must match exactly, so the pronoun "us" never becomes the United States. Typographic
/// apostrophes (’ ‘) compare equal to ASCII ones.
struct NameIndex: Sendable {
    /// What a name stands for: `kind` indexes `GazetteerKinds` bits, `index` a row of that table.
    struct Payload: Hashable, Sendable {
        let raw: UInt32
        init(kind: GazetteerKinds, index: Int) {
            raw = UInt32(kind.rawValue.trailingZeroBitCount) << 28 | UInt32(index)
        }
        var kind: GazetteerKinds { GazetteerKinds(rawValue: 1 << UInt8(raw >> 28)) }
        var index: Int { Int(raw & 0x0FFF_FFFF) }
    }

    private struct Key: Sendable {
        var start: Int32
        var length: Int32
        var caseSensitive: Bool
        /// Union of the kinds of this key's payloads: a cheap filter before comparing bytes.
        var kinds: GazetteerKinds
        var payloads: Range<Int32>
    }

    /// Names lower-cased (ASCII) with white space collapsed; `originals` has the same bytes in their own case.
    private var lowered: [UInt8] = []
    private var originals: [UInt8] = []
    private var keys: [Key] = []
    private var payloads: [Payload] = []
    /// Full-name hash → first key; `nextWithSameHash` chains the rest (hash collisions and case variants).
    private var byName = HashIndex()
    private var nextWithSameHash: [Int32] = []
    /// First-segment hash → first key; `nextInBucket` chains the rest.
    private var byFirstSegment = HashIndex()
    private var nextInBucket: [Int32] = []
    /// Per key: the kinds of it and every key after it in its bucket, so that a look-up for kinds its bucket
    /// does not hold ends before scanning it (most words start some city's name, few an office's). Set by `finish`.
    private var kindsFromHere: [GazetteerKinds] = []
    /// Per key: the lower-cased first byte of the name's second segment ("y" of "new york", "s" of "u.s."), 0 for a
    /// one-segment name. The names of a bucket share their first segment and mostly differ in the next one, so
    /// comparing this byte with the text's (`secondSegmentByte(in:from:to:)`) skips most of a large bucket
    /// ("New …", "San …", "The …") without comparing the name.
    private var secondSegmentBytes: [UInt8] = []
    /// (key, payload) pairs while building; grouped into `payloads` by `finish`.
    private var pending: [(key: Int32, payload: Payload)] = []
    /// Where `add` normalises a name before it knows whether the name is new.
    private var scratch: [UInt8] = []

    var nameCount: Int { keys.count }

    // MARK: Building

    /// Makes room for `names` names, so that loading the shipped tables (some 50,000 names, serially at every
    /// start) never rehashes the two hash indexes, which cost more than adding the names.
    mutating func reserveCapacity(names: Int) {
        keys.reserveCapacity(names)
        nextWithSameHash.reserveCapacity(names)
        nextInBucket.reserveCapacity(names)
        secondSegmentBytes.reserveCapacity(names)
        pending.reserveCapacity(names)
        byName.reserveCapacity(names)
        byFirstSegment.reserveCapacity(names)
    }

    /// A name as `add` normalises it into `scratch`: lower-cased bytes first, then the original bytes from
    /// `originalsStart`, with the hashes computed on the way.
    private struct ScratchName {
        var length = 0
        var originalsStart = 0
        var caseSensitive = false
        var hash: UInt64 = 0
        var segmentHash: UInt64 = 0
    }

    /// Adds the name in `source[range]` for `payload`.
    ///
    /// The name is normalised into a scratch buffer on raw pointers (normalising never lengthens it), hashed on
    /// the way, and copied into `lowered` and `originals` only when it is new.
    mutating func add(_ source: [UInt8], _ range: Range<Int>, _ payload: Payload) {
        if scratch.count < 2 * range.count { scratch = [UInt8](repeating: 0, count: max(512, 4 * range.count)) }
        let name = source.withUnsafeBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { scratch in
                Self.normalise(source, range, into: scratch)
            }
        }
        guard name.length > 0 else { return }
        let length = name.length
        let identityStart = name.caseSensitive ? name.originalsStart : 0

        var found: Int32 = -1
        var candidate = byName[name.hash] ?? -1
        while candidate >= 0 {
            let key = keys[Int(candidate)]
            if key.caseSensitive == name.caseSensitive, Int(key.length) == length,
               scratchEqual(key, identityStart, length) {
                found = candidate
                break
            }
            candidate = nextWithSameHash[Int(candidate)]
        }
        if found < 0 {
            found = Int32(keys.count)
            keys.append(Key(start: Int32(lowered.count), length: Int32(length), caseSensitive: name.caseSensitive,
                            kinds: [], payloads: 0..<0))
            lowered.append(contentsOf: scratch[0..<length])
            originals.append(contentsOf: scratch[name.originalsStart..<(name.originalsStart + length)])
            nextWithSameHash.append(byName[name.hash] ?? -1)
            byName.set(name.hash, found)
            nextInBucket.append(byFirstSegment[name.segmentHash] ?? -1)
            secondSegmentBytes.append(Self.secondSegmentByte(scratch[0..<length]))
            byFirstSegment.set(name.segmentHash, found)
        }
        keys[Int(found)].kinds.insert(payload.kind)
        pending.append((found, payload))
    }

    /// Normalises `source[range]` (white space collapsed and trimmed, typographic apostrophes read as `'`) into
    /// `scratch`, lower-cased from 0 and as written from the middle, and hashes it the way `hash(_:caseSensitive:)`
    /// and `firstSegmentHash` would (the lower-cased hash on the way).
    private static func normalise(
        _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into scratch: UnsafeMutableBufferPointer<UInt8>
    ) -> ScratchName {
        let originalsStart = scratch.count / 2
        var length = 0
        var hasLower = false
        var hasUpper = false
        var loweredHash = fnvOffset
        var segmentHash = fnvOffset
        var inFirstSegment = true
        var pendingSpace = false
        var i = range.lowerBound
        while i < range.upperBound {
            let (byte, width) = normalised(source, i, range.upperBound)
            i += width
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = length > 0
                continue
            }
            if pendingSpace {
                scratch[length] = 0x20
                scratch[originalsStart + length] = 0x20
                length += 1
                loweredHash = (loweredHash ^ 0x20) &* fnvPrime
                inFirstSegment = false
                pendingSpace = false
            }
            if byte >= 0x61 && byte <= 0x7A { hasLower = true }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            let lower = AnalyzedText.asciiLower(byte)
            scratch[length] = lower
            scratch[originalsStart + length] = byte
            length += 1
            loweredHash = (loweredHash ^ UInt64(lower)) &* fnvPrime
            if inFirstSegment {
                // A byte that opens no segment is hashed when it opens the name (see the type's comment).
                if isSegmentByte(lower) || length == 1 {
                    segmentHash = (segmentHash ^ UInt64(lower)) &* fnvPrime
                }
                if !isSegmentByte(lower) { inFirstSegment = false }
            }
        }
        let caseSensitive = hasUpper && !hasLower
        // An acronym is identified by its bytes as written, hashed only then (few names are acronyms).
        let hash = caseSensitive
            ? Self.hash(scratch[originalsStart..<(originalsStart + length)], caseSensitive: true) : loweredHash
        return ScratchName(length: length, originalsStart: originalsStart, caseSensitive: caseSensitive,
                           hash: hash, segmentHash: segmentHash)
    }

    /// Whether `key`'s bytes (its original bytes for an acronym, else the lower-cased ones) equal
    /// `scratch[start..<start + length]`.
    private func scratchEqual(_ key: Key, _ start: Int, _ length: Int) -> Bool {
        let stored = key.caseSensitive ? originals : lowered
        let keyStart = Int(key.start)
        return stored.withUnsafeBufferPointer { stored in
            scratch.withUnsafeBufferPointer { scratch in
                for i in 0..<length where stored[keyStart + i] != scratch[start + i] { return false }
                return true
            }
        }
    }

    /// Groups the payloads by name, each name's payloads ordered by `areInIncreasingOrder`.
    mutating func finish(by areInIncreasingOrder: (Payload, Payload) -> Bool) {
        // Grouped by key with a counting pass (keys are 0..<keys.count and most have one payload), each group then
        // sorted stably: the order a stable sort of all pairs by (key, `areInIncreasingOrder`) gives, for a
        // fraction of the comparisons.
        var groupStart = [Int](repeating: 0, count: keys.count + 1)
        for entry in pending { groupStart[Int(entry.key) + 1] += 1 }
        for k in keys.indices { groupStart[k + 1] += groupStart[k] }
        var grouped = [Payload](repeating: Payload(kind: .country, index: 0), count: pending.count)
        var next = groupStart
        for entry in pending {
            grouped[next[Int(entry.key)]] = entry.payload
            next[Int(entry.key)] += 1
        }
        payloads.removeAll(keepingCapacity: true)
        payloads.reserveCapacity(pending.count)
        grouped.withUnsafeMutableBufferPointer { grouped in
            for k in keys.indices {
                let group = groupStart[k]..<groupStart[k + 1]
                if group.count > 1 {
                    var members = UnsafeMutableBufferPointer(rebasing: grouped[group])
                    members.sort(by: areInIncreasingOrder)
                }
                let start = Int32(payloads.count)
                var previous: Payload?
                for i in group where grouped[i] != previous {
                    payloads.append(grouped[i])
                    previous = grouped[i]
                }
                keys[k].payloads = start..<Int32(payloads.count)
            }
        }
        // Buckets chain from the newest key to older ones, so the older key's union is known first.
        kindsFromHere = keys.map(\.kinds)
        for k in keys.indices where nextInBucket[k] >= 0 {
            kindsFromHere[k].formUnion(kindsFromHere[Int(nextInBucket[k])])
        }
        pending = []
        scratch = []
    }

    // MARK: Looking up

    /// The payloads of a name given as a string: exact for acronyms, ASCII case-insensitive otherwise.
    func payloads(named name: String) -> ArraySlice<Payload> {
        var original: [UInt8] = []
        var pendingSpace = false
        let bytes = Array(name.utf8)
        var i = 0
        while i < bytes.count {
            let (byte, width) = Self.normalised(bytes, i, bytes.count)
            i += width
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                pendingSpace = !original.isEmpty
                continue
            }
            if pendingSpace { original.append(0x20); pendingSpace = false }
            original.append(byte)
        }
        let lower = original.map(AnalyzedText.asciiLower)
        if let key = find(original, caseSensitive: true) ?? find(lower, caseSensitive: false) {
            return payloads[Int(key.payloads.lowerBound)..<Int(key.payloads.upperBound)]
        }
        return []
    }

    /// The longest name starting at token `start` and spanning at most `limit` tokens whose payloads include one
    /// of `kinds`. Returns the end token (exclusive) and the payloads of every name of that length.
    func longestMatch(
        in text: AnalyzedText, at start: Int, limit: Int, kinds: GazetteerKinds
    ) -> (end: Int, payloads: [Payload])? {
        longestMatch(in: text, at: start, limit: limit, kinds: kinds, head: head(in: text, at: start))
    }

    /// The first name of token `start`'s bucket (-1: no name starts like that token): what `longestMatch`
    /// looks up first. `heads(in:)` gives it for every token at once, for callers that ask about one token
    /// several times (the tagger's gazetteer bits ask five questions per token).
    func head(in text: AnalyzedText, at start: Int) -> Int32 {
        guard start >= 0, start < text.tokens.count else { return -1 }
        let token = text.tokens[start]
        return text.bytes.withUnsafeBufferPointer { head(of: token, in: $0) }
    }

    func heads(in text: AnalyzedText) -> [Int32] {
        text.bytes.withUnsafeBufferPointer { bytes in text.tokens.map { head(of: $0, in: bytes) } }
    }

    /// `head(in:at:)` of a token of `bytes`: read through a buffer, since the hash runs over every token's bytes
    /// once or more per document and checked array reads cost more than the hash.
    @inline(__always)
    private func head(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard token.length > 0 else { return -1 }
        return byFirstSegment[Self.firstSegmentHash(bytes, token.start, token.end)] ?? -1
    }

    /// `longestMatch` from the bucket head of token `start` (`head(in:at:)`).
    func longestMatch(
        in text: AnalyzedText, at start: Int, limit: Int, kinds: GazetteerKinds, head: Int32
    ) -> (end: Int, payloads: [Payload])? {
        guard let (bestEnd, bestFirst, bestCount, allowed, maxEnd) = bestMatch(in: text, at: start, limit: limit,
                                                                              kinds: kinds, head: head)
        else { return nil }
        var result: [Payload] = []
        var candidate = bestFirst
        var remaining = bestCount
        while candidate >= 0, remaining > 0 {
            let key = keys[Int(candidate)]
            if !key.kinds.isDisjoint(with: allowed), matchEnd(key, text, start, maxEnd) == bestEnd {
                remaining -= 1
                for p in payloads[Int(key.payloads.lowerBound)..<Int(key.payloads.upperBound)]
                where allowed.contains(p.kind) {
                    result.append(p)
                }
            }
            candidate = nextInBucket[Int(candidate)]
        }
        return (bestEnd, result)
    }

    /// Only the end token of `longestMatch`, without gathering the payloads: for "is there one, how long".
    func longestMatchEnd(in text: AnalyzedText, at start: Int, limit: Int, kinds: GazetteerKinds, head: Int32) -> Int? {
        bestMatch(in: text, at: start, limit: limit, kinds: kinds, head: head)?.end
    }

    /// Every name starting at token `start` whose payloads include one of `kinds`, however far it reaches: for
    /// each end token (ascending) the payloads `longestMatch` gives when that end is the longest within its limit.
    /// `longestMatch` with any limit is the last of these whose end is within the limit, so a per-document memo
    /// (`LexiconMemo`) asks this once per token instead of scanning the bucket for every limit it is asked with.
    func allMatches(
        in text: AnalyzedText, at start: Int, kinds: GazetteerKinds, head: Int32
    ) -> [(end: Int, payloads: [Payload])] {
        guard head >= 0, start >= 0, start < text.tokens.count else { return [] }
        let first = text.bytes[text.tokens[start].start]
        let allowed = first >= 0x61 && first <= 0x7A ? kinds.subtracting(.properNames) : kinds
        guard !allowed.isEmpty, !kindsFromHere[Int(head)].isDisjoint(with: allowed) else { return [] }
        let maxEnd = text.tokens.count
        var found: [(end: Int, key: Int32)] = []
        var textSecond: UInt8?
        var candidate = head
        while candidate >= 0 {
            let key = keys[Int(candidate)]
            if !key.kinds.isDisjoint(with: allowed),
               canMatch(candidate, &textSecond, text, start, maxEnd),
               let end = matchEnd(key, text, start, maxEnd) {
                found.append((end, candidate))
            }
            candidate = nextInBucket[Int(candidate)]
        }
        guard !found.isEmpty else { return [] }
        // Grouped by end, keys of one end in bucket order (the order `longestMatch` gathers them in): a stable
        // insertion sort by end in place (a token starts a handful of names at most), then one pass over the runs,
        // without the set and the sorted copy of the ends a grouping by distinct end would build.
        for i in found.indices.dropFirst() {
            let moving = found[i]
            var j = i
            while j > 0, found[j - 1].end > moving.end {
                found[j] = found[j - 1]
                j -= 1
            }
            found[j] = moving
        }
        var result: [(end: Int, payloads: [Payload])] = []
        var run = 0
        while run < found.count {
            let end = found[run].end
            var gathered: [Payload] = []
            while run < found.count, found[run].end == end {
                let key = keys[Int(found[run].key)]
                for p in payloads[Int(key.payloads.lowerBound)..<Int(key.payloads.upperBound)] where allowed.contains(p.kind) {
                    gathered.append(p)
                }
                run += 1
            }
            result.append((end, gathered))
        }
        return result
    }

    private func bestMatch(
        in text: AnalyzedText, at start: Int, limit: Int, kinds: GazetteerKinds, head: Int32
    ) -> (end: Int, first: Int32, count: Int, allowed: GazetteerKinds, maxEnd: Int)? {
        guard head >= 0, start >= 0, start < text.tokens.count, limit > 0 else { return nil }
        var candidate = head
        let token = text.tokens[start]
        // Proper names need a capital in running text: "turkey", "china", "nice" and "reading" are words.
        let first = text.bytes[token.start]
        let allowed = first >= 0x61 && first <= 0x7A ? kinds.subtracting(.properNames) : kinds
        guard !allowed.isEmpty, !kindsFromHere[Int(head)].isDisjoint(with: allowed) else { return nil }
        let maxEnd = min(text.tokens.count, start + limit)
        // A name longer than the text it could span cannot match (normalising only shortens the text: ’ to ',
        // a gap to one space), and a bucket holds every name of a common first word ("New", "San", "Saint").
        let spanBytes = text.tokens[maxEnd - 1].end - token.start

        var bestEnd = 0
        var bestFirst: Int32 = -1
        var bestCount = 0
        var textSecond: UInt8?
        while candidate >= 0 {
            let key = keys[Int(candidate)]
            if Int(key.length) <= spanBytes, !key.kinds.isDisjoint(with: allowed),
               canMatch(candidate, &textSecond, text, start, maxEnd),
               let end = matchEnd(key, text, start, maxEnd), end >= bestEnd {
                if end > bestEnd { bestEnd = end; bestFirst = candidate; bestCount = 0 }
                bestCount += 1
            }
            candidate = nextInBucket[Int(candidate)]
        }
        guard bestFirst >= 0 else { return nil }
        return (bestEnd, bestFirst, bestCount, allowed, maxEnd)
    }

    // MARK: Byte comparison

    /// Whether key `candidate` may match the text from token `start`: a name of one segment may, a longer one only
    /// when the first byte of its second segment is the text's. `textSecond` keeps the text's byte once read, for
    /// the rest of the bucket.
    @inline(__always)
    private func canMatch(_ candidate: Int32, _ textSecond: inout UInt8?, _ text: AnalyzedText, _ start: Int, _ maxEnd: Int) -> Bool {
        let second = secondSegmentBytes[Int(candidate)]
        guard second != 0 else { return true }
        if textSecond == nil { textSecond = Self.secondSegmentByte(in: text, from: start, to: maxEnd) }
        return second == textSecond
    }

    /// The lower-cased first byte of the second segment of a normalised name, 0 when it has one segment.
    static func secondSegmentByte(_ name: ArraySlice<UInt8>) -> UInt8 {
        var i = name.startIndex
        while i < name.endIndex, isSegmentByte(name[i]) { i += 1 }
        while i < name.endIndex, !isSegmentByte(name[i]) { i += 1 }
        return i < name.endIndex ? AnalyzedText.asciiLower(name[i]) : 0
    }

    /// The lower-cased first byte of the second segment of the text from token `start` to token `maxEnd`, read as
    /// `matchEnd` reads it (adjacent tokens run on, a gap between tokens is a space, typographic apostrophes are
    /// `'`), 0 when there is none. A name that matches there has the same byte, or is of one segment.
    static func secondSegmentByte(in text: AnalyzedText, from start: Int, to maxEnd: Int) -> UInt8 {
        let bytes = text.bytes
        let tokens = text.tokens
        var inFirstSegment = true
        var t = start
        while t < maxEnd {
            if t > start, tokens[t].start > tokens[t - 1].end { inFirstSegment = false }
            var p = tokens[t].start
            let tokenEnd = tokens[t].end
            while p < tokenEnd {
                let (byte, width) = normalised(bytes, p, tokenEnd)
                if isSegmentByte(byte) {
                    if !inFirstSegment { return AnalyzedText.asciiLower(byte) }
                } else {
                    inFirstSegment = false
                }
                p += width
            }
            t += 1
        }
        return 0
    }

    /// Compares `key` with the text from token `start`, token by token; a gap between two tokens must be a
    /// space in the name, adjacent tokens ("U" "." "S" ".") must be adjacent in the name too. Returns the end
    /// token when the name ends exactly at a token end.
    private func matchEnd(_ key: Key, _ text: AnalyzedText, _ start: Int, _ maxEnd: Int) -> Int? {
        let bytes = text.bytes
        let tokens = text.tokens
        var k = Int(key.start)
        let keyEnd = k + Int(key.length)
        var t = start
        while true {
            var p = tokens[t].start
            let tokenEnd = tokens[t].end
            while p < tokenEnd {
                guard k < keyEnd else { return nil }
                let (byte, width) = Self.normalised(bytes, p, tokenEnd)
                if key.caseSensitive {
                    guard byte == originals[k] else { return nil }
                } else {
                    guard AnalyzedText.asciiLower(byte) == lowered[k] else { return nil }
                }
                p += width
                k += 1
            }
            if k == keyEnd { return t + 1 }
            t += 1
            guard t < maxEnd else { return nil }
            if tokens[t].start > tokens[t - 1].end {
                guard lowered[k] == 0x20 else { return nil }
                k += 1
            }
        }
    }

    private func find(_ identity: [UInt8], caseSensitive: Bool) -> Key? {
        var candidate = byName[Self.hash(identity[...], caseSensitive: caseSensitive)] ?? -1
        while candidate >= 0 {
            let key = keys[Int(candidate)]
            if key.caseSensitive == caseSensitive, bytesEqual(key, identity, original: caseSensitive) { return key }
            candidate = nextWithSameHash[Int(candidate)]
        }
        return nil
    }

    private func bytesEqual(_ key: Key, _ identity: [UInt8], original: Bool) -> Bool {
        guard Int(key.length) == identity.count else { return false }
        let start = Int(key.start)
        let stored = original ? originals : lowered
        for i in 0..<identity.count where stored[start + i] != identity[i] { return false }
        return true
    }

    // MARK: Normalising and hashing

    /// The byte at `i` with typographic apostrophes (’ ‘, E2 80 99/98) read as `'`, and how many bytes it took.
    /// Generic so that matching (on the text's array) and building and hashing (on raw buffers) read bytes one
    /// way; always inlined, so each caller gets it specialised to its container.
    @inline(__always)
    static func normalised<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ i: Int, _ end: Int) -> (UInt8, Int)
    where Bytes.Index == Int {
        let byte = bytes[i]
        if byte == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 {
            return (0x27, 3)
        }
        if byte == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return (0x20, 2) }  // no-break space
        return (byte, 1)
    }

    /// Letters, digits and any non-ASCII byte continue a segment; everything else ends it.
    @inline(__always)
    private static func isSegmentByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01b3
    /// Mixed into the seed of an acronym's hash, so that "US" and "us" fall into different chains.
    private static let caseSensitiveSeed: UInt64 = 0x5A

    /// FNV-1a over a whole name; `add` computes the same while it normalises.
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, caseSensitive: Bool) -> UInt64 {
        var h = fnvOffset ^ (caseSensitive ? caseSensitiveSeed : 0)
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    /// Hash of the lower-cased bytes of a token's first segment (`add` computes the same over a name while it
    /// normalises it): letters, digits and non-ASCII bytes up to the first other byte; the first byte alone when it
    /// is another.
    private static func firstSegmentHash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = fnvOffset
        var i = start
        while i < end {
            let (byte, width) = normalised(bytes, i, end)
            guard isSegmentByte(byte) else {
                if i == start { h = (h ^ UInt64(byte)) &* fnvPrime }
                break
            }
            h = (h ^ UInt64(AnalyzedText.asciiLower(byte))) &* fnvPrime
            i += width
        }
        return h
    }
}
