import GraphModel
import Recognition
import Resolution
import Testing
import TextAnalysis

private enum Shipped {
    static let lexicon: GazetteerLexicon? = try? GazetteerLexicon.shipped()
    static let aliases: AliasTable? = try? AliasTable.shipped()
}

/// Recognises `text` with the shipped gazetteer and resolves it with `aliases` (the shipped table by default).
private func resolve(_ text: String, aliases: AliasTable? = nil) throws
    -> (mentions: [Mention], resolution: DocumentResolution) {
    let lexicon = try #require(Shipped.lexicon)
    let table = try #require(aliases ?? Shipped.aliases)
    let analyzed = AnalyzedText(text: text)
    let mentions = RuleRecognizer(lexicon: lexicon).recognize(analyzed)
    return (mentions, DocumentResolver(aliases: table).resolve(mentions, in: analyzed))
}

extension DocumentResolution {
    func entity(named name: String) -> DocumentEntity? { entities.first { $0.name == name } }

    /// The entity the mentions written `surface` belong to (all of them must agree).
    func entities(of surface: String, in mentions: [Mention]) -> Set<Int> {
        Set(mentions.indices.filter { mentions[$0].text == surface }.map { entityOfMention[$0] })
    }

    var summary: String {
        entities.map { "\($0.type.rawValue) \($0.name) \($0.surfaces)" }.joined(separator: "\n")
    }
}

@Suite("DocumentResolver")
struct DocumentResolverTests {
    @Test func surnameJoinsTheOneFullName() throws {
        let (mentions, r) = try resolve("""
            French Foreign Minister Jean Dupont arrived in Nairobi. Dupont said the talks went well.
            """)
        let people = r.entities.filter { $0.type == .person }
        #expect(people.count == 1, "\(r.summary)")
        let dupont = try #require(r.entity(named: "Jean Dupont"), "\(r.summary)")
        #expect(Set(dupont.surfaces) == ["Jean Dupont", "Dupont"])
        #expect(dupont.merges.contains { $0.name == "Dupont" && $0.reason.contains("surname") })
        #expect(r.entities(of: "Dupont", in: mentions) == r.entities(of: "Jean Dupont", in: mentions))
    }

    @Test func surnameJoinsAFullNameTheAliasTableKnows() throws {
        var table = AliasTable()
        try table.add(contentsOf: "same\tJean Dupont\tperson\tJ. Dupont\n", source: "t")
        let (mentions, r) = try resolve("""
            French Foreign Minister Jean Dupont arrived in Nairobi. On Monday, Dupont said the talks went well.
            """, aliases: table)
        #expect(r.entities.filter { $0.type == .person }.count == 1, "\(r.summary)")
        #expect(r.entities(of: "Dupont", in: mentions) == r.entities(of: "Jean Dupont", in: mentions), "\(r.summary)")
    }

    @Test func twoPeopleSharingASurnameAreNotMerged() throws {
        let (mentions, r) = try resolve("""
            Jean Dupont met Marie Dupont in Paris. On Monday, Dupont said the talks went well.
            """)
        let jean = r.entities(of: "Jean Dupont", in: mentions)
        let marie = r.entities(of: "Marie Dupont", in: mentions)
        let lone = r.entities(of: "Dupont", in: mentions)
        #expect(jean.count == 1 && marie.count == 1 && lone.count == 1, "\(r.summary)")
        #expect(jean != marie)
        #expect(lone != jean && lone != marie, "an ambiguous surname joins neither: \(r.summary)")
    }

    @Test func aSharedSurnameIsTheOnePersonNamedBeforeIt() throws {
        let (mentions, r) = try resolve("""
            Venezuelan President Hugo Chavez met the former Cuban leader Fidel Castro in Havana. Chavez met again \
            with Mr. Castro and his brother, Cuban President Raul Castro, on Saturday.
            """)
        let fidel = r.entities(of: "Fidel Castro", in: mentions)
        #expect(fidel.count == 1 && fidel != r.entities(of: "Raul Castro", in: mentions), "\(r.summary)")
        #expect(r.entities(of: "Castro", in: mentions) == fidel, "only Fidel was named before: \(r.summary)")
        let entity = try #require(r.entity(named: "Fidel Castro"))
        #expect(entity.merges.contains { $0.name == "Castro" && $0.reason.contains("named before it") })
    }

    @Test func acronymInBracketsJoinsItsExpansion() throws {
        let (mentions, r) = try resolve("Delegates of the East African Community (EAC) met in Nairobi.")
        let community = try #require(r.entity(named: "East African Community"), "\(r.summary)")
        #expect(Set(community.surfaces) == ["East African Community", "EAC"])
        #expect(community.merges.contains { $0.name == "EAC" && $0.reason.contains("acronym") })
        #expect(r.entities(of: "EAC", in: mentions) == r.entities(of: "East African Community", in: mentions))
        #expect(r.entities.filter { $0.type == .organisation }.count == 1)
    }

    @Test
    func acronymUsedAgainLaterJoinsToo() throws {
        let (mentions, r) = try resolve("""
            Delegates of the East African Community (EAC) met in Nairobi. Officials said the EAC would meet again.
            """)
        #expect(r.entities(of: "EAC", in: mentions).count == 1, "\(r.summary)")
        #expect(r.entities(of: "EAC", in: mentions) == r.entities(of: "East African Community", in: mentions))
    }

    @Test func foreignMinistryJoinsTheQualifiedMinistry() throws {
        let (mentions, r) = try resolve("""
            The Kenyan Foreign Ministry issued a statement. Officials at the Foreign Ministry said more would follow.
            """)
        let ministries = r.entities.filter { $0.type == .organisation }
        #expect(ministries.count == 1, "\(r.summary)")
        let ministry = try #require(r.entity(named: "Kenyan Foreign Ministry"), "\(r.summary)")
        #expect(ministry.surfaces.contains("Foreign Ministry"))
        #expect(r.entities(of: "Foreign Ministry", in: mentions) == r.entities(of: "Kenyan Foreign Ministry", in: mentions))
    }

    @Test func foreignMinistryWithTwoCandidatesStaysApart() throws {
        let (mentions, r) = try resolve("""
            The Kenyan Foreign Ministry and the French Foreign Ministry disagreed. Officials at the Foreign Ministry said more would follow.
            """)
        let lone = r.entities(of: "Foreign Ministry", in: mentions)
        #expect(lone != r.entities(of: "Kenyan Foreign Ministry", in: mentions), "\(r.summary)")
        #expect(lone != r.entities(of: "French Foreign Ministry", in: mentions), "\(r.summary)")
    }

    @Test func gazetteerIdentityJoinsCountryAndDemonym() throws {
        let (mentions, r) = try resolve("Kenya sent troops. The Kenyan President, William Ruto, agreed.")
        let kenya = try #require(r.entity(named: "Kenya"), "\(r.summary)")
        #expect(kenya.identity == "country:KE")
        #expect(Set(kenya.surfaces) == ["Kenya", "Kenyan"])
        #expect(r.entities(of: "Kenyan", in: mentions) == r.entities(of: "Kenya", in: mentions))
    }

    @Test func aliasTableGroupsAndKeepsISISKApart() throws {
        let (mentions, r) = try resolve("""
            Officials said ISIS and ISIS-K fighters clashed near Kabul. Residents said Daesh had withdrawn.
            """)
        let isis = r.entities(of: "ISIS", in: mentions)
        #expect(isis.count == 1, "\(r.summary)")
        #expect(isis == r.entities(of: "Daesh", in: mentions))
        #expect(isis != r.entities(of: "ISIS-K", in: mentions))
        #expect(r.entity(named: "Islamic State")?.type == .organisation, "\(r.summary)")
        #expect(r.entity(named: "Islamic State Khorasan Province") != nil, "\(r.summary)")
    }

    @Test func neverPairFromAUserTableKeepsASurnameApart() throws {
        var table = try #require(Shipped.aliases)
        try table.add(contentsOf: "never\tJean Dupont\tDupont\n", source: "user.tsv")
        let (mentions, r) = try resolve("""
            French Foreign Minister Jean Dupont arrived in Nairobi. Dupont said the talks went well.
            """, aliases: table)
        #expect(r.entities(of: "Dupont", in: mentions) != r.entities(of: "Jean Dupont", in: mentions), "\(r.summary)")
    }

    @Test func everyMentionHasAnEntity() throws {
        let (mentions, r) = try resolve("""
            Speaking at the Nairobi Security Conference, Jean Dupont said the Kenyan Foreign Ministry and the African Union (AU) agreed.
            """)
        #expect(r.entityOfMention.count == mentions.count)
        #expect(r.entityOfMention.allSatisfy { r.entities.indices.contains($0) })
        for (e, entity) in r.entities.enumerated() {
            #expect(entity.mentions.allSatisfy { r.entityOfMention[$0] == e })
        }
    }
}

@Suite("CorpusResolver")
struct CorpusResolverTests {
    private let resolver = CorpusResolver(aliases: AliasTable())

    private func person(_ document: String, _ name: String) -> EntitySighting {
        EntitySighting(document: document, type: .person, name: name, surfaces: [name])
    }

    private func meeting(_ document: String, _ series: String?, date: String? = nil, ordinal: Int? = nil,
                         name: String = "Nairobi Security Conference") -> EntitySighting {
        EntitySighting(document: document, type: .meeting, name: name, surfaces: [name], meetingSeries: series,
                       meetingDate: date, meetingOrdinal: ordinal)
    }

    @Test func samePersonAcrossDocuments() {
        let (keys, log) = resolver.keys(for: [person("d1", "Jean Dupont"), person("d2", "jean  dupont")])
        #expect(keys[0] == keys[1])
        #expect(log.contains { $0.document == "d2" && $0.reason.contains("also in d1") })
    }

    @Test func loneSurnameJoinsTheOnlyFullName() {
        let (keys, log) = resolver.keys(for: [person("d1", "Jean Dupont"), person("d2", "Dupont")])
        #expect(keys[0] == keys[1])
        #expect(log.contains { $0.name == "Dupont" && $0.reason.contains("surname") })
    }

    @Test func ambiguousSurnameStaysApart() {
        let (keys, _) = resolver.keys(for: [person("d1", "Jean Dupont"), person("d2", "Marie Dupont"), person("d3", "Dupont")])
        #expect(Set(keys).count == 3)
    }

    @Test func neverPairKeepsTheSurnameApart() throws {
        var table = AliasTable()
        try table.add(contentsOf: "never\tJean Dupont\tDupont\n", source: "t")
        let (keys, _) = CorpusResolver(aliases: table).keys(for: [person("d1", "Jean Dupont"), person("d2", "Dupont")])
        #expect(keys[0] != keys[1])
    }

    @Test func differentPeopleStayApart() {
        let (keys, log) = resolver.keys(for: [person("d1", "Jean Dupont"), person("d2", "William Ruto")])
        #expect(keys[0] != keys[1])
        #expect(log.isEmpty)
    }

    @Test func typesDoNotMix() {
        let org = EntitySighting(document: "d2", type: .organisation, name: "Jean Dupont", surfaces: ["Jean Dupont"])
        let (keys, _) = resolver.keys(for: [person("d1", "Jean Dupont"), org])
        #expect(keys[0] != keys[1])
    }

    @Test func gazetteerIdentityWins() {
        let a = EntitySighting(document: "d1", type: .country, name: "Kenya", surfaces: ["Kenya"], identity: "country:KE")
        let b = EntitySighting(document: "d2", type: .country, name: "Kenya", surfaces: ["Kenyan"], identity: "country:KE")
        let (keys, log) = resolver.keys(for: [a, b])
        #expect(keys == ["country:KE", "country:KE"])
        #expect(log.contains { $0.reason.contains("country:KE") })
    }

    @Test func aliasGroupJoinsSpellings() throws {
        let table = try AliasTable.shipped()
        let isis = EntitySighting(document: "d1", type: .organisation, name: "Islamic State", surfaces: ["ISIS"],
                                  aliasGroup: table.group(for: "ISIS"))
        let daesh = EntitySighting(document: "d2", type: .organisation, name: "Islamic State", surfaces: ["Daesh"],
                                   aliasGroup: table.group(for: "Daesh"))
        let khorasan = EntitySighting(document: "d2", type: .organisation, name: "Islamic State Khorasan Province",
                                      surfaces: ["ISIS-K"], aliasGroup: table.group(for: "ISIS-K"))
        let (keys, _) = CorpusResolver(aliases: table).keys(for: [isis, daesh, khorasan])
        #expect(keys[0] == keys[1])
        #expect(keys[0] != keys[2])
    }

    @Test func meetingsOfOneSeriesWithDifferentDatesStayApart() {
        let (keys, _) = resolver.keys(for: [meeting("d1", "Nairobi Security", date: "2024-02-28"),
                                            meeting("d2", "Nairobi Security", date: "2024-09-30")])
        #expect(keys[0] != keys[1])
    }

    @Test func meetingsOfOneSeriesOnTheSameDateMerge() {
        let (keys, _) = resolver.keys(for: [meeting("d1", "Nairobi Security", date: "2024-02-28"),
                                            meeting("d2", "nairobi security", date: "2024-02-28",
                                                    name: "nairobi security meeting")])
        #expect(keys[0] == keys[1])
    }

    @Test func meetingsWithTheSameOrdinalMergeAndDifferentOrdinalsDoNot() {
        let (keys, _) = resolver.keys(for: [meeting("d1", "Nairobi Consultative Format", ordinal: 3),
                                            meeting("d2", "Nairobi Consultative Format", ordinal: 3),
                                            meeting("d3", "Nairobi Consultative Format", ordinal: 4)])
        #expect(keys[0] == keys[1])
        #expect(keys[0] != keys[2])
    }

    @Test func meetingsWithoutDateOrOrdinalStayInTheirDocument() {
        let (keys, _) = resolver.keys(for: [meeting("d1", "Nairobi Security"), meeting("d2", "Nairobi Security")])
        #expect(keys[0] != keys[1])
        let described = resolver.keys(for: [meeting("d1", nil, date: "2024-02-28", name: "summit of the African Union"),
                                            meeting("d2", nil, date: "2024-02-28", name: "summit of the African Union")])
        #expect(described.keys[0] != described.keys[1], "without a series, a date alone does not identify a meeting")
    }

    @Test func keysDoNotDependOnOrder() {
        let sightings = [person("d1", "Jean Dupont"), person("d2", "Dupont"), meeting("d1", "Nairobi Security", date: "2024-02-28"),
                         person("d3", "William Ruto")]
        let forward = resolver.keys(for: sightings).keys
        let backward = resolver.keys(for: sightings.reversed()).keys
        #expect(forward == Array(backward.reversed()))
    }
}
