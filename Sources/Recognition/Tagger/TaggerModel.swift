/// A trained tagger: tags, feature weights and transition scores.
package struct TaggerModel: Sendable, Equatable {
    /// Penalty of an invalid transition: far below any reachable score, finite so sums stay numbers.
    package static let forbidden: Float = -1e9

    package let tagSet: TagSet
    package let table: WeightTable
    /// Learned `[from * count + to]` scores, as stored in the file.
    package let transitions: [Float]
    package let start: [Float]
    package let end: [Float]

    /// The learned scores with the tag set's constraints applied: what the decoder uses.
    package let decodeTransitions: [Float]
    package let decodeStart: [Float]
    package let decodeEnd: [Float]

    package init(tagSet: TagSet, table: WeightTable, transitions: [Float], start: [Float], end: [Float]) {
        precondition(table.labelCount == tagSet.count && transitions.count == tagSet.count * tagSet.count)
        precondition(start.count == tagSet.count && end.count == tagSet.count)
        self.tagSet = tagSet
        self.table = table
        self.transitions = transitions
        self.start = start
        self.end = end
        (decodeTransitions, decodeStart, decodeEnd) = tagSet.constrained(transitions: transitions, start: start, end: end)
    }
}

extension TagSet {
    /// `transitions`, `start` and `end` with `TaggerModel.forbidden` wherever the scheme disallows a move.
    package func constrained(transitions: [Float], start: [Float], end: [Float]) -> ([Float], [Float], [Float]) {
        var t = transitions, s = start, e = end
        for from in 0..<count {
            for to in 0..<count where !allows(from: from, to: to) { t[from * count + to] = TaggerModel.forbidden }
            if !allowsStart(from) { s[from] = TaggerModel.forbidden }
            if !allowsEnd(from) { e[from] = TaggerModel.forbidden }
        }
        return (t, s, e)
    }
}
