import Foundation

/// Countries, demonyms, cities, regions, titles, organisation heads and meeting words, with one index over all
/// their names.
///
/// A value, not a singleton: load it once (`Gazetteer.load()`) and hand it to whoever needs it, so tests can
/// build small gazetteers from literal tables and nothing depends on hidden global state. The tables are the
/// TSVs that `Scripts/build-gazetteers` writes into `Resources/Gazetteers`.
public struct Gazetteer: Sendable {
    /// Every country and territory, sorted by ISO code.
    public let countries: [Country]
    /// Cities sorted by name, then population (largest first).
    public let cities: [City]
    public let regions: [Region]
    public let titles: [Title]
    public let organisationHeads: [OrganisationHead]
    public let meetingWords: [MeetingWord]

    struct DemonymRow: Sendable {
        let country: Int
        let ambiguous: Bool
    }

    let demonymRows: [DemonymRow]
    let countryByISO2: [String: Int]
    /// The words that open a country's official name before its "of" ("islamic republic" of Iran, "democratic
    /// republic" of Congo), lower-cased, two words or more: how an article refers back to a country it has named.
    let countriesByOfficialOpening: [String: [Int]]
    let index: NameIndex
    /// Per city: whether it is its country's capital (`country(iso2: city.iso2)?.capital == city.name`), computed
    /// once: place look-ups ask it for every city they match, and the question costs an upper-cased copy of the
    /// code and a String-keyed look-up each time.
    let cityIsCapital: [Bool]

    /// Loads the tables bundled with the Recognition module.
    public static func load() throws -> Gazetteer {
        func bytes(_ name: String) throws -> [UInt8] {
            let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources/Gazetteers")
                ?? Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Gazetteers")
            guard let url, let data = try? Data(contentsOf: url) else {
                throw GazetteerError.missingResource("Gazetteers/\(name).tsv")
            }
            return [UInt8](data)
        }
        return try Gazetteer(tables: Tables(
            countries: bytes("countries"), demonyms: bytes("demonyms"), cities: bytes("cities"),
            regions: bytes("regions"), titles: bytes("titles"), organisationHeads: bytes("organisation-heads"),
            meetingWords: bytes("meeting-words")))
    }

    /// Builds a gazetteer from TSV text in the bundled files' formats (header line first); an empty string is an
    /// empty table. Meant for tests and tools.
    public init(
        countriesTSV: String = "", demonymsTSV: String = "", citiesTSV: String = "", regionsTSV: String = "",
        titlesTSV: String = "", organisationHeadsTSV: String = "", meetingWordsTSV: String = ""
    ) throws {
        try self.init(tables: Tables(
            countries: Array(countriesTSV.utf8), demonyms: Array(demonymsTSV.utf8), cities: Array(citiesTSV.utf8),
            regions: Array(regionsTSV.utf8), titles: Array(titlesTSV.utf8),
            organisationHeads: Array(organisationHeadsTSV.utf8), meetingWords: Array(meetingWordsTSV.utf8)))
    }

    struct Tables {
        var countries: [UInt8]
        var demonyms: [UInt8]
        var cities: [UInt8]
        var regions: [UInt8]
        var titles: [UInt8]
        var organisationHeads: [UInt8]
        var meetingWords: [UInt8]
    }

    init(tables: Tables) throws {
        var index = NameIndex()
        let countries = try GazetteerTables.countries(TSVReader(table: "countries", bytes: tables.countries), &index)
        var byISO2: [String: Int] = [:]
        for (i, country) in countries.enumerated() { byISO2[country.iso2] = i }
        self.countries = countries
        countryByISO2 = byISO2
        countriesByOfficialOpening = Self.officialOpenings(countries)
        demonymRows = try GazetteerTables.demonyms(
            TSVReader(table: "demonyms", bytes: tables.demonyms), countryIndex: byISO2, &index)
        cities = try GazetteerTables.cities(TSVReader(table: "cities", bytes: tables.cities), &index)
        regions = try GazetteerTables.regions(TSVReader(table: "regions", bytes: tables.regions), &index)
        titles = try GazetteerTables.titles(TSVReader(table: "titles", bytes: tables.titles), &index)
        organisationHeads = try GazetteerTables.organisationHeads(
            TSVReader(table: "organisation-heads", bytes: tables.organisationHeads), &index)
        meetingWords = try GazetteerTables.meetingWords(
            TSVReader(table: "meeting-words", bytes: tables.meetingWords), &index)

        // Order each name's meanings: most specific kind first, cities by population, otherwise table order
        // (which puts a demonym's primary country first).
        let cities = self.cities
        index.finish { a, b in
            let ra = Self.kindRank(a.kind), rb = Self.kindRank(b.kind)
            if ra != rb { return ra < rb }
            if a.kind == .city, cities[a.index].population != cities[b.index].population {
                return cities[a.index].population > cities[b.index].population
            }
            return a.index < b.index
        }
        self.index = index
        var capitalOfCode: [String: String?] = [:]
        cityIsCapital = cities.map { city in
            let capital: String?
            if let known = capitalOfCode[city.iso2] {
                capital = known
            } else {
                capital = byISO2[city.iso2.uppercased()].flatMap { countries[$0].capital }
                capitalOfCode[city.iso2] = capital
            }
            return capital == city.name
        }
    }

    static func officialOpenings(_ countries: [Country]) -> [String: [Int]] {
        var openings: [String: [Int]] = [:]
        for (i, country) in countries.enumerated() {
            for name in [country.name] + country.names {
                guard let of = name.range(of: " of ") else { continue }
                let words = name[..<of.lowerBound].split(separator: " ")
                guard words.count >= 2 else { continue }
                let key = words.joined(separator: " ").lowercased()
                if openings[key]?.last != i { openings[key, default: []].append(i) }
            }
        }
        return openings
    }

    static func kindRank(_ kind: GazetteerKinds) -> Int {
        switch kind {
        case .country: 0
        case .demonym: 1
        case .region: 2
        case .city: 3
        case .title: 4
        case .organisationHead: 5
        default: 6
        }
    }

    /// How many distinct names (spellings) the index holds.
    public var nameCount: Int { index.nameCount }
}
