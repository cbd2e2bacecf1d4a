import GraphModel
import Recognition
import TextAnalysis

/// One entity of one document: the mentions that name it, and what it is called.
public struct DocumentEntity: Hashable, Sendable {
    public var type: NodeType
    /// The fullest name seen (or the gazetteer's / alias table's canonical name).
    public var name: String
    /// Every spelling seen in the document, including `name` when it was written.
    public var surfaces: [String]
    /// Gazetteer identity, when known.
    public var identity: String?
    /// Alias-table group, when a name belongs to one.
    public var aliasGroup: AliasTable.Group?
    /// Indices into the document's mention list.
    public var mentions: [Int]
    /// Why mentions were joined, for the merge log: (surface, reason).
    public var merges: [Merge]

    public struct Merge: Hashable, Sendable {
        public var name: String
        public var into: String
        public var reason: String
        public init(name: String, into: String, reason: String) {
            self.name = name
            self.into = into
            self.reason = reason
        }
    }
}

/// Entities of one document, and which entity each mention belongs to.
public struct DocumentResolution: Sendable {
    public var entities: [DocumentEntity]
    /// For each mention index, its entity index (-1: the mention stands for nothing shown).
    public var entityOfMention: [Int]

    public init(entities: [DocumentEntity], entityOfMention: [Int]) {
        self.entities = entities
        self.entityOfMention = entityOfMention
    }

    /// Moves every mention of entity `source` into `target`; spellings `target` lacks become its aliases, each
    /// recorded with `reason` for the merge log. `source` is left without mentions, which later stages skip.
    public mutating func merge(_ source: Int, into target: Int, reason: String) {
        guard source != target else { return }
        for m in entities[source].mentions { entityOfMention[m] = target }
        entities[target].mentions.append(contentsOf: entities[source].mentions)
        for surface in entities[source].surfaces where !entities[target].surfaces.contains(surface) {
            entities[target].surfaces.append(surface)
            entities[target].merges.append(.init(name: surface, into: entities[target].name, reason: reason))
        }
        entities[source].mentions = []
    }

    /// An entity that stands for nothing the graph can show ("the talks" with no talks named): its mentions
    /// belong to no entity any more.
    public mutating func drop(_ entity: Int) {
        for m in entities[entity].mentions { entityOfMention[m] = -1 }
        entities[entity].mentions = []
    }
}

/// What makes two mentions of a document one entity.
enum EntityKey: Hashable {
    /// A gazetteer identity ("country:RU", "city:524901").
    case identity(String)
    /// An alias-table group, by its normalised canonical name.
    case aliasGroup(String)
    /// A person or an organisation, by `personNameKey`: one word known as both in a document is one entity, and
    /// the type of the fuller mention wins.
    case actor(String)
    /// Any other name, by type and normalised name.
    case name(NodeType, String)
}

/// Joins the mentions of one document into entities.
///
/// Rules, in order: a gazetteer identity is the entity ("Russian" and "Russia" are one); an alias-table group is
/// the entity ("ISIS", "IS"); an acronym in brackets joins the name it spells ("Commonwealth of Independent States
/// (CIS)"); a surname alone joins the one full name it ends ("Muttaqi" → "Amir Khan Muttaqi"); otherwise equal
/// normalised names of the same type are one. Meetings are left to the relation stage, which knows their dates
/// and places.
public struct DocumentResolver: Sendable {
    public let aliases: AliasTable

    public init(aliases: AliasTable) {
        self.aliases = aliases
    }

    public func resolve(_ mentions: [Mention], in text: AnalyzedText) -> DocumentResolution {
        var entities: [DocumentEntity] = []
        var entityOfMention = [Int](repeating: -1, count: mentions.count)
        // At most one key a mention: reserved, so that the table never grows (rehashing every String key).
        var byKey: [EntityKey: Int] = [:]
        byKey.reserveCapacity(mentions.count)
        // Person entities with a full name, by the words a lone name may stand for.
        var fullNames = FullNameIndex<Int>()
        // Each mention's name as the steps below compare it, worked out once (they asked for it up to five
        // times a mention, a String each time).
        let normalized = mentions.map { $0.type == .meeting ? "" : normalizedName($0.text) }
        let groups = mentions.indices.map { m in mentions[m].type == .meeting ? nil : aliases.group(normalized: normalized[m]) }
        var personKeys = [String?](repeating: nil, count: mentions.count)
        func personKey(_ m: Int) -> String {
            if let key = personKeys[m] { return key }
            let key = personNameKey(normalized: normalized[m])
            personKeys[m] = key
            return key
        }

        // The mention is read field by field, not copied: a Mention holds five Strings.
        func join(_ m: Int, key: EntityKey, name: String, reason: String?) {
            if let index = byKey[key] {
                entities[index].mentions.append(m)
                if !entities[index].surfaces.contains(mentions[m].text) {
                    entities[index].surfaces.append(mentions[m].text)
                    if let reason, normalized[m] != normalizedName(entities[index].name) {
                        entities[index].merges.append(.init(name: mentions[m].text, into: entities[index].name, reason: reason))
                    }
                }
                entityOfMention[m] = index
            } else {
                let group = groups[m]
                entities.append(DocumentEntity(type: group?.type ?? mentions[m].type, name: name, surfaces: [mentions[m].text],
                                               identity: mentions[m].identity, aliasGroup: group, mentions: [m], merges: []))
                byKey[key] = entities.count - 1
                entityOfMention[m] = entities.count - 1
            }
            // A person's full name, however it was joined (the alias table knows "Mahmoud Abbas"), is what a lone
            // surname later in the document joins.
            let e = entityOfMention[m]
            if mentions[m].type == .person, entities[e].type == .person { fullNames.add(e, key: personKey(m)) }
        }

        // Acronyms defined in brackets point at the mention they spell, and so does every later use of the same
        // acronym in the document ("the East African Community (EAC) … the EAC").
        var endingAt: [Int: Int] = [:]
        endingAt.reserveCapacity(mentions.count)
        for m in mentions.indices where mentions[m].type != .meeting {
            let tokens = mentions[m].tokens
            if let other = endingAt[tokens.upperBound], mentions[other].tokens.count >= tokens.count { continue }
            endingAt[tokens.upperBound] = m
        }
        var definitions: [String: Int] = [:]
        for m in mentions.indices where mentions[m].kind == .acronym {
            let open = mentions[m].tokens.lowerBound - 1
            guard open >= 1, text.isPunctuation(open, 0x28),
                  let full = endingAt[open], mentions[full].kind != .acronym else { continue }
            if definitions[normalized[m]] == nil { definitions[normalized[m]] = full }
        }
        var definedBy: [Int: Int] = [:]
        for m in mentions.indices where mentions[m].kind == .acronym {
            if let full = definitions[normalized[m]] { definedBy[m] = full }
        }
        // "the Organization of American States … the OAS", "the U.S. Central Intelligence Agency … CIA": an
        // acronym the document does not define joins the one organisation name in it whose initials spell it
        // (with or without a leading country).
        var byInitials: [String: [Int]] = [:]
        var countryEndByStart: [Int: Int] = [:]
        for m in mentions.indices where mentions[m].type == .country && countryEndByStart[mentions[m].tokens.lowerBound] == nil {
            countryEndByStart[mentions[m].tokens.lowerBound] = mentions[m].tokens.upperBound
        }
        for m in mentions.indices where mentions[m].type == .organisation && mentions[m].kind == .name
            && mentions[m].tokens.count >= 2 {
            let tokens = mentions[m].tokens
            var spelled = [initials(of: text, tokens)]
            if let countryEnd = countryEndByStart[tokens.lowerBound], countryEnd < tokens.upperBound - 1 {
                spelled.append(initials(of: text, countryEnd..<tokens.upperBound))
            }
            for key in Set(spelled) where key.count >= 2 { byInitials[key, default: []].append(m) }
        }
        var spelledBy: Set<Int> = []
        for m in mentions.indices where mentions[m].kind == .acronym && mentions[m].type == .organisation && definedBy[m] == nil {
            let letters = String(mentions[m].text.unicodeScalars.filter { $0.value >= 0x41 && $0.value <= 0x5A }.map(Character.init))
            guard let names = byInitials[letters],
                  Set(names.map { normalized[$0] }).count == 1 else { continue }
            definedBy[m] = names[0]
            spelledBy.insert(m)
        }

        // Full names first, so that surnames and acronyms find what they join.
        let deferred = mentions.indices.map { definedBy[$0] != nil ? 1 : 0 }
        let order = mentions.indices.sorted { a, b in
            let la = mentions[a].tokens.count, lb = mentions[b].tokens.count
            return (deferred[a], -la, a) < (deferred[b], -lb, b)
        }
        for m in order {
            // The fields the rules read, not the whole Mention (a copy of five Strings a mention).
            let type = mentions[m].type, surface = mentions[m].text, tokens = mentions[m].tokens
            if type == .meeting {
                entities.append(DocumentEntity(type: .meeting, name: surface, surfaces: [surface],
                                               identity: nil, aliasGroup: nil, mentions: [m], merges: []))
                entityOfMention[m] = entities.count - 1
                continue
            }
            // The alias table states a name's type: "U.N." that the tagger read as a place ("at U.N. offices in
            // Vienna") is the organisation the table lists, not a place of that name.
            let listed = groups[m]
            if let identity = mentions[m].identity, listed == nil || listed?.type == type {
                join(m, key: .identity(identity), name: mentions[m].canonical ?? surface, reason: "gazetteer")
                continue
            }
            if let full = definedBy[m], entityOfMention[full] >= 0 {
                let target = entityOfMention[full]
                entities[target].mentions.append(m)
                entities[target].surfaces.appendIfAbsent(surface)
                entities[target].merges.append(.init(name: surface, into: entities[target].name,
                                                     reason: spelledBy.contains(m) ? "acronym of a name in the document" : "acronym defined in brackets"))
                entityOfMention[m] = target
                continue
            }
            if let group = listed {
                join(m, key: .aliasGroup(normalizedName(group.canonical)), name: group.canonical, reason: "alias table (\(group.source))")
                continue
            }
            let nameKey = type == .person || type == .organisation ? personKey(m) : normalized[m]
            if type == .person, !containsSpace(nameKey) {
                var (candidates, reason) = fullNames.candidates(key: nameKey) { e in
                    entities[e].type == .person && !aliases.mustStayApart(entities[e].name, surface)
                }
                reason += " in the document"
                // "Fidel Castro ... met again with Mr. Castro and his brother, Cuban President Raul Castro": of two
                // people with that surname, only one was named in full before it, and that is the one a reader
                // takes it for. When both were ("Jean Dupont met Marie Dupont. Dupont said"), it is neither.
                if candidates.count > 1 {
                    let namedBefore = candidates.filter { e in
                        entities[e].mentions.contains { k in
                            mentions[k].tokens.count > 1 && mentions[k].tokens.upperBound <= tokens.lowerBound
                        }
                    }
                    if namedBefore.count == 1 {
                        candidates = namedBefore
                        reason = "surname of the one full name named before it (another person in the document shares it)"
                    }
                }
                if candidates.count == 1 {
                    let target = candidates.first!
                    entities[target].mentions.append(m)
                    if !entities[target].surfaces.contains(surface) {
                        entities[target].surfaces.append(surface)
                        entities[target].merges.append(.init(name: surface, into: entities[target].name, reason: reason))
                    }
                    entityOfMention[m] = target
                    continue
                }
            }
            // An organisation known by the same single word as a person (or vice versa) in this document stays
            // one entity: the type of the fuller mention wins.
            let key: EntityKey = type == .person || type == .organisation
                ? .actor(nameKey) : .name(type, nameKey)
            join(m, key: key, name: surface, reason: "same name")
        }
        mergeUnqualifiedOrganisations(&entities, &entityOfMention, mentions: mentions, text: text)
        // A dateline's "BALI" is not how the place is written: prefer a spelling in mixed case when one was seen.
        for e in entities.indices where [.location, .person].contains(entities[e].type)
            && entities[e].name == entities[e].name.uppercased() {
            if let mixed = entities[e].surfaces.first(where: { $0 != $0.uppercased() }) { entities[e].name = mixed }
        }
        // Within an alias group the canonical name is the label; elsewhere the longest spelling.
        for e in entities.indices where entities[e].aliasGroup == nil && entities[e].identity == nil && entities[e].type != .meeting {
            let acronymFree = entities[e].surfaces.filter { surface in
                !(surface.count <= 6 && surface == surface.uppercased())
            }
            let pool = acronymFree.isEmpty ? entities[e].surfaces : acronymFree
            if let fullest = pool.reduce(nil, { (best: String?, name) in best.map { isFullerName(name, than: $0) ? name : $0 } ?? name }) {
                entities[e].name = fullest
            }
            if let group = entities[e].surfaces.lazy.compactMap({ aliases.group(for: $0) }).first {
                entities[e].aliasGroup = group
                entities[e].name = group.canonical
            }
        }
        var resolution = DocumentResolution(entities: entities, entityOfMention: entityOfMention)
        // "George Herbert Walker Bush … George Bush": one person written with and without a middle name.
        let people = resolution.entities.indices.filter { e in
            resolution.entities[e].type == .person && resolution.entities[e].identity == nil
                && resolution.entities[e].aliasGroup == nil
        }
        var middleNames = MiddleNameIndex<Int>(reservingCapacity: people.count)
        for e in people { middleNames.add(e, name: resolution.entities[e].name) }
        for (long, short) in middleNames.pairs()
            where !aliases.mustStayApart(resolution.entities[long].name, resolution.entities[short].name) {
            resolution.merge(short, into: long, reason: "the same first and last name without a middle name")
        }
        // One type per entity: "Aung San Suu Kyi", a person after "leader", read as a place no gazetteer lists
        // where nothing precedes it, is the person. Only full names (two words or more), and only unlisted
        // places: "Jordan" the country and "Jordan" a person stay apart.
        for e in resolution.entities.indices where resolution.entities[e].type == .location
            && resolution.entities[e].identity.map(isUnlistedPlace) ?? true {
            let name = personNameKey(resolution.entities[e].name)
            guard containsSpace(name), let person = byKey[.actor(name)], resolution.entities[person].type == .person
            else { continue }
            resolution.merge(e, into: person, reason: "one type per entity (a person's name read once as an unlisted place)")
        }
        return resolution
    }

    /// "Foreign Ministry" after "Russian Foreign Ministry" in the same document is that ministry: an
    /// organisation name that is another's name without its leading nationality joins it, when only one fits.
    /// A short form joins the one longer name of the document it is part of: "the Security Council" the
    /// "UN Security Council", "the Convention" the "Southern Baptist Convention" (an organisation's last words);
    /// "Gaza" the "Gaza Strip" (a place's first words); "the Duma", which the gazetteer also knows as a town, the
    /// "State Duma" (a place written with "the" that ends an organisation's name). With two longer names to
    /// choose from it joins neither. Countries are left alone: "Congo" and "Guinea" are countries of their own.
    func joinShortForms(_ resolution: inout DocumentResolution, mentions: [Mention], text: AnalyzedText) {
        let entities = resolution.entities
        let live = entities.indices.filter { !entities[$0].mentions.isEmpty }
        let organisations = live.filter { entities[$0].type == .organisation }
        let places = live.filter { entities[$0].type == .location }
        // Each organisation's and place's distinct spellings, normalised once (each was asked for twice). A list,
        // not a Set: an entity has a handful, and a Set each (allocated, every spelling hashed) cost more than a
        // scan; nothing below depends on their order.
        var spellingsOf = [[String]](repeating: [], count: entities.count)
        for e in organisations + places {
            var spellings: [String] = []
            spellings.reserveCapacity(entities[e].surfaces.count + 1)
            for surface in entities[e].surfaces { spellings.appendIfAbsent(normalizedName(surface)) }
            spellings.appendIfAbsent(normalizedName(entities[e].name))
            spellingsOf[e] = spellings
        }
        func spellings(_ e: Int) -> [String] { spellingsOf[e] }
        // The alias table decides for the names it lists: they take a short form, but are never one.
        let unlisted = { (e: Int) in entities[e].aliasGroup == nil }
        // Which entities have a spelling that goes on after the short form (or before it), by the short form: one
        // pass over the words of each name, so a document listing thousands of organisations stays linear. The
        // short forms are slices of the spellings (no new Strings), and each lists its entities in order, once
        // (entities are indexed one after the other, so a repeat is the last one listed).
        var endingWith: [Substring: [Int]] = [:]
        var startingWith: [Substring: [Int]] = [:]
        func index(_ e: Int, under short: Substring, in index: inout [Substring: [Int]]) {
            if index[short, default: []].last != e { index[short, default: []].append(e) }
        }
        for e in organisations {
            for long in spellings(e) {
                for space in spaces(in: long) { index(e, under: long[long.index(after: space)...], in: &endingWith) }
            }
        }
        for e in places {
            for long in spellings(e) {
                for space in spaces(in: long) { index(e, under: long[..<space], in: &startingWith) }
            }
        }
        /// The one entity other than `e` listed under any of `e`'s spellings; nil for none or several.
        func longer(_ e: Int, in index: [Substring: [Int]]) -> Int? {
            var found: Int?
            for short in spellings(e) {
                for other in index[Substring(short)] ?? [] where other != e {
                    if let one = found, one != other { return nil }
                    found = other
                }
            }
            return found
        }
        for e in organisations where unlisted(e) && !entities[e].surfaces.contains(where: { $0 == $0.uppercased() }) {
            if let target = longer(e, in: endingWith) {
                resolution.merge(e, into: target, reason: "short form of a longer name in the document")
            }
        }
        for e in places where unlisted(e) {
            if let target = longer(e, in: startingWith) {
                resolution.merge(e, into: target, reason: "short form of a longer place name in the document")
            } else if entities[e].mentions.allSatisfy({ m in
                          let start = mentions[m].tokens.lowerBound
                          return start > 0 && text.token(start - 1, is: "the")
                      }), let target = longer(e, in: endingWith) {
                resolution.merge(e, into: target, reason: "the end of an organisation's name in the document, written with 'the'")
            }
        }
    }

    func mergeUnqualifiedOrganisations(_ entities: inout [DocumentEntity], _ entityOfMention: inout [Int],
                                       mentions: [Mention], text: AnalyzedText) {
        var coreOwners: [String: Set<Int>] = [:]
        let modifierStarts = Set(mentions.filter(\.isModifier).map(\.tokens.lowerBound))
        for (m, mention) in mentions.enumerated() where mention.type == .organisation && entityOfMention[m] >= 0 {
            var start = mention.tokens.lowerBound
            while start < mention.tokens.upperBound, modifierStarts.contains(start) {
                start += 1
            }
            guard start > mention.tokens.lowerBound, start < mention.tokens.upperBound else { continue }
            coreOwners[normalizedName(text.string(tokens: start..<mention.tokens.upperBound)), default: []].insert(entityOfMention[m])
        }
        for e in entities.indices where entities[e].type == .organisation && !entities[e].mentions.isEmpty {
            guard let owners = coreOwners[normalizedName(entities[e].name)], owners.count == 1,
                  let target = owners.first, target != e else { continue }
            var resolution = DocumentResolution(entities: entities, entityOfMention: entityOfMention)
            resolution.merge(e, into: target, reason: "same organisation without its nationality")
            (entities, entityOfMention) = (resolution.entities, resolution.entityOfMention)
        }
        var resolution = DocumentResolution(entities: entities, entityOfMention: entityOfMention)
        joinShortForms(&resolution, mentions: mentions, text: text)
        (entities, entityOfMention) = (resolution.entities, resolution.entityOfMention)
        // Drop emptied entities and renumber.
        var renumber = [Int](repeating: -1, count: entities.count)
        var kept: [DocumentEntity] = []
        for (e, entity) in entities.enumerated() where !entity.mentions.isEmpty {
            renumber[e] = kept.count
            kept.append(entity)
        }
        entities = kept
        for m in entityOfMention.indices where entityOfMention[m] >= 0 {
            entityOfMention[m] = renumber[entityOfMention[m]]
        }
    }
}

/// The indices of the Characters of `name` that are a space: found on the bytes of an ASCII name, where every
/// byte is a Character and its index one (walking Characters cost more than the rest of `joinShortForms`), by
/// Characters otherwise.
func spaces(in name: String) -> [String.Index] {
    let utf8 = name.utf8
    // Read through the contiguous bytes, not the UTF-8 view's iterator. CR LF is one Character, but neither byte
    // is a space.
    let ascii = utf8.withContiguousStorageIfAvailable { bytes -> [String.Index]? in
        var found: [String.Index] = []
        for (offset, byte) in bytes.enumerated() {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 { found.append(utf8.index(utf8.startIndex, offsetBy: offset)) }
        }
        return found
    } ?? nil
    return ascii ?? name.indices.filter { name[$0] == " " }
}

/// Whether an identity is one the recognizer made up for a place no gazetteer lists ("location:aung san suu
/// kyi"), not a gazetteer's city or region.
func isUnlistedPlace(_ identity: String) -> Bool { identity.hasPrefix("location:") }

/// The initials of a name's words, as an acronym spells them: "Organization of American States" → "OAS",
/// "Asia-Pacific Economic Cooperation" → "APEC" (each part of a hyphenated word), "U.S." → "US". Function words
/// are skipped; a lower-case word ends no initial.
func initials(of text: AnalyzedText, _ tokens: Range<Int>) -> String {
    // Always A–Z capitals, so gathered as bytes; an ASCII word is read in place (no String, no split), any
    // other as before.
    var letters: [UInt8] = []
    for t in tokens where text.tokens[t].kind == .word {
        let bytes = text.bytes[text.tokens[t].start..<text.tokens[t].end]
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let word = text.string(tokens: t..<(t + 1))
            if ["of", "the", "and", "for", "on", "in", "de", "&"].contains(word.lowercased()) { continue }
            for part in word.split(separator: "-") {
                let scalars = part.unicodeScalars
                let capitals = scalars.filter { $0.value >= 0x41 && $0.value <= 0x5A }
                if capitals.count == scalars.filter({ $0 != "." }).count, capitals.count > 1 {
                    letters.append(contentsOf: capitals.map { UInt8($0.value) })   // "U.S.", "UN"
                } else if let first = scalars.first, first.value >= 0x41 && first.value <= 0x5A {
                    letters.append(UInt8(first.value))
                }
            }
            continue
        }
        if isInitialsStopWord(bytes) { continue }
        for part in bytes.split(separator: UInt8(ascii: "-")) {
            let capitals = part.lazy.filter { $0 >= 0x41 && $0 <= 0x5A }.count
            if capitals == part.lazy.filter({ $0 != UInt8(ascii: ".") }).count, capitals > 1 {
                letters.append(contentsOf: part.lazy.filter { $0 >= 0x41 && $0 <= 0x5A })   // "U.S.", "UN"
            } else if let first = part.first, first >= 0x41 && first <= 0x5A {
                letters.append(first)
            }
        }
    }
    return String(decoding: letters, as: UTF8.self)
}

/// "of", "the", "and", "for", "on", "in", "de", "&" in any ASCII case: words initials leave out.
private func isInitialsStopWord(_ bytes: ArraySlice<UInt8>) -> Bool {
    func lower(_ i: Int) -> UInt8 { AnalyzedText.asciiLower(bytes[bytes.startIndex + i]) }
    switch bytes.count {
    case 1: return bytes.first == UInt8(ascii: "&")
    case 2:
        let (a, b) = (lower(0), lower(1))
        return (a == UInt8(ascii: "o") && (b == UInt8(ascii: "f") || b == UInt8(ascii: "n")))
            || (a == UInt8(ascii: "i") && b == UInt8(ascii: "n")) || (a == UInt8(ascii: "d") && b == UInt8(ascii: "e"))
    case 3:
        let (a, b, c) = (lower(0), lower(1), lower(2))
        return (a, b, c) == (UInt8(ascii: "t"), UInt8(ascii: "h"), UInt8(ascii: "e"))
            || (a, b, c) == (UInt8(ascii: "a"), UInt8(ascii: "n"), UInt8(ascii: "d"))
            || (a, b, c) == (UInt8(ascii: "f"), UInt8(ascii: "o"), UInt8(ascii: "r"))
    default: return false
    }
}
