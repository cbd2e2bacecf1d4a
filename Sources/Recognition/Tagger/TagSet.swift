/// The position of a token inside a mention, as encoded by a tag.
package enum TagPosition: UInt8, Sendable {
    case outside, begin, inside, last, unit

    var letter: Character {
        switch self {
        case .outside: "O"
        case .begin: "B"
        case .inside: "I"
        case .last: "L"
        case .unit: "U"
        }
    }
}

/// The tag encoding a model was trained with.
package enum TagScheme: String, Sendable, CaseIterable {
    /// Begin / Inside / Outside.
    case bio
    /// Begin / Inside / Last / Unit / Outside: more tags, but the model sees where a mention ends.
    case bilou
}

/// The tags of a model, in the model's order, with the transition constraints that keep decoded sequences valid.
///
/// The tag list is stored in the model file by name ("O", "B-per", ...), so a file says what it encodes and
/// the decoder derives its constraints from the names rather than from hard-wired indices.
package struct TagSet: Sendable, Equatable {
    package struct Tag: Sendable, Equatable {
        package var position: TagPosition
        /// `nil` only for `outside`.
        package var label: EntityLabel?

        package var name: String {
            guard let label else { return "O" }
            return "\(position.letter)-\(label.name)"
        }
    }

    package let tags: [Tag]
    package var count: Int { tags.count }

    /// The standard tag order for a scheme: `O` first, then each label's tags in `EntityLabel` order.
    /// `labels` restricts the set to what a corpus annotates (CoNLL has no `tim`): every tag costs a weight per
    /// feature and a column in every emission, so tags that training never sees only cost time and memory.
    package init(scheme: TagScheme, labels: [EntityLabel] = EntityLabel.allCases) {
        var tags = [Tag(position: .outside, label: nil)]
        let positions: [TagPosition] = scheme == .bio ? [.begin, .inside] : [.begin, .inside, .last, .unit]
        for label in EntityLabel.allCases where labels.contains(label) {
            for position in positions { tags.append(Tag(position: position, label: label)) }
        }
        self.tags = tags
    }

    /// Parses tag names; `nil` when a name is unknown or `O` is missing.
    package init?(names: [String]) {
        var tags: [Tag] = []
        for name in names {
            if name == "O" {
                tags.append(Tag(position: .outside, label: nil))
                continue
            }
            let parts = name.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, let label = EntityLabel(name: parts[1]) else { return nil }
            let position: TagPosition
            switch parts[0] {
            case "B": position = .begin
            case "I": position = .inside
            case "L": position = .last
            case "U": position = .unit
            default: return nil
            }
            tags.append(Tag(position: position, label: label))
        }
        guard tags.contains(where: { $0.position == .outside }) else { return nil }
        self.tags = tags
    }

    package var names: [String] { tags.map(\.name) }

    package var scheme: TagScheme {
        tags.contains(where: { $0.position == .last || $0.position == .unit }) ? .bilou : .bio
    }

    package var outsideIndex: Int { tags.firstIndex(where: { $0.position == .outside })! }

    package func index(of position: TagPosition, _ label: EntityLabel?) -> Int? {
        tags.firstIndex(where: { $0.position == position && $0.label == label })
    }

    /// Whether a tag may follow another. In BIO an `I-x` continues only `B-x`/`I-x`; in BILOU an open mention
    /// (`B-x`, `I-x`) must continue with `I-x` or `L-x`, and only a closed state may start something new.
    package func allows(from previous: Int, to next: Int) -> Bool {
        let a = tags[previous], b = tags[next]
        let aIsOpen = a.position == .begin || (a.position == .inside && scheme == .bilou)
        let bContinues = b.position == .inside || b.position == .last
        switch scheme {
        case .bio:
            if b.position == .inside { return (a.position == .begin || a.position == .inside) && a.label == b.label }
            return true
        case .bilou:
            if aIsOpen { return bContinues && a.label == b.label }
            return !bContinues
        }
    }

    /// Whether a tag may start a sentence.
    package func allowsStart(_ tag: Int) -> Bool {
        let position = tags[tag].position
        return position != .inside && position != .last
    }

    /// Whether a tag may end a sentence (BILOU mentions must be closed).
    package func allowsEnd(_ tag: Int) -> Bool {
        let position = tags[tag].position
        return scheme == .bio || (position != .begin && position != .inside)
    }

    /// Mentions in a tag sequence, conlleval style: a mention starts at `B`/`U`, or at an `I`/`L` that does not
    /// continue a mention of the same type (so an invalid gold sequence still yields spans), and ends before
    /// `O`, `B`, `U`, a type change, or after `L`/`U`. Ranges are relative to the sequence.
    package func spans(_ sequence: some Collection<UInt8>) -> [(tokens: Range<Int>, label: EntityLabel)] {
        var result: [(tokens: Range<Int>, label: EntityLabel)] = []
        var openStart = -1
        var openLabel: EntityLabel? = nil
        var i = 0
        func close(at end: Int) {
            if let label = openLabel, openStart >= 0 { result.append((openStart..<end, label)) }
            openStart = -1
            openLabel = nil
        }
        for value in sequence {
            let tag = tags[Int(value)]
            switch tag.position {
            case .outside:
                close(at: i)
            case .begin, .unit:
                close(at: i)
                openStart = i
                openLabel = tag.label
            case .inside, .last:
                if openLabel != tag.label {
                    close(at: i)
                    openStart = i
                    openLabel = tag.label
                }
            }
            if tag.position == .unit || tag.position == .last { close(at: i + 1) }
            i += 1
        }
        close(at: i)
        return result
    }

    /// Encodes mentions (relative token ranges) of a sentence of `count` tokens as tag indices.
    package func encode(count: Int, spans: [(tokens: Range<Int>, label: EntityLabel)]) -> [UInt8] {
        var result = [UInt8](repeating: UInt8(outsideIndex), count: count)
        for span in spans where !span.tokens.isEmpty {
            let single = span.tokens.count == 1
            for i in span.tokens {
                let position: TagPosition
                switch scheme {
                case .bio:
                    position = i == span.tokens.lowerBound ? .begin : .inside
                case .bilou:
                    if single { position = .unit }
                    else if i == span.tokens.lowerBound { position = .begin }
                    else if i == span.tokens.upperBound - 1 { position = .last }
                    else { position = .inside }
                }
                result[i] = UInt8(index(of: position, span.label)!)
            }
        }
        return result
    }
}
