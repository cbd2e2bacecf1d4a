/// A document's mentions by their exact tokens: the arbiter asks "what did the rules read as exactly these
/// words?" for nearly every span it reshapes, several times a span.
///
/// Token-indexed, like the arbiter's other views: the mentions starting at a token, ordered by end token and
/// then by their order in the document's list. A question costs a few comparisons and no hashing, and the
/// mentions stay in the one array they came in, where a dictionary keyed by `Range` held a copy of each in a
/// list per span (building it and its lists was a fifth of the arbiter).
struct MentionsBySpan {
    private let mentions: [Mention]
    /// Indices into `mentions`, by start token, then end token, then index.
    private let order: [Int32]
    /// `order[firstAt[t]..<firstAt[t + 1]]` are the mentions starting at token `t`.
    private let firstAt: [Int32]

    /// The mentions of `mentions` for which `included` holds.
    init(_ mentions: [Mention], where included: (Mention) -> Bool) {
        self.mentions = mentions
        var kept: [Int32] = []
        var starts = 0
        for m in mentions.indices where included(mentions[m]) {
            kept.append(Int32(m))
            starts = max(starts, mentions[m].tokens.lowerBound + 1)
        }
        var firstAt = [Int32](repeating: 0, count: starts + 1)
        for m in kept { firstAt[mentions[Int(m)].tokens.lowerBound + 1] += 1 }
        for t in firstAt.indices.dropFirst() { firstAt[t] += firstAt[t - 1] }
        var order = [Int32](repeating: 0, count: kept.count)
        var next = firstAt
        for m in kept {   // ascending, so each start's mentions are in document-list order
            let t = mentions[Int(m)].tokens.lowerBound
            order[Int(next[t])] = m
            next[t] += 1
        }
        // Then by end token within a start (a handful each): a stable insertion sort keeps list order among equals.
        for t in 0..<starts {
            let (from, to) = (Int(firstAt[t]), Int(firstAt[t + 1]))
            guard to - from > 1 else { continue }
            for i in (from + 1)..<to {
                let m = order[i]
                var j = i
                while j > from, mentions[Int(order[j - 1])].tokens.upperBound > mentions[Int(m)].tokens.upperBound {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = m
            }
        }
        self.order = order
        self.firstAt = firstAt
    }

    /// The mentions with exactly `tokens`, in the order of the list they came in.
    subscript(tokens: Range<Int>) -> Matches {
        let t = tokens.lowerBound
        guard t >= 0, t + 1 < firstAt.count else { return Matches(mentions: mentions, order: order, range: 0..<0) }
        var from = Int(firstAt[t])
        let to = Int(firstAt[t + 1])
        while from < to, mentions[Int(order[from])].tokens.upperBound < tokens.upperBound { from += 1 }
        var end = from
        while end < to, mentions[Int(order[end])].tokens.upperBound == tokens.upperBound { end += 1 }
        return Matches(mentions: mentions, order: order, range: from..<end)
    }

    /// The mentions of one span: a view into the document's list, not a copy of it.
    struct Matches: RandomAccessCollection {
        fileprivate let mentions: [Mention]
        fileprivate let order: [Int32]
        fileprivate let range: Range<Int>

        var startIndex: Int { range.lowerBound }
        var endIndex: Int { range.upperBound }
        subscript(position: Int) -> Mention { mentions[Int(order[position])] }
    }
}
