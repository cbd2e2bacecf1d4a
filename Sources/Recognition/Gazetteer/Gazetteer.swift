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
        let countriesTable = TSVReader(table: "countries", bytes: tables.countries)
        let demonymsTable = TSVReader(table: "demonyms", bytes: tables.demonyms)
        let citiesTable = TSVReader(table: "cities", bytes: tables.cities)
        let regionsTable = TSVReader(table: "regions", bytes: tables.regions)
        let titlesTable = TSVReader(table: "titles", bytes: tables.titles)
        let organisationHeadsTable = TSVReader(table: "organisation-heads", bytes: tables.organisationHeads)
        let meetingWordsTable = TSVReader(table: "meeting-words", bytes: tables.meetingWords)
        var index = NameIndex()
        index.reserveCapacity(names: [
            countriesTable, demonymsTable, citiesTable, regionsTable, titlesTable, organisationHeadsTable,
            meetingWordsTable,
        ].reduce(0) { $0 + $1.nameBound })
        let countries = try GazetteerTables.countries(countriesTable, &index)
        var byISO2: [String: Int] = [:]
        for (i, country) in countries.enumerated() { byISO2[country.iso2] = i }
        self.countries = countries
        countryByISO2 = byISO2
        countriesByOfficialOpening = Self.officialOpenings(countries)
        demonymRows = try GazetteerTables.demonyms(demonymsTable, countryIndex: byISO2, &index)
        cities = try GazetteerTables.cities(citiesTable, &index)
        regions = try GazetteerTables.regions(regionsTable, &index)
        titles = try GazetteerTables.titles(titlesTable, &index)
        organisationHeads = try GazetteerTables.organisationHeads(organisationHeadsTable, &index)
        meetingWords = try GazetteerTables.meetingWords(meetingWordsTable, &index)

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
        cityIsCapital = Self.capitalFlags(cities: cities, countries: countries, countryByISO2: byISO2)
    }

    /// Per city: `countries[countryByISO2[city.iso2.uppercased()]].capital == city.name`. Asked of some 34,000
    /// cities at every start, so a two-letter ASCII code picks its country from a flat table by its bytes
    /// instead of upper-casing a String and hashing it; any other code takes the String path.
    static func capitalFlags(cities: [City], countries: [Country], countryByISO2: [String: Int]) -> [Bool] {
        /// The slot of a two-byte ASCII code, optionally upper-cased (ASCII upper-casing is `uppercased()` there).
        func asciiPair(_ code: String, upperCased: Bool) -> Int? {
            var code = code
            return code.withUTF8 { bytes in
                guard bytes.count == 2, bytes[0] < 0x80, bytes[1] < 0x80 else { return nil }
                func fold(_ byte: UInt8) -> Int {
                    upperCased && byte >= 0x61 && byte <= 0x7A ? Int(byte) - 0x20 : Int(byte)
                }
                return fold(bytes[0]) << 7 | fold(bytes[1])
            }
        }
        var countryOfPair = [Int32](repeating: -1, count: 128 * 128)
        for (code, country) in countryByISO2 {
            if let pair = asciiPair(code, upperCased: false) { countryOfPair[pair] = Int32(country) }
        }
        return cities.map { city in
            let country: Int?
            if let pair = asciiPair(city.iso2, upperCased: true) {
                let found = countryOfPair[pair]
                country = found >= 0 ? Int(found) : nil
            } else {
                country = countryByISO2[city.iso2.uppercased()]
            }
            return country.flatMap { countries[$0].capital } == city.name
        }
    }

    /// Official names are found by their " of " on the bytes (Foundation's `range(of:)` cost more than the
    /// rest of the table); the words before it are split, joined and lower-cased as before.
    static func officialOpenings(_ countries: [Country]) -> [String: [Int]] {
        var openings: [String: [Int]] = [:]
        for (i, country) in countries.enumerated() {
            func see(_ name: String) {
                guard let opening = openingBeforeOf(name) else { return }
                let words = opening.split(separator: " ")
                guard words.count >= 2 else { return }
                let key = words.joined(separator: " ").lowercased()
                if openings[key]?.last != i { openings[key, default: []].append(i) }
            }
            see(country.name)
            country.names.forEach(see)
        }
        return openings
    }

    /// The part of `name` before its first " of ", if it has one.
    static func openingBeforeOf(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            guard bytes.count >= 4 else { return nil }
            for i in 0...(bytes.count - 4)
            where bytes[i] == 0x20 && bytes[i + 1] == 0x6F && bytes[i + 2] == 0x66 && bytes[i + 3] == 0x20 {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<i]), as: UTF8.self)
            }
            return nil
        }
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
