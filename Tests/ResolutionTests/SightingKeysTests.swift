import GraphModel
@testable import Resolution
import Testing

/// The keys a worker computes for a sighting are the ones the corpus stage computed from the sighting itself.
@Suite("CorpusResolver.sightingKeys")
struct SightingKeysTests {
    @Test func keysAgreeWithTheResolverAndTheSurnameIndex() throws {
        var table = AliasTable()
        try table.add(contentsOf: "same\tUnited Nations\torganisation\tUN\n", source: "test.tsv")
        let resolver = CorpusResolver(aliases: table)
        let group = table.group(for: "UN")
        let sightings = [
            EntitySighting(document: "d1", type: .person, name: "Dmitri Peskov", surfaces: ["Dmitri Peskov"]),
            EntitySighting(document: "d1", type: .person, name: "Peskov", surfaces: ["Peskov"]),
            EntitySighting(document: "d1", type: .country, name: "Russia", surfaces: ["Russia"], identity: "country:RU"),
            EntitySighting(document: "d2", type: .organisation, name: "UN", surfaces: ["UN"], aliasGroup: group),
            EntitySighting(document: "d2", type: .location, name: "Gaza Strip", surfaces: ["Gaza Strip"]),
        ]
        var bySighting = CorpusResolver.SurnameIndex(), byKeys = CorpusResolver.SurnameIndex()
        for sighting in sightings {
            let keys = resolver.sightingKeys(for: sighting)
            #expect(keys.provisional == resolver.provisionalKey(for: sighting))
            #expect((keys.fullName != nil) == (sighting.type == .person && sighting.aliasGroup == nil))
            bySighting.add(sighting)
            byKeys.add(fullName: keys.fullName)
        }
        #expect(resolver.sightingKeys(for: sightings[1]).provisional == .surname(personNameKey("Peskov")))
        for word in ["Peskov", "Dmitri", "Russia"] {
            #expect(byKeys.fullNames.candidates(for: word) { _ in true }.people
                    == bySighting.fullNames.candidates(for: word) { _ in true }.people)
        }
        #expect(byKeys.fullNames.candidates(for: "Peskov") { _ in true }.people == [personNameKey("Dmitri Peskov")])
    }
}
