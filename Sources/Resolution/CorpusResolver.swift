import GraphModel

/// An entity as seen in one document, reduced to what corpus-wide resolution needs.
public struct EntitySighting: Hashable, Sendable {
    public var document: String
    public var type: NodeType
    public var name: String
    public var surfaces: [String]
    public var identity: String?
    public var aliasGroup: AliasTable.Group?
    /// Meetings: the series words, date and ordinal that decide whether two documents speak of one session.
    public var meetingSeries: String?
    public var meetingDate: String?
    public var meetingOrdinal: Int?
    /// Meetings: normalised names of the places they were held in.
    public var meetingPlaces: [String]

    public init(document: String, type: NodeType, name: String, surfaces: [String], identity: String? = nil,
                aliasGroup: AliasTable.Group? = nil, meetingSeries: String? = nil, meetingDate: String? = nil,
                meetingOrdinal: Int? = nil, meetingPlaces: [String] = []) {
        self.meetingPlaces = meetingPlaces.sorted()
        self.document = document
        self.type = type
        self.name = name
        self.surfaces = surfaces
        self.identity = identity
        self.aliasGroup = aliasGroup
        self.meetingSeries = meetingSeries
        self.meetingDate = meetingDate
        self.meetingOrdinal = meetingOrdinal
    }
}

/// One line of the merge log: which name joined which node, and why.
public struct MergeRecord: Hashable, Sendable, Comparable {
    public var node: String
    public var name: String
    public var document: String
    public var reason: String

    public init(node: String, name: String, document: String, reason: String) {
        self.node = node
        self.name = name
        self.document = document
        self.reason = reason
    }

    public static func < (a: MergeRecord, b: MergeRecord) -> Bool {
        (a.node, a.document, a.name, a.reason) < (b.node, b.document, b.name, b.reason)
    }
}

/// Gives every document entity a corpus-wide key, so that one real-world entity becomes one node.
///
/// Countries and cities join by gazetteer identity; names in an alias group by the group; people by their
/// full name as `personNameKey` folds it (diacritics and transliteration variants), and a surname seen alone by the one full name in the corpus that ends with it;
/// organisations and places by normalised name; meetings of a series only when date or ordinal say it is the
/// same session. The "never" pairs of the alias table are respected throughout.
public struct CorpusResolver: Sendable {
    public let aliases: AliasTable

    public init(aliases: AliasTable) {
        self.aliases = aliases
    }

    public func keys(for sightings: [EntitySighting]) -> (keys: [String], log: [MergeRecord]) {
        var surnames = SurnameIndex()
        for sighting in sightings { surnames.add(sighting) }
        var spellings = PersonSpellings()
        let provisional = sightings.map { spellings.settle(provisionalKey(for: $0)) }
        var keys = [String](repeating: "", count: sightings.count)
        var log: [MergeRecord] = []
        for (i, sighting) in sightings.enumerated() {
            let key = provisional[i]
            keys[i] = finalKey(key, surnames: surnames, spellings: spellings)
            if case let .surname(name) = key, keys[i] != "person:" + name {
                // "surname of a full name" or "family name written first in a full name", as the index found it.
                let how = surnames.fullNames.candidates(for: name) { _ in true }.reason.hasPrefix("surname")
                    ? "surname of the only full name" : "family name written first in the only full name"
                log.append(MergeRecord(node: keys[i], name: sighting.name, document: sighting.document,
                                       reason: "\(how) '\(keys[i].dropFirst("person:".count))' in the corpus"))
            }
        }
        // Record which documents' spellings met on one node for reasons other than the per-document rules.
        var firstSeen: [String: EntitySighting] = [:]
        for (i, sighting) in sightings.enumerated() {
            guard let first = firstSeen[keys[i]] else { firstSeen[keys[i]] = sighting; continue }
            guard first.document != sighting.document else { continue }
            let reason = sighting.identity != nil ? "gazetteer identity \(sighting.identity!)"
                : sighting.aliasGroup.map { "alias table (\($0.source))" } ?? "same normalised name"
            log.append(MergeRecord(node: keys[i], name: sighting.name, document: sighting.document,
                                   reason: "\(reason), also in \(first.document)"))
        }
        return (keys, log)
    }

    /// A sighting's key as far as it can be known from the sighting alone. Only a person named by one word
    /// (a surname seen alone) waits for the whole corpus: it joins the one full name ending with it, if there is
    /// exactly one. Everything else is final at once, which lets a streaming corpus stage aggregate edges by key
    /// while documents are still coming.
    public enum ProvisionalKey: Hashable, Sendable, Comparable {
        case final(String)
        /// A person's full name: the form that joins spellings (`personNameKey`) and this sighting's spelling
        /// (`normalizedName`). `PersonSpellings.settle` makes it final under the first spelling seen.
        case person(folded: String, spelled: String)
        /// The one-word name, as `personNameKey` folds it.
        case surname(String)
    }

    /// The first spelling seen of each person, by the form that joins spellings: the node of "Dmitry Peskov"
    /// and "Dmitri Peskov" is keyed by whichever the corpus wrote first, so keys stay names a reader can check.
    /// Fed in document order, like the corpus stage, so the choice does not depend on scheduling.
    public struct PersonSpellings: Sendable {
        public private(set) var first: [String: String] = [:]
        public init() {}

        /// `key` made final where it names a person in full; other keys unchanged.
        public mutating func settle(_ key: ProvisionalKey) -> ProvisionalKey {
            guard case let .person(folded, spelled) = key else { return key }
            if let known = first[folded] { return .final("person:" + known) }
            first[folded] = spelled
            return .final("person:" + spelled)
        }

        /// The key of the person whose folded name is `folded`.
        func key(of folded: String) -> String { "person:" + (first[folded] ?? folded) }
    }

    /// What the corpus needs of a sighting that the sighting alone decides (with the alias table): its
    /// provisional key and the folded full name it adds to the surname index. Pure, so the workers that
    /// summarise documents compute it and the serial corpus stage only looks things up.
    public struct SightingKeys: Hashable, Sendable {
        public var provisional: ProvisionalKey
        /// `personNameKey` of a person's name without alias group (what `SurnameIndex` indexes), else nil.
        public var fullName: String?
    }

    public func sightingKeys(for sighting: EntitySighting) -> SightingKeys {
        SightingKeys(provisional: provisionalKey(for: sighting), fullName: SurnameIndex.fullName(of: sighting))
    }

    public func provisionalKey(for sighting: EntitySighting) -> ProvisionalKey {
        if let identity = sighting.identity { return .final(identity) }
        if let group = sighting.aliasGroup { return .final("\(group.type.rawValue):\(normalizedName(group.canonical))") }
        let name = normalizedName(sighting.name)
        switch sighting.type {
        case .person:
            // A name a "never" line keeps apart joins only by its own spelling.
            let folded = aliases.isKeptApart(normalized: name) ? name : personNameKey(normalized: name)
            return containsSpace(folded) ? .person(folded: folded, spelled: name) : .surname(folded)
        case .meeting: return .final(meetingKey(sighting))
        default: return .final("\(sighting.type.rawValue):" + name)
        }
    }

    /// The key once every sighting of the corpus has been added to `surnames`.
    public func finalKey(_ key: ProvisionalKey, surnames: SurnameIndex, spellings: PersonSpellings) -> String {
        switch key {
        case let .final(key): return key
        case let .person(folded, _): return spellings.key(of: folded)
        case let .surname(name):
            let full = surnames.fullNames.candidates(for: name) { !aliases.mustStayApart(spellings.first[$0] ?? $0, name) }
            if full.people.count == 1, let target = full.people.first {
                return spellings.key(of: target)
            }
            return "person:" + name
        }
    }

    /// Full names of people anywhere in the corpus (`FullNameIndex`, the policy documents use too), each by the
    /// form that joins spellings: "Dmitry Peskov" and "Dmitri Peskov" are one full name.
    public struct SurnameIndex: Sendable {
        public private(set) var fullNames = FullNameIndex<String>()
        public init() {}
        public mutating func add(_ sighting: EntitySighting) {
            add(fullName: Self.fullName(of: sighting))
        }

        /// Adds a sighting by its `SightingKeys.fullName`, folded already.
        public mutating func add(fullName: String?) {
            guard let fullName else { return }
            fullNames.add(fullName, key: fullName)
        }

        /// The form under which a sighting enters the index: people's names without alias group, folded.
        static func fullName(of sighting: EntitySighting) -> String? {
            guard sighting.type == .person, sighting.aliasGroup == nil else { return nil }
            return personNameKey(sighting.name)
        }
    }

    /// A session of a series is the same across documents only with the same date or the same ordinal; an
    /// unnamed meeting only with the same place and date; otherwise each document's meeting is its own node.
    func meetingKey(_ sighting: EntitySighting) -> String {
        let series = sighting.meetingSeries.map { seriesWords($0).joined(separator: " ") } ?? ""
        if !series.isEmpty, let date = sighting.meetingDate { return "meeting:\(series)@\(date)" }
        if !series.isEmpty, let ordinal = sighting.meetingOrdinal { return "meeting:\(series)#\(ordinal)" }
        if series.isEmpty, let date = sighting.meetingDate, !sighting.meetingPlaces.isEmpty {
            return "meeting:in \(sighting.meetingPlaces.joined(separator: "+"))@\(date)"
        }
        return "meeting:\(sighting.document):\(normalizedName(sighting.name))"
    }
}
